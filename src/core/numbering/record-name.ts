/**
 * The one grammar of record file names, read by the index (a record's id and number), numbering
 * (the next free number), `duplicate-id` and "what is a record". Decision folders name their
 * records in several conventions, all read here:
 *
 *   0007-use-postgres.md   07-use-postgres.md   0007_use_postgres.md   adr007-use-postgres.md
 *   ADR-0007-use-postgres.md   20200924-use-postgres.md   2020-09-24-use-postgres.md   20200924_use_postgres.md
 *
 * A date-named record's number is its date as digits (20200924): stable, referable, and shared by
 * the records of one day without making them duplicates.
 */

export type NameKind = 'number' | 'date';

export interface RecordName {
  readonly kind: NameKind;
  /** The number in the name; for a date-named record, its date as YYYYMMDD. */
  readonly number: number;
  /** The digits as written (`0007`, `07`, `20200924`); for `2020-09-24-…`, `20200924`. */
  readonly digits: string;
  /** Letters before the number (`adr` in `adr007-…`, `ADR-` in `ADR-0007-…`), as written; '' if none. */
  readonly prefix: string;
  /** What separates the id from the slug: `-` or `_`. */
  readonly separator: '-' | '_';
  /** `2020-09-24` when the date is written with dashes, `20200924` when as one number. */
  readonly dateStyle?: 'dashed' | 'compact';
  /** The rest of the name, without `.md`. */
  readonly slug: string;
}

// Anchored, one pass, no nested quantifiers: linear on any name a repository holds. `s`: a slug
// may hold any character, a newline too, so such a file is still linted, not silently skipped.
const DASHED_DATE = /^((?:19|20)\d\d)-(\d\d)-(\d\d)([-_])(.*)\.md$/is;
const NUMBERED = /^([A-Za-z]{1,10}-?)?(\d{1,12})([-_])(.*)\.md$/is;

/** The id a file name gives its record, or undefined when the name carries none (`README.md`, `PROTOTYPING.md`). */
export function parseRecordName(name: string): RecordName | undefined {
  const dashed = DASHED_DATE.exec(name);
  if (dashed && validDate(dashed[1], dashed[2], dashed[3])) {
    const digits = dashed[1] + dashed[2] + dashed[3];
    return { kind: 'date', number: Number(digits), digits, prefix: '', separator: dashed[4] as '-' | '_', dateStyle: 'dashed', slug: dashed[5] };
  }
  const match = NUMBERED.exec(name);
  if (!match) return undefined;
  const prefix = match[1] ?? '';
  const digits = match[2];
  // `v2-migration.md` or `q3-plan.md` is a name, not an id: a prefixed number has at least two digits.
  if (prefix && digits.length < 2) return undefined;
  const separator = match[3] as '-' | '_';
  const date = !prefix && digits.length === 8 && validDate(digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8));
  return { kind: date ? 'date' : 'number', number: Number(digits), digits, prefix, separator, dateStyle: date ? 'compact' : undefined, slug: match[4] };
}

/** The record name of the last segment of a path. */
export function recordNameOf(path: string): RecordName | undefined {
  return parseRecordName(path.slice(path.lastIndexOf('/') + 1));
}

function validDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1970 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/** The parts of a record name that a new file name is written from. */
export type RecordNameParts = Pick<RecordName, 'prefix' | 'digits' | 'separator' | 'slug' | 'dateStyle'>;

/**
 * The inverse of `parseRecordName`: `adr` + `015` + `-` + `use-kafka` → `adr015-use-kafka.md`;
 * a dashed date's digits `20200924` are written `2020-09-24`. `parseRecordName` reads every name
 * written here back to the same parts (a unit test holds the two together).
 */
export function writeRecordName(parts: RecordNameParts): string {
  const d = parts.digits;
  const id = parts.dateStyle === 'dashed' ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : d;
  return `${parts.prefix}${id}${parts.separator}${parts.slug}.md`;
}
