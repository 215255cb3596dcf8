import { watch, type FSWatcher } from 'node:fs';
import { CitationForms } from '../core/code/citations';
import { walkFiles } from '../core/code/walk-files';
import { gatherCodeFacts } from '../core/code/code-facts';
import { explainPath, type FileExplanation } from '../core/code/explain';
import { GovernsIndex } from '../core/code/governs-index';
import { entryGoverns, globGoverningLookup, type GoverningLookup } from '../core/code/governing';
import { LiveCode } from '../core/code/live-code';
import type { DecisionIndex } from '../core/index/decision-index';
import { LiveWorkspace, type LiveLog } from '../core/live/live-workspace';
import { lintCode } from '../core/lint/lint-code';
import type { Clock } from '../core/port/clock';
import { isInside, joinPath, relativePath } from '../core/port/paths';
import type { Finding } from '../core/rules/rule';
import { CONFIG_FILE } from '../core/workspace/load-config';
import { NodeFileSystem } from '../node/node-file-system';
import { re2RegexEngine } from '../node/re2-regex-engine';
import { systemClock } from '../node/system-clock';
import { timerScheduler } from '../node/timer-scheduler';
import { workspaceFiles, type WorkspaceFiles } from '../node/workspace-files';
import { ignoredFilesAt } from '../node/tracked-files';
import { nodeLiveHistory } from '../node/live-history';
import type { LiveHistory } from '../core/live/live-history';
import type { EvidenceReportInput } from '../core/report/evidence-report';

export interface McpWorkspaceOptions {
  /** Absolute, '/'-separated. */
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  /** A fixed day (`--today`), else the machine's local date, moving at midnight. */
  readonly today?: string;
  readonly log: LiveLog;
  /**
   * Workspace Trust (`--untrusted`: false): `.legible.json`'s folders, templates and schema
   * extensions are not used, as in VS Code's Restricted Mode (LiveOptions.trusted); default true.
   */
  readonly trusted?: boolean;
  /** Follow changes to the records (and .legible.json) on disk; default true. */
  readonly watch?: boolean;
}

/**
 * The decisions of one workspace for the MCP server: the live engine the editor runs
 * (LiveWorkspace, LiveCode) on the Node adapters, loaded once at start and answered from memory.
 * Records and `.legible.json` are watched, so a record an agent writes is answered for at once;
 * the code file list is git's (else a walk) as of the start, and a file not on it (one the agent
 * is about to create) is matched against `governs` on its own. Untrusted, git is never run: a
 * repository's own configuration can make git run programs (`core.fsmonitor`, hooks, filters).
 */
export class McpWorkspace {
  readonly live: LiveWorkspace;
  readonly code: LiveCode;
  /**
   * The repository's history for the evidence rules, read as `legible lint` reads it once the
   * records are loaded, and again when HEAD moves; undefined untrusted (git is not run).
   */
  private readonly history: LiveHistory | undefined;
  private readonly ready: Promise<void>;
  private watchers: FSWatcher[] = [];
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;
  private files: Promise<WorkspaceFiles> | undefined;
  private listedSet: Promise<ReadonlySet<string>> | undefined;
  /** What one revision of the index compiles once: every record's globs, and the citation forms. */
  private compiled: { revision: number; index: DecisionIndex; lookup: GoverningLookup; forms: CitationForms } | undefined;

  constructor(private readonly options: McpWorkspaceOptions) {
    const fs = new NodeFileSystem({ reads: 'blocking', root: options.root });
    const clock: Clock = options.today ? fixedClock(options.today) : systemClock;
    this.live = new LiveWorkspace({ fs, root: options.root, name: options.root, scheduler: timerScheduler, clock, regexEngine: re2RegexEngine, log: options.log, settings: () => ({ debounceMs: 50 }), trusted: () => options.trusted ?? true });
    this.code = new LiveCode({ fs, root: options.root, regexEngine: re2RegexEngine, listFiles: () => this.codeFiles() });
    this.live.onDidChangeIndex(() => this.code.indexChanged(this.live.decisions?.index));
    if (options.trusted !== false) {
      this.history = nodeLiveHistory({
        live: this.live,
        code: this.code,
        env: options.env,
        allowed: () => true,
        report: (context, error) => options.log.error(context, error),
        problem: (why) => options.log.info(`the rules that compare records with the git history do not run: ${why}.`),
      });
    }
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    await this.live.load();
    // In the background: the first answers do not wait for git (lint and knowledge_risk do).
    this.history?.refresh();
    if (this.options.watch !== false) this.watchRecords();
    await this.live.settle();
    // The governs index is built now, so the first question about a file is answered from memory.
    await this.code.governsIndex();
    this.compiledFor(this.live.decisions!.index);
  }

  /** Resolves once the workspace is loaded and every change seen so far is linted. */
  async current(): Promise<DecisionIndex> {
    await this.ready;
    await this.live.settle();
    return this.live.decisions!.index;
  }

  get root(): string {
    return this.options.root;
  }

  /** The decisions governing a workspace-relative file and the records its text cites (`legible explain`'s answer). */
  async explain(path: string, relative: string): Promise<FileExplanation> {
    const index = await this.current();
    const compiled = this.compiledFor(index);
    let governs = await this.code.governsIndex();
    // A file the list lacks (not created or tracked yet) is matched on its own by the records whose
    // globs match it, read the same way (a GovernsIndex of one file, of those records), unless git
    // ignores it (a log, a local build), as `legible explain` and the editor leave it out. Git is
    // asked about no listed file: the list's own matching answers for it.
    if (!(await this.listed()).has(relative) && !(await this.ignored(path, relative))) governs = GovernsIndex.build(compiled.lookup.governing(relative), [relative], re2RegexEngine);
    // Read as `legible explain` reads it: a record's text too (its body may cite other records).
    return explainPath(this.live.fs, path, relative, index, governs, compiled.forms, re2RegexEngine);
  }

  private compiledFor(index: DecisionIndex): NonNullable<McpWorkspace['compiled']> {
    if (this.compiled?.index !== index || this.compiled.revision !== index.revision) {
      const entries = index.entries();
      this.compiled = { index, revision: index.revision, lookup: globGoverningLookup(entries, entryGoverns, re2RegexEngine), forms: new CitationForms(entries) };
    }
    return this.compiled;
  }

  /**
   * What the evidence reports take, once the history read under way is done; without history, why
   * there is none (untrusted, no git, not a repository), for the answer to say so.
   */
  async evidence(): Promise<EvidenceReportInput | { readonly unavailable: string }> {
    await this.current();
    if (!this.history) return { unavailable: UNTRUSTED_NO_HISTORY };
    return (await this.history.reportInput()) ?? { unavailable: this.history.evidence.problem ?? 'the git history could not be read' };
  }

  /**
   * The findings of files (absolute paths): a record's own, cross-file and evidence findings (once
   * the history read under way is done, as `legible lint` reads it), and the code rules' for records
   * and code files alike.
   */
  async lint(paths: readonly string[]): Promise<Map<string, Finding[]>> {
    const index = await this.current();
    await this.history?.whenIdle();
    const config = this.live.config!;
    const out = new Map<string, Finding[]>(paths.map((path) => [path, this.live.isDecisionFile(path) ? this.live.findingsFor(path) : []]));
    if (config.code.enabled) {
      // Citations are scanned in the code files named only, as `legible lint <paths>` does.
      const scan = paths.filter((path) => !this.live.isDecisionFile(path)).map((path) => relativePath(this.root, path));
      const facts = await gatherCodeFacts({ index, config, root: this.root, tracked: await this.codeFiles(), folders: this.live.folders, fs: this.live.fs, regexEngine: re2RegexEngine, scan });
      for (const finding of lintCode(index, facts, config)) out.get(finding.path)?.push(finding);
    }
    // By position, as `legible lint` lists them.
    for (const findings of out.values()) findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return out;
  }

  /** The records inside a folder (absolute), and the other files there with findings (a record's cross-file or evidence findings), sorted. */
  async within(folder: string): Promise<string[]> {
    await this.current();
    return this.live
      .allPaths()
      .filter((path) => path !== folder && isInside(folder, path))
      .sort();
  }

  private codeFiles(): Promise<readonly string[]> {
    return this.listing().then((listed) => listed.files);
  }

  /** The code files `governs` is matched against, listed once (git's tracked files, else a walk; untrusted, always a walk). */
  private listing(): Promise<WorkspaceFiles> {
    this.files ??= this.options.trusted === false ? walkFiles(this.live.fs, this.root) : workspaceFiles(this.live.fs, this.root, this.options.env);
    return this.files;
  }

  /** The listed files as a set, made once. */
  private listed(): Promise<ReadonlySet<string>> {
    this.listedSet ??= this.codeFiles().then((files) => new Set(files));
    return this.listedSet;
  }

  /** True for a file (absolute, and workspace-relative) that is there and that git ignores; never asked without git's list. */
  private async ignored(path: string, relative: string): Promise<boolean> {
    if (!(await this.listing()).tracked || !(await this.live.fs.stat(path).catch(() => undefined))) return false;
    return ((await ignoredFilesAt(this.root, [relative], this.options.env)) ?? []).includes(relative);
  }

  /** Records come and go, and `.legible.json` changes: the engine follows, as the editor's watcher makes it. */
  private watchRecords(): void {
    const root = this.options.root;
    const follow = (folder: string, recursive: boolean) => {
      try {
        const watcher = watch(folder, { recursive, persistent: false }, (_event, name) => {
          if (!name) return;
          const path = joinPath(folder, name.toString().split('\\').join('/'));
          if (path === joinPath(root, CONFIG_FILE)) void this.reload();
          else void this.live.fs.stat(path).then(
            (found) => (found ? this.live.fileChanged(path) : this.live.fileDeleted(path)),
            () => this.live.fileDeleted(path),
          );
        });
        watcher.on('error', () => watcher.close());
        this.watchers.push(watcher);
      } catch {
        // A folder that cannot be watched is answered for as of the start.
      }
    };
    follow(root, false);
    for (const folder of this.live.folders) follow(folder, true);
  }

  /**
   * `.legible.json` changed: load again, then watch the folders it names now. A change seen while
   * a load runs (an editor writes a file in steps: truncated, then written) loads once more after
   * it; the watchers stay open meanwhile, so no change is missed.
   */
  private reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        await this.live.load();
        this.history?.refresh();
        this.closeWatchers();
        this.watchRecords();
      } while (this.reloadAgain);
    })().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  private closeWatchers(): void {
    for (const watcher of this.watchers.splice(0)) watcher.close();
  }

  dispose(): void {
    this.closeWatchers();
    this.history?.dispose();
    this.code.dispose();
    this.live.dispose();
  }
}

/** Why `--untrusted` answers without the history's evidence. */
const UNTRUSTED_NO_HISTORY = 'git is not run in an untrusted workspace (--untrusted), so its history is not read; start the server without --untrusted in a repository you trust';

function fixedClock(today: string): Clock {
  return { today: () => today, untilTomorrow: () => 2 ** 31 - 1, now: () => performance.now() };
}
