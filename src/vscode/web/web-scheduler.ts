import type { Scheduler } from '../../core/port/scheduler';
import { timeSlices } from '../../node/time-slices';

let channel: InstanceType<typeof MessageChannel> | undefined;
const waiting: Array<() => void> = [];

/**
 * One turn of the worker's event loop: a message to itself, which browsers never clamp (a 0 ms
 * timeout nested past five levels waits 4 ms, on every slice of a long load).
 */
function nextTurn(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    // The browser's MessagePort (onmessage starts it); Node's typings describe their own.
    (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => waiting.shift()?.();
    // Node's ports (unit tests) would otherwise hold the process open; browsers have no unref.
    (channel.port1 as unknown as { unref?: () => void }).unref?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(undefined);
  });
}

/** The live engine's scheduler in the web worker host: debounce with setTimeout, slices through a message channel. */
export const webScheduler: Scheduler = {
  delay(ms, run) {
    const timer = setTimeout(run, ms);
    return { cancel: () => clearTimeout(timer) };
  },
  slices: (sliceMs) => timeSlices(sliceMs, nextTurn),
};
