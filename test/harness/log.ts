// Progress output for the harness: one prefix, elapsed times, nothing clever.
const PREFIX = '[harness]';

export function info(message: string): void {
  console.log(`${PREFIX} ${message}`);
}

export function warn(message: string): void {
  console.warn(`${PREFIX} warning: ${message}`);
}

/** Prints `label…` now and `label done in Ns` when the returned function is called. */
export function step(label: string): (note?: string) => void {
  const started = performance.now();
  info(`${label}…`);
  return (note?: string) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    info(`${label}: ${note ?? 'done'} (${seconds}s)`);
  };
}
