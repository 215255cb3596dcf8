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

  constructor(readonly folder: vscode.WorkspaceFolder, readonly host: HostAdapters) {
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
    });
    this.git = extensionGit(folder.uri, host);
    // The repository's files (tracked, and untracked ones not ignored) when git answers (a local
    // folder on Node); else a walk of the folder.
    const workingFiles = host.workingFiles;
    const listFiles = workingFiles && folder.uri.scheme === 'file' ? () => workingFiles(this.root) : undefined;
    this.code = new LiveCode({ fs: this.fs, root: this.root, regexEngine: host.regexEngine, listFiles });
    this.onDidChangeIndex(() => this.code.indexChanged(this.decisions?.index));
  }

  /** The engine repository patterns run on here, for globs compiled outside the engine (the views). */
  get regexEngine(): RegexEngine {
    return this.host.regexEngine;
  }

  override dispose(): void {
    this.code.dispose();
    super.dispose();
  }
}
