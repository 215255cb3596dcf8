// One in-process evidence task, bundled by test/bench/evidence.ts and run in a fresh process; prints
// one JSON line (timings of the measured phase, the process's peak RSS).
// Usage: node evidence-workload.js full|incremental|keystroke <repo> <today> <cache-file>
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { GovernsIndex } from '../../src/core/code/governs-index';
import { Evidence } from '../../src/core/evidence/evidence';
import { defaultPeopleSettings } from '../../src/core/evidence/evidence-settings';
import { RecordEvidenceCache } from '../../src/core/evidence/record-evidence';
import { LiveEvidence } from '../../src/core/live/live-evidence';
import { lintEvidence } from '../../src/core/lint/lint-evidence';
import type { DecisionIndex } from '../../src/core/index/decision-index';
import type { ResolvedConfig } from '../../src/core/config/config';
import { discoverFolders } from '../../src/core/workspace/discover-folders';
import { DecisionWorkspace } from '../../src/core/workspace/decision-workspace';
import { loadConfig } from '../../src/core/workspace/load-config';
import { readHistory, type ReadHistory } from '../../src/node/git-history';
import { NodeGitRepository } from '../../src/node/git-repository';
import { NodeFileSystem } from '../../src/node/node-file-system';
import { re2RegexEngine } from '../../src/node/re2-regex-engine';

const settings = defaultPeopleSettings();

/** The history (from `previous` or `cacheFile` when given), then the evidence rules over every decision. */
async function evidenceFor(root: string, today: string, index: DecisionIndex, governs: GovernsIndex, config: ResolvedConfig, from: { previous?: ReadHistory; cacheFile?: string }) {
  const started = performance.now();
  const read = await readHistory({ root, windowStart: Evidence.windowStart(settings, today), maxFilesPerCommit: settings.evidence.maxFilesPerCommit, ...from });
  if ('problem' in read) throw new Error(read.problem);
  const historyMs = performance.now() - started;
  const findings = lintEvidence(index, governs, new Evidence(read.history, settings, today), config);
  return { read, historyMs, totalMs: performance.now() - started, findings: findings.length };
}

async function main(): Promise<void> {
  const [task, root, today, cacheFile] = process.argv.slice(2);
  const fs = new NodeFileSystem({ root });
  const loaded = await loadConfig(fs, root, { trusted: true, regexEngine: re2RegexEngine });
  const workspace = new DecisionWorkspace({ fs, root, folders: await discoverFolders(fs, root, loaded.config), config: loaded.config, validator: loaded.validator, today });
  await workspace.scan(undefined, { body: false });
  const tracked = (await new NodeGitRepository(root).trackedFiles()) ?? [];
  const governs = GovernsIndex.build(workspace.index.entries(), tracked, re2RegexEngine);
  const rssBefore = process.resourceUsage().maxRSS / 1024;

  if (task === 'full') {
    const full = await evidenceFor(root, today, workspace.index, governs, loaded.config, {});
    emit({ task, commits: full.read.history.commits, decisions: governs.records.size, findings: full.findings, historyMs: full.historyMs, totalMs: full.totalMs, rssBeforeMb: rssBefore });
    return;
  }
  if (task === 'keystroke') return keystrokes(fs, root, today, workspace, governs, loaded.config);
  // The whole history read once and saved (untimed), then one commit, then the update: the
  // editor's (history in memory) and the CLI's (from the cache file), each timed.
  const first = await evidenceFor(root, today, workspace.index, governs, loaded.config, { cacheFile });
  const file = join(root, tracked.find((path) => path.startsWith('src/'))!);
  appendFileSync(file, 'export const touched = true;\n');
  const who = { GIT_AUTHOR_NAME: 'Bench Author', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench Author', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: `${today}T12:00:00Z`, GIT_COMMITTER_DATE: `${today}T12:00:00Z` };
  execFileSync('git', ['commit', '--quiet', '-am', 'one more'], { cwd: root, env: { ...process.env, ...who } });
  const inMemory = await evidenceFor(root, today, workspace.index, governs, loaded.config, { previous: first.read });
  const fromFile = await evidenceFor(root, today, workspace.index, governs, loaded.config, { cacheFile });
  emit({ task, how: [inMemory.read.how, fromFile.read.how], inMemoryHistoryMs: inMemory.historyMs, inMemoryMs: inMemory.totalMs, fromFileHistoryMs: fromFile.historyMs, fromFileMs: fromFile.totalMs });
}

const KEYSTROKES = 21;

/**
 * The editor's evidence work after one keystroke in one record's frontmatter (the debounced index
 * change): LiveEvidence's, which checks again the records whose inputs changed, against what it did
 * before (every record: a fresh RecordEvidenceCache and the rules over all of them, on the same
 * warm Evidence), alternated keystroke by keystroke in this one process.
 */
async function keystrokes(fs: NodeFileSystem, root: string, today: string, workspace: DecisionWorkspace, governs: GovernsIndex, config: ResolvedConfig): Promise<void> {
  const read = await readHistory({ root, windowStart: Evidence.windowStart(settings, today), maxFilesPerCommit: settings.evidence.maxFilesPerCommit });
  if ('problem' in read) throw new Error(read.problem);
  const live = new LiveEvidence({ read: async () => read, settings: () => settings, today: () => today });
  await live.refresh();
  const index = workspace.index;
  let started = performance.now();
  const first = live.findings(index, governs, config);
  const firstMs = performance.now() - started;
  const path = index.entries()[0].path;
  const text = new TextDecoder().decode(await fs.readFile(path));
  const everyRecord: number[] = [];
  const incremental: number[] = [];
  let findings = first.length;
  for (let i = 0; i < KEYSTROKES; i++) {
    // A successor typed, then taken back: the record's entry changes, its files do not.
    workspace.updateFrontmatter(path, i % 2 ? text : text.replace(/successors: \[/, 'successors: [someone, '));
    started = performance.now();
    live.changed();
    const found = live.findings(index, governs, config);
    incremental.push(performance.now() - started);
    started = performance.now();
    const all = lintEvidence(index, governs, live.evidence!, config, new RecordEvidenceCache(index, governs, live.evidence!));
    everyRecord.push(performance.now() - started);
    if (all.length !== found.length) throw new Error(`keystroke ${i}: ${found.length} findings, a full run ${all.length}`);
    findings = found.length;
  }
  emit({ task: 'keystroke', decisions: index.size, firstMs, findings, everyRecordMs: median(everyRecord), incrementalMs: median(incremental) });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function emit(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exitCode = 1;
});
