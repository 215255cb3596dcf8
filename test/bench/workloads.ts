// The in-process side of `npm run bench`: run.ts bundles this file with esbuild (as the product is
// bundled) and starts one fresh Node process per task and repetition. Each task prints one JSON line.
// Timings start after the bundle is loaded; peak RSS is the process's own high-water mark.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeFileSystem, type ReadMode } from '../../src/node/node-file-system';
import { timeSlices } from '../../src/node/time-slices';
import { discoverFolders } from '../../src/core/workspace/discover-folders';
import { DecisionWorkspace } from '../../src/core/workspace/decision-workspace';
import { loadConfig } from '../../src/core/workspace/load-config';
import { readDecisionText } from '../../src/core/workspace/read-text';
import { codeTasks } from './code-workloads';

/** Milliseconds since the process started, when the bundle had been evaluated and the task began. */
const loadedAt = performance.now();

/** User + system CPU milliseconds since `since` (all threads of the process). */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function emit(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ...result, loadedAtMs: loadedAt, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

/**
 * The extension's on-disk port: adaptive (blocking reads while they are quick), or its thread-pool
 * fallback; confined to the workspace root as the extension's is (links resolved, O_NOFOLLOW).
 */
function extensionPort(reads: ReadMode = 'adaptive', root?: string): NodeFileSystem {
  return new NodeFileSystem({ reads, root });
}

function readMode(arg: string | undefined): ReadMode {
  if (arg === undefined) return 'adaptive';
  if (arg !== 'adaptive' && arg !== 'thread-pool') throw new Error(`unknown read mode ${arg}`);
  return arg;
}

async function openWorkspace(root: string, today: string, reads?: ReadMode): Promise<DecisionWorkspace> {
  const fs = extensionPort(reads, root);
  const loaded = await loadConfig(fs, root, { trusted: true });
  const folders = await discoverFolders(fs, root, loaded.config);
  return new DecisionWorkspace({ fs, root, folders, config: loaded.config, validator: loaded.validator, today });
}

/**
 * The frontmatter half for every file, as the live engine's first load runs it (LiveWorkspace.load):
 * no Markdown parse, slices of 10 ms with a turn of the event loop between them.
 */
async function indexFrontmatter(workspace: DecisionWorkspace): Promise<number> {
  const files = await workspace.listFiles();
  await workspace.scan(files, { body: false, between: timeSlices(10) });
  return files.length;
}

/** Inserts `typed` one character at a time at `at`, calling `step` with each new text. */
async function type(text: string, at: number, count: number, step: (text: string) => Promise<void> | void): Promise<string> {
  const typed = 'and the successor reads the runbook before the next incident ';
  let current = text;
  for (let i = 0; i < count; i++) {
    current = current.slice(0, at + i) + typed[i % typed.length] + current.slice(at + i);
    await step(current);
  }
  return current;
}

const tasks: Record<string, (args: string[]) => Promise<void>> = {
  /** Read every file of the folder, nothing else: the floor any linter stands on. */
  async io([folder]) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    let bytes = 0;
    const names = readdirSync(folder);
    for (const name of names) bytes += readFileSync(join(folder, name)).length;
    emit({ ms: performance.now() - started, cpuMs: cpuMs(cpu), files: names.length, bytes });
  },

  /**
   * The same reads as the extension's index does them: its on-disk port (`adaptive`: blocking
   * while quick; `thread-pool`: open, fstat, read, close through Node's thread pool), 16 files
   * ahead as DecisionWorkspace.scan keeps them.
   */
  async 'io-port'([folder, mode]) {
    const fs = extensionPort(readMode(mode), folder);
    const names = readdirSync(folder);
    const cpu = process.cpuUsage();
    const started = performance.now();
    let bytes = 0;
    const reads: Array<Promise<{ bytes: Uint8Array }>> = [];
    for (let i = 0; i < names.length; i++) {
      reads.push(fs.readBounded(join(folder, names[i]), 1 << 20));
      if (reads.length >= 16) bytes += (await reads.shift()!).bytes.length;
    }
    for (const read of reads) bytes += (await read).bytes.length;
    emit({ ms: performance.now() - started, cpuMs: cpuMs(cpu), files: names.length, bytes, reads: fs.reads });
  },

  /** Config, folders, then every file's frontmatter into the DecisionIndex: `scan(files, { body: false })`, no cross-file rules. */
  async index([root, today, mode]) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const workspace = await openWorkspace(root, today, readMode(mode));
    const configMs = performance.now() - started;
    const files = await indexFrontmatter(workspace);
    const ms = performance.now() - started;
    const cpuTime = cpuMs(cpu);
    let findings = 0;
    for (const entry of workspace.index.entries()) findings += workspace.fileFindings(entry.path).length;
    emit({ ms, cpuMs: cpuTime, configMs, files, entries: workspace.index.entries().length, findings, reads: (workspace.options.fs as NodeFileSystem).reads });
  },

  /**
   * One large record typed into, inside a workspace holding a corpus: the frontmatter phase (what
   * runs on every keystroke), the record's own full diagnostics (frontmatter + body rules), and the
   * cross-file rules over the whole index (debounced in the editor).
   */
  async keystroke([root, recordFile, today, editsArg, warmupArg]) {
    const edits = Number(editsArg);
    const warmup = Number(warmupArg);
    const workspace = await openWorkspace(root, today);
    await indexFrontmatter(workspace);
    const path = join(workspace.options.folders[0], '99990-large-record-being-edited.md');
    const text = readFileSync(recordFile, 'utf8');
    const titleAt = text.indexOf('\n', text.indexOf('\ntitle:') + 1);
    const bodyAt = text.indexOf('\n', text.indexOf('## Consequences')) + 2;
    const frontmatter: number[] = [];
    const own: number[] = [];
    const crossFile: number[] = [];
    let findings = 0;
    // Frontmatter phase: typing at the end of the title, the synchronous half only.
    await type(text, titleAt, warmup + edits, (current) => {
      const started = performance.now();
      workspace.updateFrontmatter(path, current);
      findings = workspace.fileFindings(path).length;
      frontmatter.push(performance.now() - started);
    });
    // Full phase: typing in the body; frontmatter and body rules, then (every 5th edit, as the
    // editor debounces them) the cross-file rules over the whole index.
    let edit = 0;
    await type(text, bodyAt, warmup + edits, async (current) => {
      const started = performance.now();
      const parsed = workspace.updateFrontmatter(path, current);
      await workspace.updateBody(parsed.doc, parsed.entry);
      findings = workspace.fileFindings(path).length;
      own.push(performance.now() - started);
      if (edit++ % 5 === 0) {
        const crossStarted = performance.now();
        await workspace.crossFileFindings();
        crossFile.push(performance.now() - crossStarted);
      }
    });
    /** Types into the body of `record` (after `## Consequences`), timing all the record's diagnostics. */
    const typeInBody = async (record: string): Promise<{ samples: number[]; findings: number }> => {
      const samples: number[] = [];
      let count = 0;
      await type(record, record.indexOf('\n', record.indexOf('## Consequences')) + 2, warmup + edits, async (current) => {
        const started = performance.now();
        const parsed = workspace.updateFrontmatter(path, current);
        await workspace.updateBody(parsed.doc, parsed.entry);
        count = workspace.fileFindings(path).length;
        samples.push(performance.now() - started);
      });
      return { samples, findings: count };
    };
    // The same typing in the same record with a section heading renamed away: the heading scan
    // is certain of the body's headings, so the rule reports the missing one without the tree.
    const incomplete = text.replace('\n## Decision\n', '\n## Outcome\n');
    const missing = await typeInBody(incomplete);
    // With an HTML block in the body as well: the heading scan follows it (CommonMark's rules).
    const html = await typeInBody(incomplete.replace('\n## Context\n', '\n<details>\n<summary>Background</summary>\n\nSee the appendix.\n\n</details>\n\n## Context\n'));
    // And with a setext heading instead: a line scan cannot be sure of it, so remark parses the
    // record (the chunk an edit changed, the rest kept from the last parse). The slowest path.
    const remark = await typeInBody(incomplete.replace('\n## Context\n', '\nBackground\n----------\n\nSee the appendix.\n\n## Context\n'));
    emit({ frontmatter: frontmatter.slice(warmup), own: own.slice(warmup), missingSection: missing.samples.slice(warmup), missingFindings: missing.findings, htmlBlock: html.samples.slice(warmup), htmlFindings: html.findings, remarkPath: remark.samples.slice(warmup), remarkFindings: remark.findings, crossFile: crossFile.slice(Math.ceil(warmup / 5)), bytes: Buffer.byteLength(text), indexed: workspace.index.entries().length, findings });
  },

  /** markdownlint (the library markdownlint-cli2 runs, default rules) on the same typing. */
  async 'markdownlint-keystroke'([recordFile, editsArg, warmupArg]) {
    const edits = Number(editsArg);
    const warmup = Number(warmupArg);
    // Resolved at run time from node_modules (the bundle leaves it out), as markdownlint-cli2 loads it.
    const specifier: string = 'markdownlint-cli2/markdownlint/promise';
    const { lint } = (await import(specifier)) as { lint: (options: { strings: Record<string, string> }) => Promise<Record<string, unknown[]>> };
    const text = readFileSync(recordFile, 'utf8');
    const bodyAt = text.indexOf('\n', text.indexOf('## Consequences')) + 2;
    const samples: number[] = [];
    let findings = 0;
    await type(text, bodyAt, warmup + edits, async (current) => {
      const started = performance.now();
      const results = await lint({ strings: { 'record.md': current } });
      findings = results['record.md'].length;
      samples.push(performance.now() - started);
    });
    emit({ samples: samples.slice(warmup), findings });
  },

  /**
   * First diagnostics for one open file in a fresh process, using the core directly: config and
   * validators, then the file's frontmatter diagnostics, then its body diagnostics (remark loaded).
   */
  async 'first-diagnostics'([root, file, today]) {
    const started = performance.now();
    const workspace = await openWorkspace(root, today);
    const configMs = performance.now() - started;
    const fs = workspace.options.fs;
    const stat = await fs.stat(file);
    const read = await readDecisionText(fs, file, workspace.options.config.limits, stat?.size);
    const parsed = workspace.updateFrontmatter(file, read.text, read.problem);
    const frontmatterFindings = workspace.fileFindings(file).length;
    const frontmatterMs = performance.now() - started;
    await workspace.updateBody(parsed.doc, parsed.entry);
    const findings = workspace.fileFindings(file).length;
    emit({ ms: performance.now() - started, configMs, frontmatterMs, frontmatterFindings, findings });
  },
};

// Issue 15's measures, on the seeded repository (generate-code-repo.ts).
Object.assign(tasks, codeTasks({ emit, open: (root, today) => openWorkspace(root, today) }));

const [name, ...args] = process.argv.slice(2);
const task = tasks[name];
if (!task) {
  process.stderr.write(`unknown task ${name}; expected ${Object.keys(tasks).join(', ')}\n`);
  process.exit(2);
}
task(args).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
