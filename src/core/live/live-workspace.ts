import type { FileSystemPort } from '../port/file-system';
import type { Timer } from '../port/scheduler';
import { isInside, relativePath } from '../port/paths';
import type { ResolvedConfig } from '../config/config';
import { parseDecisionDocument, type DecisionDocument } from '../document/decision-document';
import { businessTradeoff } from '../document/business-tradeoff';
import type { DecisionEntry } from '../index/decision-entry';
import type { Finding } from '../rules/rule';
import { DecisionWorkspace } from '../workspace/decision-workspace';
import type { ReadResult } from '../workspace/read-text';
import { BackgroundWork } from './background-work';
import { Emitter } from './emitter';
import { group } from './findings-by-path';
import { DayWatch } from './day-watch';
import { loadFolders, loadHints } from './load-folders';
import { lintBodies } from './body-phase';
import { PublishedFindings } from './published-findings';
import { indexOpenRecords, loadIndex, type IndexPhase } from './load-index';
import { OpenDocuments } from './open-documents';
import { rereadRecord } from './reread-record';
import { SILENT_LOG, type FindingsChange, type LiveLog, type LiveSettings, type LiveWorkspaceOptions, type LoadProgress } from './live-options';

export type { FindingsChange, HintStore, LiveLog, LiveSettings, LiveWorkspaceOptions, LoadHints, LoadProgress, LoadStep } from './live-options';

/** The longest stretch of indexing or body rules before the host gets a turn. */
const SLICE_MS = 10;
const DEFAULT_DEBOUNCE_MS = 300;

/**
 * The decisions of one workspace folder, kept current as files change and as the user types: the
 * engine every live front-end drives (the extension with its events, a language server with
 * didOpen/didChange/didClose and watched files). A load publishes the whole index with its
 * frontmatter and cross-file findings first, then the body rules (a Markdown parse each) in
 * slices. Edits: frontmatter findings at once, body rules and cross-file rules debounced. An open
 * document's text wins over the file's until it closes. The date moves at midnight.
 */
export class LiveWorkspace {
  readonly root: string;
  readonly fs: FileSystemPort;
  private workspace: DecisionWorkspace | undefined;
  private loadProblems: readonly string[] = [];
  private readonly openTexts = new OpenDocuments();
  private readonly published = new PublishedFindings();
  /** Edited files whose body rules wait for the debounce. */
  private pendingBodies = new Map<string, { doc: DecisionDocument; entry: DecisionEntry }>();
  /** Files of the current load whose body rules have not run yet. */
  private bodiesPending = new Set<string>();
  /** The first load's open (and hinted) records, indexed before the folder: their own findings show while it is read. */
  private openFirst: DecisionWorkspace | undefined;
  /** Records that changed while a load read the folder: re-read once its index is published. */
  private changedDuringLoad: Set<string> | undefined;
  private loading: Promise<void> = Promise.resolve();
  private bodyPhase: Promise<void> = Promise.resolve();
  /** Reads started by events (a closed editor, the watcher) and the debounced rules: settle() waits for them. */
  private readonly background: BackgroundWork;
  private debounce: Timer | undefined;
  private readonly day: DayWatch;
  private generation = 0;
  private disposed = false;
  private readonly log: LiveLog;
  private readonly findingsEmitter = new Emitter<FindingsChange>();
  private readonly indexEmitter = new Emitter<void>();
  private readonly progressEmitter = new Emitter<LoadProgress>();
  /** Findings of these files (of every file, when `paths` is undefined) changed. */
  readonly onDidChangeFindings = this.findingsEmitter.event;
  /** The index changed: records added, removed or edited. */
  readonly onDidChangeIndex = this.indexEmitter.event;
  readonly onDidLoadProgress = this.progressEmitter.event;

  constructor(private readonly options: LiveWorkspaceOptions) {
    this.root = options.root;
    this.fs = options.fs;
    this.log = options.log ?? SILENT_LOG;
    this.background = new BackgroundWork((context, error) => this.log.report(context, error));
    this.day = new DayWatch(options.scheduler, options.clock, (today) => {
      this.log.info(`${options.name}: the date is now ${today}: linting again`);
      this.background.track(this.load(), 'Reading the records for the new date');
    });
  }

  get decisions(): DecisionWorkspace | undefined {
    return this.workspace;
  }

  get config(): ResolvedConfig | undefined {
    return this.workspace?.options.config;
  }

  /** What the last load found wrong with the configuration (LoadedFolders.problems; `legible lint` warns the same). */
  get problems(): readonly string[] {
    return this.loadProblems;
  }

  get folders(): readonly string[] {
    return this.workspace?.options.folders ?? [];
  }

  today(): string {
    return this.options.clock.today();
  }

  /**
   * (Re)reads the configuration, finds the decisions folders and indexes every record (frontmatter
   * only, no Markdown parse); resolves once that is published. The body rules follow in the
   * background: `bodiesLinted()` resolves when they are done.
   */
  load(): Promise<void> {
    const work = this.loadNow();
    this.loading = work.catch(() => undefined);
    return work;
  }

  private async loadNow(): Promise<void> {
    const generation = ++this.generation;
    const changed = (this.changedDuringLoad = new Set());
    const { root, name, clock, scheduler } = this.options;
    const { loaded, config, folders, problems, listing, fs } = await loadFolders(this.options, this.settings(), this.log, !this.workspace);
    const workspace = new DecisionWorkspace({ fs, root, folders, config, validator: loaded.validator, today: clock.today() });
    const phase: IndexPhase = { textOf: (path) => this.textOf(path), slices: () => scheduler.slices(SLICE_MS), stale: () => generation !== this.generation, trace: this.options.trace, listing };
    // The first load: the records open in an editor, and those the last session read, show their own findings before the folder is read.
    if (!this.workspace) {
      const open = await indexOpenRecords(workspace, this.openTexts.paths(), phase, fs);
      if (open && !this.workspace) {
        this.openFirst = open.workspace;
        this.findingsEmitter.fire({ paths: open.paths });
        this.options.trace?.('open-first');
      }
    }
    const started = clock.now();
    // A first load shows the index before the links are looked up; a reload waits for them, so no
    // finding it had blinks off meanwhile.
    const index = await loadIndex(workspace, phase, { linksLater: !this.workspace }).finally(() => fs.drop());
    if (!index) return;
    const { files, crossFile } = index;
    this.published.previous = this.workspace;
    this.loadProblems = problems;
    this.workspace = workspace;
    this.openFirst = undefined;
    this.published.crossFile = crossFile;
    this.pendingBodies.clear();
    this.bodiesPending = new Set(files);
    this.changedDuringLoad = undefined;
    this.day.watch(workspace.options.today);
    this.log.info(`${name}: ${files.length} records in ${folders.map((f) => relativePath(root, f) || '.').join(', ') || 'no decisions folder'} indexed (${clock.now() - started} ms)`);
    this.indexEmitter.fire();
    this.findingsEmitter.fire({});
    this.options.trace?.('published');
    this.progressEmitter.fire({ phase: 'index', records: files.length, bodiesDone: 0 });
    this.options.hints?.write(loadHints(root, loaded, files));
    this.bodyPhase = this.bodies(generation, workspace, files, changed, clock.now()).catch((error) => this.log.error(`Linting the bodies in ${name} failed`, error));
    if (index.linked) await this.linked(workspace, crossFile, index.linked);
  }

  /** The cross-file findings once the links are looked up, published over those that took them as there, unless newer ones were meanwhile. */
  private async linked(workspace: DecisionWorkspace, published: Map<string, Finding[]>, linked: () => Promise<Map<string, Finding[]>>): Promise<void> {
    const after = await linked();
    // A newer load, or the debounced rules after an edit, published cross-file findings of their own, with every link looked up.
    if (workspace !== this.workspace || this.published.crossFile !== published) return;
    const changed = this.published.replaceCrossFile(after);
    this.options.trace?.('links');
    if (!changed.length) return;
    this.indexEmitter.fire();
    this.findingsEmitter.fire({ paths: changed });
  }

  /** Resolves once the body rules of the current load have run (or a newer load took over). */
  bodiesLinted(): Promise<void> {
    return this.bodyPhase;
  }

  /** The body phase of a load (see lintBodies), after the records that changed while it read the folder are caught up. */
  private async bodies(generation: number, workspace: DecisionWorkspace, files: readonly string[], changed: ReadonlySet<string>, started: number): Promise<void> {
    for (const path of changed) await this.catchUp(path);
    const done = await lintBodies({
      workspace,
      files,
      pending: this.bodiesPending,
      current: () => generation === this.generation,
      readText: (path) => this.readText(path, workspace),
      between: this.options.scheduler.slices(SLICE_MS),
      publish: (paths) => {
        if (paths.length) this.findingsEmitter.fire({ paths });
        this.progressEmitter.fire({ phase: 'bodies', records: files.length, bodiesDone: files.length - this.bodiesPending.size });
      },
    });
    if (!done) return;
    this.published.previous = undefined;
    this.log.info(`${this.options.name}: body rules of ${files.length} records linted (${this.options.clock.now() - started} ms)`);
  }

  /** A record changed while the load read the folder: bring the published index up to date. */
  private async catchUp(path: string): Promise<void> {
    const open = this.textOf(path);
    if (open !== undefined && this.isDecisionFile(path)) this.applyText(path, open);
    else if (this.isDecisionFile(path) || this.workspace?.index.get(path)) await this.refresh(path);
  }

  /** A document was opened in an editor: its text wins over the file's until it closes. */
  open(path: string, text: string, version?: number): void {
    this.openTexts.set(path, text, version);
    this.edited(path, text);
  }

  /** An open document's text changed (the whole new text). */
  change(path: string, text: string, version?: number): void {
    this.openTexts.set(path, text, version);
    this.edited(path, text);
  }

  /** An editor closed: an unsaved edit was discarded, the file is the truth again (or is gone). */
  close(path: string): void {
    this.openTexts.delete(path);
    this.noteChanged(path);
    if (this.isDecisionFile(path)) this.background.track(this.refresh(path), 'Re-reading a record');
  }

  /** The file changed on disk. An open document's text still wins: the editor reloads it if it was not edited. */
  fileChanged(path: string): void {
    this.noteChanged(path);
    if (!this.isDecisionFile(path) || this.openTexts.has(path)) return;
    this.background.track(this.refresh(path), 'Reading a record');
  }

  fileCreated(path: string): void {
    this.fileChanged(path);
  }

  fileDeleted(path: string): void {
    this.noteChanged(path);
    if (this.workspace?.index.get(path) || this.workspace?.isOutsideLink(path)) this.remove(path);
  }

  /** The text of an open document, if the path is open. */
  textOf(path: string): string | undefined {
    return this.openTexts.textOf(path);
  }

  /** The version the front-end gave with the open document's latest text. */
  versionOf(path: string): number | undefined {
    return this.openTexts.versionOf(path);
  }

  private edited(path: string, text: string): void {
    this.noteChanged(path);
    if (this.isDecisionFile(path)) this.applyText(path, text);
  }

  /** While a load is reading the folder, its result may predate a change: re-read once its index is published. */
  private noteChanged(path: string): void {
    this.changedDuringLoad?.add(path);
    // A load in progress lints for the date it started on; its end checks again.
    if (!this.changedDuringLoad) this.day.check();
  }

  /** True for a Markdown file inside a decisions folder that is not ignored. */
  isDecisionFile(path: string): boolean {
    return this.workspace?.isDecisionFile(path) ?? false;
  }

  contains(path: string): boolean {
    return isInside(this.root, path);
  }

  findingsFor(path: string): Finding[] {
    if (!this.workspace) return this.openFirst?.fileFindings(path) ?? [];
    return this.published.findingsFor(path, this.workspace, this.bodiesPending);
  }

  /**
   * Publishes the findings another engine worked out over these records (the evidence rules, after
   * a history read): they replace that source's earlier ones, and only the files whose findings
   * changed are announced.
   */
  setFindingsOf(source: string, findings: readonly Finding[]): void {
    const changed = this.published.setFindingsOf(source, findings);
    if (changed.length) this.findingsEmitter.fire({ paths: changed });
  }

  /** The findings `source` published last. */
  findingsOf(source: string): Finding[] {
    return this.published.findingsOf(source);
  }

  allPaths(): string[] {
    return this.published.allPaths(this.workspace);
  }

  /** A text for a record (an editor's, or one a command wrote): frontmatter rules now, the rest after a pause. */
  applyText(path: string, text: string): void {
    const workspace = this.workspace;
    if (!workspace) return;
    const parsed = workspace.updateFrontmatter(path, text);
    this.pendingBodies.set(path, parsed);
    this.bodiesPending.delete(path);
    this.findingsEmitter.fire({ paths: [path] });
    this.schedule();
  }

  /**
   * Reads a record again: the open document's text if there is one, else the file. A file that is
   * gone (renamed or deleted, perhaps while it was being read) is no record: it leaves the index.
   */
  async refresh(path: string): Promise<void> {
    const workspace = this.workspace;
    if (!workspace) return;
    const open = this.textOf(path);
    if (open !== undefined) return this.applyText(path, open);
    this.bodiesPending.delete(path);
    const found = await rereadRecord(workspace, this.fs, path);
    if (found === 'gone') {
      if (workspace.index.get(path)) this.remove(path);
      return;
    }
    if (found === 'outside') this.pendingBodies.delete(path);
    this.findingsEmitter.fire({ paths: [path] });
    this.schedule();
  }

  remove(path: string): void {
    if (!this.workspace) return;
    this.workspace.remove(path);
    this.pendingBodies.delete(path);
    this.bodiesPending.delete(path);
    this.findingsEmitter.fire({ paths: [path] });
    this.schedule();
  }

  /** A record's text: the open document's, else the file's as `workspace` (the published one by default) reads it. */
  readText(path: string, workspace: DecisionWorkspace | undefined = this.workspace): Promise<ReadResult> {
    const open = this.textOf(path);
    if (open !== undefined || !workspace) return Promise.resolve({ text: open ?? '' });
    return workspace.read(path);
  }

  /**
   * A record's business-tradeoff answers, read from its file (or open editor) when a tooltip or
   * hover shows them: the index keeps no long texts. Empty when the folder is not loaded.
   */
  async tradeoff(path: string): Promise<Readonly<Record<string, string>>> {
    const workspace = this.workspace;
    if (!workspace) return {};
    const read = await this.readText(path, workspace);
    return businessTradeoff(parseDecisionDocument(path, read.text, workspace.options.config.limits));
  }

  /** The front-end's settings now (the debounce, the folders and severities over `.legible.json`'s). */
  settings(): LiveSettings {
    return this.options.settings?.() ?? { debounceMs: DEFAULT_DEBOUNCE_MS };
  }

  private schedule(): void {
    this.debounce?.cancel();
    if (this.disposed) return;
    this.debounce = this.options.scheduler.delay(this.settings().debounceMs, () => this.background.track(this.flush(), 'Linting'));
  }

  /** Runs the debounced work now: body rules of edited files, then the cross-file rules. */
  async flush(): Promise<void> {
    this.debounce?.cancel();
    this.debounce = undefined;
    const workspace = this.workspace;
    if (!workspace) return;
    const bodies = [...this.pendingBodies.values()];
    this.pendingBodies.clear();
    try {
      for (const { doc, entry } of bodies) await workspace.updateBody(doc, entry);
      const after = group(await workspace.crossFileFindings());
      // A load that published meanwhile has its own cross-file findings: these would be older.
      if (workspace !== this.workspace) return;
      const changed = new Set([...bodies.map((b) => b.doc.path), ...this.published.replaceCrossFile(after)]);
      this.indexEmitter.fire();
      if (changed.size) this.findingsEmitter.fire({ paths: [...changed] });
    } catch (error) {
      this.log.error(`Linting ${this.options.name} failed`, error);
    }
  }

  /**
   * Waits until the results are settled: the load, its body phase, the reads events started, and
   * the debounced work (run at once, if any waits). Commands and tests use it to see final results.
   */
  async settle(): Promise<void> {
    await this.loading;
    await this.bodyPhase;
    await this.background.settled();
    // Every change that leaves work for the debounce sets its timer: none set, nothing to run.
    if (this.debounce) await this.flush();
  }

  dispose(): void {
    this.disposed = true;
    this.debounce?.cancel();
    this.day.stop();
    this.generation++;
    this.findingsEmitter.dispose();
    this.indexEmitter.dispose();
    this.progressEmitter.dispose();
  }
}
