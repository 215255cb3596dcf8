import type * as vscode from 'vscode';
import { activateWith, type LegibleApi } from './activate-with';
import type { HostAdapters } from './host';
import { NodeFileSystem } from '../node/node-file-system';
import { re2RegexEngine } from '../node/re2-regex-engine';
import { timerScheduler } from '../node/timer-scheduler';
import { systemClock } from '../node/system-clock';
import { gitUserName } from '../node/git-user';
import { workingFilesAt, workingFilesBelow } from '../node/tracked-files';
import { toPortable } from '../node/portable-path';
import { historySource } from '../node/history-source';
import { registerMcpServer } from './mcp-provider';

export type { LegibleApi } from './activate-with';

/** Node's extension host (package.json `main`): the disk, RE2, timers and git of src/node. */
const NODE_HOST: HostAdapters = {
  kind: 'node',
  scheduler: timerScheduler,
  clock: systemClock,
  regexEngine: re2RegexEngine,
  disk: (root) => new NodeFileSystem({ reads: 'adaptive', root }),
  gitUserName: (folder) => gitUserName(folder),
  workingFiles: (folder) => workingFilesBelow(toPortable(folder)),
  workingFilesAt: (folder, paths) => workingFilesAt(toPortable(folder), paths),
  history: (folder) => historySource(folder),
  mcpServers: registerMcpServer,
};

export function activate(context: vscode.ExtensionContext): LegibleApi {
  return activateWith(context, NODE_HOST);
}

export function deactivate(): void {}
