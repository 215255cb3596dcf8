import type { FileSystemPort } from '../port/file-system';
import { joinPath } from '../port/paths';
import { slugify } from '../templates/slug';
import { formatNumber, nextNumber, numberedNames, usesNumber } from './next-number';

export interface CreateRecordOptions {
  readonly fs: FileSystemPort;
  readonly folder: string;
  readonly title: string;
  /** The record's text for the number it got (the id goes into templates that ask for it). */
  readonly render: (id: string) => string;
  /** Epoch milliseconds, from the caller: a reservation older than a minute was left by a crash. */
  readonly now: number;
  readonly maxAttempts?: number;
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
 * Writes a new record under the next free number without ever overwriting a file, even when
 * several creations race (two terminals, the CLI and the editor). Creating `NNNN-slug.md` with
 * O_EXCL is not enough, since racers pick different slugs; so each number is first reserved with an
 * exclusive marker, the folder is re-read (a racer may have finished meanwhile), and only then
 * is the record written, exclusively, and the marker removed.
 */
export async function createRecord(options: CreateRecordOptions): Promise<CreatedRecord> {
  const { fs, folder } = options;
  const slug = slugify(options.title);
  let { number, width } = nextNumber(numberedNames(await fs.readDirectory(folder)));
  for (let attempt = 0; attempt < (options.maxAttempts ?? 1000); attempt++, number++) {
    const id = formatNumber(number, width);
    const marker = joinPath(folder, RESERVATION(id));
    if (!(await fs.createExclusive(marker, encoder.encode(String(options.now))))) {
      await clearIfStale(fs, marker, options.now);
      continue;
    }
    try {
      const names = numberedNames(await fs.readDirectory(folder));
      if (usesNumber(names, number)) continue;
      const path = joinPath(folder, `${id}-${slug}.md`);
      if (!(await fs.createExclusive(path, encoder.encode(options.render(id))))) continue;
      return { path, id, number };
    } finally {
      await fs.delete(marker);
    }
  }
  throw new Error(`Could not reserve a number in ${folder}: too many concurrent creations or leftover .legible-reserve-* files.`);
}

async function clearIfStale(fs: FileSystemPort, marker: string, now: number): Promise<void> {
  const stat = await fs.stat(marker);
  if (stat && now - stat.mtime > STALE_MS) await fs.delete(marker);
}
