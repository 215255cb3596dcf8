import { NONE } from '../../core/index/build-entry';
import type { DecisionEntry, NamedPerson } from '../../core/index/decision-entry';
import type { Range } from '../../core/text/position';

/**
 * A record's index entry as the lint cache file keeps it. A warm lint of 10,000 records spends most
 * of its time parsing that file and collecting what the parse allocated, so the entry is stored
 * without what the cache already knows or can say more briefly:
 * - no `path`: it is the entry's key;
 * - `folder` as an index into the cache's table of folders (a few, named once);
 * - no empty list (most lists of most records): read back as the one shared empty list buildEntry uses;
 * - `anchor` and `statusRange` as four numbers each;
 * - `named` (a third of the file as objects: four per person named) flat, six values per person:
 *   the field's index in NAMED_FIELDS, the name, and the range's four numbers. It is made into
 *   objects only when read: only the evidence rules look a person's range up, for a finding.
 */
export type StoredEntry = Omit<DecisionEntry, 'path' | 'folder' | 'named' | 'anchor' | 'statusRange'> & {
  readonly folder: number;
  readonly named?: readonly (string | number)[];
  readonly anchor: StoredRange;
  readonly statusRange?: StoredRange;
};

/** A range as four numbers: start line, start character, end line, end character. */
type StoredRange = readonly [number, number, number, number];

const NAMED_FIELDS: readonly NamedPerson['field'][] = ['owners', 'deciders', 'holders', 'successors'];
const PER_PERSON = 6;

/**
 * Every key of an entry but `path`, `folder` and `named`, in one order: entries read back all have
 * the same shape (the rules read 10,000 of them), whichever optional values and lists they lack.
 * A `list` is never absent: stored only when it has items, read back empty otherwise. A `range` is
 * stored as four numbers. The compiler checks that no key is missing.
 */
const KEYS = {
  number: 'value',
  id: 'value',
  type: 'value',
  title: 'value',
  status: 'value',
  date: 'value',
  owners: 'list',
  deciders: 'list',
  holders: 'list',
  successors: 'list',
  mechanisms: 'list',
  risk: 'value',
  blastRadius: 'value',
  door: 'value',
  reviewBy: 'value',
  due: 'value',
  supersedes: 'list',
  supersededBy: 'list',
  related: 'list',
  decisions: 'list',
  plan: 'value',
  artifacts: 'list',
  governs: 'value', // optional: absent (a legacy record) is not empty
  tags: 'list',
  placeholders: 'list',
  legacy: 'value',
  anchor: 'range',
  statusRange: 'range',
  suppressed: 'list',
} as const satisfies Record<Exclude<keyof DecisionEntry, 'path' | 'folder' | 'named'>, 'value' | 'list' | 'range'>;
const ENTRY_KEYS = Object.keys(KEYS) as (keyof typeof KEYS)[];

/** The entry as stored; `folderIndex` gives (and, for a new folder, makes) the folder's index in the table. */
export function storedEntry(entry: DecisionEntry, folderIndex: (folder: string) => number): StoredEntry {
  const stored: Record<string, unknown> = { folder: folderIndex(entry.folder) };
  for (const key of ENTRY_KEYS) {
    const value = entry[key];
    if (value === undefined || (KEYS[key] === 'list' && Array.isArray(value) && !value.length)) continue;
    if (KEYS[key] !== 'range') stored[key] = value;
    else {
      const range = value as Range;
      stored[key] = [range.start.line, range.start.character, range.end.line, range.end.character];
    }
  }
  if (entry instanceof ServedEntry) {
    if (entry.storedNamed) stored.named = entry.storedNamed;
  } else if (entry.named?.length) stored.named = entry.named.flatMap(({ field, name, range }) => [NAMED_FIELDS.indexOf(field), name, range.start.line, range.start.character, range.end.line, range.end.character]);
  return stored as StoredEntry;
}

/**
 * The entry stored at `path`, or undefined when what the file holds there is not a stored entry
 * (the file is the user's to edit or break: the record is then read again).
 */
export function entryFromStore(stored: unknown, path: string, folders: readonly string[]): DecisionEntry | undefined {
  if (!stored || typeof stored !== 'object') return undefined;
  const values = stored as Record<string, unknown>;
  const folder = typeof values.folder === 'number' ? folders[values.folder] : undefined;
  const named = values.named;
  if (typeof folder !== 'string' || (named !== undefined && !isFlatNamed(named))) return undefined;
  const anchor = rangeOf(values.anchor);
  const statusRange = values.statusRange === undefined ? undefined : rangeOf(values.statusRange);
  if (!anchor || statusRange === null) return undefined;
  return new ServedEntry(values, path, folder, anchor, statusRange, named) as unknown as DecisionEntry;
}

/**
 * An entry read back from the cache. Its people are made into objects only when asked (the
 * prototype's `named`); every other field is its own, in one order for all of them.
 */
class ServedEntry {
  readonly #flat: readonly unknown[] | undefined;
  #named: NamedPerson[] | undefined;

  constructor(values: Record<string, unknown>, path: string, folder: string, anchor: Range, statusRange: Range | undefined, flat: readonly unknown[] | undefined) {
    const self = this as unknown as Record<string, unknown>;
    self.path = path;
    self.folder = folder;
    for (const key of ENTRY_KEYS) {
      const kind = KEYS[key];
      const value = values[key];
      self[key] = kind === 'range' ? (key === 'anchor' ? anchor : statusRange) : value === undefined && kind === 'list' ? NONE : value;
    }
    this.#flat = flat;
  }

  get named(): readonly NamedPerson[] | undefined {
    const flat = this.#flat;
    if (!flat || this.#named) return this.#named;
    const people: NamedPerson[] = [];
    for (let i = 0; i < flat.length; i += PER_PERSON) {
      const range = { start: { line: flat[i + 2] as number, character: flat[i + 3] as number }, end: { line: flat[i + 4] as number, character: flat[i + 5] as number } };
      people.push({ field: NAMED_FIELDS[flat[i] as number], name: flat[i + 1] as string, range });
    }
    return (this.#named = people);
  }

  /** The people as stored, for storing again without making them. */
  get storedNamed(): readonly unknown[] | undefined {
    return this.#flat;
  }

  /** As JSON, with its people (a prototype's getter is no own property). */
  toJSON(): object {
    return { ...this, named: this.named };
  }
}

/** Four numbers back as a range; null when they are not four numbers. */
function rangeOf(stored: unknown): Range | null {
  if (!Array.isArray(stored) || stored.length !== 4 || !stored.every((value) => typeof value === 'number')) return null;
  return { start: { line: stored[0], character: stored[1] }, end: { line: stored[2], character: stored[3] } };
}

/** Six values per person of the right kinds: the field's index, the name, four numbers. */
function isFlatNamed(flat: unknown): flat is readonly unknown[] {
  if (!Array.isArray(flat) || flat.length % PER_PERSON !== 0) return false;
  for (let i = 0; i < flat.length; i += PER_PERSON) {
    if (typeof flat[i] !== 'number' || NAMED_FIELDS[flat[i] as number] === undefined || typeof flat[i + 1] !== 'string') return false;
    for (let j = 2; j < PER_PERSON; j++) if (typeof flat[i + j] !== 'number') return false;
  }
  return true;
}
