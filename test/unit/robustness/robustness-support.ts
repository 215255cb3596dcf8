import { cleanAdr } from '../support/workspace';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { Finding } from '../../../src/core/rules/rule';
import { LineIndex } from '../../../src/core/text/position';
import { lintFiles, type TestWorkspace, type TestWorkspaceOptions } from '../support/workspace';
import type { FileContent } from '../support/memory-file-system';

/**
 * Shared by the robustness tests (issue 5): a bound on the time a hostile input may take, a way to
 * lint one file, a child process for inputs that could abort V8, and the check that every range a
 * finding reports lies inside the text it was found in.
 */

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** A bound on a hang, not a speed goal: each case here takes milliseconds to a few hundred. */
export const BOUND_MS = 2000;

/** Runs `work`, asserts it finished within `bound` ms, and returns its value and the time taken. */
export async function bounded<T>(what: string, work: () => T | Promise<T>, bound = BOUND_MS): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  assert.ok(ms < bound, `${what} took ${ms.toFixed(0)} ms (bound ${bound} ms)`);
  return { value, ms };
}

export const DECISIONS = 'docs/decisions';
export const FILE = `${DECISIONS}/0001-hostile.md`;

/** Lints one file as the CLI would (in memory), within the bound. */
export async function lintOne(content: FileContent, options: TestWorkspaceOptions = {}, bound = BOUND_MS): Promise<TestWorkspace> {
  return (await bounded('linting the file', () => lintFiles({ [FILE]: content }, options), bound)).value;
}

/** Asserts that each finding's range lies inside `text`: line < lineCount, character ≤ that line's length, start ≤ end. */
export function assertInside(text: string, findings: readonly Finding[], where = ''): void {
  const lines = new LineIndex(text);
  for (const finding of findings) {
    const { start, end } = finding.range;
    const label = `${where}${where ? ': ' : ''}${finding.ruleId} ${JSON.stringify(finding.range)} in ${lines.lineCount} lines`;
    for (const p of [start, end]) {
      assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0, label);
      assert.ok(p.line < lines.lineCount, `${label}: line out of the document`);
      assert.ok(p.character <= lines.lineText(p.line).length, `${label}: character past the end of line ${p.line}`);
    }
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${label}: ends before it starts`);
  }
}

export interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Killed after `timeoutMs`: it hung. */
  readonly timedOut: boolean;
}

/**
 * Runs a TypeScript script in its own Node process (through tsx), for inputs that could abort V8 or
 * spin forever: the test process survives whatever happens there, and the child is killed after
 * `timeoutMs`. `input` is written to the child's stdin.
 */
export function runChild(script: string, input: string, timeoutMs: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    child.stdin.end(input);
  });
}

/** The last line of a child's stdout, as JSON: what the child measured and found. */
export function childReport<T>(result: ChildResult): T {
  assert.equal(result.timedOut, false, `the child process hung and was killed\n${result.stderr}`);
  assert.equal(result.signal, null, `the child process died of ${result.signal}\n${result.stderr.slice(0, 2000)}`);
  assert.equal(result.code, 0, `the child process exited with ${result.code}\n${result.stderr.slice(0, 2000)}`);
  const last = result.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

export { cleanAdr };
