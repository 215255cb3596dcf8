import type { Clock } from '../../../src/core/port/clock';
import type { Scheduler, Timer } from '../../../src/core/port/scheduler';

interface Pending {
  readonly due: number;
  readonly run: () => void;
  cancelled: boolean;
}

/** One turn of Node's event loop: lets promises and in-memory reads run. */
export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * A scheduler a test steps by hand: timers fire only when `advance` passes their time, and with
 * `hold` set every slice boundary of a scan waits for `release`, so a test can act in the middle
 * of a load (an edit, a deletion, another load) at a known point.
 */
export class ManualScheduler implements Scheduler {
  private now = 0;
  private timers: Pending[] = [];
  private waiting: Array<() => void> = [];
  /** Every slice boundary waits for `release` while this is true. */
  hold = false;

  delay(ms: number, run: () => void): Timer {
    const timer: Pending = { due: this.now + ms, run, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  slices(): () => Promise<void> | undefined {
    return () => (this.hold ? new Promise<void>((resolve) => this.waiting.push(resolve)) : undefined);
  }

  /** Timers set and neither fired nor cancelled. */
  get pending(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** Moves time on by `ms`, firing the timers that fall due, in order (and those they set, if due). */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = this.timers.filter((t) => !t.cancelled && t.due <= until).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.now = next.due;
      next.run();
    }
    this.now = until;
  }

  /** Resolves once a scan waits at a slice boundary (fails after many turns with none). */
  async sliceReached(): Promise<void> {
    for (let i = 0; !this.waiting.length; i++) {
      if (i > 10_000) throw new Error('No scan reached a slice boundary');
      await turn();
    }
  }

  /** Lets the scans waiting at a slice boundary go on; with `hold` cleared, they run to the end. */
  release(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

/** A clock a test sets: the date, and when it will change. */
export class ManualClock implements Clock {
  constructor(
    public date: string,
    public msToMidnight = 60_000,
  ) {}

  today(): string {
    return this.date;
  }

  untilTomorrow(): number {
    return this.msToMidnight;
  }

  now(): number {
    return 0;
  }
}
