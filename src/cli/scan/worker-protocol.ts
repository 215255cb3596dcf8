import type { DecisionEntry } from '../../core/index/decision-entry';
import type { Finding } from '../../core/rules/rule';

/** What the main thread sends a lint worker, and what comes back. Plain data: structured clone. */
export interface WorkerTask {
  readonly legibleWorker: true;
  readonly root: string;
  readonly folders: readonly string[];
  readonly today: string;
  readonly files: readonly string[];
  readonly body: boolean;
}

export interface FileResult {
  readonly entry: DecisionEntry;
  readonly findings: readonly Finding[];
}

export function isWorkerTask(data: unknown): data is WorkerTask {
  return typeof data === 'object' && data !== null && (data as WorkerTask).legibleWorker === true;
}
