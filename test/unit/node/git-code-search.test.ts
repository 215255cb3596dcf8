import { strict as assert } from 'node:assert';
import { GitCodeSearch } from '../../../src/node/git-code-search';
import { GrepLineReader, type GrepFile } from '../../../src/node/git-grep-lines';
import { toPortable } from '../../../src/node/portable-path';
import { cleanupTemps, git, gitRepository, tempDir } from '../cli/cli-process';
import { filesAt } from '../support/put-file';

const BOUNDS = { maxFileBytes: 1024 * 1024, maxBytes: 64 * 1024 * 1024, timeoutMs: 30_000 };

function lines(found: Map<string, GrepFile> | undefined): Record<string, unknown> {
  assert.ok(found, 'git answered');
  return Object.fromEntries([...found].map(([path, file]) => [path, 'large' in file ? 'large' : file.lines.map((line) => `${line.line}:${line.text}`)]));
}

describe('GitCodeSearch: git grep over a folder\'s tracked code, and what changed since a tree', function () {
  this.timeout(60_000);
  after(cleanupTemps);

  it('the matching lines of the tracked text files below the folder, by file, relative to it; excluded folders, dependencies, binary and untracked files left out', async () => {
    const dir = await tempDir('legible-grep-');
    const put = filesAt(dir);
    await put('app/src/cites.ts', 'one\n// see adr-7\nthree ADR-8\n');
    await put('app/src/quiet.ts', 'export {};\n');
    await put('app/src/blob.bin', Buffer.from('ADR-0007\0\0'));
    await put('app/docs/decisions/0001-a.md', 'ADR-0001\n');
    await put('app/node_modules/x/index.js', 'ADR-0001\n');
    await put('app/[odd]*name.ts', 'ADR-0003\n');
    await put('top.ts', '// ADR-0001\n');
    gitRepository(dir, { message: 'Start', force: ['app/node_modules'] });
    await put('app/src/untracked.ts', '// ADR-0002\n');
    const app = await GitCodeSearch.at(`${toPortable(dir)}/app`);
    assert.ok(app);
    const grep = (options: { exclude?: string[]; paths?: string[] }) => app.grep('(adr|rfc)-?[0-9]', { ...options, bounds: BOUNDS });
    assert.deepEqual(lines(await grep({ exclude: ['docs/decisions'] })), { '[odd]*name.ts': ['0:ADR-0003'], 'src/cites.ts': ['1:// see adr-7', '2:three ADR-8'] });
    // Named paths are read literally: `[odd]*name.ts` is one file, not a pattern.
    assert.deepEqual(lines(await grep({ paths: ['[odd]*name.ts', 'src/quiet.ts'] })), { '[odd]*name.ts': ['0:ADR-0003'] });
    assert.deepEqual(lines(await grep({ paths: [] })), {});
  });

  it('what changed since a tree: commits since, staged and unstaged changes, both names of a rename; only below the folder', async () => {
    const dir = await tempDir('legible-changed-');
    const put = filesAt(dir);
    await put('app/a.ts', 'a\n');
    await put('app/b.ts', 'b\n');
    await put('app/c.ts', 'c\n');
    await put('other.ts', 'o\n');
    gitRepository(dir, { message: 'Start' });
    const app = await GitCodeSearch.at(`${toPortable(dir)}/app`);
    assert.ok(app);
    const first = await app.headTree();
    assert.ok(first);
    assert.deepEqual(await app.changed(first), []);
    git(dir, 'mv', 'app/a.ts', 'app/renamed.ts');
    await put('other.ts', 'changed, outside the folder\n');
    git(dir, 'commit', '--quiet', '--all', '--message', 'Rename');
    const second = await app.headTree();
    assert.ok(second && second !== first);
    await put('app/b.ts', 'unstaged\n');
    await put('app/d.ts', 'staged\n');
    git(dir, 'add', 'app/d.ts');
    assert.deepEqual((await app.changed(first, second))?.sort(), ['a.ts', 'renamed.ts']);
    assert.deepEqual((await app.changed(second))?.sort(), ['b.ts', 'd.ts']);
    assert.deepEqual((await app.changed(first))?.sort(), ['a.ts', 'b.ts', 'd.ts', 'renamed.ts']);
    assert.equal(await app.changed('0'.repeat(40)), undefined, 'a tree git does not have');
  });

  it('GrepLineReader: records split anywhere across chunks read the same; a file whose lines pass the bound is large, its lines dropped', () => {
    const out = Buffer.concat([Buffer.from('a.ts\x001\x00\uFEFFADR-1 \u00e9\n'), Buffer.from('a.ts\x003\x00\uFEFFx ADR-2\n'), Buffer.from(`big.js\x002\x00${'y'.repeat(40)}\nbig.js\x009\x00y\nc\nd.ts\x001\x00ok\n`)]);
    const whole = new GrepLineReader(30);
    whole.push(out);
    const expected = { 'a.ts': ['0:ADR-1 é', '2:\uFEFFx ADR-2'], 'big.js': 'large', 'c\nd.ts': ['0:ok'] };
    assert.deepEqual(lines(whole.files), expected, 'a BOM is dropped at the start of a file only; a path may hold a newline');
    for (let size = 1; size < 8; size++) {
      const split = new GrepLineReader(30);
      for (let at = 0; at < out.length; at += size) split.push(out.subarray(at, at + size));
      assert.deepEqual(lines(split.files), expected, `chunks of ${size} bytes`);
    }
  });
});
