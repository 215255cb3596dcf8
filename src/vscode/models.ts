import * as vscode from 'vscode';
import { FolderModel, type FindingsChange, type LoadProgress } from './folder-model';
import { toCorePath, VscodeFileSystem } from './vscode-file-system';
import type { HostAdapters } from './host';
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
  private readonly codeEmitter = new vscode.EventEmitter<void>();
  private readonly evidenceEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeFindings = this.findingsEmitter.event;
  readonly onDidChangeIndex = this.indexEmitter.event;
  readonly onDidLoadProgress = this.progressEmitter.event;
  /** Which decisions govern which code files may have changed (a file came or went, a `governs` changed). */
  readonly onDidChangeCode = this.codeEmitter.event;
  /** Some folder published its evidence findings again (after a history read, or a change of records or code). */
  readonly onDidChangeEvidence = this.evidenceEmitter.event;
  private ready: Promise<void> = Promise.resolve();

  /** `trace`: told each step of a folder's load (the startup measure, LegibleApi.startup). */
  constructor(
    readonly host: HostAdapters,
    private readonly trace?: (step: string) => void,
    /** The extension's workspace state: each folder's load hints (see load-hints.ts). */
    private readonly state?: vscode.Memento,
  ) {
    this.disposables.push(
      this.findingsEmitter,
      this.indexEmitter,
      this.progressEmitter,
      this.codeEmitter,
      this.evidenceEmitter,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reload()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        // The code lists were walks while git could not be run: git lists them now.
        for (const model of this.models.values()) model.code.relist();
        void this.reload();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('legible.folders') || event.affectsConfiguration('legible.rules')) this.reload();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length) this.onText(event.document, false);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.onText(document, true)),
      vscode.workspace.onDidCloseTextDocument((document) => this.onClosed(document)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const configWatcher = vscode.workspace.createFileSystemWatcher('**/{.legible.json,.adr-dir,.log4brains.yml}');
    // Every file, for the code features: a file created, renamed or deleted may change what a `governs` glob matches.
    const codeWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      configWatcher,
      codeWatcher,
      codeWatcher.onDidCreate((uri) => this.codeCreated(uri)),
      codeWatcher.onDidDelete((uri) => {
        const model = this.modelFor(uri);
        void model?.code.deleted(toCorePath(uri));
        model?.codeRules.deleted(toCorePath(uri));
      }),
      watcher.onDidCreate((uri) => this.modelFor(uri)?.fileCreated(toCorePath(uri))),
      watcher.onDidChange((uri) => this.modelFor(uri)?.fileChanged(toCorePath(uri))),
      watcher.onDidDelete((uri) => this.modelFor(uri)?.fileDeleted(toCorePath(uri))),
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
    const fresh = new Set<FolderModel>();
    for (const folder of folders) {
      const key = folder.uri.toString();
      if (this.models.has(key)) continue;
      const model = new FolderModel(folder, this.host, this.trace, this.state);
      this.models.set(key, model);
      fresh.add(model);
      this.modelSubscriptions.set(key, [
        model.onDidChangeFindings((change) => this.findingsEmitter.fire({ model, ...change })),
        model.onDidChangeIndex(() => this.indexEmitter.fire()),
        model.onDidLoadProgress((progress) => this.progressEmitter.fire({ folder: model.folder.uri, ...progress })),
        model.code.onDidChange(() => this.codeEmitter.fire()),
        model.onDidChangeEvidence(() => this.evidenceEmitter.fire()),
      ]);
    }
    // Documents open before their folder's engine was made: their texts win over the files from the first load on.
    for (const document of vscode.workspace.textDocuments) {
      const model = this.modelFor(document.uri);
      if (model && fresh.has(model)) this.onText(document, true);
    }
    this.ready = Promise.all([...this.models.values()].map((model) => model.load().catch((error) => reportError(`Reading ${model.folder.name}`, error)))).then(() => undefined);
    return this.ready;
  }

  /** Resolves once the current load has published every folder's index. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** A file port confined to a workspace folder, for a command that writes before any engine reads it. */
  fileSystem(root: vscode.Uri): VscodeFileSystem {
    return new VscodeFileSystem(root, this.host.disk);
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
   * Settles every folder: loads, body phases, reads started by events, then the debounced work,
   * run at once. Commands and tests use it to see settled results.
   */
  async settle(): Promise<void> {
    await this.ready;
    await Promise.all(this.all().map((m) => m.settle()));
  }

  /**
   * Editor events go to the engine of the folder holding the document; the output channel is no
   * record. Any document of the folder outside its decisions folders is code too: its citations are
   * checked while it is open (its text asked only when the rules run, not on each keystroke).
   */
  private onText(document: vscode.TextDocument, opened: boolean): void {
    if (document.uri.scheme === 'output') return;
    const model = this.modelFor(document.uri);
    if (!model) return;
    const path = toCorePath(document.uri);
    if (document.languageId === 'markdown') {
      if (opened) model.open(path, document.getText(), document.version);
      else model.change(path, document.getText(), document.version);
    }
    model.codeRules.change(path, () => document.getText());
  }

  private codeCreated(uri: vscode.Uri): void {
    const model = this.modelFor(uri);
    const path = toCorePath(uri);
    model?.code.created(path, async () => (await model.fs.stat(path))?.kind === 'directory').catch((error) => reportError(`Listing ${path}`, error));
  }

  private onClosed(document: vscode.TextDocument): void {
    const model = this.modelFor(document.uri);
    model?.close(toCorePath(document.uri));
    model?.codeRules.close(toCorePath(document.uri));
  }

  dispose(): void {
    for (const model of this.models.values()) model.dispose();
    for (const list of this.modelSubscriptions.values()) for (const d of list) d.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
