import * as vscode from 'vscode';
import type { GitPort } from '../core/port/git';
import type { HostAdapters } from './host';

/**
 * The git port in the extension host: the same `git config user.name` the CLI runs, for the
 * workspace folder, so a record gets the same owner from either front-end — git found by absolute
 * path on PATH (never in the folder, nor in the host's current folder), run at the root of the
 * repository holding the folder. Only for a local folder (`file:`) in a trusted workspace, on Node:
 * a virtual folder has no git to run, the web worker host runs no program at all, and in
 * Restricted Mode Legible runs nothing in the repository (its configuration could include other
 * files). Not the vscode.git extension's API: it may be disabled or not yet active, and would
 * answer the same.
 */
export function extensionGit(folder: vscode.Uri, host: HostAdapters): GitPort {
  const userName = host.gitUserName;
  return { userName: async () => (userName && folder.scheme === 'file' && vscode.workspace.isTrusted ? userName(folder.fsPath) : undefined) };
}
