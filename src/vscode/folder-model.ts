import * as vscode from 'vscode';
import { LiveWorkspace } from '../core/live/live-workspace';
import { LiveCode } from '../core/code/live-code';
import { re2RegexEngine } from '../node/re2-regex-engine';
import { workingFilesBelow } from '../node/tracked-files';
import { timerScheduler } from '../node/timer-scheduler';
import { systemClock } from '../node/system-clock';
import { toCorePath, VscodeFileSystem } from './vscode-file-system';
import { readSettings } from './settings';
import { output, reportError } from './output';

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

  constructor(readonly folder: vscode.WorkspaceFolder) {
    super({
      fs: new VscodeFileSystem(folder.uri),
      root: toCorePath(folder.uri),
      name: folder.name,
      scheduler: timerScheduler,
      clock: systemClock,
      regexEngine: re2RegexEngine,
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
    // The repository's files (tracked, and untracked ones not ignored) when git answers (a local
    // folder); else a walk of the folder.
    const listFiles = folder.uri.scheme === 'file' ? () => workingFilesBelow(this.root) : undefined;
    this.code = new LiveCode({ fs: this.fs, root: this.root, regexEngine: re2RegexEngine, listFiles });
    this.onDidChangeIndex(() => this.code.indexChanged(this.decisions?.index));
  }

  override dispose(): void {
    this.code.dispose();
    super.dispose();
  }
}
