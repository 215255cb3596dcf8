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
  /**
   * Named successors (besides the holders) with no change inside the window to the decision's
   * code or to the touched files. Empty when the history knows none of that code: it cannot say.
   */
  readonly successorsWithout: readonly string[];
  /** False when the history read knows none of the decision's code nor the touched files (all new, or renamed past what it follows). */
  readonly historyKnowsCode: boolean;
  /** The observed truck factor of all the decision's code, and who it rests on. */
  readonly truckFactor: number;
  readonly truckFactorPeople: readonly string[];
  /**
   * The holders and successors named whom the history tells have left or stopped committing (as
   * `holder-departed` judges): the comment does not send a review to them.
   */
  readonly gone: readonly string[];
}

/**
 * `touched`: the files of the change the decision governs, as evidence paths (workspace-relative);
 * the caller lists a renamed file under both names and a deleted one under its old name, so the
 * people who changed that code before the change are found.
 *
 * Successors are judged on the decision's code at the tip and on the touched files together: a
 * change that renames a decision's only file leaves no governed file the history knows at the tip,
 * and a successor who changed the file under its old name has changed "there".
 */
export function observeChange(entry: DecisionEntry, touched: readonly string[], records: RecordEvidenceCache): ObservedChange {
  const record = records.of(entry);
  const touchedEvidence = records.evidence.over(touched);
  const people = touchedEvidence.people.filter((p) => p.commits > 0);
  const historyKnowsCode = record.observed.withHistory > 0 || touchedEvidence.withHistory > 0;
  const holders = new Set(entry.holders.map(personKey));
  const changedTouched = new Set(people.map((p) => p.person));
  const changedHere = (name: string) => records.changed(record, name) || records.persons(name).some((person) => changedTouched.has(person));
  const successorsWithout = historyKnowsCode ? entry.successors.filter((name) => !holders.has(personKey(name)) && !changedHere(name)) : [];
  const names = new Map(record.observed.people.map((p) => [p.person, p.name]));
  return {
    since: records.evidence.since,
    changedBy: [...people].sort((a, b) => b.commits - a.commits).map((p) => p.name),
    successorsWithout,
    historyKnowsCode,
    truckFactor: record.observed.truckFactor.value,
    truckFactorPeople: record.observed.truckFactor.people.map((person) => names.get(person) ?? person),
    gone: [...entry.holders, ...entry.successors].filter((name, i, all) => all.findIndex((other) => personKey(other) === personKey(name)) === i && records.departure(name) !== undefined),
  };
}

/**
 * "Touches code only amira has changed since 2025-11-21; the named successor jonas has no change
 * there." Names are repository text: the caller escapes the sentence for its format.
 */
export function observedSentence(observed: ObservedChange): string {
  const { changedBy, successorsWithout, since } = observed;
  if (!observed.historyKnowsCode) return `The history since ${since} knows none of this code (new files, or renamed where it does not follow), so it cannot say who holds it.`;
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
