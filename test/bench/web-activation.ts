// Web activation (issue 17): the extension's browser entry in code-server's web worker host, as on
// vscode.dev, from the moment its bundle starts to run to the first diagnostics it publishes, on a
// copy of examples/workspace. Each run is a fresh load of the workbench (a fresh worker; the
// browser's cache keeps the bundle, and VS Code the workspace state with the folder's load hints,
// as for a returning visitor; the first run is a first visit and has neither). The figures come from the
// extension's own startup seam (LegibleApi.startup), written by web-activation-probe.ts.
//
//   npm run build && tsx test/bench/web-activation.ts [runs]     (npm run bench runs it too)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { WEB_BUNDLE_BUDGET } from '../../scripts/sidecars.mjs';
import { ensureSetup } from '../harness/setup';
import { copyWorkspace, createRunDir, runInWebWorkerHost } from '../harness/run-dir';
import { startCodeServer } from '../harness/server';
import { launchBrowser } from '../harness/browser';
import { runCleanups } from '../harness/cleanup';

const REPO = path.resolve(__dirname, '..', '..');
const WEB_BUNDLE = path.join(REPO, 'dist', 'web', 'extension.js');
/** Inside the extension's folder: the workbench runs a tests module in the host of the extension that holds it. */
const PROBE = path.join(REPO, 'out', 'bench', 'web-activation-probe.js');
const RUN_TIMEOUT_MS = 120_000;

export interface WebActivationResult {
  /** Bundle start → first diagnostics, per run (ms). */
  readonly firstDiagnostics: number[];
  /** Bundle start → the load settled: every record indexed and its body rules run, per run (ms). */
  readonly settled: number[];
  /** Bundle start → activate() called: evaluating the bundle (ms). */
  readonly evaluated: number[];
  /** One vscode.workspace.fs.stat after start-up, median of 5 (ms): the round trip the load pays per look-up. */
  readonly statMs: number[];
  readonly bundleBytes: number;
  /**
   * The probe's own bare look-up, made as the workbench loads it beside the extension, per run:
   * its round trip (ms), and when it returned (ms from the bundle's start). What any extension's
   * first round trip costs while the workbench starts, Legible's work aside.
   */
  readonly bare: Array<{ roundTrip: number; returned: number }>;
  /** Bundle start → each step of activation and of the folder's load, per run (ms): where the time goes. */
  readonly steps: Array<Array<{ step: string; at: number }>>;
}

interface ProbeResult {
  loaded?: number;
  activated: number;
  firstDiagnostics?: number;
  settled?: number;
  steps?: Array<{ step: string; at: number }>;
  webWorker: boolean;
  statMs: number;
}

export async function measureWebActivation(runs: number, log: (line: string) => void, from = path.join(REPO, 'examples', 'workspace')): Promise<WebActivationResult> {
  if (!fs.existsSync(WEB_BUNDLE)) throw new Error('dist/web/extension.js is missing: run `npm run build`');
  await ensureSetup();
  await build({ entryPoints: [path.join(__dirname, 'web-activation-probe.ts')], outfile: PROBE, bundle: true, platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'], logLevel: 'error' });
  const runDir = createRunDir('webact');
  const workspace = copyWorkspace(runDir, from);
  runInWebWorkerHost(runDir, 'legible.legible');
  const resultFile = path.join(runDir.root, 'web-activation.json');
  const result: WebActivationResult = { firstDiagnostics: [], settled: [], evaluated: [], statMs: [], bare: [], steps: [], bundleBytes: fs.statSync(WEB_BUNDLE).size };
  try {
    const server = await startCodeServer({ runDir, workspace, smokeTestDriver: true });
    const { page } = await launchBrowser(runDir);
    let reportExit: (code: number) => void = () => undefined;
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    await page.exposeFunction('codeAutomationLog', () => undefined);
    const remote = (absolute: string) => `vscode-remote://${server.authority}${absolute}`;
    const payload = [['extensionDevelopmentPath', remote(REPO)], ['extensionDevelopmentKind', 'web'], ['extensionTestsPath', remote(PROBE.replace(/\.js$/, ''))]];
    const url = `${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    for (let i = 0; i < runs; i++) {
      fs.rmSync(resultFile, { force: true });
      const exited = new Promise<number>((resolve, reject) => {
        reportExit = resolve;
        setTimeout(() => reject(new Error(`run ${i + 1}: no exit code within ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS).unref();
      });
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const code = await exited;
      if (code !== 0 || !fs.existsSync(resultFile)) throw new Error(`run ${i + 1}: the probe failed (exit code ${code}); see ${server.logPath}`);
      const probe = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as ProbeResult;
      if (!probe.webWorker) throw new Error('the extension ran in a Node extension host, not the web worker host');
      if (probe.loaded === undefined || probe.firstDiagnostics === undefined) throw new Error(`run ${i + 1}: the extension reported no startup times: ${JSON.stringify(probe)}`);
      result.firstDiagnostics.push(probe.firstDiagnostics - probe.loaded);
      if (probe.settled !== undefined) result.settled.push(probe.settled - probe.loaded);
      result.evaluated.push(probe.activated - probe.loaded);
      result.statMs.push(probe.statMs);
      const loaded = probe.loaded;
      result.steps.push((probe.steps ?? []).map(({ step, at }) => ({ step, at: at - loaded })));
      const bareAt = (step: string) => result.steps.at(-1)!.find((s) => s.step === step)?.at;
      const [asked, returned] = [bareAt('probe: bare stat asked'), bareAt('probe: bare stat returned')];
      if (asked !== undefined && returned !== undefined) result.bare.push({ roundTrip: returned - asked, returned });
      log(`  web activation run ${i + 1}: bundle evaluated in ${(probe.activated - probe.loaded).toFixed(0)} ms, first diagnostics at ${(probe.firstDiagnostics - probe.loaded).toFixed(0)} ms, settled at ${((probe.settled ?? NaN) - probe.loaded).toFixed(0)} ms; a stat takes ${probe.statMs.toFixed(1)} ms`);
      log(`    steps: ${result.steps.at(-1)!.map(({ step, at }) => `${step} ${at.toFixed(0)}`).join(', ')}`);
    }
  } finally {
    await runCleanups();
  }
  return result;
}

/** Each step's median time from the bundle's start, over the runs that passed it, in the order of the first run. */
export function stepMedians(result: WebActivationResult): Array<{ step: string; at: number; spread: [number, number] }> {
  const names = [...new Set(result.steps.flat().map(({ step }) => step))];
  return names.map((step) => {
    const times = result.steps.flatMap((run) => run.filter((s) => s.step === step).map((s) => s.at));
    return { step, at: median(times), spread: [Math.min(...times), Math.max(...times)] };
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The probe's bare look-up during start-up, for the goal's line. */
function bare(result: WebActivationResult): string {
  if (!result.bare.length) return '';
  const roundTrip = median(result.bare.map((b) => b.roundTrip));
  const returned = median(result.bare.map((b) => b.returned));
  return `, ${roundTrip.toFixed(0)} ms while the workbench starts: a bare look-up by the probe itself returned ${returned.toFixed(0)} ms after the bundle's start`;
}

/** The two web goals, in the shape of run.ts's goal table. */
export function webActivationGoals(result: WebActivationResult): Array<{ goal: string; measured: string; ratio: number; met: boolean }> {
  const first = median(result.firstDiagnostics);
  const kib = result.bundleBytes / 1024;
  return [
    { goal: 'web: activation to first diagnostics ≤ 200 ms (web worker host)', measured: `${first.toFixed(0)} ms (a first visit, run 1, without load hints or a warm cache: ${result.firstDiagnostics[0].toFixed(0)} ms; bundle evaluated in ${median(result.evaluated).toFixed(0)} ms; one file look-up ${median(result.statMs).toFixed(1)} ms after start-up${bare(result)}; ${result.firstDiagnostics.length} runs)`, ratio: 200 / first, met: first <= 200 },
    { goal: `web: bundle ≤ ${WEB_BUNDLE_BUDGET / 1000} KB`, measured: `${(result.bundleBytes / 1000).toFixed(0)} KB (${kib.toFixed(0)} KiB)`, ratio: WEB_BUNDLE_BUDGET / result.bundleBytes, met: result.bundleBytes <= WEB_BUNDLE_BUDGET },
  ];
}

/**
 * Report only: the same host on a generated corpus (a folder of 1,000 records): when its first
 * diagnostics show, and when the load settles (every record read and indexed, and read again for
 * its body rules, each a round trip through the workbench).
 */
export function webLoadRow(result: WebActivationResult, records: number): { goal: string; measured: string; ratio: number; met: boolean; reportOnly: true } {
  const [firstVisit, firstSettled] = [result.firstDiagnostics[0], result.settled[0]];
  return {
    goal: `web: the load of ${records.toLocaleString('en-US')} generated records in the web worker host`,
    measured: `first diagnostics ${median(result.firstDiagnostics).toFixed(0)} ms, settled (every record indexed and its body rules run) ${(median(result.settled) / 1000).toFixed(2)} s (a first visit, run 1: ${firstVisit.toFixed(0)} ms and ${(firstSettled / 1000).toFixed(2)} s; ${result.settled.length} runs)`,
    ratio: NaN,
    met: false,
    reportOnly: true,
  };
}

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 7);
  // A folder to open instead of examples/workspace (a generated corpus: the load of 1,000 records).
  const from = process.argv[3] === undefined ? undefined : path.resolve(process.argv[3]);
  measureWebActivation(runs, (line) => console.log(`[bench] ${line}`), from).then((result) => {
    const spread = (values: readonly number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
    console.log(`  first diagnostics: median ${median(result.firstDiagnostics).toFixed(0)} ms (${spread(result.firstDiagnostics)} over ${result.firstDiagnostics.length} runs)`);
    if (result.settled.length) console.log(`  settled: median ${median(result.settled).toFixed(0)} ms (${spread(result.settled)})`);
    for (const { step, at, spread: [low, high] } of stepMedians(result)) console.log(`    ${step}: ${at.toFixed(0)} ms (${low.toFixed(0)}–${high.toFixed(0)})`);
    for (const goal of webActivationGoals(result)) console.log(`  ${goal.met ? '✔' : '✖'} ${goal.goal}: ${goal.measured}`);
  }, (error: unknown) => {
    console.error(`[bench] ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  });
}
