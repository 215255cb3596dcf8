// The evidence workload of issue 16 (`npm run bench -- --evidence`, or `tsx test/bench/evidence.ts`):
// a seeded repository generated with `git fast-import` — 50,000 commits by 40 authors over 10,000
// files, and 1,000 decisions whose `governs` cover them — then, each in a fresh process:
//   - bare `git log --numstat` (and with --no-merges -M, the same diff work as Legible's pass);
//   - evidence for every decision: one streamed `git log` folded, `governs` files looked up, the
//     evidence rules run over all 1,000 records (goal: ≤ 1.5× the bare log; peak RSS ≤ 250 MB);
//   - the update after one new commit, from the history in memory (the editor) and from the cache
//     file (the CLI) (goal: ≤ 200 ms);
//   - the editor's evidence work after one keystroke in a record (the rules check that record again,
//     against every record as before).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { bundlePlugins, buildSidecars } from '../../scripts/sidecars.mjs';
import { BENCH_DIR } from './generate-corpus';

const COMMITS = 50_000;
const AUTHORS = 40;
const MODULES = 100;
const FILES_PER_MODULE = 100;
const DECISIONS = 1_000;
const SEED = 20261202;
const TODAY = '2026-11-21';
const END = Date.parse(`${TODAY}T00:00:00Z`) / 1000;
const SPAN = 3 * 365 * 86_400;
const BUILD = path.join(BENCH_DIR, 'build-evidence');

/** mulberry32: the same repository for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function record(n: number, module: number, group: number, owners: readonly string[]): string {
  const id = String(n).padStart(4, '0');
  return `---
type: adr
title: Decision ${id} on module ${module}
status: accepted
date: 2025-01-01
owners: [${owners[0]}]
reversibility: {door: two-way}
risk: {level: low}
business-tradeoff: {reduces-risk: a, preserves-option: b, accepts-cost: c, eases-later: d, protects-outcome: e}
governs: ["src/m${module}/f${group}*.ts"]
knowledge-exit-path: {holders: [${owners[0]}], successors: [${owners[1]}], mechanisms: [runbook]}
---

# Decision ${id}

## Context

C.

## Decision

D.

## Consequences

E.
`;
}

/** The fast-import stream, written to `out` in pieces (about 40 MB). */
function generate(repo: string): void {
  const rand = random(SEED);
  const authors = Array.from({ length: AUTHORS }, (_, i) => ({ name: `Author ${i} Ünïcode, "Q"`, email: `author${i}@example.com`, handle: `author${i}` }));
  const versions = new Int32Array(MODULES * FILES_PER_MODULE);
  const chunks: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const content = (file: number, version: number) => {
    // Each version drops a line at the top every third change and adds two at the bottom: numstat sees +2 −0/1.
    const start = Math.floor(version / 3);
    const lines: string[] = [];
    for (let i = start; i < start + 8 + version * 2 - start; i++) lines.push(`export const v${file}_${i} = ${i};`);
    return `${lines.join('\n')}\n`;
  };
  const out = fs.openSync(path.join(repo, 'import.stream'), 'w');
  const flush = () => {
    fs.writeSync(out, chunks.join(''));
    chunks.length = 0;
  };
  let nextNew = 0;
  for (let c = 0; c < COMMITS; c++) {
    const time = END - SPAN + Math.floor((c / COMMITS) * SPAN);
    const files = new Set<number>();
    // The first commits create the files, four at a time; after that, 1-6 files of one module.
    if (nextNew < versions.length) for (let k = 0; k < 4 && nextNew < versions.length; k++) files.add(nextNew++);
    else {
      const module = Math.floor(rand() * MODULES);
      const count = 1 + Math.floor(rand() * rand() * 6);
      for (let k = 0; k < count; k++) files.add(module * FILES_PER_MODULE + Math.floor(rand() * FILES_PER_MODULE));
    }
    const module = Math.floor([...files][0] / FILES_PER_MODULE);
    // Each module has two usual authors; others come by now and then (skewed towards the first authors).
    const roll = rand();
    const author = roll < 0.6 ? authors[(module * 7) % AUTHORS] : roll < 0.8 ? authors[(module * 7 + 1) % AUTHORS] : authors[Math.floor(rand() * rand() * AUTHORS)];
    const who = `${author.name} <${author.email}> ${time} +0000`;
    chunks.push(`commit refs/heads/main\nmark :${c + 1}\nauthor ${who}\ncommitter ${who}\n${data(`change ${c}`)}`);
    if (c > 0) chunks.push(`from :${c}\n`);
    for (const file of files) {
      versions[file]++;
      chunks.push(`M 100644 inline src/m${Math.floor(file / FILES_PER_MODULE)}/f${file % FILES_PER_MODULE}.ts\n${data(content(file, versions[file]))}`);
    }
    if (chunks.length > 5000) flush();
  }
  // The records, in a last commit: 10 per module, each governing `f<group>*.ts` (11 files).
  const time = END - 86_400;
  chunks.push(`commit refs/heads/main\nmark :${COMMITS + 1}\nauthor Records <records@example.com> ${time} +0000\ncommitter Records <records@example.com> ${time} +0000\n${data('decisions')}from :${COMMITS}\n`);
  for (let d = 0; d < DECISIONS; d++) {
    const module = d % MODULES;
    const group = Math.floor(d / MODULES);
    const owners = [authors[(module * 7) % AUTHORS].handle, authors[(module * 7 + 1) % AUTHORS].handle];
    chunks.push(`M 100644 inline docs/decisions/${String(d + 1).padStart(4, '0')}-decision.md\n${data(record(d + 1, module, group, owners))}`);
  }
  chunks.push('done\n');
  flush();
  fs.closeSync(out);
}

function ensureRepository(): string {
  const repo = path.join(BENCH_DIR, `evidence-repo-${SEED}`);
  if (fs.existsSync(path.join(repo, '.git', 'legible-bench-ready'))) return repo;
  fs.rmSync(repo, { recursive: true, force: true });
  fs.mkdirSync(repo, { recursive: true });
  const git = (...args: string[]) => {
    const ran = spawnSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    if (ran.status !== 0) throw new Error(`git ${args[0]}: ${ran.stderr}`);
    return ran.stdout;
  };
  git('init', '--quiet', '--initial-branch=main');
  const started = performance.now();
  generate(repo);
  const imported = spawnSync('git', ['fast-import', '--quiet', '--done'], { cwd: repo, stdio: [fs.openSync(path.join(repo, 'import.stream'), 'r'), 'pipe', 'pipe'] });
  if (imported.status !== 0) throw new Error(`git fast-import: ${String(imported.stderr)}`);
  fs.rmSync(path.join(repo, 'import.stream'));
  git('checkout', '--quiet', '--force', 'main');
  git('gc', '--quiet');
  fs.writeFileSync(path.join(repo, '.git', 'legible-bench-ready'), '');
  console.log(`[evidence] generated ${COMMITS.toLocaleString('en')} commits in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return repo;
}

/** Runs a process to its end: wall time, output, and peak RSS (GNU time when present). */
function timed(command: string, args: readonly string[], cwd: string): Promise<{ ms: number; stdout: string; rssMb?: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      // Bare git log output is read and dropped, as a consumer that only counts it would.
      if (command !== 'git') stdout += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ ms: performance.now() - started, stdout: stdout || String(bytes) }) : reject(new Error(`${command} exited ${code}`))));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export interface EvidenceGoal {
  readonly goal: string;
  readonly measured: string;
  readonly ratio: number;
  readonly met: boolean;
}

/** The evidence workload as lines to print and goals for the bench's table (issue 16). */
export async function measureEvidence(reps = 3): Promise<{ lines: string[]; goals: EvidenceGoal[] }> {
  const repo = ensureRepository();
  fs.mkdirSync(BUILD, { recursive: true });
  const workload = path.join(BUILD, 'evidence-workload.js');
  await build({ entryPoints: [path.join(__dirname, 'evidence-workload.ts')], outfile: workload, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning', plugins: bundlePlugins });
  await buildSidecars(BUILD);
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
  const bare: number[] = [];
  const same: number[] = [];
  const full: Array<Record<string, number>> = [];
  for (let i = 0; i < reps; i++) {
    bare.push((await timed('git', ['log', '--numstat'], repo)).ms);
    same.push((await timed('git', ['log', '--numstat', '--no-merges', '-M'], repo)).ms);
    const run = await timed(process.execPath, [workload, 'full', repo, TODAY, path.join(BUILD, 'history.json')], repo);
    full.push(JSON.parse(run.stdout) as Record<string, number>);
  }
  const incremental: Array<Record<string, number>> = [];
  for (let i = 0; i < reps; i++) {
    const run = await timed(process.execPath, [workload, 'incremental', repo, TODAY, path.join(BUILD, `history-${i}.json`)], repo);
    incremental.push(JSON.parse(run.stdout) as Record<string, number>);
    // Back to the generated history: every run adds its one commit to the same repository.
    spawnSync('git', ['reset', '--quiet', '--hard', head], { cwd: repo });
  }
  const keystroke: Array<Record<string, number>> = [];
  for (let i = 0; i < reps; i++) keystroke.push(JSON.parse((await timed(process.execPath, [workload, 'keystroke', repo, TODAY, ''], repo)).stdout) as Record<string, number>);
  const evidenceMs = median(full.map((r) => r.totalMs));
  const rss = Math.max(...full.map((r) => r.maxRssMb));
  const lines = [
    `Evidence workload (${COMMITS.toLocaleString('en')} commits, ${AUTHORS} authors, ${(MODULES * FILES_PER_MODULE).toLocaleString('en')} files, ${full[0].decisions} decisions; medians of ${reps}):`,
    `  bare git log --numstat:                 ${median(bare).toFixed(0)} ms`,
    `  git log --numstat --no-merges -M:       ${median(same).toFixed(0)} ms`,
    `  evidence for every decision:            ${evidenceMs.toFixed(0)} ms (history ${median(full.map((r) => r.historyMs)).toFixed(0)} ms; ${full[0].findings} findings) = ${(evidenceMs / median(bare)).toFixed(2)}× the bare log (goal ≤ 1.5×)`,
    `  peak RSS of the evidence process:       ${rss.toFixed(0)} MB, of which ${Math.max(...full.map((r) => r.rssBeforeMb)).toFixed(0)} MB before the history (index, governs) (goal ≤ 250 MB)`,
    `  update after one commit, in memory:     ${median(incremental.map((r) => r.inMemoryHistoryMs)).toFixed(0)} ms for the history (goal ≤ 200 ms); ${median(incremental.map((r) => r.inMemoryMs)).toFixed(0)} ms with the rules over every decision`,
    `  evidence work after one keystroke:      ${median(keystroke.map((r) => r.incrementalMs)).toFixed(1)} ms, the records it changed checked again (${median(keystroke.map((r) => r.everyRecordMs)).toFixed(1)} ms with every record checked, as before; the first check of all ${median(keystroke.map((r) => r.firstMs)).toFixed(0)} ms)`,
    `  update after one commit, cache file:    ${median(incremental.map((r) => r.fromFileHistoryMs)).toFixed(0)} ms for the history; ${median(incremental.map((r) => r.fromFileMs)).toFixed(0)} ms with the rules`,
  ];
  const ratio = evidenceMs / median(bare);
  const update = median(incremental.map((r) => r.inMemoryHistoryMs));
  const goals: EvidenceGoal[] = [
    { goal: 'evidence: every decision ≤ 1.5× bare `git log --numstat`', measured: `${ratio.toFixed(2)}× (${evidenceMs.toFixed(0)} ms vs ${median(bare).toFixed(0)} ms; 50,000 commits, 1,000 decisions)`, ratio: 1.5 / ratio, met: ratio <= 1.5 },
    { goal: 'evidence: peak memory ≤ 250 MB', measured: `${rss.toFixed(0)} MB`, ratio: 250 / rss, met: rss <= 250 },
    { goal: 'evidence: update after one new commit ≤ 200 ms', measured: `${update.toFixed(0)} ms for the history (old..HEAD); ${median(incremental.map((r) => r.inMemoryMs)).toFixed(0)} ms with the rules over every decision`, ratio: 200 / update, met: update <= 200 },
  ];
  return { lines, goals };
}

/** `npm run bench -- --evidence`: the workload alone, printed. */
export async function runEvidenceBench(reps = 3): Promise<void> {
  const { lines, goals } = await measureEvidence(reps);
  console.log(lines.join('\n'));
  for (const goal of goals) console.log(`  ${goal.met ? '✔' : '✖'} ${goal.goal}: ${goal.measured}`);
}

if (require.main === module) {
  runEvidenceBench(Number(process.argv[2] ?? 3)).catch((error: unknown) => {
    console.error(`[evidence] ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  });
}
