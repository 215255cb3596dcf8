import type * as ChildProcess from 'node:child_process';
import type { TextLine } from '../core/code/citations';
import { findExecutable, nodeExecutableSearch } from './find-executable';
import { gitEnvironment } from './git-process';

/** What git grep gave for one file: its matching lines, or `large` when they alone pass the size bound. */
export type GrepFile = { readonly lines: TextLine[] } | { readonly large: true };

export interface GrepBounds {
  /** A file whose matching lines alone pass this many bytes is larger still: its lines are dropped. */
  readonly maxFileBytes: number;
  /** Output beyond this stops git and fails the run (the lines kept are bounded by maxFileBytes per file). */
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

/**
 * Reads `git grep -n -z` output as it streams (`path NUL line NUL text LF`, a path read exactly
 * whatever it holds): each file's matching lines, numbered from 0, decoded as the whole file would
 * be (UTF-8, U+FFFD for invalid bytes, a BOM dropped at the start of the file only). Bytes are
 * looked at by `indexOf`, never one by one in JavaScript, and a file's lines are dropped once they
 * pass `maxFileBytes` (a minified bundle on one line is never held whole).
 */
export class GrepLineReader {
  readonly files = new Map<string, GrepFile>();
  private field: 'path' | 'number' | 'text' = 'path';
  private parts: Buffer[] = [];
  private partBytes = 0;
  private path = '';
  private line = 0;
  private fileBytes = 0;
  private readonly first = new TextDecoder('utf-8');
  private readonly rest = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(private readonly maxFileBytes: number) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      const end = chunk.indexOf(this.field === 'text' ? 10 : 0, at);
      const stop = end === -1 ? chunk.length : end;
      this.take(chunk.subarray(at, stop));
      if (end === -1) return;
      this.finish();
      at = end + 1;
    }
  }

  private take(part: Buffer): void {
    if (!part.length) return;
    if (this.field === 'text') {
      this.fileBytes += part.length;
      if (this.fileBytes > this.maxFileBytes) {
        this.files.set(this.path, { large: true });
        this.parts = [];
        this.partBytes = 0;
        return;
      }
    }
    this.parts.push(part);
    this.partBytes += part.length;
  }

  private finish(): void {
    const bytes = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.partBytes);
    this.parts = [];
    this.partBytes = 0;
    if (this.field === 'path') {
      const path = bytes.toString('utf8');
      if (path !== this.path) {
        this.path = path;
        this.fileBytes = 0;
      }
      this.field = 'number';
    } else if (this.field === 'number') {
      this.line = Number(bytes.toString('latin1')) - 1;
      this.field = 'text';
    } else {
      this.field = 'path';
      // The line's LF counts towards the file's size too.
      this.fileBytes++;
      let file = this.files.get(this.path);
      if (file && 'large' in file) return;
      if (this.fileBytes > this.maxFileBytes) {
        this.files.set(this.path, { large: true });
        return;
      }
      if (!file) this.files.set(this.path, (file = { lines: [] }));
      file.lines.push({ line: this.line, text: (this.line === 0 ? this.first : this.rest).decode(bytes) });
    }
  }
}

/**
 * Runs `git grep` (the arguments given: `-n -z` output expected) in `workTree` and reads its
 * lines as they stream. Undefined when git is missing, fails (an exit other than 0, or 1 for no
 * match), prints more than `maxBytes` or runs longer than `timeoutMs`: the caller then reads the
 * files itself. Git is started by its absolute path, with an argument array, never a shell.
 */
export async function grepLines(args: readonly string[], workTree: string, env: NodeJS.ProcessEnv, bounds: GrepBounds): Promise<Map<string, GrepFile> | undefined> {
  const git = await findExecutable('git', nodeExecutableSearch([workTree], env));
  if (git === undefined) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawn } = require('node:child_process') as typeof ChildProcess;
  const reader = new GrepLineReader(bounds.maxFileBytes);
  return new Promise((resolve) => {
    let bytes = 0;
    let failed = false;
    const child = spawn(git, args, { cwd: workTree, env: { ...gitEnvironment(env, workTree), GIT_OPTIONAL_LOCKS: '0' }, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true, shell: false });
    const stop = () => {
      failed = true;
      child.kill();
    };
    const timer = setTimeout(stop, bounds.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      bytes += chunk.length;
      if (bytes > bounds.maxBytes) return stop();
      reader.push(chunk);
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(!failed && (code === 0 || code === 1) ? reader.files : undefined);
    });
  });
}
