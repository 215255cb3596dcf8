import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/cli/node-file-system';
import { ReadPool } from '../../../src/cli/read/read-pool';
import { bounded } from '../robustness/robustness-support';
import { buildCli } from './cli-process';

/**
 * The read worker (dist/read-worker.js, built here beside the test bundle as in dist/): the
 * extension host's scan reads run on it. Same answers as the in-thread read, never a hang on a
 * FIFO, and a stopped or missing worker falls back to reading in-thread.
 */
describe('the read worker', () => {
  let dir: string;
  let script: string;

  before(async () => {
    script = path.join((await buildCli()).dir, 'read-worker.js');
    dir = await mkdtemp(path.join(tmpdir(), 'legible-read-'));
    await writeFile(path.join(dir, 'a.md'), 'Ä'.repeat(3000));
    await writeFile(path.join(dir, 'empty.md'), '');
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a batch made in one tick: the same bytes and sizes as the in-thread read, errors per file', async () => {
    const inThread = new NodeFileSystem();
    const pool = new ReadPool(script, () => Promise.reject(new Error('read in-thread')));
    try {
      const names = ['a.md', 'empty.md', 'missing.md', 'pipe.md', 'a.md'];
      const { value: outcomes } = await bounded('a batch of reads', () =>
        Promise.allSettled(names.map((name, i) => pool.read(path.join(dir, name), i === 4 ? 10 : 1 << 20))),
      );
      const expected = await Promise.allSettled(names.map((name, i) => inThread.readBounded(path.join(dir, name), i === 4 ? 10 : 1 << 20)));
      assert.equal(outcomes[0].status, 'fulfilled');
      assert.deepEqual(outcomes.map((o) => o.status), expected.map((o) => o.status));
      for (let i = 0; i < names.length; i++) {
        const got = outcomes[i];
        const want = expected[i];
        if (got.status === 'fulfilled' && want.status === 'fulfilled') {
          assert.deepEqual(Buffer.from(got.value.bytes), Buffer.from(want.value.bytes), names[i]);
          assert.equal(got.value.size, want.value.size, names[i]);
        } else if (got.status === 'rejected' && want.status === 'rejected') {
          assert.equal((got.reason as Error).message, (want.reason as Error).message, names[i]);
        }
      }
      assert.equal((outcomes[3] as PromiseRejectedResult).reason.message, 'not a regular file');
      assert.equal((outcomes[4] as PromiseFulfilledResult<{ bytes: Uint8Array; size: number }>).value.bytes.length, 10, 'at most maxBytes');
    } finally {
      pool.dispose();
    }
  });

  it('after dispose, or with a script that does not exist, reads go in-thread, those in flight included', async () => {
    let inThread = 0;
    const fallback = (file: string, maxBytes: number) => {
      inThread++;
      return new NodeFileSystem().readBounded(file, maxBytes);
    };
    const pool = new ReadPool(script, fallback);
    pool.dispose();
    assert.equal((await pool.read(path.join(dir, 'a.md'), 100)).size, 6000);
    assert.equal(inThread, 1);
    const broken = new ReadPool(path.join(dir, 'no-such-worker.js'), fallback);
    const { value } = await bounded('reads with a worker that cannot start', () => Promise.all([broken.read(path.join(dir, 'a.md'), 1 << 20), broken.read(path.join(dir, 'empty.md'), 1 << 20)]));
    assert.deepEqual(value.map((v) => v.size), [6000, 0]);
    assert.equal(inThread, 3, 'both redone in-thread');
    broken.dispose();
  });
});
