import type { Scheduler } from '../core/port/scheduler';
import { timeSlices } from './time-slices';

/** The live engine's scheduler on Node's timers: debounce with setTimeout, slices with setImmediate. */
export const timerScheduler: Scheduler = {
  delay(ms, run) {
    const timer = setTimeout(run, ms);
    return { cancel: () => clearTimeout(timer) };
  },
  slices: timeSlices,
};
