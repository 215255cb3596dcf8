import * as vscode from 'vscode';
import { DecisionWorkspace } from '../core/workspace/decision-workspace';
import { loadConfig, type LoadedConfig } from '../core/workspace/load-config';
import { discoverFolders } from '../core/workspace/discover-folders';
import { matchesAny } from '../core/config/glob';
import { isInside, relativePath } from '../core/port/paths';
import type { DecisionDocument } from '../core/document/decision-document';
import type { DecisionEntry } from '../core/index/decision-entry';
import type { Finding } from '../core/rules/rule';
import type { ResolvedConfig } from '../core/config/config';
import { localDate } from '../core/text/position';
import { toCorePath, type VscodeFileSystem } from './vscode-file-system';
import { readSettings } from './settings';
import { output } from './output';

export interface FindingsChange {
  /** The files whose findings changed; all files when undefined. */
  readonly paths?: readonly string[];
}

/**
 * The decisions of one workspace folder, kept current as files change and as the user types.
 * Frontmatter findings are recomputed at once; body rules and cross-file rules are debounced.
 */
export class FolderModel implements vscode.Disposable {
  readonly root: string;
  private workspace: DecisionWorkspace | undefined;
  private loaded: LoadedConfig | undefined;
  private crossFile = new Map<string, Finding[]>();
  private pendingBodies = new Map<string, { doc: DecisionDocument; entry: DecisionEntry }>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly findingsEmitter = new vscode.EventEmitter<FindingsChange>();
  private readonly indexEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeFindings = this.findingsEmitter.event;
  readonly onDidChangeIndex = this.indexEmitter.event;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly fs: VscodeFileSystem,
  ) {
    this.root = toCorePath(folder.uri);
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

  /** (Re)reads the configuration, finds the decisions folders and lints every record. */
  async load(): Promise<void> {
    const generation = ++this.generation;
    const trusted = vscode.workspace.isTrusted;
    const loaded = await loadConfig(this.fs, this.root, { trusted });
    const settings = readSettings(this.folder.uri);
    const config: ResolvedConfig = {
      ...loaded.config,
      folders: loaded.config.folders.length ? loaded.config.folders : settings.folders,
      severities: { ...loaded.config.severities, ...settings.rules },
    };
    for (const problem of loaded.problems) output().warn(`${this.folder.name}: ${problem.message}`);
    const folders = await discoverFolders(this.fs, this.root, config);
    const workspace = new DecisionWorkspace({ fs: this.fs, root: this.root, folders, config, validator: loaded.validator, today: this.today() });
    const files = await workspace.listFiles();
    const started = Date.now();
    for (let i = 0; i < files.length; i++) {
      if (generation !== this.generation) return;
      const open = vscode.workspace.textDocuments.find((d) => toCorePath(d.uri) === files[i]);
      await workspace.update(files[i], open?.getText());
      // Yield now and then so a large folder never holds the extension host for long.
      if (i % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
    }
    if (generation !== this.generation) return;
    this.loaded = loaded;
    this.workspace = workspace;
    this.crossFile = group(await workspace.crossFileFindings());
    output().info(`${this.folder.name}: ${files.length} records in ${folders.map((f) => relativePath(this.root, f) || '.').join(', ') || 'no decisions folder'} (${Date.now() - started} ms)`);
    this.indexEmitter.fire();
    this.findingsEmitter.fire({});
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
    return [...this.workspace.fileFindings(path), ...(this.crossFile.get(path) ?? [])];
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
    if (await this.fs.stat(path)) {
      await workspace.update(path);
      // Deleted while it was read? Then the watcher's delete may already have come and gone.
      if (await this.fs.stat(path)) {
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
