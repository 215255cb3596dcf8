import { basename } from '../port/paths';
import { listAnd } from '../text/word-list';
import type { DecisionEntry } from './decision-entry';

/** How many of the records an id names a message lists: 2,000 records of one day must not print 2,000 names. */
const NAMED = 3;

/**
 * `20261203-use-algolia.md and 20261203-use-kafka.md`: the files an id names when it names several
 * (date-named records of one day, one number in two folders, two branches that took one number),
 * as the messages that refuse or question such an id list them.
 */
export function sharedBy(entries: readonly DecisionEntry[]): string {
  const named = entries.slice(0, NAMED).map((entry) => basename(entry.path));
  const more = entries.length - named.length;
  return more ? `${named.join(', ')} and ${more.toLocaleString('en-US')} more` : listAnd(named);
}
