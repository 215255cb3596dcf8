import type { DecisionEntry } from '../index/decision-entry';
import { personKey } from '../knowledge/predicates';
import type { RecordType } from '../schema/schema-registry';

/** Which records to keep; every criterion given must hold. */
export interface DecisionFilter {
  readonly type?: RecordType;
  /** As written in the records (`accepted`), compared without case. */
  readonly status?: string;
  /** Named as owner, decider, holder or successor (compared as the report compares people). */
  readonly person?: string;
  /** One of the record's tags, compared without case. */
  readonly tag?: string;
}

/** The records a filter keeps, in the order given. */
export function filterDecisions(entries: readonly DecisionEntry[], filter: DecisionFilter): DecisionEntry[] {
  const status = filter.status?.trim().toLowerCase();
  const person = filter.person === undefined ? undefined : personKey(filter.person);
  const tag = filter.tag?.trim().toLowerCase();
  return entries.filter(
    (entry) =>
      (filter.type === undefined || entry.type === filter.type) &&
      (status === undefined || entry.status?.toLowerCase() === status) &&
      (person === undefined || [...entry.owners, ...entry.deciders, ...entry.holders, ...entry.successors].some((name) => personKey(name) === person)) &&
      (tag === undefined || entry.tags.some((t) => t.toLowerCase() === tag)),
  );
}

/** The order records are listed in: by folder, then number (records without one last), then path. */
export function byFolderAndNumber(a: DecisionEntry, b: DecisionEntry): number {
  return compare(a.folder, b.folder) || (a.number ?? Infinity) - (b.number ?? Infinity) || compare(a.path, b.path);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
