import type { EntryKind, FileStat } from '../core/port/file-system';

const KINDS: readonly EntryKind[] = ['file', 'directory', 'symlink', 'other'];
const PER_FILE = 3;

/**
 * The thread's whole program: lstat each path (never following a final link), and answer with
 * three numbers per path (kind, size, time; -1 for a path that cannot be stat'ed) in one buffer.
 * Evaluated rather than loaded from the bundle, so the thread starts in milliseconds; it therefore
 * cannot share node-file-system.ts's `kindOf`, whose order of questions it repeats (a link first).
 */
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const { lstatSync } = require('node:fs');
parentPort.once('message', (paths) => {
  const out = new Float64Array(paths.length * ${PER_FILE});
  for (let i = 0; i < paths.length; i++) {
    let found;
    try { found = lstatSync(paths[i], { throwIfNoEntry: false }); } catch {}
    const at = i * ${PER_FILE};
    if (!found) { out[at] = -1; continue; }
    out[at] = found.isSymbolicLink() ? 2 : found.isFile() ? 0 : found.isDirectory() ? 1 : 3;
    out[at + 1] = found.size;
    out[at + 2] = found.mtimeMs;
  }
  parentPort.postMessage(out, [out.buffer]);
});
`;

/**
 * lstat of every path on a thread of its own, in path order (undefined where there is nothing to
 * stat). The calling thread is free meanwhile: a warm lint parses its cache while its 10,000 records'
 * times are taken, each a system call this thread would otherwise wait on. Rejects when the thread
 * cannot run; the caller then stats on its own thread.
 */
export async function statOnWorker(paths: readonly string[]): Promise<(FileStat | undefined)[]> {
  // Loaded here, not on import: the extension host bundles this file and never takes this path.
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve, reject) => {
    const worker = new Worker(SOURCE, { eval: true });
    worker.once('message', (out: Float64Array) => {
      void worker.terminate();
      const stats: (FileStat | undefined)[] = [];
      for (let i = 0; i < paths.length; i++) {
        const at = i * PER_FILE;
        stats.push(out[at] < 0 ? undefined : { kind: KINDS[out[at]], size: out[at + 1], mtime: out[at + 2] });
      }
      resolve(stats);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the stat thread ended (${code}) before it answered`)));
    worker.postMessage(paths);
  });
}
