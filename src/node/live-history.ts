import { LiveHistory, type LiveHistoryOptions } from '../core/live/live-history';
import { watchGitHead } from './head-watch';
import { historySource } from './history-source';
import { timerScheduler } from './timer-scheduler';

/**
 * The evidence rules on a live engine of a folder on disk, for the Node front-ends without an
 * editor's watcher (the language server, the MCP server): the history read as the extension reads
 * it (`historySource`: the repository holding the folder, `readHistory`), HEAD watched with
 * fs.watch (`watchGitHead`).
 */
export function nodeLiveHistory(options: Omit<LiveHistoryOptions, 'source' | 'watchHead' | 'scheduler'> & { readonly env?: NodeJS.ProcessEnv }): LiveHistory {
  return new LiveHistory({ ...options, source: historySource(options.live.root, options.env), watchHead: watchGitHead, scheduler: timerScheduler });
}
