import assert from 'node:assert/strict';
import { timerScheduler } from '../../../src/node/timer-scheduler';
import { systemClock } from '../../../src/node/system-clock';
import { localDate } from '../../../src/core/text/position';

describe('The live engine\'s Node ports: timerScheduler and systemClock', () => {
  it('runs a delayed task once, and never one cancelled first', async () => {
    const ran: string[] = [];
    const kept = new Promise<void>((resolve) => timerScheduler.delay(1, () => (ran.push('kept'), resolve())));
    timerScheduler.delay(0, () => ran.push('cancelled')).cancel();
    await kept;
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(ran, ['kept']);
  });

  it('gives today as YYYY-MM-DD in local time, and a wait that ends on the next local date', () => {
    const today = systemClock.today();
    assert.match(today, /^\d{4}-\d{2}-\d{2}$/);
    const wait = systemClock.untilTomorrow();
    // A day is 23 to 25 hours long where the clocks change.
    assert.ok(wait > 0 && wait <= 25 * 3_600_000, `${wait} ms`);
    const then = new Date(Date.now() + wait);
    assert.notEqual(localDate(then), localDate(new Date(then.getTime() - 1_000)), 'the wait ends at a local midnight');
  });
});
