/** A debounce timer that can be called off. */
export interface Timer {
  cancel(): void;
}

/**
 * How the live engine waits, so the core keeps no timers of its own: Node front-ends use
 * setTimeout and setImmediate (src/node/timer-scheduler.ts), tests a scheduler they step by hand.
 */
export interface Scheduler {
  /** Runs `run` once after `ms` milliseconds, unless cancelled first. */
  delay(ms: number, run: () => void): Timer;
  /**
   * A fresh `between` for a scan (see ScanOptions): undefined while the current slice of about
   * `sliceMs` lasts, then a promise that resolves after the host has had a turn.
   */
  slices(sliceMs: number): () => Promise<void> | undefined;
}
