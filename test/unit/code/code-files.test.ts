import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { codeFilesToScan, MAX_CODE_FILE_BYTES, readCodeText } from '../../../src/core/code/code-files';
import { walkFiles } from '../../../src/core/code/walk-files';
import { compileRepositoryGlob, type RepositoryGlob } from '../../../src/core/code/repository-globs';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { toPortable } from '../../../src/node/portable-path';
import { re2RegexEngine } from '../../../src/node/re2-regex-engine';
import { MemoryFileSystem } from '../support/memory-file-system';

function globs(...written: string[]): RepositoryGlob[] {
  return written.map((w) => {
    const result = compileRepositoryGlob(w, re2RegexEngine);
    if ('problem' in result) throw new Error(result.problem);
    return result.glob;
  });
}

describe('which code files are scanned, and how they are read', () => {
  const tracked = ['src/a.ts', 'docs/decisions/0001-x.md', 'docs/decisions/notes.txt', 'node_modules/x/index.js', 'web/dist/app.js', 'target/classes/A.class', 'lib/build/gen.ts', 'docs/guide.md', 'src/a.generated.ts'];

  it('by default: every tracked file outside the decisions folders, dependencies and build output', () => {
    assert.deepEqual(codeFilesToScan(tracked, { enabled: true, exclude: [] }, ['docs/decisions']), ['src/a.ts', 'docs/guide.md', 'src/a.generated.ts']);
  });

  it('code.include narrows, code.exclude removes', () => {
    assert.deepEqual(codeFilesToScan(tracked, { enabled: true, include: globs('src/'), exclude: globs('*.generated.ts') }, ['docs/decisions']), ['src/a.ts']);
  });

  it('skips a binary file (NUL in its first 8 KB) and a file over 1 MB, reading no more than 1 MB of a 50 MB one', async () => {
    const fs = new MemoryFileSystem({}, { root: '/ws' });
    fs.put('/ws/logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    fs.put('/ws/app.min.js', 'a'.repeat(50 * 1024 * 1024));
    fs.put('/ws/edge.js', 'b'.repeat(MAX_CODE_FILE_BYTES));
    fs.put('/ws/late-nul.bin', `${'c'.repeat(9000)}\0`);
    assert.deepEqual(await readCodeText(fs, '/ws/logo.png'), { skipped: 'binary' });
    assert.deepEqual(await readCodeText(fs, '/ws/app.min.js'), { skipped: 'large' });
    assert.equal(((await readCodeText(fs, '/ws/edge.js')) as { text: string }).text.length, MAX_CODE_FILE_BYTES, 'exactly 1 MB is read');
    assert.ok('text' in (await readCodeText(fs, '/ws/late-nul.bin')), 'a NUL past 8 KB does not make a file binary, as for git');
    assert.deepEqual(await readCodeText(fs, '/ws/gone.ts'), { skipped: 'unreadable' });
  });

  describe('on disk, with symbolic links', () => {
    let root: string;
    before(async () => {
      root = toPortable(await mkdtemp(path.join(tmpdir(), 'legible-code-')));
      await mkdir(path.join(root, 'src', 'deep'), { recursive: true });
      await mkdir(path.join(root, 'node_modules', 'x'), { recursive: true });
      await writeFile(path.join(root, 'src', 'a.ts'), '// ADR-0001\n');
      await writeFile(path.join(root, 'src', 'deep', 'b.ts'), '// b\n');
      await writeFile(path.join(root, 'node_modules', 'x', 'index.js'), '// x\n');
      await symlink('..', path.join(root, 'src', 'deep', 'up'));
      await symlink('loop', path.join(root, 'src', 'loop'));
      await symlink('/etc/hostname', path.join(root, 'src', 'outside'));
    });
    after(() => rm(root, { recursive: true, force: true }));

    it('the walk without git follows no link (no loop entered) and leaves node_modules out', async () => {
      const walked = await walkFiles(new NodeFileSystem({ root }), root);
      assert.deepEqual(walked, { files: ['src/a.ts', 'src/deep/b.ts'], complete: true });
    });

    it('the walk stops at its bound and says so', async () => {
      assert.deepEqual(await walkFiles(new NodeFileSystem({ root }), root, 1), { files: ['src/a.ts'], complete: false });
    });

    it('a tracked link that loops or leads out of the workspace is not read', async () => {
      const fs = new NodeFileSystem({ root });
      assert.deepEqual(await readCodeText(fs, `${root}/src/loop`), { skipped: 'unreadable' });
      assert.deepEqual(await readCodeText(fs, `${root}/src/outside`), { skipped: 'unreadable' });
      assert.deepEqual(await readCodeText(fs, `${root}/src/a.ts`), { text: '// ADR-0001\n' });
    });
  });
});
