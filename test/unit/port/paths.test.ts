import assert from 'node:assert/strict';
import { basename, dirname, isInside, joinPath, normalizePath, relativePath } from '../../../src/core/port/paths';

describe("'/'-paths", () => {
  it('normalises . and .. without leaving the root', () => {
    assert.equal(normalizePath('/ws/docs/./decisions/../adr//0001.md'), '/ws/docs/adr/0001.md');
    assert.equal(normalizePath('/ws/../../etc'), '/etc');
    assert.equal(normalizePath('/'), '/');
    assert.equal(normalizePath('a/../..'), '..');
    assert.equal(normalizePath('a/..'), '.');
    assert.equal(normalizePath('docs/'), 'docs');
  });

  it('keeps the scheme and authority of a URI', () => {
    assert.equal(normalizePath('vscode-vfs://github/org/repo/docs/../adr'), 'vscode-vfs://github/org/repo/adr');
    assert.equal(normalizePath('file:///ws/docs/../x.md'), 'file:///ws/x.md');
    assert.equal(joinPath('untitled://host/ws', 'docs', 'decisions'), 'untitled://host/ws/docs/decisions');
  });

  it('joins relative parts, and an absolute part replaces what came before', () => {
    assert.equal(joinPath('/ws/', 'docs', '', 'decisions/'), '/ws/docs/decisions');
    assert.equal(joinPath('/ws/docs/decisions', '../runbooks/x.md'), '/ws/docs/runbooks/x.md');
    assert.equal(joinPath('/ws', '/etc/passwd'), '/etc/passwd');
  });

  it('splits dirname and basename', () => {
    assert.equal(dirname('/ws/docs/0001.md'), '/ws/docs');
    assert.equal(dirname('/ws'), '/');
    assert.equal(dirname('0001.md'), '.');
    assert.equal(dirname('/ws/docs/'), '/ws');
    assert.equal(basename('/ws/docs/0001.md'), '0001.md');
    assert.equal(basename('/ws/docs/'), 'docs');
    assert.equal(basename('0001.md'), '0001.md');
  });

  it('gives relative paths between folders', () => {
    assert.equal(relativePath('/ws/docs/decisions', '/ws/docs/decisions/api/0001.md'), 'api/0001.md');
    assert.equal(relativePath('/ws/docs/decisions', '/ws/runbooks/x.md'), '../../runbooks/x.md');
    assert.equal(relativePath('/ws', '/ws'), '.');
  });

  it('gives a path below the folder the same answer as segment by segment, for any spelling of either', () => {
    // The long way, as relativePath computed every answer before it took a path's tail.
    const bySegments = (from: string, to: string) => {
      const a = normalizePath(from).split('/').filter(Boolean);
      const b = normalizePath(to).split('/').filter(Boolean);
      let i = 0;
      while (i < a.length && i < b.length && a[i] === b[i]) i++;
      return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
    };
    const parts = ['', '/', '.', '..', 'ws', 'docs', 'a', 'vscode-vfs://github', 'x.md', '//'];
    let seed = 7;
    const pick = () => parts[(seed = (seed * 1103515245 + 12345) % 2147483648) % parts.length];
    const spell = () => Array.from({ length: 1 + (seed % 5) }, pick).join('/');
    let below = 0;
    for (let n = 0; n < 5000; n++) {
      const from = spell();
      const to = n % 2 ? `${from}/${spell()}` : spell();
      if (normalizePath(to).startsWith(`${normalizePath(from)}/`)) below++;
      assert.equal(relativePath(from, to), bySegments(from, to), `relativePath(${JSON.stringify(from)}, ${JSON.stringify(to)})`);
    }
    assert.ok(below > 500, `only ${below} of the paths lay below their folder`);
    assert.equal(relativePath('vscode-vfs://github', 'vscode-vfs://github/o/r/x.md'), 'o/r/x.md');
    assert.equal(relativePath('vscode-vfs:', 'vscode-vfs://github/x'), 'github/x');
    assert.equal(relativePath('/', '/ws/x.md'), 'ws/x.md');
  });

  it('tells whether a path lies inside a folder, after normalising, and not by string prefix alone', () => {
    assert.ok(isInside('/ws', '/ws/docs/x.md'));
    assert.ok(isInside('/ws/', '/ws'));
    assert.ok(!isInside('/ws', '/ws-other/x.md'));
    assert.ok(!isInside('/ws', '/ws/docs/../../etc/passwd'));
    assert.ok(isInside('/ws/docs', '/ws/docs/a/../b.md'));
  });
});
