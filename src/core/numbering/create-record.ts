import type { CompiledPattern } from '../port/regex-engine';
import type { FileSystemPort } from '../port/file-system';
import { joinPath, withoutMarkdownExtension } from '../port/paths';
import type { RecordType } from '../schema/schema-registry';
import { DEFAULT_CONVENTION, recordFileName, titleWords, type NamingConvention } from './naming-convention';
import { fileNames, nextNumber, usesNumber } from './next-number';
import { visibleName } from './visible-name';
import { isIsoDay } from '../text/iso-day';

export interface ReserveOptions {
  readonly fs: FileSystemPort;
  readonly folder: string;
  /** Epoch milliseconds, from the caller: a reservation older than a minute was left by a crash. */
  readonly now: number;
  readonly maxAttempts?: number;
  /** The title the file name's slug is made from. */
  readonly title: string;
  /** How the folder names its records; Legible's `NNNN-slug` when not given. */
  readonly convention?: NamingConvention;
  /** The day the record is written (`YYYY-MM-DD`): the id in a date-named folder. */
  readonly date?: string;
  /** The configuration's `ignore` globs: the new name must not be one they hide. */
  readonly ignore?: readonly CompiledPattern[];
  /** The record's type, appended to the slug when that is what it takes to escape `ignore`. */
  readonly type?: RecordType;
}

/** A file name held for one creation; `release` must be called once the record exists (or was abandoned). */
export interface Reservation {
  readonly path: string;
  readonly name: string;
  /** The number in the name; for a date-named record, its date as YYYYMMDD. */
  readonly number: number;
  /** The id as the file name writes it: `0015`, `015`, `20250101`. */
  readonly id: string;
  /** The name as titled, when `ignore` hides it and the slug was reworded (see visible-name.ts). */
  readonly hidden?: string;
  release(): Promise<void>;
}

export interface CreateRecordOptions extends ReserveOptions {
  /** The record's text for the id it got (the id goes into templates that ask for it). */
  readonly render: (id: string) => string;
}

export interface CreatedRecord {
  readonly path: string;
  readonly name: string;
  readonly id: string;
  readonly number: number;
  readonly hidden?: string;
}

const RESERVATION = (key: string) => `.legible-reserve-${key}`;
const STALE_MS = 60_000;
const encoder = new TextEncoder();

/**
 * Holds a new record's file name, even when several creations race (two terminals, the CLI and
 * the editor). In a numbered folder, creating `NNNN-slug.md` with O_EXCL is not enough, since
 * racers pick different slugs; so the number itself is reserved with an exclusive marker, and the
 * folder is re-read after the marker exists (a racer may have finished meanwhile). In a date-named
 * folder the records of one day share their date, so the name is reserved, and a second record
 * of the same day and title gets `-2`, `-3`… after its slug.
 */
export async function reserveName(options: ReserveOptions): Promise<Reservation> {
  const convention = options.convention ?? DEFAULT_CONVENTION;
  if (convention.kind === 'date') return reserveDated(options, convention);
  const { fs, folder } = options;
  const words = titleWords(options.title);
  let number = nextNumber(fileNames(await fs.readDirectory(folder)));
  for (let attempt = 0; attempt < (options.maxAttempts ?? 1000); attempt++, number++) {
    const named = visible(options, convention, { number }, words);
    // Markers name the number, not the file: every racer, whatever its slug, contends for the same one.
    const marker = joinPath(folder, RESERVATION(String(number).padStart(4, '0')));
    if (!(await fs.createExclusive(marker, encoder.encode(String(options.now))))) {
      await clearIfStale(fs, marker, options.now);
      continue;
    }
    if (usesNumber(fileNames(await fs.readDirectory(folder)), number)) {
      await fs.delete(marker);
      continue;
    }
    const id = String(number).padStart(convention.width, '0');
    return { path: joinPath(folder, named.name), name: named.name, number, id, hidden: named.hidden, release: () => fs.delete(marker) };
  }
  throw new Error(`Could not reserve a number in ${folder}: too many concurrent creations or leftover .legible-reserve-* files.`);
}

async function reserveDated(options: ReserveOptions, convention: NamingConvention): Promise<Reservation> {
  const { fs, folder } = options;
  if (!options.date || !isIsoDay(options.date)) throw new Error(`A date-named folder needs the day of the record (YYYY-MM-DD), not ${String(options.date)}.`);
  const id = options.date.replace(/-/g, '');
  const words = titleWords(options.title);
  for (let attempt = 1; attempt <= (options.maxAttempts ?? 1000); attempt++) {
    const named = visible(options, convention, { date: options.date }, attempt === 1 ? words : [...words, String(attempt)]);
    const marker = joinPath(folder, RESERVATION(withoutMarkdownExtension(named.name)));
    if (!(await fs.createExclusive(marker, encoder.encode(String(options.now))))) {
      await clearIfStale(fs, marker, options.now);
      continue;
    }
    const path = joinPath(folder, named.name);
    if (await fs.stat(path)) {
      await fs.delete(marker);
      continue;
    }
    return { path, name: named.name, number: Number(id), id, hidden: named.hidden, release: () => fs.delete(marker) };
  }
  throw new Error(`Could not reserve a name in ${folder}: too many records of ${options.date} with this title, or leftover .legible-reserve-* files.`);
}

function visible(options: ReserveOptions, convention: NamingConvention, id: Parameters<typeof recordFileName>[1], words: readonly string[]) {
  const named = visibleName((w) => recordFileName(convention, id, w), words, options.ignore ?? [], options.type);
  if (!named) throw new Error(`Every file name for "${options.title}" in ${options.folder} is one that "ignore" in .legible.json hides; change the title or the ignore list.`);
  return named;
}

/** Writes a new record under a free name (the next number, or the day); never overwrites a file. */
export async function createRecord(options: CreateRecordOptions): Promise<CreatedRecord> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const reservation = await reserveName(options);
    try {
      if (await options.fs.createExclusive(reservation.path, encoder.encode(options.render(reservation.id)))) {
        return { path: reservation.path, name: reservation.name, id: reservation.id, number: reservation.number, hidden: reservation.hidden };
      }
    } finally {
      await reservation.release();
    }
  }
  throw new Error(`Could not create a record in ${options.folder}.`);
}

async function clearIfStale(fs: FileSystemPort, marker: string, now: number): Promise<void> {
  const stat = await fs.stat(marker);
  if (stat && now - stat.mtime > STALE_MS) await fs.delete(marker);
}
