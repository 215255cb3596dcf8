import type { DecisionEntry } from '../index/decision-entry';
import { displayId } from '../index/ids';
import { plural } from '../text/plural';
import { hasLivePlan, isExitPlanOverdue, isInForce, isReviewOverdue, lookupOf, openAnswers, personKey, singleDecider, soleHolders, type OpenAnswers, type RecordLookup } from '../knowledge/predicates';

/** A record as the report names it. */
export interface RecordRef {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly status?: string;
  readonly risk?: string;
  readonly door?: string;
}

/**
 * How many records the report could judge. A record without Legible frontmatter (MADR, adr-tools,
 * log4brains) names no holders, successors, review date or door, so no section can find it: an
 * empty section then means "not known", not "none".
 */
export interface Assessment {
  /** Records with Legible frontmatter. */
  readonly assessed: number;
  /** Legacy records, which no section looks at. */
  readonly notAssessed: number;
  /** How to make them assessable; only when some are not. */
  readonly advice?: string;
}

export function assessmentOf(entries: readonly DecisionEntry[]): Assessment {
  const notAssessed = entries.filter((e) => e.legacy).length;
  return { assessed: entries.length - notAssessed, notAssessed, ...(notAssessed ? { advice: legacyAdvice(notAssessed) } : {}) };
}

/**
 * What an empty section of a view says in a word or two: "none" only when every record could have
 * been in it; "not assessed" when no record could; else how many were and were not looked at.
 */
export function emptySectionWord(assessment: Assessment, open = 0): string {
  if (!assessment.notAssessed) return open ? `none known · ${open} unanswered` : 'none';
  if (!assessment.assessed) return 'not assessed';
  return `none of ${assessment.assessed}${open ? ` · ${open} unanswered` : ''} · ${assessment.notAssessed} not assessed`;
}

/** Under a section that found some: which records it could not judge ("Not judged: 4 decisions in force have not answered …"). */
export function notJudgedSentence(open?: OpenQuestion): string | undefined {
  return open?.count ? `Not judged: ${openSentence(open.key, open.count)}.` : undefined;
}

/**
 * What an empty section of a report says in a sentence: "None." only when every record could have
 * been in it; else which records the section could not judge — those whose answer it needs is still
 * open (`open`: how many, and which question), and those without Legible frontmatter.
 */
export function emptySectionSentence(assessment: Assessment, open?: OpenQuestion): string {
  const unanswered = open?.count ? openSentence(open.key, open.count) : undefined;
  if (!assessment.notAssessed) return unanswered ? `None known: ${unanswered}.` : 'None.';
  if (!assessment.assessed) return assessment.notAssessed === 1 ? 'Not assessed: the one record has no Legible frontmatter.' : `Not assessed: none of the ${assessment.notAssessed} records has Legible frontmatter.`;
  const among = `None among the ${assessment.assessed === 1 ? 'one record' : `${assessment.assessed} records`} with Legible frontmatter`;
  return unanswered ? `${among} that answer it: ${unanswered}; ${assessment.notAssessed} not assessed.` : `${among}; ${assessment.notAssessed} not assessed.`;
}

/** The one place that says what an unassessed record lacks and how it gets it. */
export function legacyAdvice(count: number): string {
  const [records, they, are] = count === 1 ? ['1 record', 'it', 'is'] : [`${count} records`, 'they', 'are'];
  return (
    `${records} ${are} not assessed: without Legible frontmatter ${they} cannot say who holds the knowledge, ` +
    `who would operate the decision without them, when it is due for review or how reversible it is. ` +
    '`legible migrate` adds the frontmatter to every legacy record (with `--dry-run`, it shows what it would change); ' +
    'in the editor, the quick fix "Add Legible frontmatter" adds it to one.'
  );
}

/**
 * "14 records, 8 in force", or, with legacy records, which were assessed and which not: "10 records:
 * 1 with Legible frontmatter (1 in force), 9 without (not assessed)". `inForce` counts assessed
 * records only (a legacy record's status is read from prose), so with legacy records it is said of
 * those with frontmatter, never of all. The one sentence of the Markdown and HTML reports.
 */
export function countsSentence(report: Pick<KnowledgeRiskReport, 'counts' | 'assessment'> & { readonly open?: OpenCounts }): string {
  const { records, inForce } = report.counts;
  const { assessed, notAssessed } = report.assessment;
  const counted = plural(records, 'record');
  // A record with no status yet is neither in force nor ended: said, so "5 in force" is not read as "of 70".
  const noStatus = report.open?.status ? `, ${report.open.status} with no status yet` : '';
  if (!notAssessed) return `${counted}, ${inForce} in force${noStatus}`;
  return `${counted}: ${assessed} with Legible frontmatter${assessed ? ` (${inForce} in force${noStatus})` : ''}, ${notAssessed} without (not assessed)`;
}

export interface KnowledgeRiskReport {
  readonly today: string;
  /** People → the in-force decisions they alone hold (no other successor, no live exit plan). */
  readonly soleHolders: ReadonlyArray<{ readonly person: string; readonly decisions: readonly RecordRef[] }>;
  readonly overdueExitPlans: ReadonlyArray<RecordRef & { readonly due: string; readonly holders: readonly string[] }>;
  readonly overdueReviews: ReadonlyArray<RecordRef & { readonly reviewBy: string }>;
  readonly oneWayDoorsDecidedAlone: ReadonlyArray<RecordRef & { readonly decider: string }>;
  /** `inForce`: decisions with Legible frontmatter that are accepted or implemented (legacy records are not assessed). */
  readonly counts: { readonly records: number; readonly inForce: number; readonly legacy: number };
  readonly assessment: Assessment;
  /**
   * Records with frontmatter that leave open what a section needs (a placeholder, or no value), per
   * question: an empty section is then "none known", not "none".
   */
  readonly open: OpenCounts;
}

export type OpenCounts = { readonly [K in keyof OpenAnswers]: number };

/** A section's question and how many records leave it open. */
export interface OpenQuestion {
  readonly key: keyof OpenCounts;
  readonly count: number;
}

export function openCounts(entries: readonly DecisionEntry[]): OpenCounts {
  const counts = { status: 0, holders: 0, door: 0, reviewBy: 0, due: 0 };
  for (const entry of entries) {
    const open = openAnswers(entry);
    if (!open) continue;
    for (const key of Object.keys(counts) as Array<keyof OpenCounts>) if (open[key]) counts[key]++;
  }
  return counts;
}

/** What an open answer leaves unknown, for "N decisions in force have not answered … yet" (one record, several). */
const OPEN_QUESTIONS: { readonly [K in keyof OpenCounts]: { readonly records: [string, string]; readonly question: [string, string] } } = {
  status: { records: ['record', 'records'], question: ['where it is in its life cycle', 'where each is in its life cycle'] },
  holders: { records: ['decision in force', 'decisions in force'], question: ['who holds its knowledge', 'who holds their knowledge'] },
  door: { records: ['decision', 'decisions'], question: ['how reversible it is, or who decided it', 'how reversible each is, or who decided a one-way door'] },
  reviewBy: { records: ['decision in force', 'decisions in force'], question: ['when to revisit it', 'when to revisit each'] },
  due: { records: ['exit plan under way', 'exit plans under way'], question: ['by when its successors take over', 'by when their successors take over'] },
};

/** The fields that answer each question, as the messages name them. */
const OPEN_FIELDS: { readonly [K in keyof OpenCounts]: string } = {
  status: '`status`',
  holders: '`knowledge-exit-path.holders`',
  door: '`reversibility.door`, `deciders`',
  reviewBy: '`review-by`',
  due: '`due`',
};

/** "4 decisions in force have not answered who holds their knowledge (`knowledge-exit-path.holders`) yet". */
export function openSentence(key: keyof OpenCounts, count: number): string {
  const { records, question } = OPEN_QUESTIONS[key];
  const one = count === 1;
  return `${count} ${one ? records[0] : records[1]} ${one ? 'has' : 'have'} not answered ${one ? question[0] : question[1]} (${OPEN_FIELDS[key]}) yet`;
}

export function refOf(entry: DecisionEntry): RecordRef {
  return { id: displayId(entry), title: entry.title, path: entry.path, status: entry.status, risk: entry.risk, door: entry.door };
}

const byId = (a: RecordRef, b: RecordRef) => a.id.localeCompare(b.id);

/** `records` looks up the exit plans decisions name: the workspace's index, else one over `entries`. */
export function knowledgeRisk(entries: readonly DecisionEntry[], today: string, records: RecordLookup = lookupOf(entries)): KnowledgeRiskReport {
  const people = new Map<string, { person: string; decisions: RecordRef[] }>();
  for (const entry of entries) {
    for (const holder of soleHolders(entry, records) ?? []) {
      const key = personKey(holder);
      const slot = people.get(key) ?? { person: holder, decisions: [] };
      slot.decisions.push(refOf(entry));
      people.set(key, slot);
    }
  }
  return {
    today,
    soleHolders: [...people.values()].map((p) => ({ ...p, decisions: p.decisions.sort(byId) })).sort((a, b) => b.decisions.length - a.decisions.length || a.person.localeCompare(b.person)),
    overdueExitPlans: entries.filter((e) => isExitPlanOverdue(e, today)).map((e) => ({ ...refOf(e), due: e.due!, holders: e.holders })).sort(byId),
    overdueReviews: entries.filter((e) => isReviewOverdue(e, today)).map((e) => ({ ...refOf(e), reviewBy: e.reviewBy! })).sort(byId),
    oneWayDoorsDecidedAlone: entries.flatMap((e) => {
      const decider = singleDecider(e);
      return decider ? [{ ...refOf(e), decider: decider.person }] : [];
    }).sort(byId),
    counts: { records: entries.length, inForce: entries.filter(isInForce).length, legacy: entries.filter((e) => e.legacy).length },
    assessment: assessmentOf(entries),
    open: openCounts(entries),
  };
}

export interface DepartureImpact {
  readonly person: string;
  /** In-force decisions whose knowledge only this person holds (no other holder or successor, no live exit plan). */
  readonly loseOnlyHolder: readonly RecordRef[];
  /** Records this person alone owns: no one is left accountable. */
  readonly loseOnlyOwner: readonly RecordRef[];
  /** Exit plans not yet verified that move knowledge from or to this person. */
  readonly openExitPlans: readonly RecordRef[];
  /** Records that name the person anywhere, for context. */
  readonly involved: number;
  readonly assessment: Assessment;
}

/** What would lose its only holder or owner if `person` left today. */
export function whatIfLeaves(entries: readonly DecisionEntry[], person: string, records: RecordLookup = lookupOf(entries)): DepartureImpact {
  const key = personKey(person);
  const named = (list: readonly string[]) => list.some((p) => personKey(p) === key);
  const onlyThem = (list: readonly string[]) => list.length > 0 && list.every((p) => personKey(p) === key);
  const loseOnlyHolder = entries.filter((e) => {
    if (!isInForce(e) || !named(e.holders)) return false;
    const others = [...e.holders, ...e.successors].filter((p) => personKey(p) !== key);
    return others.length === 0 && !hasLivePlan(e, records);
  });
  return {
    person,
    loseOnlyHolder: loseOnlyHolder.map(refOf).sort(byId),
    loseOnlyOwner: entries.filter((e) => !e.legacy && onlyThem(e.owners) && e.status !== 'superseded' && e.status !== 'rejected').map(refOf).sort(byId),
    openExitPlans: entries.filter((e) => e.type === 'exit-plan' && e.status !== 'verified' && e.status !== 'abandoned' && (named(e.holders) || named(e.successors))).map(refOf).sort(byId),
    involved: entries.filter((e) => named([...e.owners, ...e.deciders, ...e.holders, ...e.successors])).length,
    assessment: assessmentOf(entries),
  };
}
