import { Worker } from 'node:worker_threads';
import type { ReadOutcome, ReadReply, ReadRequest } from './read-protocol';

interface Waiting {
  readonly path: string;
  readonly maxBytes: number;
  readonly resolve: (value: { bytes: Uint8Array; size: number }) => void;
  readonly reject: (error: Error) => void;
}

/** How long an idle worker lives: a scan keeps it busy, a keystroke-paced editor does not need it. */
const IDLE_MS = 5000;

/**
 * Reads files on a worker thread for a thread that must stay free (the extension host): each
 * open, stat, read and close done from the main thread costs it a round trip through Node's
 * thread pool, more than the read itself. Requests made in the same tick go as one batch; a scan
 * reading ahead keeps the worker busy while the main thread parses. Without a worker (it failed to
 * start or broke), reads go in-thread, those in flight included: a worker's failure never turns
 * into a file reported unreadable.
 */
export class ReadPool {
  private worker: Worker | undefined;
  private broken = false;
  private nextId = 1;
  private queued: Waiting[] = [];
  private readonly inFlight = new Map<number, Waiting[]>();
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly script: string,
    /** Where reads go when the worker cannot take them: reads in flight when it stops are redone there. */
    private readonly inThread: (path: string, maxBytes: number) => Promise<{ bytes: Uint8Array; size: number }>,
  ) {}

  read(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; size: number }> {
    const worker = this.ensureWorker();
    if (!worker) return this.inThread(path, maxBytes);
    return new Promise((resolve, reject) => {
      if (!this.queued.length) queueMicrotask(() => this.flush());
      this.queued.push({ path, maxBytes, resolve, reject });
    });
  }

  dispose(): void {
    this.broken = true;
    this.stop();
  }

  private ensureWorker(): Worker | undefined {
    if (this.broken) return undefined;
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    if (this.worker) return this.worker;
    try {
      // A small heap: the worker holds a batch of paths and buffers at a time, nothing more.
      const worker = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 } });
      worker.on('message', (reply: ReadReply) => this.settle(reply));
      // Only about the current worker: an old one's exit after an idle stop must not end its successor.
      worker.on('error', () => {
        if (this.worker !== worker) return;
        this.broken = true;
        this.stop();
      });
      worker.on('exit', () => {
        if (this.worker === worker) this.stop();
      });
      this.worker = worker;
      return worker;
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  private flush(): void {
    const batch = this.queued;
    this.queued = [];
    if (!batch.length) return;
    if (!this.worker) {
      this.redo(batch);
      return;
    }
    const id = this.nextId++;
    this.inFlight.set(id, batch);
    this.worker.ref();
    this.worker.postMessage({ id, paths: batch.map((w) => w.path), maxBytes: batch.map((w) => w.maxBytes) } satisfies ReadRequest);
  }

  private settle(reply: ReadReply): void {
    const batch = this.inFlight.get(reply.id);
    if (!batch) return;
    this.inFlight.delete(reply.id);
    reply.outcomes.forEach((outcome: ReadOutcome, i) => {
      if ('error' in outcome) batch[i].reject(new Error(outcome.error));
      else batch[i].resolve({ bytes: outcome.bytes, size: outcome.size });
    });
    if (!this.inFlight.size && this.worker) {
      // Never keep a process alive for an idle worker, and let it go after a while.
      this.worker.unref();
      this.idle = setTimeout(() => this.stop(), IDLE_MS);
      this.idle.unref();
    }
  }

  /** Ends the worker; reads in flight are redone in-thread. */
  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    for (const batch of this.inFlight.values()) this.redo(batch);
    this.inFlight.clear();
    if (worker) void worker.terminate();
  }

  private redo(batch: readonly Waiting[]): void {
    for (const waiting of batch) this.inThread(waiting.path, waiting.maxBytes).then(waiting.resolve, waiting.reject);
  }
}
