/**
 * For DecisionWorkspace.scan's `between` in the live engine (through timerScheduler): once
 * `sliceMs` of work has gone by, one turn of the event loop before the next slice. On Node the
 * turn is setImmediate (after pending I/O and timers, never clamped like a 0 ms timeout); the web
 * worker host passes its own (src/vscode/web/web-scheduler.ts). Nothing here needs Node itself.
 */
export function timeSlices(sliceMs: number, turn: () => Promise<void> = nextImmediate): () => Promise<void> | undefined {
  let sliceStart = Date.now();
  return () => {
    if (Date.now() - sliceStart < sliceMs) return undefined;
    return turn().then(() => {
      sliceStart = Date.now();
    });
  };
}

function nextImmediate(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}
