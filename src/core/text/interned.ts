import { detached } from './detached';

// Names, tags, statuses and dates recur across thousands of records: keep one copy of each. Bounded,
// because an editor makes a new string on every keystroke: a full pool starts over.
const pool = new Map<string, string>();
const MOST_STRINGS = 65536;
const LONGEST = 64;

/** The one shared copy of a short, recurring value, detached from the text it was read from. */
export function interned(value: string): string {
  if (value.length > LONGEST) return detached(value);
  let shared = pool.get(value);
  if (shared === undefined) {
    if (pool.size >= MOST_STRINGS) pool.clear();
    shared = detached(value);
    pool.set(shared, shared);
  }
  return shared;
}
