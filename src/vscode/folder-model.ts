import * as vscode from 'vscode';
import { DecisionWorkspace } from '../core/workspace/decision-workspace';
import { loadConfig, type LoadedConfig } from '../core/workspace/load-config';
import { re2RegexEngine } from '../node/re2-regex-engine';
import { discoverFolders } from '../core/workspace/discover-folders';
import { matchesAny } from '../core/config/glob';
import { isInside, relativePath } from '../core/port/paths';
import type { DecisionDocument } from '../core/document/decision-document';
import type { DecisionEntry } from '../core/index/decision-entry';
import type { Finding } from '../core/rules/rule';
import type { ResolvedConfig } from '../core/config/config';
import { findRule } from '../core/rules/registry';
import { severityOf } from '../core/lint/lint-document';
import { localDate } from '../core/text/position';
import { toCorePath, VscodeFileSystem } from './vscode-file-system';
import { openDocumentAt, readRecordText } from './record-text';
import { readSettings } from './settings';
import { timeSlices } from '../node/time-slices';
import { output } from './output';

export interface FindingsChange {
  /** The files whose findings changed; all files when undefined. */
  readonly paths?: readonly string[];
}

/** How far a load has come: first the whole index, then the body rules, a slice at a time. */
export interface LoadProgress {
  /**
   * `index`: every record is indexed and its frontmatter and cross-file findings are published;
   * `bodies`: one more slice of body-rule findings is published.
   */
  readonly phase: 'index' | 'bodies';
  readonly records: number;
  /** Records whose body rules have run in this load (or were overtaken by an edit or a re-read). */
  readonly bodiesDone: number;
}

/** Files read at once: fewer round trips through vscode.workspace.fs, and a bounded number of texts in memory. */
const BATCH = 16;
/** The longest stretch of indexing or body rules before the extension host gets a turn. */
const SLICE_MS = 10;

/**
 * The decisions of one workspace folder, kept current as files change and as the user types.
 * A load publishes the whole index with its frontmatter and cross-file findings first, then the
 * body rules (a Markdown parse each) in slices. Edits: frontmatter findings at once, body rules and
 * cross-file rules debounced.
 */
export class FolderModel implements vscode.Disposable {
  readonly root: string;
  /** The port confined to this folder: nothing outside it is read, listed, looked up or written. */
  readonly fs: VscodeFileSystem;
  private workspace: DecisionWorkspace | undefined;
  private loaded: LoadedConfig | undefined;
  private crossFile = new Map<string, Finding[]>();
  private pendingBodies = new Map<string, { doc: DecisionDocument; entry: DecisionEntry }>();
  /** Files of the current load whose body rules have not run yet. */
  private bodiesPending = new Set<string>();
  /** The workspace of the load before: its body findings stand in until the body phase reaches a file. */
  private previous: DecisionWorkspace | undefined;
  /** Records that changed while a load read the folder: re-read once its index is published. */
  private changedDuringLoad: Set<string> | undefined;
  private bodyPhase: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly findingsEmitter = new vscode.EventEmitter<FindingsChange>();
  private readonly indexEmitter = new vscode.EventEmitter<void>();
  private readonly progressEmitter = new vscode.EventEmitter<LoadProgress>();
  readonly onDidChangeFindings = this.findingsEmitter.event;
  readonly onDidChangeIndex = this.indexEmitter.event;
  readonly onDidLoadProgress = this.progressEmitter.event;

  constructor(readonly folder: vscode.WorkspaceFolder) {
    this.root = toCorePath(folder.uri);
    this.fs = new VscodeFileSystem(folder.uri);
  }

  get decisions(): DecisionWorkspace | undefined {
    return this.workspace;
  }

  get config(): ResolvedConfig | undefined {
    return this.workspace?.options.config;
  }

  get configProblems(): LoadedConfig['problems'] {
    return this.loaded?.problems ?? [];
  }

  get folders(): readonly string[] {
    return this.workspace?.options.folders ?? [];
  }

  today(): string {
    return localDate(new Date());
  }

  /**
   * (Re)reads the configuration, finds the decisions folders and indexes every record (frontmatter
   * only, no Markdown parse); resolves once that is published. The body rules follow in the
   * background: `bodiesLinted()` resolves when they are done.
   */
  async load(): Promise<void> {
    const generation = ++this.generation;
    const changed = (this.changedDuringLoad = new Set());
    const trusted = vscode.workspace.isTrusted;
    const loaded = await loadConfig(this.fs, this.root, { trusted, regexEngine: re2RegexEngine });
    const settings = readSettings(this.folder.uri);
    const config: ResolvedConfig = {
      ...loaded.config,
      folders: loaded.config.folders.length ? loaded.config.folders : settings.folders,
      severities: { ...loaded.config.severities, ...settings.rules },
    };
    for (const problem of loaded.problems) output().warn(`${this.folder.name}: ${problem.message}`);
    const folders = await discoverFolders(this.fs, this.root, config, {
      onLinkOutside: (link) => output().warn(`${this.folder.name}: ${link} is a symbolic link that leads outside the workspace folder: the decisions folders through it are not read.`),
    });
    const workspace = new DecisionWorkspace({ fs: this.fs, root: this.root, folders, config, validator: loaded.validator, today: this.today() });
    const files = await workspace.listFiles();
    const started = Date.now();
    const stale = () => generation !== this.generation;
    const done = await workspace.scan(files, { body: false, textOf: (path) => openDocumentAt(path)?.getText(), between: timeSlices(SLICE_MS), cancelled: stale });
    if (!done || stale()) return;
    const crossFile = group(await workspace.crossFileFindings());
    if (generation !== this.generation) return;
    this.previous = this.workspace;
    this.loaded = loaded;
    this.workspace = workspace;
    this.crossFile = crossFile;
    this.pendingBodies.clear();
    this.bodiesPending = new Set(files);
    this.changedDuringLoad = undefined;
    output().info(`${this.folder.name}: ${files.length} records in ${folders.map((f) => relativePath(this.root, f) || '.').join(', ') || 'no decisions folder'} indexed (${Date.now() - started} ms)`);
    this.indexEmitter.fire();
    this.findingsEmitter.fire({});
    this.progressEmitter.fire({ phase: 'index', records: files.length, bodiesDone: 0 });
    this.bodyPhase = this.lintBodies(generation, workspace, files, changed, Date.now()).catch((error) =>
      output().error(`Linting the bodies in ${this.folder.name} failed: ${(error as Error).stack ?? error}`),
    );
  }

  /** Resolves once the body rules of the current load have run (or a newer load took over). */
  bodiesLinted(): Promise<void> {
    return this.bodyPhase;
  }

  /**
   * The body phase of a load: reads each record again (a bounded batch at a time, so no thousands
   * of parsed documents pile up) and publishes the findings slice by slice, yielding in between.
   * A newer load stops it; a file edited or re-read meanwhile is left to that newer work.
   */
  private async lintBodies(generation: number, workspace: DecisionWorkspace, files: readonly string[], changed: ReadonlySet<string>, started: number): Promise<void> {
    for (const path of changed) await this.catchUp(path);
    let slice: string[] = [];
    const between = timeSlices(SLICE_MS);
    const publish = () => {
      if (slice.length) this.findingsEmitter.fire({ paths: slice });
      slice = [];
      this.progressEmitter.fire({ phase: 'bodies', records: files.length, bodiesDone: files.length - this.bodiesPending.size });
    };
    for (let i = 0; i < files.length; i += BATCH) {
      if (generation !== this.generation) return;
      const batch = files.slice(i, i + BATCH).filter((path) => this.bodiesPending.has(path));
      const texts = await Promise.all(batch.map((path) => readRecordText(workspace, path)));
      for (let j = 0; j < batch.length; j++) {
        if (generation !== this.generation) return;
        // An edit, a re-read or a removal got there first: its own work covers the body rules.
        if (!this.bodiesPending.delete(batch[j])) continue;
        const { doc, entry } = workspace.updateFrontmatter(batch[j], texts[j].text, texts[j].problem);
        await workspace.updateBody(doc, entry);
        slice.push(batch[j]);
        const turn = between();
        if (turn) {
          publish();
          await turn;
        }
      }
      if (generation !== this.generation) return;
      publish();
    }
    if (generation !== this.generation) return;
    this.previous = undefined;
    if (!files.length) publish();
    output().info(`${this.folder.name}: body rules of ${files.length} records linted (${Date.now() - started} ms)`);
  }

  /** A record changed while the load read the folder: bring the published index up to date. */
  private async catchUp(path: string): Promise<void> {
    const open = openDocumentAt(path);
    if (open && this.isDecisionFile(path)) this.applyText(path, open.getText());
    else if (this.isDecisionFile(path) || this.workspace?.index.get(path)) await this.refreshFromDisk(path);
  }

  /**
   * Notes that a Markdown file changed (on disk or in an editor). While a load is reading the
   * folder, its result may predate the change: the file is read again once the index is published.
   */
  noteChanged(path: string): void {
    this.changedDuringLoad?.add(path);
  }

  /** True for a Markdown file inside a decisions folder that is not ignored. */
  isDecisionFile(path: string): boolean {
    const workspace = this.workspace;
    if (!workspace || !/\.md$/i.test(path)) return false;
    const folder = workspace.folderOf(path);
    if (!folder) return false;
    const relative = relativePath(folder, path);
    return !relative.split('/').some((segment) => segment.startsWith('.')) && !matchesAny(relative, workspace.options.config.ignore);
  }

  contains(path: string): boolean {
    return isInside(this.root, path);
  }

  findingsFor(path: string): Finding[] {
    if (!this.workspace) return [];
    return [...this.workspace.fileFindings(path), ...this.carriedBodyFindings(path), ...(this.crossFile.get(path) ?? [])];
  }

  /**
   * On a reload, a file the body phase has not reached yet keeps the body findings of the load
   * before (while their rule still has that severity): the Problems panel does not flicker.
   */
  private carriedBodyFindings(path: string): Finding[] {
    const config = this.workspace?.options.config;
    if (!this.previous || !config || !this.bodiesPending.has(path)) return [];
    return this.previous.fileFindings(path).filter((finding) => {
      const rule = findRule(finding.ruleId);
      return rule?.scope === 'body' && severityOf(rule, config) === finding.severity;
    });
  }

  allPaths(): string[] {
    const paths = new Set<string>(this.crossFile.keys());
    for (const entry of this.workspace?.index.entries() ?? []) paths.add(entry.path);
    return [...paths];
  }

  /** The editor's text changed: frontmatter rules now, the rest after a pause in typing. */
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
   * A file changed on disk (and is not open), or its editor closed: re-read it. A file that is gone
   * (renamed or deleted, perhaps while it was being read) is no record: it leaves the index.
   */
  async refreshFromDisk(path: string): Promise<void> {
    const workspace = this.workspace;
    if (!workspace) return;
    this.bodiesPending.delete(path);
    if (await workspace.leadsOutside(path)) {
      // Never read: reported by link-outside-repository, as the folder walk would have.
      workspace.markOutside(path);
      this.pendingBodies.delete(path);
      this.findingsEmitter.fire({ paths: [path] });
      this.schedule();
      return;
    }
    // A path under a link that leads out is refused by the port: for the index, it is not there.
    const present = () => this.fs.stat(path).catch(() => undefined);
    if (await present()) {
      await workspace.update(path);
      // Deleted while it was read? Then the watcher's delete may already have come and gone.
      if (await present()) {
        this.findingsEmitter.fire({ paths: [path] });
        this.schedule();
        return;
      }
    }
    if (workspace.index.get(path)) this.remove(path);
  }

  remove(path: string): void {
    if (!this.workspace) return;
    this.workspace.remove(path);
    this.pendingBodies.delete(path);
    this.bodiesPending.delete(path);
    this.findingsEmitter.fire({ paths: [path] });
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), readSettings(this.folder.uri).debounceMs);
  }

  /** Runs the debounced work: body rules of edited files, then the cross-file rules. */
  async flush(): Promise<void> {
    this.timer = undefined;
    const workspace = this.workspace;
    if (!workspace) return;
    const bodies = [...this.pendingBodies.values()];
    this.pendingBodies.clear();
    try {
      for (const { doc, entry } of bodies) await workspace.updateBody(doc, entry);
      const before = this.crossFile;
      this.crossFile = group(await workspace.crossFileFindings());
      const changed = new Set(bodies.map((b) => b.doc.path));
      for (const path of new Set([...before.keys(), ...this.crossFile.keys()])) {
        if (signature(before.get(path)) !== signature(this.crossFile.get(path))) changed.add(path);
      }
      this.indexEmitter.fire();
      if (changed.size) this.findingsEmitter.fire({ paths: [...changed] });
    } catch (error) {
      output().error(`Linting ${this.folder.name} failed: ${(error as Error).stack ?? error}`);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.generation++;
    this.findingsEmitter.dispose();
    this.indexEmitter.dispose();
    this.progressEmitter.dispose();
  }
}

function group(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const finding of findings) out.set(finding.path, [...(out.get(finding.path) ?? []), finding]);
  return out;
}

function signature(findings: readonly Finding[] | undefined): string {
  return JSON.stringify(findings?.map((f) => [f.ruleId, f.message, f.range]) ?? []);
}
