import { relative } from 'node:path';
import { isInside, relativePath } from '../core/port/paths';
import { printableLine } from '../core/text/printable';
import { toPortable } from '../node/portable-path';

/** What every command gets from `main`: where it runs and how it writes. Commands never call process.exit. */
export interface CliContext {
  /** The current directory, '/'-separated (the core's path form). */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** ANSI colours on stdout. */
  readonly color: boolean;
  out(text: string): void;
  /** Text on stderr as it is: a report beside stdout's main output (a patch, say). */
  err(text: string): void;
  /** A non-fatal problem, one line on stderr. */
  warn(message: string): void;
  /** Something done besides the command's output (a folder created), one line on stderr. */
  note(message: string): void;
}

/** How a path is shown to the user: relative to the current directory, '/'-separated. */
export function displayPath(cwd: string, path: string): string {
  // A lint of 10,000 records shows every path: one below the current directory is the core's
  // relativePath (its tail, once normalized), without path.relative's resolving of both sides.
  if (isInside(cwd, path)) return relativePath(cwd, path);
  return toPortable(relative(cwd, path)) || '.';
}

/** Colours only for a terminal, and never when NO_COLOR is set (https://no-color.org); FORCE_COLOR wins. */
export function wantsColor(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY === true;
}

export function createContext(): CliContext {
  return {
    cwd: toPortable(process.cwd()),
    env: process.env,
    color: wantsColor(process.env, process.stdout.isTTY),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    warn: (message) => void process.stderr.write(`legible: warning: ${printableLine(message)}\n`),
    note: (message) => void process.stderr.write(`legible: ${printableLine(message)}\n`),
  };
}
