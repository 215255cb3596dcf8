import type { Clock } from '../port/clock';
import type { Scheduler, Timer } from '../port/scheduler';

/**
 * Tells when the date the results were linted on is no longer today: at midnight by a timer, or
 * at the next event when the timer came late (the machine slept) or the clock was set.
 */
export class DayWatch {
  private timer: Timer | undefined;
  private linted: string | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly onNewDay: (today: string) => void,
  ) {}

  /** Results were published for `linted`: watch for the day after (at once if it has already come). */
  watch(linted: string): void {
    this.timer?.cancel();
    this.linted = linted;
    const wait = this.clock.today() === linted ? Math.max(1000, this.clock.untilTomorrow()) : 0;
    this.timer = this.scheduler.delay(wait, () => this.check(true));
  }

  /** Asks the clock; a new day is told once (the caller's next `watch` starts over). */
  check(fromTimer = false): void {
    if (this.linted === undefined) return;
    const today = this.clock.today();
    if (today !== this.linted) {
      this.stop();
      this.onNewDay(today);
    } else if (fromTimer) this.watch(this.linted);
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.linted = undefined;
  }
}
