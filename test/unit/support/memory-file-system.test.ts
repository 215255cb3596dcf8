import assert from 'node:assert/strict';
import { MemoryFileSystem } from './memory-file-system';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('MemoryFileSystem (the in-memory FileSystemPort the core is tested on)', () => {
  it('reads files, implies their folders and lists a folder sorted, with kinds', async () => {
    const fs = new MemoryFileSystem({ '/ws/docs/a.md': 'A', '/ws/docs/sub/b.md': 'B', '/ws/.legible.json': '{}' }, { others: ['/ws/docs/pipe.md'] });
    assert.equal(text(await fs.readFile('/ws/docs/a.md')), 'A');
    assert.deepEqual(await fs.readDirectory('/ws/docs'), [
      { name: 'a.md', kind: 'file' },
      { name: 'pipe.md', kind: 'other' },
      { name: 'sub', kind: 'directory' },
    ]);
    assert.deepEqual(await fs.readDirectory('/ws'), [
      { name: '.legible.json', kind: 'file' },
      { name: 'docs', kind: 'directory' },
    ]);
    assert.equal((await fs.stat('/ws/docs'))?.kind, 'directory');
    assert.equal((await fs.stat('/ws/docs/a.md'))?.size, 1);
    assert.equal(await fs.stat('/ws/nothing'), undefined);
    await assert.rejects(fs.readFile('/ws/nothing.md'), /ENOENT/);
    await assert.rejects(fs.readFile('/ws/docs/pipe.md'), /EINVAL/);
    await assert.rejects(fs.readDirectory('/ws/docs/a.md'), /ENOTDIR/);
  });

  it('normalises paths before use', async () => {
    const fs = new MemoryFileSystem({ '/ws/docs/a.md': 'A' });
    assert.equal(text(await fs.readFile('/ws/./docs/../docs//a.md')), 'A');
  });

  it('stat does not follow a final symlink; readFile and realPath do; loops end', async () => {
    const fs = new MemoryFileSystem({ '/ws/real/a.md': 'A' }, { symlinks: { '/ws/link.md': 'real/a.md', '/ws/dir': '/ws/real', '/ws/loop/x': '/ws/loop/y', '/ws/loop/y': '/ws/loop/x' } });
    assert.equal((await fs.stat('/ws/link.md'))?.kind, 'symlink');
    assert.equal(text(await fs.readFile('/ws/link.md')), 'A');
    assert.equal(await fs.realPath('/ws/link.md'), '/ws/real/a.md');
    assert.equal((await fs.stat('/ws/dir/a.md'))?.kind, 'file', 'links in folders of the path are followed');
    assert.equal(await fs.realPath('/ws/loop/x'), undefined);
    await assert.rejects(fs.readFile('/ws/loop/x'), /ELOOP/);
    assert.equal(await fs.realPath('/ws/missing'), undefined);
  });

  it('createExclusive creates once and never overwrites', async () => {
    const fs = new MemoryFileSystem({ '/ws/docs/0001-a.md': 'old' });
    assert.equal(await fs.createExclusive('/ws/docs/0001-a.md', new TextEncoder().encode('new')), false);
    assert.equal(fs.text('/ws/docs/0001-a.md'), 'old');
    assert.equal(await fs.createExclusive('/ws/docs/0002-b.md', new TextEncoder().encode('B')), true);
    assert.equal(fs.text('/ws/docs/0002-b.md'), 'B');
    await assert.rejects(fs.writeFile('/ws/nowhere/x.md', new Uint8Array()), /ENOENT/);
    await fs.delete('/ws/docs/0002-b.md');
    assert.equal(await fs.stat('/ws/docs/0002-b.md'), undefined);
  });
});
