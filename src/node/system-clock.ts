import type { Clock } from '../core/port/clock';
import { localDate } from '../core/text/position';

/** The machine's clock, in its local time zone. */
export const systemClock: Clock = {
  today: () => localDate(new Date()),
  untilTomorrow() {
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    return midnight.getTime() - now.getTime();
  },
  now: () => Date.now(),
};
