import type { DecisionEntry } from '../../core/index/decision-entry';
import type { Finding } from '../../core/rules/rule';
import type { ConfigSource } from '../../core/workspace/load-config';

/** What the main thread sends a lint worker, and what comes back. Plain data: structured clone. */
export interface WorkerTask {
  readonly legibleWorker: true;
  readonly root: string;
  readonly folders: readonly string[];
  readonly today: string;
  readonly files: readonly string[];
  readonly body: boolean;
  /**
   * The configuration the main thread read and checked: a worker neither reads `.legible.json` and
   * its schema extensions again nor checks their patterns again (that took a minute per worker
   * for 32 patterns RE2 cannot fit), it only compiles those that passed.
   */
  readonly config: ConfigSource;
}

export interface FileResult {
  readonly entry: DecisionEntry;
  readonly findings: readonly Finding[];
}

export function isWorkerTask(data: unknown): data is WorkerTask {
  return typeof data === 'object' && data !== null && (data as WorkerTask).legibleWorker === true;
}
