import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import type { Limits } from '../core/parse/limits';
import { decodeDecisionBytes } from '../core/workspace/read-text';
import { writeAtomically } from './atomic-write';

/** A record as read for rewriting: its text (a BOM kept) and what identifies this version of it. */
export interface RecordSnapshot {
  readonly path: string;
  readonly text: string;
  /** Why the text is not the whole file (binary, not UTF-8, too large, not a plain file): never rewrite it then. */
  readonly problem?: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly mode: number;
  /** SHA-256 of the bytes read: a change that keeps size and time is caught too. */
  readonly hash: string;
}

/** What `replaceRecord` did. `changed`: the file changed after it was read, and nothing was written. */
export type ReplaceOutcome = 'written' | 'changed';

/** How `migrate` and `lint --fix` read and rewrite records; tests pass their own to step in between. */
export interface RecordIo {
  read(path: string, limits: Pick<Limits, 'maxFileBytes'>): Promise<RecordSnapshot>;
  replace(snapshot: RecordSnapshot, text: string): Promise<ReplaceOutcome>;
}

export const NODE_RECORD_IO: RecordIo = { read: readRecord, replace: (snapshot, text) => replaceRecord(snapshot, text) };

const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0);

/**
 * Reads a whole record. A symbolic link or a file with other hard links is read but marked with a
 * problem: a rename would replace the link with a file, or leave the other names with the old text.
 */
export async function readRecord(path: string, limits: Pick<Limits, 'maxFileBytes'>): Promise<RecordSnapshot> {
  const link = await lstat(path);
  const base = { path, size: link.size, mtimeMs: link.mtimeMs, mode: link.mode, hash: '' };
  if (link.isSymbolicLink()) return { ...base, text: '', problem: 'This file is a symbolic link: migrate the file it points to instead, so the link stays a link.' };
  if (!link.isFile()) return { ...base, text: '', problem: 'This is not a regular file.' };
  if (link.size > limits.maxFileBytes) return { ...base, text: '', problem: `This file is ${link.size} bytes, more than the ${limits.maxFileBytes} Legible reads: is it really a decision record? It is left as it is.` };
  if (link.nlink > 1) return { ...base, text: '', problem: `This file has ${link.nlink} hard links: rewriting it would leave the other names with the old text. Which one is the record? Make it a single file, then run again.` };
  const handle = await open(path, READ_FLAGS);
  try {
    const stat = await handle.stat();
    const bytes = await handle.readFile();
    const read = decodeDecisionBytes(bytes, bytes.length, limits, { keepBom: true });
    return { path, text: read.text, problem: read.problem, size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode, hash: sha256(bytes) };
  } finally {
    await handle.close();
  }
}

export interface ReplaceHooks {
  /** Runs after the new text is written to the temporary file, before the original is checked (a test's "concurrent edit"). */
  readonly beforeCheck?: () => Promise<void> | void;
}

/**
 * Replaces a record atomically: the new text goes to a temporary file created exclusively in the
 * same folder with the original's mode, and is renamed over the original only if the original is
 * still what was read (size, modification time and content hash). Otherwise the temporary file is
 * removed and the original left as the other writer made it. A reader sees the old file or the
 * new one, never half of either. (Between the last check and the rename a write can still slip in:
 * POSIX has no compare-and-rename; the window is a few system calls wide.)
 */
export async function replaceRecord(snapshot: RecordSnapshot, text: string, hooks: ReplaceHooks = {}): Promise<ReplaceOutcome> {
  if (snapshot.problem !== undefined) throw new Error(`refusing to rewrite ${snapshot.path}: ${snapshot.problem}`);
  const written = await writeAtomically(snapshot.path, Buffer.from(text, 'utf8'), {
    mode: snapshot.mode,
    beforeRename: async () => {
      await hooks.beforeCheck?.();
      return unchanged(snapshot);
    },
  });
  return written ? 'written' : 'changed';
}

async function unchanged(snapshot: RecordSnapshot): Promise<boolean> {
  const now = await lstat(snapshot.path).catch(() => undefined);
  if (!now?.isFile() || now.size !== snapshot.size || now.mtimeMs !== snapshot.mtimeMs) return false;
  const handle = await open(snapshot.path, READ_FLAGS);
  try {
    return sha256(await handle.readFile()) === snapshot.hash;
  } finally {
    await handle.close();
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
