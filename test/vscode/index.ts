// Entry of the in-host suite: the extension host loads the bundle (out/test/vscode/index.js) and
// calls run(). Works the same under code-server (payload URL) and @vscode/test-electron.
import * as fs from 'node:fs';
import { format } from 'node:util';
import Mocha from 'mocha';
// Generated at bundle time by test/harness/build-vscode-tests.ts: requires every *.test.ts here.
import { loadTestFiles } from 'legible:vscode-test-files';
import { scopeOf, selection } from './selection';

export interface InHostResults {
  passed: number;
  failed: number;
  pending: number;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 20_000, color: process.env.LEGIBLE_TEST_COLOR === '1' });
  // Bundled files cannot be loaded by path: give them mocha's globals, then require them.
  mocha.suite.emit('pre-require', globalThis, 'legible-vscode-tests', mocha);
  loadTestFiles();
  mocha.grep(selection(process.env.LEGIBLE_TEST_GREP, scopeOf(process.env.LEGIBLE_TEST_SCOPE)));

  const restoreConsole = tagConsole(process.env.LEGIBLE_TEST_LOG_TAG);
  return new Promise((resolve, reject) => {
    const results: InHostResults = { passed: 0, failed: 0, pending: 0 };
    const runner = mocha.run((failures) => {
      restoreConsole();
      const file = process.env.LEGIBLE_TEST_RESULTS;
      if (file) fs.writeFileSync(file, JSON.stringify(results));
      if (failures > 0) reject(new Error(`${failures} in-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => results.passed++);
    runner.on('fail', () => results.failed++);
    runner.on('pending', () => results.pending++);
  });
}

/**
 * Under code-server the extension host's console reaches the runner mixed with the workbench's
 * own log lines; a tag on each line lets the runner print only the test output.
 */
function tagConsole(tag: string | undefined): () => void {
  if (!tag) return () => undefined;
  const methods = ['log', 'info', 'warn', 'error'] as const;
  const originals = methods.map((name) => console[name]);
  const tagged = (index: number) => (...args: unknown[]) => originals[index].call(console, `${tag}${format(...args)}`);
  methods.forEach((name, index) => (console[name] = tagged(index)));
  // Mocha's reporters print through their own reference to console.log.
  const reporterLog = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = tagged(0);
  return () => {
    methods.forEach((name, index) => (console[name] = originals[index]));
    Mocha.reporters.Base.consoleLog = reporterLog;
  };
}
