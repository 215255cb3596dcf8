// Entry of the in-host suite's web pass: the browser's web worker extension host (as on vscode.dev)
// loads this bundle (out/test/vscode/web/index.js, built for the browser with mocha's browser
// build) and calls run(). That host has no `process` and no disk: the runner's settings come from
// a file beside the workspace folder, read through vscode.workspace.fs, and the totals and mocha's
// output go back the same way (test/harness/run-vscode-tests.ts reads them).
import * as vscode from 'vscode';
// Generated at bundle time by test/harness/build-vscode-tests.ts: requires the *.test.ts that run here.
import { loadTestFiles } from 'legible:vscode-test-files';
import { selection } from './selection';
import type { InHostResults } from './index';

/** What the runner writes beside the workspace folder for this pass (see WEB_RUN_FILES). */
interface WebRunSettings {
  grep?: string;
}

/** Beside the workspace folder: the runner's settings in, the totals and the spec reporter's lines out. */
export const WEB_RUN_FILES = { settings: 'web-run.json', results: 'in-host-results.json', output: 'in-host-output.txt' } as const;

interface BrowserMocha {
  readonly suite: { emit(event: string, ...args: unknown[]): void };
  grep(pattern: RegExp): void;
  run(done: (failures: number) => void): { on(event: string, listener: () => void): void };
}

// mocha's browser build, required (not imported) so the bundler wraps it as a CommonJS module: at
// the bundle's top level its UMD header would replace this module's exports with its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('mocha/mocha.js');

/** mocha's browser build defines the class as a global. */
const MochaClass = (globalThis as unknown as { Mocha: new (options: object) => BrowserMocha }).Mocha;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the web pass opens a workspace folder');
  const beside = (name: string) => vscode.Uri.joinPath(folder.uri, '..', name);
  const settings = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(beside(WEB_RUN_FILES.settings)))) as WebRunSettings;

  const lines: string[] = [];
  const restoreConsole = keepConsole(lines);
  // An instance of our own: the build's global one reports into a page (the HTML reporter) and
  // reads its options from the page's address; a worker has neither.
  const mocha = new MochaClass({ ui: 'bdd', reporter: 'spec', timeout: 20_000, color: false });
  // Bundled files cannot be loaded by path: give them mocha's globals, then require them.
  mocha.suite.emit('pre-require', globalThis, 'legible-vscode-web-tests', mocha);
  loadTestFiles();
  mocha.grep(selection(settings.grep, 'web'));
  const results: InHostResults = { passed: 0, failed: 0, pending: 0 };
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', () => results.passed++);
    runner.on('fail', () => results.failed++);
    runner.on('pending', () => results.pending++);
  });
  restoreConsole();
  await vscode.workspace.fs.writeFile(beside(WEB_RUN_FILES.output), encoder.encode(lines.join('\n')));
  await vscode.workspace.fs.writeFile(beside(WEB_RUN_FILES.results), encoder.encode(JSON.stringify(results)));
  if (failures > 0) throw new Error(`${failures} in-host test(s) failed in the web worker host`);
}

/** Console-style arguments as one line: `%s`, `%d` and the like filled in order, the rest appended. */
function formatLine(args: unknown[]): string {
  if (!args.length) return '';
  const [first, ...rest] = args;
  const text = (value: unknown): string => (typeof value === 'string' ? value : value instanceof Error ? (value.stack ?? value.message) : String(JSON.stringify(value)));
  if (typeof first !== 'string') return [first, ...rest].map(text).join(' ');
  const line = first.replace(/%[sdifoOj%]/g, (spec) => (spec === '%%' ? '%' : rest.length ? text(rest.shift()) : spec));
  return [line, ...rest.map(text)].join(' ');
}

/** Keeps every console line for the runner; mocha's reporters print through their own reference to console.log. */
function keepConsole(lines: string[]): () => void {
  const methods = ['log', 'info', 'warn', 'error'] as const;
  const originals = methods.map((name) => console[name]);
  const kept = (index: number) => (...args: unknown[]) => {
    lines.push(formatLine(args));
    originals[index].apply(console, args);
  };
  methods.forEach((name, index) => (console[name] = kept(index)));
  const base = (globalThis as unknown as { Mocha: { reporters: { Base: { consoleLog: (...args: unknown[]) => void } } } }).Mocha.reporters.Base;
  const reporterLog = base.consoleLog;
  base.consoleLog = kept(0);
  return () => {
    methods.forEach((name, index) => (console[name] = originals[index]));
    base.consoleLog = reporterLog;
  };
}
