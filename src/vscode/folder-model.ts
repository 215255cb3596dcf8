import * as vscode from 'vscode';
import { LiveWorkspace } from '../core/live/live-workspace';
import { LiveCode } from '../core/code/live-code';
import { toCorePath, VscodeFileSystem } from './vscode-file-system';
import { readSettings } from './settings';
import { mementoHints } from './load-hints';
import { output, reportError } from './output';
import { extensionGit } from './git-user';
import type { HostAdapters } from './host';
import type { GitPort } from '../core/port/git';
import type { RegexEngine } from '../core/port/regex-engine';
import { noEvidenceHover, type LiveEvidence } from '../core/live/live-evidence';
import { LiveHistory } from '../core/live/live-history';
import { LiveCodeRules } from '../core/live/live-code-rules';
import type { DecisionEntry } from '../core/index/decision-entry';
import type { Finding } from '../core/rules/rule';

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

  /** The code rules: `governs` over the folder's files, citations in the code documents open. */
  readonly codeRules: LiveCodeRules;

  /** Who is writing, for a new record's owner (nothing on the web: see extensionGit). */
  readonly git: GitPort;

  /**
   * What the repository's history says (Node, a folder on disk): read after the first load, read
   * again from old..HEAD when HEAD moves. Undefined where git cannot run (the web, a remote file system).
   */
  readonly evidence: LiveEvidence | undefined;
  /** The evidence rules on this folder, as every live front-end runs them (core/live/live-history.ts). */
  private readonly history: LiveHistory | undefined;
  private readonly evidenceEmitter = new vscode.EventEmitter<void>();
  /** The evidence rules' findings were published again (after a history read, or the records or code changed). */
  readonly onDidChangeEvidence = this.evidenceEmitter.event;

  constructor(readonly folder: vscode.WorkspaceFolder, readonly host: HostAdapters, trace?: (step: string) => void, state?: vscode.Memento) {
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
      hints: state && mementoHints(state, folder.uri),
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
    // Where listing the folder is a walk of round trips (the web, a virtual workspace), the governs
    // rules wait for a list something else made (a lens, completion).
    const listing = host.kind === 'web' || folder.uri.scheme !== 'file' ? 'lazy' : 'eager';
    this.codeRules = new LiveCodeRules({ live: this, code: this.code, scheduler: host.scheduler, report: reportError, name: folder.name, listing });
    const source = folder.uri.scheme === 'file' ? host.history?.(folder.uri.fsPath) : undefined;
    if (source) {
      this.history = new LiveHistory({
        live: this,
        code: this.code,
        source,
        watchHead,
        // In Restricted Mode git is not run.
        allowed: () => vscode.workspace.isTrusted,
        scheduler: host.scheduler,
        report: reportError,
        name: folder.name,
      });
      this.evidence = this.history.evidence;
      this.history.onDidPublish(() => this.evidenceEmitter.fire());
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
    this.history?.refresh();
  }

  /** The evidence rules' findings published last. */
  evidenceFindings(): Finding[] {
    return this.history?.findings() ?? [];
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
    await this.history?.whenIdle();
    await this.codeRules.settle();
  }

  /** The engine repository patterns run on here, for globs compiled outside the engine (the views). */
  get regexEngine(): RegexEngine {
    return this.host.regexEngine;
  }

  override dispose(): void {
    this.history?.dispose();
    this.evidenceEmitter.dispose();
    this.codeRules.dispose();
    this.code.dispose();
    super.dispose();
  }
}

/** HEAD or a branch moved in the repository's git folder `dir`: a commit, a checkout, a pull. */
function watchHead(dir: string, moved: () => void): vscode.Disposable {
  // logs/HEAD grows on every move of HEAD; the refs and HEAD itself cover a repository without reflogs.
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '{HEAD,logs/HEAD,packed-refs,refs/heads/**}'));
  watcher.onDidCreate(moved);
  watcher.onDidChange(moved);
  watcher.onDidDelete(moved);
  return watcher;
}
