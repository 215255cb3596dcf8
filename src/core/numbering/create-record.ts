import type { FileSystemPort } from '../port/file-system';
import { joinPath } from '../port/paths';
import { slugify } from '../templates/slug';
import { formatNumber, nextNumber, numberedNames, usesNumber } from './next-number';

export interface ReserveOptions {
  readonly fs: FileSystemPort;
  readonly folder: string;
  /** Epoch milliseconds, from the caller: a reservation older than a minute was left by a crash. */
  readonly now: number;
  readonly maxAttempts?: number;
}

/** A number held for one creation; `release` must be called once the record exists (or was abandoned). */
export interface Reservation {
  readonly number: number;
  readonly id: string;
  release(): Promise<void>;
}

export interface CreateRecordOptions extends ReserveOptions {
  readonly title: string;
  /** The record's text for the number it got (the id goes into templates that ask for it). */
  readonly render: (id: string) => string;
}

export interface CreatedRecord {
  readonly path: string;
  readonly id: string;
  readonly number: number;
}

const RESERVATION = (number: string) => `.legible-reserve-${number}`;
const STALE_MS = 60_000;
const encoder = new TextEncoder();

/**
 * Holds the next free number of a folder, even when several creations race (two terminals, the
 * CLI and the editor). Creating `NNNN-slug.md` with O_EXCL is not enough, since racers pick
 * different slugs; so the number itself is reserved with an exclusive marker, and the folder is
 * re-read after the marker exists (a racer may have finished meanwhile).
 */
export async function reserveNumber(options: ReserveOptions): Promise<Reservation> {
  const { fs, folder } = options;
  const { number: first, width } = nextNumber(numberedNames(await fs.readDirectory(folder)));
  let number = first;
  for (let attempt = 0; attempt < (options.maxAttempts ?? 1000); attempt++, number++) {
    const id = formatNumber(number, width);
    const marker = joinPath(folder, RESERVATION(id));
    if (!(await fs.createExclusive(marker, encoder.encode(String(options.now))))) {
      await clearIfStale(fs, marker, options.now);
      continue;
    }
    if (usesNumber(numberedNames(await fs.readDirectory(folder)), number)) {
      await fs.delete(marker);
      continue;
    }
    return { number, id, release: () => fs.delete(marker) };
  }
  throw new Error(`Could not reserve a number in ${folder}: too many concurrent creations or leftover .legible-reserve-* files.`);
}

/** Writes a new record under the next free number; never overwrites a file. */
export async function createRecord(options: CreateRecordOptions): Promise<CreatedRecord> {
  const slug = slugify(options.title);
  for (let attempt = 0; attempt < 100; attempt++) {
    const reservation = await reserveNumber(options);
    try {
      const path = joinPath(options.folder, `${reservation.id}-${slug}.md`);
      if (await options.fs.createExclusive(path, encoder.encode(options.render(reservation.id)))) return { path, id: reservation.id, number: reservation.number };
    } finally {
      await reservation.release();
    }
  }
  throw new Error(`Could not create a record in ${options.folder}.`);
}

export function recordFileName(id: string, title: string): string {
  return `${id}-${slugify(title)}.md`;
}

async function clearIfStale(fs: FileSystemPort, marker: string, now: number): Promise<void> {
  const stat = await fs.stat(marker);
  if (stat && now - stat.mtime > STALE_MS) await fs.delete(marker);
}
