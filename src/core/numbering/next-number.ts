import type { DirectoryEntry } from '../port/file-system';

const NUMBERED = /^(\d{4,})-.*\.md$/i;

/** The next free number of a folder (its highest plus one) and the width its names use (at least 4). */
export function nextNumber(names: readonly string[]): { number: number; width: number } {
  let highest = 0;
  let width = 4;
  let any = false;
  for (const name of names) {
    const match = NUMBERED.exec(name);
    if (!match) continue;
    any = true;
    highest = Math.max(highest, Number(match[1]));
    width = Math.max(width, match[1].length);
  }
  return { number: any ? highest + 1 : 1, width };
}

export function numberedNames(entries: readonly DirectoryEntry[]): string[] {
  return entries.filter((e) => e.kind === 'file' || e.kind === 'symlink').map((e) => e.name);
}

export function formatNumber(number: number, width: number): string {
  return String(number).padStart(width, '0');
}

export function usesNumber(names: readonly string[], number: number): boolean {
  return names.some((name) => {
    const match = NUMBERED.exec(name);
    return match !== null && Number(match[1]) === number;
  });
}
