import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem, SLOW_READS_MS, STALLED_READ_MS, STAT_THREAD_MIN } from '../../../src/node/node-file-system';
import { statOnWorker } from '../../../src/node/stat-worker';

/** A clock under which the n-th timed read takes durations[n] ms (the last one repeats). */
function readsTaking(...durations: number[]): () => number {
  let now = 0;
  let reads = 0;
  let started = false;
  return () => {
    if (started) now += durations[Math.min(reads++, durations.length - 1)];
    started = !started;
    return now;
  };
}

describe('NodeFileSystem: the adaptive read mode of the extension host', () => {
  let dir: string;
  let file: string;
  const text = '---\ntitle: Adaptive\n---\n# Adaptive\n';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'legible-node-fs-'));
    file = path.join(dir, '0001-adaptive.md');
    await writeFile(file, text);
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Reads the file until the port leaves blocking reads; how many it took (Infinity: it never did). */
  async function readsUntilThreadPool(fs: NodeFileSystem, most: number): Promise<number> {
    for (let n = 1; n <= most; n++) {
      const read = await fs.readBounded(file, 1 << 20);
      assert.equal(new TextDecoder().decode(read.bytes), text, 'every read returns the file, the slow one too');
      assert.equal(read.size, Buffer.byteLength(text));
      if (fs.reads === 'thread-pool') return n;
    }
    return Infinity;
  }

  it('reads block while they are quick', async () => {
    const fs = new NodeFileSystem({ reads: 'adaptive', clock: readsTaking(SLOW_READS_MS / 4) });
    assert.equal(await readsUntilThreadPool(fs, 100), Infinity);
    assert.equal(fs.reads, 'adaptive');
  });

  it('a hiccup (one read at ten times the limit, as in a GC pause) does not turn them off', async () => {
    const fs = new NodeFileSystem({ reads: 'adaptive', clock: readsTaking(0.01, SLOW_READS_MS * 10, 0.01) });
    assert.equal(await readsUntilThreadPool(fs, 100), Infinity);
  });

  it('storage that stays slow sends reads through the thread pool within a few reads, for good', async () => {
    const fs = new NodeFileSystem({ reads: 'adaptive', clock: readsTaking(SLOW_READS_MS * 2) });
    const n = await readsUntilThreadPool(fs, 100);
    assert.ok(n > 1 && n <= 16, `switched after ${n} reads`);
    const later = await fs.readBounded(file, 8);
    assert.equal(new TextDecoder().decode(later.bytes), text.slice(0, 8));
    assert.equal(later.size, Buffer.byteLength(text));
    assert.equal(fs.reads, 'thread-pool');
  });

  it('one stalled read is enough', async () => {
    const fs = new NodeFileSystem({ reads: 'adaptive', clock: readsTaking(0.01, STALLED_READ_MS, 0.01) });
    assert.equal(await readsUntilThreadPool(fs, 100), 2);
  });

  it('a failed read is timed too: errors do not keep a slow disk on blocking reads', async () => {
    const fs = new NodeFileSystem({ reads: 'adaptive', clock: readsTaking(STALLED_READ_MS) });
    await assert.rejects(fs.readBounded(path.join(dir, 'missing.md'), 1 << 20), /ENOENT/);
    assert.equal(fs.reads, 'thread-pool');
  });

  it('the other modes never change', async () => {
    for (const reads of ['blocking', 'thread-pool'] as const) {
      const fs = new NodeFileSystem({ reads, clock: readsTaking(STALLED_READ_MS) });
      assert.equal(await readsUntilThreadPool(fs, 3), reads === 'thread-pool' ? 1 : Infinity);
      assert.equal(fs.reads, reads);
    }
  });
});

describe('NodeFileSystem.statMany: many stats on a thread of their own', function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'legible-stat-many-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers as stat does, path by path: files of every size, a folder, a link (not followed), a missing file, and nothing through a link out of the workspace', async () => {
    const root = path.join(dir, 'ws');
    const outside = path.join(dir, 'outside');
    await mkdir(path.join(root, 'docs', 'sub'), { recursive: true });
    await mkdir(outside, { recursive: true });
    await writeFile(path.join(outside, 'secret.md'), 'secret\n');
    await symlink(outside, path.join(root, 'docs', 'out'));
    await symlink('0001.md', path.join(root, 'docs', 'link.md'));
    const names = Array.from({ length: STAT_THREAD_MIN + 10 }, (_, i) => `${String(i).padStart(4, '0')}.md`);
    for (const [i, name] of names.entries()) await writeFile(path.join(root, 'docs', name), 'x'.repeat(i % 97));
    const portable = (p: string) => p.split(path.sep).join('/');
    const paths = [...names, 'sub', 'link.md', 'missing.md', 'out/secret.md'].map((name) => portable(path.join(root, 'docs', name)));
    for (const fs of [new NodeFileSystem({ reads: 'blocking', root: portable(root) }), new NodeFileSystem({ reads: 'blocking' })]) {
      const many = await fs.statMany(paths);
      const one = await Promise.all(paths.map((p) => fs.stat(p).catch(() => undefined)));
      assert.deepEqual(many, one);
      assert.equal(many.length, paths.length);
      assert.deepEqual(many.slice(-4, -1).map((found) => found?.kind), ['directory', 'symlink', undefined]);
      assert.equal(many[96]?.size, 96);
    }
    const confined = await new NodeFileSystem({ reads: 'blocking', root: portable(root) }).statMany(paths);
    assert.equal(confined.at(-1), undefined, 'a file reached through a link out of the workspace is not looked at');
    const free = await new NodeFileSystem({ reads: 'blocking' }).statMany(paths);
    assert.equal(free.at(-1)?.kind, 'file', 'unconfined, the link is a path like any other');
    // The thread itself answers (statMany would fall back to this thread if it could not).
    assert.deepEqual(await statOnWorker(paths), free);
  });
});
