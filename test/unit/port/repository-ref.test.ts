import { strict as assert } from 'node:assert';
import { refProblem } from '../../../src/core/port/repository';

describe('refProblem: what --base and --head accept', () => {
  it('accepts branches, tags, remote branches, commits and ancestry suffixes', () => {
    for (const ref of ['main', 'origin/main', 'release/2026.12', 'v1.2.3', 'HEAD', 'HEAD~2', 'main^', 'v1^2~3', '0a1b2c3d', 'feature/ünïcode']) assert.equal(refProblem(ref), undefined, ref);
  });

  it('refuses options, shell syntax, ranges, control characters and what git forbids', () => {
    for (const ref of ['', '--output=x', '-x', '$(touch x)', '`id`', 'a;b', 'a|b', 'a b', 'a\tb', 'a\nb', 'main..topic', 'a@{1}', 'a:b', 'a?', 'a*', 'a[', 'a\\b', 'x.', 'x/', 'x.lock', '~', '^', 'a~b', 'x'.repeat(257)]) assert.ok(refProblem(ref), JSON.stringify(ref));
  });
});
