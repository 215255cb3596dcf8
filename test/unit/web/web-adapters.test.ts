// The web worker host's adapters (src/vscode/web): plain JavaScript, so they run here on Node too.
import assert from 'node:assert/strict';
import { webScheduler } from '../../../src/vscode/web/web-scheduler';
import { webRegexEngine, WEB_NO_RE2 } from '../../../src/vscode/web/web-regex-engine';
import { compileRepositoryPattern } from '../../../src/core/text/repository-pattern';
import { compileGlob } from '../../../src/core/config/glob';
import { compileRepositoryGlob } from '../../../src/core/code/repository-globs';
import { compilePlaceholderPattern, DEFAULT_PLACEHOLDER_PATTERN } from '../../../src/core/config/placeholder-pattern';

describe('web worker host: scheduler', () => {
  it('asks for no turn while a slice lasts', () => {
    const between = webScheduler.slices(60_000);
    for (let i = 0; i < 1000; i++) assert.equal(between(), undefined);
  });

  it('once a slice is over, gives the host a turn; turns asked for together resolve in order', async () => {
    const order: number[] = [];
    const turns = [0, 1, 2].map((i) => {
      const turn = webScheduler.slices(0)();
      assert.ok(turn instanceof Promise);
      return turn.then(() => order.push(i));
    });
    await Promise.all(turns);
    assert.deepEqual(order, [0, 1, 2]);
  });

  it('debounces with a timer that can be called off', async () => {
    let ran = 0;
    webScheduler.delay(0, () => ran++).cancel();
    await new Promise<void>((resolve) => webScheduler.delay(1, () => resolve()));
    assert.equal(ran, 0);
  });
});

describe('web worker host: a repository pattern never runs on the backtracking engine', () => {
  it('refuses a pattern that needs the linear-time engine, saying why', () => {
    const compiled = compileRepositoryPattern('(a+)+$', webRegexEngine, 200);
    assert.deepEqual(compiled, { error: WEB_NO_RE2 });
    assert.match(WEB_NO_RE2, /web build.*RE2/);
  });

  it('refuses a glob that could backtrack, and a governs glob that needs an engine, as "not used"', () => {
    assert.deepEqual(compileGlob('*a*a*a*b', webRegexEngine), { error: WEB_NO_RE2 });
    const governs = compileRepositoryGlob('src/[ab]*[cd]*e.ts', webRegexEngine);
    assert.ok('problem' in governs && governs.problem.includes(WEB_NO_RE2), JSON.stringify(governs));
  });

  it('follows a governs segment of literals and stars on the web too: it is matched without any regex engine', () => {
    const governs = compileRepositoryGlob('src/*a*a*a*b.ts', webRegexEngine);
    assert.ok('glob' in governs && !governs.glob.usesEngine, JSON.stringify(governs));
  });

  it('still runs what is linear on JavaScript: one-star globs, ** globs and the shipped placeholder pattern', () => {
    const star = compileGlob('*-template.md', webRegexEngine);
    assert.ok('pattern' in star && star.pattern.test('adr-template.md'));
    const governs = compileRepositoryGlob('services/payments/**', webRegexEngine);
    assert.ok('glob' in governs, JSON.stringify(governs));
    const placeholder = compilePlaceholderPattern(DEFAULT_PLACEHOLDER_PATTERN, webRegexEngine);
    assert.ok(placeholder.pattern?.test('<who decides?>'));
    assert.deepEqual(compilePlaceholderPattern('^XX+$', webRegexEngine), { error: WEB_NO_RE2 });
  });
});
