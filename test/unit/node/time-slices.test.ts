import assert from 'node:assert/strict';
import { timeSlices } from '../../../src/node/time-slices';

describe('timeSlices: when the extension host gets a turn during a scan', () => {
  it('asks for no turn while the slice lasts', () => {
    const between = timeSlices(60_000);
    for (let i = 0; i < 1000; i++) assert.equal(between(), undefined);
  });

  it('once the slice is over, asks for one turn of the event loop, and the next slice starts after it', async () => {
    const between = timeSlices(0);
    let timerRan = false;
    setImmediate(() => (timerRan = true));
    const turn = between();
    assert.ok(turn instanceof Promise);
    await turn;
    assert.equal(timerRan, true, 'work queued on the event loop before the turn ran during it');
  });
});
