import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import { displayId } from '../index/ids';
import { ID_PREFIX } from '../schema/schema-registry';
import type { Citation } from './citations';

/** Statuses that end a record without it being in force: code citing one follows a decision no longer taken. */
export const ENDED_STATUSES: ReadonlySet<string> = new Set(['superseded', 'deprecated', 'rejected', 'withdrawn', 'abandoned']);

/**
 * The records a citation names: `ADR-0007` the ADRs numbered 7 (in any folder), a folder's own
 * prefix (`pay012`) the record numbered 12 in that folder.
 */
export function citedRecords(index: DecisionIndex, citation: Citation): DecisionEntry[] {
  if (citation.type) return index.resolve({ number: citation.number, prefix: ID_PREFIX[citation.type] });
  return index.withNumber(citation.number).filter((entry) => entry.folder === citation.folder);
}

/** `ADR-0010, ADR-0011`: the successors a superseded record names, as ids; '' when it names none. */
export function successorIds(index: DecisionIndex, entry: DecisionEntry): string {
  return entry.supersededBy
    .map((ref) => {
      const found = index.resolve(ref, entry)[0];
      return found ? displayId(found) : ref.raw;
    })
    .join(', ');
}

/** The one record in force a superseded record names as its successor; undefined when it names none, several, or one that ended too. */
export function soleSuccessor(index: DecisionIndex, entry: DecisionEntry): DecisionEntry | undefined {
  if (entry.supersededBy.length !== 1) return undefined;
  const found = index.resolve(entry.supersededBy[0], entry);
  return found.length === 1 && !(found[0].status && ENDED_STATUSES.has(found[0].status)) ? found[0] : undefined;
}
