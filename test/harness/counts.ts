// How each test phase hands its totals to run-all: a small JSON file named by LEGIBLE_COUNTS_FILE.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Counts {
  passed: number;
  failed: number;
  pending: number;
}

export const COUNTS_ENV = 'LEGIBLE_COUNTS_FILE';

export function writeCounts(counts: Counts, file = process.env[COUNTS_ENV]): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(counts));
}

export function readCounts(file: string): Counts | undefined {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Counts>;
    if (typeof value.passed !== 'number' || typeof value.failed !== 'number') return undefined;
    return { passed: value.passed, failed: value.failed, pending: value.pending ?? 0 };
  } catch {
    return undefined;
  }
}
