// The test phases of `npm test` (after typecheck, lint and build): unit tests (plain mocha), the
// in-host suite in code-server's extension host, then the Playwright UI suite. Every phase runs
// even if an earlier one failed; the last line is the total, `N passed, N failed`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { ARTIFACTS_DIR, REPO_ROOT } from './paths';
import { COUNTS_ENV, readCounts, type Counts } from './counts';
import { ensureSetup } from './setup';

interface Phase {
  name: string;
  command: string;
  args: string[];
  /** Needs the cached toolchain (Node 24, code-server, playwright-core). */
  needsSetup: boolean;
}

const bin = (name: string): string => path.join(REPO_ROOT, 'node_modules', '.bin', name);

const PHASES: Phase[] = [
  // The repo's .mocharc.json decides what runs; the reporter is spec plus a totals file.
  { name: 'unit', command: bin('mocha'), args: ['--reporter', 'test/harness/count-reporter.ts'], needsSetup: false },
  { name: 'in-host', command: bin('tsx'), args: ['test/harness/run-vscode-tests.ts'], needsSetup: true },
  { name: 'ui', command: bin('mocha'), args: ['--config', 'test/ui/.mocharc.json'], needsSetup: true },
];

let current: ChildProcess | undefined;

function runPhase(phase: Phase): Promise<Counts> {
  const countsFile = path.join(ARTIFACTS_DIR, `counts-${phase.name}.json`);
  fs.rmSync(countsFile, { force: true });
  console.log(`\n━━ ${phase.name} tests ━━`);
  const started = performance.now();
  return new Promise((resolve) => {
    current = spawn(phase.command, phase.args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, [COUNTS_ENV]: countsFile } });
    current.on('error', (error) => console.error(`[harness] ${phase.name}: ${error.message}`));
    current.on('close', (code, signal) => {
      current = undefined;
      const counts = readCounts(countsFile) ?? { passed: 0, failed: 0, pending: 0 };
      // A phase that failed outside any test (crash, no test files, hook error) counts as one failure.
      if (code !== 0 && counts.failed === 0) {
        console.error(`[harness] ${phase.name} exited with ${signal ?? code} without a failing test: counted as 1 failure`);
        counts.failed = 1;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`[harness] ${phase.name}: ${counts.passed} passed, ${counts.failed} failed${counts.pending ? `, ${counts.pending} pending` : ''} (${seconds}s)`);
      resolve(counts);
    });
  });
}

async function runAll(): Promise<number> {
  const total: Counts = { passed: 0, failed: 0, pending: 0 };
  let setupError: string | undefined;
  for (const phase of PHASES) {
    if (phase.needsSetup && setupError === undefined) {
      setupError = await ensureSetup().then(() => '', (error: unknown) => (error instanceof Error ? error.message : String(error)));
    }
    let counts: Counts;
    if (phase.needsSetup && setupError) {
      console.error(`[harness] ${phase.name}: not run, setup failed: ${setupError}`);
      counts = { passed: 0, failed: 1, pending: 0 };
    } else {
      counts = await runPhase(phase);
    }
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.pending += counts.pending;
  }
  console.log(`\n${total.passed} passed, ${total.failed} failed`);
  return total.failed > 0 ? 1 : 0;
}

// Ctrl+C reaches the phase's process group directly; SIGTERM (CI cancelling) is forwarded so
// the phase stops its server and browser before we exit.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    if (!current) process.exit(code);
    if (signal !== 'SIGINT') current.kill(signal);
    current.once('close', () => process.exit(code));
  });
}

runAll().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
