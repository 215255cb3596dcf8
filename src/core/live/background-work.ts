/**
 * Work that events start and nobody awaits (a record re-read after an editor closed, a watcher's
 * news, the debounced rules): remembered until it ends, so that a caller can wait for all of it,
 * and a failure reported instead of left unhandled.
 */
export class BackgroundWork {
  private readonly inflight = new Set<Promise<void>>();

  constructor(private readonly report: (context: string, error: unknown) => void) {}

  track(work: Promise<void>, context: string): void {
    const tracked = work.catch((error: unknown) => this.report(context, error));
    this.inflight.add(tracked);
    void tracked.finally(() => this.inflight.delete(tracked));
  }

  /** Resolves once every tracked work has ended, work started meanwhile included. */
  async settled(): Promise<void> {
    while (this.inflight.size) await Promise.all(this.inflight);
  }
}
