import { strict as assert } from 'node:assert';
import { posix } from 'node:path';
import { displayPath } from '../../../src/cli/context';

describe('displayPath: how the CLI shows a path', () => {
  it('is what path.relative says, for paths below the current directory (taken as their tail) and elsewhere', () => {
    const cases: Array<[string, string]> = [
      ['/ws', '/ws/docs/decisions/0001-x.md'],
      ['/ws', '/ws'],
      ['/ws', '/ws/'],
      ['/ws', '/ws/a/../b.md'],
      ['/ws', '/ws/./a//b.md'],
      ['/ws', '/ws/a/..'],
      ['/ws', '/ws/..'],
      ['/ws', '/other/x.md'],
      ['/ws/docs', '/ws/docs-x/y.md'],
      ['/', '/a/b'],
    ];
    for (const [cwd, path] of cases) assert.equal(displayPath(cwd, path), posix.relative(cwd, path) || '.', `${cwd} → ${path}`);
  });
});
