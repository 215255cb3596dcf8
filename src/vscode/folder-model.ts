import * as vscode from 'vscode';
import { LiveWorkspace } from '../core/live/live-workspace';
import { LiveCode } from '../core/code/live-code';
import { toCorePath, VscodeFileSystem } from './vscode-file-system';
import { readSettings } from './settings';
import { output, reportError } from './output';
import { extensionGit } from './git-user';
import type { HostAdapters } from './host';
import type { GitPort } from '../core/port/git';
import type { RegexEngine } from '../core/port/regex-engine';
import { LiveEvidence, noEvidenceHover } from '../core/live/live-evidence';
import { defaultPeopleSettings } from '../core/evidence/evidence-settings';
import type { DecisionEntry } from '../core/index/decision-entry';
import type { Finding } from '../core/rules/rule';

/** The source the evidence rules' findings are published under (LiveWorkspace.setFindingsOf). */
const EVIDENCE = 'evidence';

export type { FindingsChange, LoadProgress } from '../core/live/live-workspace';

/**
 * The live engine of one workspace folder, on VS Code: its storage is vscode.workspace.fs
 * confined to the folder, its settings `legible.*` plus Workspace Trust, its log the Legible
 * output channel. Models feeds it the editor and watcher events; what it publishes (findings,
 * index, progress) drives the Problems panel and the trees.
 */
export class FolderModel extends LiveWorkspace implements vscode.Disposable {
  /** The port confined to this folder: nothing outside it is read, listed, looked up or written. */
  declare readonly fs: VscodeFileSystem;

  /** Which decisions govern which code files: the lenses over code files ask it. */
  readonly code: LiveCode;

  /** Who is writing, for a new record's owner (nothing on the web: see extensionGit). */
  readonly git: GitPort;

  private closed = false;

  /**
   * What the repository's history says (Node, a folder on disk): read after the first load, read
   * again from old..HEAD when HEAD moves. Undefined where git cannot run (the web, a remote file system).
   */
  readonly evidence: LiveEvidence | undefined;
  private readonly history: ReturnType<NonNullable<HostAdapters['history']>> | undefined;
  private headWatch: { readonly dir: string; readonly watcher: vscode.FileSystemWatcher } | undefined;
  private publishing: Promise<void> = Promise.resolve();
  private readonly evidenceEmitter = new vscode.EventEmitter<void>();
  /** The evidence rules' findings were published again (after a history read, or the records or code changed). */
  readonly onDidChangeEvidence = this.evidenceEmitter.event;

  constructor(readonly folder: vscode.WorkspaceFolder, readonly host: HostAdapters, trace?: (step: string) => void) {
    super({
      fs: new VscodeFileSystem(folder.uri, host.disk),
      root: toCorePath(folder.uri),
      name: folder.name,
      scheduler: host.scheduler,
      clock: host.clock,
      regexEngine: host.regexEngine,
      trusted: () => vscode.workspace.isTrusted,
      settings: () => {
        const settings = readSettings(folder.uri);
        return { folders: settings.folders, severities: settings.rules, debounceMs: settings.debounceMs };
      },
      log: {
        info: (message) => output().info(message),
        warn: (message) => output().warn(message),
        error: (context, error) => output().error(`${context}: ${(error as Error).stack ?? error}`),
        report: reportError,
      },
      trace: trace && ((step) => trace(`${folder.name}: ${step}`)),
    });
    this.git = extensionGit(folder.uri, host);
    // The repository's files (tracked, and untracked ones not ignored) when git answers (a local
    // folder on Node); else a walk of the folder.
    const workingFiles = host.workingFiles;
    // By the folder's path on disk (`root` is a URI's text, which git cannot be asked about); in
    // Restricted Mode git is not run, and the folder is walked.
    const disk = folder.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
    const workingFilesAt = host.workingFilesAt;
    const listFiles = workingFiles && disk !== undefined ? async () => (vscode.workspace.isTrusted ? workingFiles(disk) : undefined) : undefined;
    const listedAt = workingFilesAt && disk !== undefined ? async (paths: readonly string[]) => (vscode.workspace.isTrusted ? workingFilesAt(disk, paths) : undefined) : undefined;
    this.code = new LiveCode({ fs: this.fs, root: this.root, regexEngine: host.regexEngine, listFiles, listedAt });
    this.onDidChangeIndex(() => this.code.indexChanged(this.decisions?.index));
    this.history = folder.uri.scheme === 'file' ? host.history?.(folder.uri.fsPath) : undefined;
    if (this.history) {
      this.evidence = new LiveEvidence({ read: this.history.read, settings: () => this.config?.people ?? defaultPeopleSettings(), today: () => this.today(), scheduler: host.scheduler });
      this.evidence.onDidChange(() => {
        this.watchHead();
        this.publishEvidence();
      });
      // The rules run again over what changed (after the debounce, never per keystroke); the history is not read again.
      this.onDidChangeIndex(() => this.publishEvidence(true));
      this.code.onDidChange(() => this.publishEvidence(true));
    }
  }

  /** After each load (the first, a changed .legible.json, trust granted): the history, brought up to HEAD. */
  override load(): Promise<void> {
    const loaded = super.load();
    void loaded.then(() => this.refreshEvidence(), () => undefined);
    return loaded;
  }

  /** Reads the history again (only old..HEAD when HEAD moved); in Restricted Mode git is not run. */
  refreshEvidence(): void {
    if (!this.evidence || !vscode.workspace.isTrusted) return;
    this.evidence.refresh().catch((error) => reportError(`Reading the history of ${this.folder.name}`, error));
  }

  /** HEAD or a branch moved in the repository's git folder: a commit, a checkout, a pull. */
  private watchHead(): void {
    const dir = this.history?.gitDir();
    if (dir === this.headWatch?.dir) return;
    this.headWatch?.watcher.dispose();
    this.headWatch = undefined;
    if (dir === undefined) return;
    // logs/HEAD grows on every move of HEAD; the refs and HEAD itself cover a repository without reflogs.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '{HEAD,logs/HEAD,packed-refs,refs/heads/**}'));
    const moved = () => vscode.workspace.isTrusted && this.evidence?.headMoved();
    watcher.onDidCreate(moved);
    watcher.onDidChange(moved);
    watcher.onDidDelete(moved);
    this.headWatch = { dir, watcher };
  }

  /** The evidence rules over the current records and code, published with the other findings. */
  private publishEvidence(recordsChanged = false): void {
    const evidence = this.evidence;
    if (!evidence) return;
    if (recordsChanged) evidence.changed();
    this.publishing = this.publishing.then(async () => {
      const index = this.decisions?.index;
      const config = this.config;
      const findings = evidence.evidence && index && config ? evidence.findings(index, await this.code.governsIndex(), config) : [];
      if (this.closed) return;
      this.setFindingsOf(EVIDENCE, findings);
      this.evidenceEmitter.fire();
    }).catch((error) => reportError(`Checking ${this.folder.name} against its history`, error));
  }

  /** The evidence rules' findings published last. */
  evidenceFindings(): Finding[] {
    return this.findingsOf(EVIDENCE);
  }

  /** The tree tooltip's line: the record's observed truck factor, when the history was read. */
  async truckFactorLine(entry: DecisionEntry): Promise<string | undefined> {
    const index = this.decisions?.index;
    if (!this.evidence?.evidence || !index) return undefined;
    return this.evidence.truckFactorLine(entry, index, await this.code.governsIndex());
  }

  /**
   * For a hover on a person in a record's frontmatter: their evidence for the record, or why there
   * is none here. Asks for the governs index first, so the hover itself stays synchronous.
   */
  async personEvidence(path: string): Promise<((name: string) => string | undefined) | undefined> {
    const why = this.noEvidenceReason();
    if (why) return (name) => noEvidenceHover(name, why);
    const evidence = this.evidence;
    const index = this.decisions?.index;
    const entry = index?.get(path);
    if (!evidence?.evidence || !index || !entry) return undefined;
    const governs = await this.code.governsIndex();
    return (name) => evidence.personHover(entry, name, index, governs);
  }

  private noEvidenceReason(): string | undefined {
    if (!this.evidence) return this.host.kind === 'web' ? 'the web host cannot run git (the CLI\'s `legible report --evidence` can)' : 'the folder is not on this machine\'s disk';
    if (!vscode.workspace.isTrusted) return 'git is not run in Restricted Mode; trust the workspace to read its history';
    return this.evidence.evidence ? undefined : this.evidence.problem;
  }

  /** Also waits for a history read under way and the evidence findings it publishes. */
  override async settle(): Promise<void> {
    await super.settle();
    await this.evidence?.whenIdle();
    await this.publishing;
  }

  /** The engine repository patterns run on here, for globs compiled outside the engine (the views). */
  get regexEngine(): RegexEngine {
    return this.host.regexEngine;
  }

  override dispose(): void {
    this.closed = true;
    this.evidence?.dispose();
    this.headWatch?.watcher.dispose();
    this.evidenceEmitter.dispose();
    this.code.dispose();
    super.dispose();
  }
}
