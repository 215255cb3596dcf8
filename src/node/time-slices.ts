/**
 * For DecisionWorkspace.scan's `between` in the live engine (through timerScheduler): once
 * `sliceMs` of work has gone by, one turn of the event loop (setImmediate: after pending I/O and
 * timers, never clamped like a 0 ms timeout) before the next slice.
 */
export function timeSlices(sliceMs: number): () => Promise<void> | undefined {
  let sliceStart = Date.now();
  return () => {
    if (Date.now() - sliceStart < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        sliceStart = Date.now();
        resolve();
      }),
    );
  };
}
