import type { GovernsIndex } from '../code/governs-index';
import type { Evidence, Presence } from '../evidence/evidence';
import { isLive, RecordEvidenceCache } from '../evidence/record-evidence';
import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import { refOf, type RecordRef } from './knowledge-risk';

/** One person's observed work on a decision's code, with whether they are still around. */
export interface ObservedPerson {
  readonly name: string;
  /** Files of the decision they are an author of, and that as a share of the files with an author. */
  readonly authored: number;
  readonly share: number;
  readonly commits: number;
  readonly added: number;
  readonly removed: number;
  readonly first: string | null;
  readonly last: string | null;
  readonly presence: Presence;
}

export interface DecisionEvidence extends RecordRef {
  readonly holders: readonly string[];
  readonly successors: readonly string[];
  /** Files it governs (for an exit plan, with those of its decisions), and how many history knows. */
  readonly files: number;
  readonly filesWithHistory: number;
  readonly truckFactor: number;
  readonly truckFactorPeople: readonly string[];
  /** Everyone who changed the files: authors first. */
  readonly observed: readonly ObservedPerson[];
}

/** `legible report --evidence`: declared knowledge beside observed, per decision (schemas/evidence-report.schema.json). */
export interface EvidenceReport {
  readonly today: string;
  /** First day of the window for commits and lines. */
  readonly since: string;
  /** The commit the history reaches; null in a repository without one. */
  readonly head: string | null;
  readonly commits: number;
  /** The oldest commit read (a shallow clone's evidence starts there). */
  readonly oldest: string | null;
  readonly notes: readonly string[];
  readonly repository: { readonly files: number; readonly truckFactor: number; readonly truckFactorPeople: readonly string[] };
  readonly decisions: readonly DecisionEvidence[];
  /** Commits over `evidence.maxFilesPerCommit`: counted, not attributed. */
  readonly skipped: ReadonlyArray<{ readonly hash: string; readonly files: number }>;
}

export interface EvidenceReportInput {
  readonly index: DecisionIndex;
  readonly governs: GovernsIndex;
  readonly evidence: Evidence;
  /** Every tracked file (as governs names them): the repository's truck factor. */
  readonly files: readonly string[];
  readonly head?: string;
  readonly notes: readonly string[];
}

export function evidenceReport(input: EvidenceReportInput): EvidenceReport {
  const { evidence } = input;
  const records = new RecordEvidenceCache(input.index, input.governs, evidence);
  const decisions = input.index
    .entries()
    .filter((entry) => isLive(entry) && (entry.governs?.length || (entry.type === 'exit-plan' && entry.decisions.length)))
    .map((entry) => decisionEvidence(entry, records));
  const all = evidence.over(input.files);
  const names = new Map(all.people.map((p) => [p.person, p.name]));
  const history = evidence.history;
  return {
    today: evidence.today,
    since: evidence.since,
    head: input.head ?? null,
    commits: history.commits,
    oldest: history.oldest === undefined ? null : new Date(history.oldest * 1000).toISOString().slice(0, 10),
    notes: input.notes,
    repository: { files: all.truckFactor.files, truckFactor: all.truckFactor.value, truckFactorPeople: all.truckFactor.people.map((p) => names.get(p) ?? p) },
    decisions,
    skipped: history.skipped.map(({ hash, files }) => ({ hash, files })),
  };
}

function decisionEvidence(entry: DecisionEntry, records: RecordEvidenceCache): DecisionEvidence {
  const { files, observed } = records.of(entry);
  const names = new Map(observed.people.map((p) => [p.person, p.name]));
  return {
    ...refOf(entry),
    holders: entry.holders,
    successors: entry.successors,
    files: files.length,
    filesWithHistory: observed.withHistory,
    truckFactor: observed.truckFactor.value,
    truckFactorPeople: observed.truckFactor.people.map((p) => names.get(p) ?? p),
    observed: observed.people.map((p) => ({
      name: p.name,
      authored: p.authored,
      share: Math.round(p.share * 100) / 100,
      commits: p.commits,
      added: p.added,
      removed: p.removed,
      first: p.first ?? null,
      last: p.last ?? null,
      presence: records.evidence.presence(p.person),
    })),
  };
}

/** What one person alone knows, in evidence: `report --person X`. */
export interface PersonEvidenceReport {
  readonly person: string;
  /** Who the name means in git (handles or identities), and whether they are still around. */
  readonly known: boolean;
  readonly presence: Presence;
  readonly lastCommit: string | null;
  /** Decisions whose code rests on them alone (observed truck factor 1, theirs). */
  readonly decisionsAlone: readonly RecordRef[];
  /** Files they are the only author of, as governs names them (the first 50), and how many. */
  readonly filesAlone: readonly string[];
  readonly filesAloneCount: number;
}

export function personEvidence(name: string, input: EvidenceReportInput): PersonEvidenceReport {
  const { evidence } = input;
  const persons = new Set(evidence.people.named(name));
  const records = new RecordEvidenceCache(input.index, input.governs, evidence);
  const decisionsAlone = input.index
    .entries()
    .filter((entry) => isLive(entry) && entry.governs?.length)
    .filter((entry) => {
      const { truckFactor } = records.of(entry).observed;
      return truckFactor.value === 1 && truckFactor.files > 0 && persons.has(truckFactor.people[0]);
    })
    .map(refOf);
  const filesAlone = input.files.filter((path) => {
    const authors = evidence.authorsOf(path)?.authors;
    return authors?.length === 1 && persons.has(authors[0]);
  });
  const last = Math.max(0, ...[...persons].map((person) => evidence.people.lastCommit(person) ?? 0));
  const presences = [...persons].map((person) => evidence.presence(person));
  return {
    person: name,
    known: persons.size > 0,
    presence: presences.includes('active') ? 'active' : (presences[0] ?? 'unknown'),
    lastCommit: last ? new Date(last * 1000).toISOString().slice(0, 10) : null,
    decisionsAlone,
    filesAlone: filesAlone.slice(0, 50),
    filesAloneCount: filesAlone.length,
  };
}
