import { ID_PREFIX, RECORD_TYPES, type RecordType } from '../schema/schema-registry';
import type { DecisionEntry } from './decision-entry';

/** The most digits an id has (the file-name grammar's bound too). */
const MAX_DIGITS = 12;
/** The longest letter prefix of an id (`adr`, `ADR`, a folder's own `PAY`). */
const MAX_PREFIX = 10;

/** An id as written: letters, an optional `-`, digits (`ADR-0007`, `adr007`); or digits alone. */
export interface IdParts {
  /** The letters as written, '' when the id is digits alone. */
  readonly letters: string;
  readonly dash: boolean;
  readonly digits: string;
  /** Offsets in the text read. */
  readonly start: number;
  readonly end: number;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A letter, digit or `_`: what may not touch an id on either side in running text. */
export function isWordChar(code: number): boolean {
  return isLetter(code) || isDigit(code) || code === 95;
}

/**
 * The one id grammar, read at `start`: up to 10 letters, an optional `-`, 1–12 digits, and then no
 * further digit. Used whole by `parseIdRef` (a frontmatter reference) and at every word start by
 * the citation scan in code (core/code/citations.ts), so `ADR-0007` means the same in both. Reads
 * at most 24 characters: linear however it is called across a text.
 */
export function readId(text: string, start: number): IdParts | undefined {
  let i = start;
  while (i < text.length && i - start < MAX_PREFIX && isLetter(text.charCodeAt(i))) i++;
  const letters = text.slice(start, i);
  const dash = letters !== '' && text.charCodeAt(i) === 45;
  if (dash) i++;
  const digitsStart = i;
  while (i < text.length && i - digitsStart < MAX_DIGITS && isDigit(text.charCodeAt(i))) i++;
  if (i === digitsStart || (i < text.length && isDigit(text.charCodeAt(i)))) return undefined;
  return { letters, dash, digits: text.slice(digitsStart, i), start, end: i };
}

/** Reads `0007`, `ADR-0007` or 7 (YAML reads `0007` as a number) into a number and a prefix. */
export function parseIdRef(raw: string | number): { raw: string; number?: number; prefix?: string } {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? { raw: String(raw), number: raw } : { raw: String(raw) };
  const text = raw.trim();
  const id = readId(text, 0);
  if (!id || id.end !== text.length) return { raw };
  // In a frontmatter reference the prefix is a record type's, with its dash: `ADR-0007`.
  if (id.letters && (!id.dash || !typeOfPrefix(id.letters))) return { raw };
  return { raw, number: Number(id.digits), prefix: id.letters ? id.letters.toUpperCase() : undefined };
}

export function typeOfPrefix(prefix: string): RecordType | undefined {
  return RECORD_TYPES.find((type) => ID_PREFIX[type] === prefix.toUpperCase());
}

/** The fewest digits a decision id has: the schema's `decision-id` is `^((ADR|RFC|EXIT)-)?\d{4,}$`. */
const MIN_DIGITS = 4;

/**
 * `ADR-0007`: how a record is named in messages, the tree and references, and the one form written
 * into `supersedes`/`superseded-by` (supersede, lint --fix, completion). `width` is the digits as
 * the file name writes them: kept when wider (`00007-x.md` → ADR-00007), padded to four when
 * narrower (`07-x.md`, `adr014-x.md` → ADR-0007, ADR-0014), so every id written is one the schema
 * accepts, as migrate writes it.
 */
export function formatId(type: RecordType, number: number | undefined, width = MIN_DIGITS): string {
  return number === undefined ? ID_PREFIX[type] : `${ID_PREFIX[type]}-${String(number).padStart(Math.max(width, MIN_DIGITS), '0')}`;
}

/**
 * The id every output shows a record by — `list`, `report`, `explain`, `affected`, the MCP server,
 * the map: `ADR-0007` for a numbered record (legacy ones too), its digits as the file name writes
 * them when wider than four (`00007-x.md` → ADR-00007, so two files never show as one); a record
 * without a number keeps its file-name id (`use-postgres`).
 */
export function displayId(entry: Pick<DecisionEntry, 'type' | 'number' | 'id'>): string {
  return entry.number === undefined ? entry.id : formatId(entry.type, entry.number, entry.id.length);
}
