import { strict as assert } from 'node:assert';
import { chmod, link, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readRecord, replaceRecord } from '../../../src/node/record-file';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The atomic rewrite `migrate` and `lint --fix` share, on real files in a temp folder. */
describe('record files: read whole, replace atomically (Node adapter)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'legible-record-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const file = async (name: string, bytes: Uint8Array | string) => {
    const full = path.join(dir, name);
    await writeFile(full, bytes);
    return full;
  };

  it('keeps a BOM in the text, writes the new bytes with the original\'s mode and leaves no temporary file', async () => {
    const full = await file('0001-a.md', Buffer.concat([BOM, Buffer.from('# A\r\n\r\nBody.\r\n')]));
    await chmod(full, 0o640);
    const snapshot = await readRecord(full, DEFAULT_LIMITS);
    assert.equal(snapshot.problem, undefined);
    assert.equal(snapshot.text, '\uFEFF# A\r\n\r\nBody.\r\n');
    assert.equal(await replaceRecord(snapshot, `\uFEFF---\r\ntype: adr\r\n---\r\n${snapshot.text.slice(1)}`), 'written');
    assert.deepEqual(await readFile(full), Buffer.concat([BOM, Buffer.from('---\r\ntype: adr\r\n---\r\n# A\r\n\r\nBody.\r\n')]));
    assert.equal((await stat(full)).mode & 0o777, 0o640);
    assert.deepEqual(await readdir(dir), ['0001-a.md']);
  });

  it('writes nothing when the file changed between read and write, and keeps the other writer\'s text', async () => {
    const full = await file('0001-a.md', '# A\n');
    const snapshot = await readRecord(full, DEFAULT_LIMITS);
    const outcome = await replaceRecord(snapshot, '---\ntype: adr\n---\n# A\n', { beforeCheck: () => writeFile(full, '# A, edited elsewhere\n') });
    assert.equal(outcome, 'changed');
    assert.equal(await readFile(full, 'utf8'), '# A, edited elsewhere\n');
    assert.deepEqual(await readdir(dir), ['0001-a.md'], 'the temporary file is removed');
  });

  it('notices a change that keeps the size and the modification time (by the content hash)', async () => {
    const full = await file('0001-a.md', '# A\n');
    // Whole seconds, which every file system stores exactly.
    const seconds = 1_700_000_000;
    await utimes(full, seconds, seconds);
    const snapshot = await readRecord(full, DEFAULT_LIMITS);
    const outcome = await replaceRecord(snapshot, 'new\n', {
      beforeCheck: async () => {
        await writeFile(full, '# B\n');
        await utimes(full, seconds, seconds);
      },
    });
    assert.equal((await stat(full)).mtimeMs, snapshot.mtimeMs, 'the test really kept the time');
    assert.equal(outcome, 'changed');
    assert.equal(await readFile(full, 'utf8'), '# B\n');
  });

  it('notices a file removed meanwhile', async () => {
    const full = await file('0001-a.md', '# A\n');
    const snapshot = await readRecord(full, DEFAULT_LIMITS);
    assert.equal(await replaceRecord(snapshot, 'new\n', { beforeCheck: () => rm(full) }), 'changed');
    assert.deepEqual(await readdir(dir), []);
  });

  it('marks what must not be rewritten: a symbolic link, a file with other hard links, a file too large, invalid UTF-8', async () => {
    const target = await file('0001-a.md', '# A\n');
    await symlink(target, path.join(dir, '0002-link.md'));
    assert.match((await readRecord(path.join(dir, '0002-link.md'), DEFAULT_LIMITS)).problem ?? '', /symbolic link/);
    await link(target, path.join(dir, '0003-hard.md'));
    assert.match((await readRecord(target, DEFAULT_LIMITS)).problem ?? '', /^This file has 2 hard links/);
    const large = await file('0004-large.md', '# Large\n');
    assert.match((await readRecord(large, { maxFileBytes: 4 })).problem ?? '', /^This file is 8 bytes, more than the 4 Legible reads/);
    const latin1 = await file('0005-latin1.md', Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
    const snapshot = await readRecord(latin1, DEFAULT_LIMITS);
    assert.match(snapshot.problem ?? '', /not valid UTF-8/);
    await assert.rejects(replaceRecord(snapshot, 'x'), /refusing to rewrite/);
    assert.deepEqual(await readFile(latin1), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
  });
});
