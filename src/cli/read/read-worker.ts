import { parentPort } from 'node:worker_threads';
import { readBoundedSync } from '../node-file-system';
import type { ReadOutcome, ReadReply, ReadRequest } from './read-protocol';

// The read worker: blocking reads off the main thread, a batch per message, the bytes transferred
// (not copied) back. Opened non-blocking and checked to be regular files, so a FIFO never hangs it.
parentPort?.on('message', (request: ReadRequest) => {
  const outcomes: ReadOutcome[] = request.paths.map((path, i) => {
    try {
      return readBoundedSync(path, request.maxBytes[i]);
    } catch (error) {
      return { error: (error as Error).message };
    }
  });
  const transfer = outcomes.flatMap((outcome) => ('bytes' in outcome ? [outcome.bytes.buffer as ArrayBuffer] : []));
  parentPort!.postMessage({ id: request.id, outcomes } satisfies ReadReply, transfer);
});
