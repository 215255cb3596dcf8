import assert from 'node:assert/strict';
import { ReadAheadPort } from '../../../src/core/live/read-ahead';
import type { FileSystemPort, SeenAsFile } from '../../../src/core/port/file-system';
import { MemoryFileSystem } from '../support/memory-file-system';
import { ROOT } from '../support/workspace';

const D = `${ROOT}/docs/decisions`;

/** The memory file system, counting the bounded reads that reach it. */
function counted(files: Readonly<Record<string, string>>): { fs: FileSystemPort; reads: Array<{ path: string; maxBytes: number; seen?: SeenAsFile }> } {
  const memory = new MemoryFileSystem({}, { root: ROOT });
  for (const [path, text] of Object.entries(files)) memory.put(path, text);
  const reads: Array<{ path: string; maxBytes: number; seen?: SeenAsFile }> = [];
  const fs: FileSystemPort = {
    readFile: (path) => memory.readFile(path),
    readBounded: async (path, maxBytes, seen) => {
      reads.push({ path, maxBytes, seen });
      const bytes = await memory.readFile(path);
      return { bytes: bytes.subarray(0, maxBytes), size: bytes.length };
    },
    readDirectory: (path) => memory.readDirectory(path),
    stat: (path) => memory.stat(path),
    writeFile: (path, data) => memory.writeFile(path, data),
    createExclusive: (path, data) => memory.createExclusive(path, data),
    delete: (path) => memory.delete(path),
  };
  return { fs, reads };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('ReadAheadPort: a first load reads the listed records before the configuration says where they are', () => {
  const files = { [`${D}/0001-a.md`]: '# A\n', [`${D}/0002-b.md`]: '# B, a longer record\n', [`${D}/notes.txt`]: 'not a record\n' };

  it('reads the Markdown files a listing names as regular files, once, and hands each read to the load once', async () => {
    const { fs, reads } = counted(files);
    const port = new ReadAheadPort(fs);
    port.listed(D, [
      { name: '0001-a.md', kind: 'file' },
      { name: '0002-b.md', kind: 'file' },
      { name: 'notes.txt', kind: 'file' },
      { name: 'fifo.md', kind: 'other' },
      { name: 'linked.md', kind: 'symlink' },
      { name: 'sub', kind: 'directory' },
    ]);
    port.listed(D, [{ name: '0001-a.md', kind: 'file' }]);
    assert.deepEqual(reads.map((r) => [r.path, r.seen?.listedAsFile]), [[`${D}/0001-a.md`, true], [`${D}/0002-b.md`, true]], 'only listed regular Markdown files, each once');
    const first = await port.readBounded!(`${D}/0001-a.md`, 1024);
    assert.equal(text(first.bytes), '# A\n');
    assert.equal(first.size, 4);
    assert.equal(reads.length, 2, 'handed over, not read again');
    await port.readBounded!(`${D}/0001-a.md`, 1024);
    assert.equal(reads.length, 3, 'a second read of the path asks storage');
  });

  it('cuts a read ahead to fewer bytes, and asks storage again for more than it read of a larger file', async () => {
    const { fs, reads } = counted(files);
    const port = new ReadAheadPort(fs);
    port.listed(D, [{ name: '0002-b.md', kind: 'file' }]);
    const cut = await port.readBounded!(`${D}/0002-b.md`, 4);
    assert.deepEqual([text(cut.bytes), cut.size, reads.length], ['# B,', 21, 1]);
    // A file larger than the read ahead took (the configuration allows more than the default): asked again.
    const big = 'x'.repeat(5 * 1024 * 1024);
    const large = counted({ [`${D}/0003-big.md`]: big });
    const wide = new ReadAheadPort(large.fs);
    wide.listed(D, [{ name: '0003-big.md', kind: 'file' }]);
    const whole = await wide.readBounded!(`${D}/0003-big.md`, 8 * 1024 * 1024);
    assert.equal(whole.bytes.length, big.length);
    assert.equal(large.reads.length, 2);
  });

  it('drop forgets what nobody asked for and starts nothing more; a failed read ahead is asked again', async () => {
    const { fs, reads } = counted(files);
    const port = new ReadAheadPort(fs);
    port.listed(D, [{ name: '0001-a.md', kind: 'file' }, { name: 'gone.md', kind: 'file' }]);
    const again = await port.readBounded!(`${D}/gone.md`, 10).catch((error: Error) => error);
    assert.ok(again instanceof Error, 'the missing file fails when the load reads it');
    assert.equal(reads.filter((r) => r.path.endsWith('gone.md')).length, 2);
    port.drop();
    port.listed(D, [{ name: '0002-b.md', kind: 'file' }]);
    await port.readBounded!(`${D}/0001-a.md`, 10);
    assert.deepEqual(reads.map((r) => r.path.split('/').pop()), ['0001-a.md', 'gone.md', 'gone.md', '0001-a.md']);
  });

  it('reads ahead no more files than a scan keeps in flight', () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`${D}/${String(i).padStart(4, '0')}-r.md`, '# R\n']));
    const { fs, reads } = counted(many);
    const port = new ReadAheadPort(fs);
    port.listed(D, Object.keys(many).map((path) => ({ name: path.split('/').pop()!, kind: 'file' as const })));
    assert.equal(reads.length, 16);
  });

  it('has the optional calls its port has, and no others', () => {
    const { fs } = counted(files);
    const bare = new ReadAheadPort({ ...fs, readBounded: undefined });
    assert.equal(bare.readBounded, undefined);
    assert.equal(bare.realPath, undefined);
    const full = new ReadAheadPort({ ...fs, realPath: async (path) => path });
    assert.equal(typeof full.realPath, 'function');
    assert.equal(typeof full.readBounded, 'function');
  });
});
