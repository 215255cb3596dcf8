import * as vscode from 'vscode';
import { FolderModel, type FindingsChange, type LoadProgress } from './folder-model';
import { toCorePath } from './vscode-file-system';
import { reportError } from './output';
import type { DecisionEntry } from '../core/index/decision-entry';

/**
 * One FolderModel per workspace folder (multi-root), kept in step with folders, trust, settings,
 * `.legible.json`, open editors and the file system.
 */
export class Models implements vscode.Disposable {
  private readonly models = new Map<string, FolderModel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly modelSubscriptions = new Map<string, vscode.Disposable[]>();
  private readonly findingsEmitter = new vscode.EventEmitter<{ model: FolderModel } & FindingsChange>();
  private readonly indexEmitter = new vscode.EventEmitter<void>();
  private readonly progressEmitter = new vscode.EventEmitter<{ folder: vscode.Uri } & LoadProgress>();
  readonly onDidChangeFindings = this.findingsEmitter.event;
  readonly onDidChangeIndex = this.indexEmitter.event;
  readonly onDidLoadProgress = this.progressEmitter.event;
  private ready: Promise<void> = Promise.resolve();
  private readonly inflight = new Set<Promise<void>>();

  constructor() {
    this.disposables.push(
      this.findingsEmitter,
      this.indexEmitter,
      this.progressEmitter,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reload()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('legible.folders') || event.affectsConfiguration('legible.rules')) this.reload();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length) this.onText(event.document);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.onText(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.onClosed(document)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const configWatcher = vscode.workspace.createFileSystemWatcher('**/{.legible.json,.adr-dir,.log4brains.yml}');
    this.disposables.push(
      watcher,
      configWatcher,
      watcher.onDidCreate((uri) => this.onDisk(uri)),
      watcher.onDidChange((uri) => this.onDisk(uri)),
      watcher.onDidDelete((uri) => this.onDeleted(uri)),
      configWatcher.onDidCreate(() => this.reload()),
      configWatcher.onDidChange(() => this.reload()),
      configWatcher.onDidDelete(() => this.reload()),
    );
  }

  /** Loads every folder; resolves when every index is published (the body rules follow: see settle). */
  reload(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const [key, model] of this.models) {
      if (!folders.some((f) => f.uri.toString() === key)) {
        model.dispose();
        this.models.delete(key);
        for (const d of this.modelSubscriptions.get(key) ?? []) d.dispose();
        this.modelSubscriptions.delete(key);
      }
    }
    for (const folder of folders) {
      const key = folder.uri.toString();
      if (this.models.has(key)) continue;
      const model = new FolderModel(folder);
      this.models.set(key, model);
      this.modelSubscriptions.set(key, [
        model.onDidChangeFindings((change) => this.findingsEmitter.fire({ model, ...change })),
        model.onDidChangeIndex(() => this.indexEmitter.fire()),
        model.onDidLoadProgress((progress) => this.progressEmitter.fire({ folder: model.folder.uri, ...progress })),
      ]);
    }
    this.ready = Promise.all([...this.models.values()].map((model) => model.load().catch((error) => reportError(`Reading ${model.folder.name}`, error)))).then(() => undefined);
    return this.ready;
  }

  /** Resolves once the current load has published every folder's index. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  all(): FolderModel[] {
    return [...this.models.values()];
  }

  modelFor(uri: vscode.Uri): FolderModel | undefined {
    const path = toCorePath(uri);
    return this.all().filter((m) => m.contains(path)).sort((a, b) => b.root.length - a.root.length)[0];
  }

  entries(): DecisionEntry[] {
    return this.all().flatMap((m) => m.decisions?.index.entries() ?? []);
  }

  entryFor(uri: vscode.Uri): DecisionEntry | undefined {
    return this.modelFor(uri)?.decisions?.index.get(toCorePath(uri));
  }

  /**
   * Flushes debounced work everywhere: commands and tests use it to see settled results. Waits
   * first for the loads and file reads already started (the watcher's and closed editors').
   */
  async settle(): Promise<void> {
    await this.ready;
    await Promise.all(this.all().map((m) => m.bodiesLinted()));
    while (this.inflight.size) await Promise.all(this.inflight);
    await Promise.all(this.all().map((m) => m.flush()));
  }

  /** Remembers a background read until it ends, so settle() can wait for it. */
  private track(work: Promise<void>): void {
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work));
  }

  private onText(document: vscode.TextDocument): void {
    if (document.uri.scheme === 'output' || document.languageId !== 'markdown') return;
    const model = this.modelFor(document.uri);
    const path = toCorePath(document.uri);
    model?.noteChanged(path);
    if (model?.isDecisionFile(path)) model.applyText(path, document.getText());
  }

  private onClosed(document: vscode.TextDocument): void {
    // An unsaved edit was discarded: the file on disk is the truth again. (A document also closes
    // when its file was renamed or deleted: refreshFromDisk then drops it from the index.)
    const model = this.modelFor(document.uri);
    const path = toCorePath(document.uri);
    model?.noteChanged(path);
    if (model?.isDecisionFile(path)) this.track(model.refreshFromDisk(path).catch((error) => reportError('Re-reading a record', error)));
  }

  private onDisk(uri: vscode.Uri): void {
    const model = this.modelFor(uri);
    const path = toCorePath(uri);
    model?.noteChanged(path);
    if (!model?.isDecisionFile(path)) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open && open.isDirty) return;
    this.track(model.refreshFromDisk(path).catch((error) => reportError('Reading a record', error)));
  }

  private onDeleted(uri: vscode.Uri): void {
    const model = this.modelFor(uri);
    const path = toCorePath(uri);
    model?.noteChanged(path);
    if (model?.decisions?.index.get(path) || model?.decisions?.isOutsideLink(path)) model.remove(path);
  }

  dispose(): void {
    for (const model of this.models.values()) model.dispose();
    for (const list of this.modelSubscriptions.values()) for (const d of list) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
