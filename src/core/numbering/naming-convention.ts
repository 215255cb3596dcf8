import { slugify } from '../templates/slug';
import { parseRecordName, writeRecordName, type RecordName } from './record-name';

/**
 * How a decisions folder names its records, so a new one is written beside them in their own
 * style: `0007-use-kafka.md`, `07-use-kafka.md`, `adr007-use-kafka.md`, `0007_use_kafka.md`,
 * `20250101-use-kafka.md`, `2025-01-01-use-kafka.md`. Read from the folder's names (the one name
 * grammar, record-name.ts) or from a pattern in `.legible.json` (`"naming": "adrNNN-slug"`).
 */
export interface NamingConvention {
  /** Numbered records (one sequence per folder) or date-named ones (the day it was written). */
  readonly kind: 'number' | 'date';
  /** Digits of the number, zero-padded (`0007` → 4, `07` → 2); 8 for a date. */
  readonly width: number;
  /** Letters before the number as the folder writes them (`adr`, `ADR-`); '' for none, always for dates. */
  readonly prefix: string;
  /** Between the id and the slug. */
  readonly separator: Separator;
  /** Between the slug's words. */
  readonly words: Separator;
  readonly dateStyle?: 'compact' | 'dashed';
}

export type Separator = '-' | '_';

/** Legible's own convention, for a folder with no records yet: `0001-use-kafka.md`. */
export const DEFAULT_CONVENTION: NamingConvention = Object.freeze({ kind: 'number', width: 4, prefix: '', separator: '-', words: '-' });

/** A new record's id: the folder's next number, or the day it is written (`YYYY-MM-DD`). */
export type NewId = { readonly number: number } | { readonly date: string };

/**
 * The convention most of a folder's record names follow, or undefined when none carries an id.
 * Names are grouped by shape (numbered or dated, prefix, separator, date style); the largest group
 * wins, a tie going to the group with the latest record (so a folder that changed style keeps the
 * new one). Within it: the most common width (a tie to the wider), the most common spelling of the
 * prefix, and the slug's word separator that its names show (the id's separator when they show none).
 */
export function detectConvention(names: readonly string[]): NamingConvention | undefined {
  const groups = new Map<string, RecordName[]>();
  for (const name of names) {
    const parsed = parseRecordName(name);
    if (!parsed) continue;
    const key = `${parsed.kind}|${parsed.prefix.toLowerCase()}|${parsed.separator}|${parsed.dateStyle ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(parsed);
    else groups.set(key, [parsed]);
  }
  let best: RecordName[] | undefined;
  for (const group of groups.values()) {
    if (!best || group.length > best.length || (group.length === best.length && latest(group) > latest(best))) best = group;
  }
  if (!best) return undefined;
  const first = best[0];
  const dashOnly = best.filter((n) => n.slug.includes('-') && !n.slug.includes('_')).length;
  const underscoreOnly = best.filter((n) => n.slug.includes('_') && !n.slug.includes('-')).length;
  const words: Separator = dashOnly > underscoreOnly ? '-' : underscoreOnly > dashOnly ? '_' : first.separator;
  if (first.kind === 'date') return { kind: 'date', width: 8, prefix: '', separator: first.separator, words, dateStyle: first.dateStyle };
  const width = mostCommon(best.map((n) => n.digits.length), (a, b) => a > b);
  const newest = best.reduce((a, b) => (b.number > a.number ? b : a));
  const prefix = mostCommon(best.map((n) => n.prefix), (a) => a === newest.prefix);
  return { kind: 'number', width, prefix, separator: first.separator, words };
}

function latest(group: readonly RecordName[]): number {
  return Math.max(...group.map((n) => n.number));
}

/** The most frequent value; among equally frequent ones, the first that `prefer` ranks above the rest. */
function mostCommon<T>(values: readonly T[], prefer: (a: T, b: T) => boolean): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (best === undefined || count > bestCount || (count === bestCount && prefer(value, best))) {
      best = value;
      bestCount = count;
    }
  }
  return best as T;
}

/** The slug's words from a title (`Use Kafka!` → `use`, `kafka`): slugify's, never empty. */
export function titleWords(title: string): string[] {
  return slugify(title).split('-');
}

/** The file name of a new record: its id in the folder's style, then the slug words joined the folder's way. */
export function recordFileName(convention: NamingConvention, id: NewId, words: readonly string[]): string {
  const digits = 'date' in id ? id.date.replace(/-/g, '') : String(id.number).padStart(convention.width, '0');
  return writeRecordName({
    prefix: convention.kind === 'date' ? '' : convention.prefix,
    digits,
    separator: convention.separator,
    slug: words.join(convention.words),
    dateStyle: convention.kind === 'date' ? convention.dateStyle : undefined,
  });
}

/**
 * The grammar of a `naming` pattern in `.legible.json`: an id, a separator, a slug.
 *
 *   id:    NNNN (as many N as digits), after an optional letter prefix (adrNNN, ADR-NNNN: at least
 *          two N, and the prefix does not end in N), or YYYYMMDD or YYYY-MM-DD
 *   slug:  slug (words joined like the separator: NNNN-slug → 0007-use-kafka, NNNN_slug → 0007_use_kafka),
 *          kebab-slug (always -) or snake_slug (always _)
 *
 * The schema (schemas/legible-config.schema.json) checks the same shape for completion and errors.
 */
const PATTERN = /^([A-Za-z]{0,10}?-?)(N{1,12}|YYYYMMDD|YYYY-MM-DD)([-_])(slug|kebab-slug|snake_slug)$/;

export const NAMING_PATTERN_EXAMPLES = ['NNNN-slug', 'NN-slug', 'adrNNN-slug', 'ADR-NNNN-slug', 'NNNN_slug', 'YYYYMMDD-slug', 'YYYYMMDD_slug', 'YYYY-MM-DD-slug'];

/** The convention a `naming` pattern names, or undefined when it is not one the name grammar reads back. */
export function parseNamingPattern(pattern: string): NamingConvention | undefined {
  const match = PATTERN.exec(pattern.trim());
  if (!match) return undefined;
  const [, prefix, id, separator, slug] = match as unknown as [string, string, string, Separator, string];
  const date = id.startsWith('Y');
  // A prefix ending in N (`RUNNNN`) cannot be told from the digits it precedes.
  if ((date && prefix) || /N-?$/.test(prefix)) return undefined;
  const words: Separator = slug === 'slug' ? separator : slug === 'kebab-slug' ? '-' : '_';
  const convention: NamingConvention = date
    ? { kind: 'date', width: 8, prefix: '', separator, words, dateStyle: id.includes('-') ? 'dashed' : 'compact' }
    : { kind: 'number', width: id.length, prefix, separator, words };
  // Only a pattern whose names the reader takes back as records: `vN-slug` would write `v7-…`, a name
  // without an id (a prefixed number has two digits at least).
  const sample = recordFileName(convention, date ? { date: '2000-01-01' } : { number: 1 }, ['a', 'b']);
  const read = parseRecordName(sample);
  const same = read && read.kind === convention.kind && read.prefix === (date ? '' : prefix) && read.separator === separator && read.slug === `a${words}b`;
  return same ? convention : undefined;
}

/** The pattern that names a convention (`adrNNN-slug`): for messages and `.legible.json`. */
export function namingPattern(convention: NamingConvention): string {
  const id = convention.kind === 'date' ? (convention.dateStyle === 'dashed' ? 'YYYY-MM-DD' : 'YYYYMMDD') : `${convention.prefix}${'N'.repeat(convention.width)}`;
  const slug = convention.words === convention.separator ? 'slug' : convention.words === '-' ? 'kebab-slug' : 'snake_slug';
  return `${id}${convention.separator}${slug}`;
}
