// Everything the harness starts registers how to stop it here, so it is stopped on success,
// failure, Ctrl+C (SIGINT), SIGTERM and SIGHUP alike.
type AsyncCleanup = () => Promise<void> | void;

const asyncCleanups = new Set<AsyncCleanup>();
const syncCleanups = new Set<() => void>();
let installed = false;
let cleaning: Promise<void> | undefined;

/**
 * Registers a cleanup. `onExit` must be synchronous: it is the last resort run from
 * process 'exit' (e.g. SIGKILL of a process group) when the async path could not run.
 * Returns a function that unregisters both.
 */
export function onCleanup(cleanup: AsyncCleanup, onExit?: () => void): () => void {
  installHandlers();
  asyncCleanups.add(cleanup);
  if (onExit) syncCleanups.add(onExit);
  return () => {
    asyncCleanups.delete(cleanup);
    if (onExit) syncCleanups.delete(onExit);
  };
}

/** Runs every registered cleanup once, newest first; errors are reported, not thrown. */
export function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    for (const cleanup of [...asyncCleanups].reverse()) {
      asyncCleanups.delete(cleanup);
      try {
        await cleanup();
      } catch (error) {
        console.error('[harness] cleanup failed:', error);
      }
    }
    cleaning = undefined;
  })();
  return cleaning;
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  const signals: Array<[NodeJS.Signals, number]> = [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]];
  for (const [signal, code] of signals) {
    process.on(signal, () => {
      console.error(`\n[harness] ${signal}: stopping everything this run started…`);
      void runCleanups().finally(() => process.exit(code));
    });
  }
  process.on('exit', () => {
    for (const kill of syncCleanups) {
      try {
        kill();
      } catch {
        // Already gone: nothing to stop.
      }
    }
  });
}
