import { personKey } from '../knowledge/predicates';
import type { DecisionEntry } from '../index/decision-entry';
import type { RecordEvidenceCache } from './record-evidence';
import { listAnd } from '../text/word-list';

/** What the history says of a decision a change touches, for the pull-request comment. */
export interface ObservedChange {
  /** First day of the window, YYYY-MM-DD. */
  readonly since: string;
  /** Who changed the touched files inside the window (names as shown), most commits first. */
  readonly changedBy: readonly string[];
  /** Named successors (besides the holders) with no change to the decision's code inside the window. */
  readonly successorsWithout: readonly string[];
  /** The observed truck factor of all the decision's code, and who it rests on. */
  readonly truckFactor: number;
  readonly truckFactorPeople: readonly string[];
}

/** `touched`: the changed files the decision governs, as evidence paths (workspace-relative). */
export function observeChange(entry: DecisionEntry, touched: readonly string[], records: RecordEvidenceCache): ObservedChange {
  const record = records.of(entry);
  const people = records.evidence.over(touched).people.filter((p) => p.commits > 0);
  const holders = new Set(entry.holders.map(personKey));
  const successorsWithout = entry.successors.filter((name) => !holders.has(personKey(name)) && !records.changed(record, name));
  const names = new Map(record.observed.people.map((p) => [p.person, p.name]));
  return {
    since: records.evidence.since,
    changedBy: [...people].sort((a, b) => b.commits - a.commits).map((p) => p.name),
    successorsWithout,
    truckFactor: record.observed.truckFactor.value,
    truckFactorPeople: record.observed.truckFactor.people.map((person) => names.get(person) ?? person),
  };
}

/**
 * "Touches code only amira has changed since 2025-11-21; the named successor jonas has no change
 * there." Names are repository text: the caller escapes the sentence for its format.
 */
export function observedSentence(observed: ObservedChange): string {
  const { changedBy, successorsWithout, since } = observed;
  const who =
    changedBy.length === 0
      ? `Touches code no one has changed since ${since}`
      : changedBy.length === 1
        ? `Touches code only ${changedBy[0]} has changed since ${since}`
        : `Touches code ${listAnd(changedBy.slice(0, 5))}${changedBy.length > 5 ? ` and ${changedBy.length - 5} more` : ''} have changed since ${since}`;
  const successors = successorsWithout.length ? `; the named successor${successorsWithout.length > 1 ? 's' : ''} ${listAnd(successorsWithout)} ${successorsWithout.length > 1 ? 'have' : 'has'} no change there` : '';
  const truck = observed.truckFactor === 1 ? `. Observed truck factor 1: without ${observed.truckFactorPeople[0]}, most of this code would have no author left` : '';
  return `${who}${successors}${truck}.`;
}
