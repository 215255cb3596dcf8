import type { DirectoryEntry } from '../port/file-system';
import { parseRecordName } from './record-name';

/**
 * The numbers a folder's records hold, read with the one name grammar (`0007-…`, `07_…`,
 * `adr007-…`, `ADR-0007-…`). Date-named records (`20200924-…`) are not part of a number sequence.
 * Ignored names count too: `0000-template.md` still holds 0, so no record is ever given its number.
 */
function numbers(names: readonly string[]): number[] {
  const out: number[] = [];
  for (const name of names) {
    const parsed = parseRecordName(name);
    if (parsed?.kind === 'number') out.push(parsed.number);
  }
  return out;
}

/** The next free number of a folder: its highest plus one, 1 when it has none. */
export function nextNumber(names: readonly string[]): number {
  return numbers(names).reduce((highest, n) => Math.max(highest, n), 0) + 1;
}

/** The names of a folder's files (and links), the only entries that can be records. */
export function fileNames(entries: readonly DirectoryEntry[]): string[] {
  return entries.filter((e) => e.kind === 'file' || e.kind === 'symlink').map((e) => e.name);
}

export function usesNumber(names: readonly string[], number: number): boolean {
  return numbers(names).includes(number);
}
