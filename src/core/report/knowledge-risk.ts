import type { DecisionEntry } from '../index/decision-entry';
import { displayId } from '../index/ids';
import { plural } from '../text/plural';
import { hasLivePlan, isExitPlanOverdue, isInForce, isReviewOverdue, lookupOf, personKey, singleDecider, soleHolders, type RecordLookup } from '../knowledge/predicates';

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
export function emptySectionWord(assessment: Assessment): string {
  if (!assessment.notAssessed) return 'none';
  if (!assessment.assessed) return 'not assessed';
  return `none of ${assessment.assessed} · ${assessment.notAssessed} not assessed`;
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
export function countsSentence(report: Pick<KnowledgeRiskReport, 'counts' | 'assessment'>): string {
  const { records, inForce } = report.counts;
  const { assessed, notAssessed } = report.assessment;
  const counted = plural(records, 'record');
  if (!notAssessed) return `${counted}, ${inForce} in force`;
  return `${counted}: ${assessed} with Legible frontmatter${assessed ? ` (${inForce} in force)` : ''}, ${notAssessed} without (not assessed)`;
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
