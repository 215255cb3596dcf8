import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileResult, WorkerTask } from './worker-protocol';

/** Below this many files a worker's start-up (~40 ms: the bundle, the schemas) costs more than it saves. */
const MIN_FILES_PER_WORKER = 150;

export function workerCount(files: number, env: NodeJS.ProcessEnv): number {
  const requested = Number(env.LEGIBLE_WORKERS);
  const cores = Number.isInteger(requested) && requested >= 0 ? requested : Math.min(availableParallelism(), 8);
  return Math.max(0, Math.min(cores, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/**
 * Lints files on worker threads running this same bundle (the CLI's entry point hands them to
 * runWorker). Files are dealt round-robin so each worker gets a like share of large and small ones.
 */
export async function scanInWorkers(task: Omit<WorkerTask, 'files' | 'legibleWorker'>, files: readonly string[], workers: number): Promise<FileResult[]> {
  const shares: string[][] = Array.from({ length: workers }, () => []);
  files.forEach((file, i) => shares[i % workers].push(file));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<FileResult[]>((resolve, reject) => {
          const worker = new Worker(__filename, { workerData: { ...task, files: share, legibleWorker: true } satisfies WorkerTask });
          worker.once('message', (message: FileResult[]) => resolve(message));
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`a lint worker stopped with exit code ${code}`));
          });
        }),
    ),
  );
  return results.flat();
}
