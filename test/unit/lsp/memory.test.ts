// The language server holds no memory per edit: after 10,000 edits to a record its heap (after a
// full GC) is within 10% of what it was after 100.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { capture } from '../../harness/proc';

describe('language server: memory', function () {
  this.timeout(180_000);

  it('after 10,000 edits holds within 10% of the heap it held after 100', async () => {
    const probe = path.join(__dirname, 'memory-probe.ts');
    const run = await capture(process.execPath, ['--expose-gc', '--import', 'tsx', probe], { cwd: path.resolve(__dirname, '..', '..', '..') });
    assert.equal(run.code, 0, run.stderr);
    const { after100, after10000 } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { after100: number; after10000: number };
    assert.ok(after10000 <= after100 * 1.1, `heap after 100 edits ${(after100 / 1e6).toFixed(1)} MB, after 10,000 ${(after10000 / 1e6).toFixed(1)} MB`);
  });
});
