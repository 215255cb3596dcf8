// The in-process measures of issue 15 (decisions meet the code), on the seeded repository of
// generate-code-repo.ts: the GovernsIndex's one pass, `explain` for one path, the lens of an opened
// file, re-matching after a file is created, and the citation scan `lint` runs. Part of the
// workloads bundle (workloads.ts dispatches to these tasks).
import { CitationForms, scanCitations } from '../../src/core/code/citations';
import { codeFilesToScan, readCodeText } from '../../src/core/code/code-files';
import { explainFile } from '../../src/core/code/explain';
import { GovernsIndex } from '../../src/core/code/governs-index';
import { LiveCode } from '../../src/core/code/live-code';
import { governedByTitle, summarizeRecord } from '../../src/core/code/record-summary';
import { joinPath, relativePath } from '../../src/core/port/paths';
import { NodeGitRepository } from '../../src/node/git-repository';
import { gitCitationSearch } from '../../src/cli/code/git-citation-search';
import { GitCodeSearch } from '../../src/node/git-code-search';
import { LintCache } from '../../src/cli/scan/lint-cache';
import { rm } from 'node:fs/promises';
import { NodeFileSystem } from '../../src/node/node-file-system';
import { re2RegexEngine } from '../../src/node/re2-regex-engine';
import type { DecisionWorkspace } from '../../src/core/workspace/decision-workspace';

export interface CodeTaskHelpers {
  readonly emit: (result: Record<string, unknown>) => void;
  readonly open: (root: string, today: string) => Promise<DecisionWorkspace>;
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const median = (values: readonly number[]) => sorted(values)[Math.floor((values.length - 1) / 2)];
const p90 = (values: readonly number[]) => sorted(values)[Math.min(values.length - 1, Math.ceil(0.9 * values.length) - 1)];

async function tracked(root: string): Promise<readonly string[]> {
  const files = await new NodeGitRepository(root).trackedFiles();
  if (!files) throw new Error(`${root} is no git repository`);
  return files;
}

export function codeTasks({ emit, open }: CodeTaskHelpers): Record<string, (args: string[]) => Promise<void>> {
  return {
    /**
     * The GovernsIndex over every tracked file (the first build in the process, JIT cold, then
     * warm ones), then per sample file: `explain` (read, scan, explain), the lens (governing
     * records and their titles, as the editor's CodeLens asks), and re-matching after a file is
     * created (LiveCode.created, then the lens of the new file).
     */
    async governs([root, today, samplesArg]) {
      const samples = samplesArg.split(',');
      const files = await tracked(root);
      const workspace = await open(root, today);
      await workspace.scan(await workspace.listFiles(), { body: false });
      const index = workspace.index;
      const builds: number[] = [];
      const buildCpu: number[] = [];
      let governs: GovernsIndex | undefined;
      for (let i = 0; i < 5; i++) {
        const cpu = process.cpuUsage();
        const started = performance.now();
        governs = GovernsIndex.build(index.entries(), files, re2RegexEngine);
        builds.push(performance.now() - started);
        const used = process.cpuUsage(cpu);
        buildCpu.push((used.user + used.system) / 1000);
      }
      const governed = [...governs!.records.values()].reduce((sum, record) => sum + record.files.length, 0);
      const fs = workspace.options.fs;
      const forms = new CitationForms(index.entries());
      const explain: number[] = [];
      for (const path of samples) {
        const started = performance.now();
        const read = await readCodeText(fs, joinPath(root, path));
        explainFile(index, governs!, path, 'text' in read ? scanCitations(read.text, forms) : { unread: read.skipped }, re2RegexEngine);
        explain.push(performance.now() - started);
      }
      const live = new LiveCode({ fs, root, regexEngine: re2RegexEngine, listFiles: async () => files });
      live.indexChanged(index);
      await live.governsIndex();
      const lens = async (path: string) => (await live.governing(path)).map((entry) => governedByTitle(summarizeRecord(index, entry)));
      const lenses: number[] = [];
      let titles = 0;
      for (const path of samples) {
        const started = performance.now();
        titles += (await lens(joinPath(root, path))).length;
        lenses.push(performance.now() - started);
      }
      const created: number[] = [];
      for (const path of samples) {
        const added = joinPath(root, path.replace(/\/([^/]+)$/, '/created-$1'));
        const started = performance.now();
        await live.created(added, async () => false);
        await lens(added);
        created.push(performance.now() - started);
      }
      live.dispose();
      emit({
        buildMs: builds[0],
        buildCpuMs: buildCpu[0],
        warmBuildMs: median(builds.slice(1)),
        warmBuildCpuMs: median(buildCpu.slice(1)),
        files: files.length,
        records: governs!.records.size,
        governed,
        explainMs: median(explain),
        explainP90Ms: p90(explain),
        lensMs: median(lenses),
        lensP90Ms: p90(lenses),
        titles,
        createdMs: median(created),
        createdP90Ms: p90(created),
      });
    },

    /**
     * The citation scan of `lint` without paths (no cache), as code-facts.ts runs it with the
     * CLI's hooks: the code files listed, one git grep for the citation forms' line pattern, a
     * stat of each file it found lines in, the core's scan of those lines. `all` reads and scans
     * every code file instead (the way without git), for comparison; `cache` times a second scan
     * with `lint --cache`'s cache after a first one filled it (`ms`; the first is `coldMs`), each from
     * loading the cache to saving it.
     */
    async 'citation-scan'([root, today, mode]) {
      const files = await tracked(root);
      const workspace = await open(root, today);
      await workspace.scan(await workspace.listFiles(), { body: false });
      const fs = new NodeFileSystem({ root });
      const folders = workspace.options.folders.map((folder) => relativePath(root, folder));
      const started = performance.now();
      const forms = new CitationForms(workspace.index.entries());
      const scan = codeFilesToScan(files, workspace.options.config.code, folders);
      let citations = 0;
      let read = 0;
      if (mode === 'all') {
        for (const path of scan) {
          const text = await readCodeText(fs, joinPath(root, path));
          read++;
          if ('text' in text) citations += scanCitations(text.text, forms).total;
        }
      } else if (mode === 'cache') {
        // `lint --cache`: a first run fills a fresh cache (timed as `coldMs`), a second finds every file unchanged.
        const location = joinPath(root, '.git', 'legible-bench-scan-cache.json');
        await rm(location, { force: true });
        // Both timed from the cache's load to its save, the listing of the code files aside.
        const coldStarted = performance.now();
        const cache = await LintCache.load(location, 'bench');
        const search = gitCitationSearch({ root, folders: workspace.options.folders, env: process.env }, cache);
        const cold = await search(forms, scan);
        await cache.save();
        const coldMs = performance.now() - coldStarted;
        const warmStarted = performance.now();
        const reloaded = await LintCache.load(location, 'bench');
        const warm = await gitCitationSearch({ root, folders: workspace.options.folders, env: process.env }, reloaded)(forms, scan);
        await reloaded.save();
        const warmMs = performance.now() - warmStarted;
        await rm(location, { force: true });
        if (!cold || !warm) throw new Error('git grep gave no answer');
        for (const cited of warm.citations.values()) citations += cited.total;
        emit({ ms: warmMs, coldMs, files: scan.length, read: warm.citations.size, citations });
        return;
      } else {
        const found = await gitCitationSearch({ root, folders: workspace.options.folders, env: process.env })(forms, scan);
        if (!found) throw new Error('git grep gave no answer');
        read = found.citations.size;
        for (const cited of found.citations.values()) citations += cited.total;
      }
      const elapsed = performance.now() - started;
      const pathspecs = (await GitCodeSearch.at(root))?.pathspecs(folders);
      emit({ ms: elapsed, files: scan.length, read, citations, pattern: forms.linePattern, pathspecs });
    },
  };
}
