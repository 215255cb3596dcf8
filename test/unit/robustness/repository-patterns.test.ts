import assert from 'node:assert/strict';
import * as path from 'node:path';
import { NO_ENGINE } from '../../../src/core/text/repository-pattern';
import { brief, lintFiles } from '../support/workspace';
import { childReport, cleanAdr, FILE, runChild } from './robustness-support';

/**
 * Issue 5: a repository's patterns (`placeholderPattern`, `pattern` and `patternProperties` in a
 * schema extension) run on RE2, in time linear in the value. The shapes that hang JavaScript's
 * engine for seconds to minutes on a 400-character value give the right finding; the ones RE2
 * cannot run (lookaround, back-references) are a configuration problem naming the pattern.
 */

const EXTENSION = 'schemas/adr-extra.json';
const LINT_CHILD = path.join(__dirname, 'child', 'lint-many-child.ts');
const EXHAUST_CHILD = path.join(__dirname, 'child', 're2-exhaust-child.ts');
/** Kills a child that hangs: the bound on a hang, far above the milliseconds these take. */
const HANG_MS = 30_000;

type Run = { findings: string[]; configProblems: string[]; ms: number };

/** Lints each workspace once, all in one child process (a hang kills the child, not mocha). */
async function lintInChild(workspaces: ReadonlyArray<Record<string, string>>): Promise<Run[]> {
  const result = await runChild(LINT_CHILD, JSON.stringify({ workspaces }), HANG_MS);
  return childReport<{ runs: Run[] }>(result).runs;
}

function withTitlePattern(pattern: string, title: string): Record<string, string> {
  return {
    '.legible.json': JSON.stringify({ schemaExtensions: { adr: EXTENSION } }),
    [EXTENSION]: JSON.stringify({ type: 'object', properties: { title: { type: 'string', pattern } } }),
    [FILE]: cleanAdr(title),
  };
}

function withPlaceholder(pattern: string, title: string): Record<string, string> {
  return { '.legible.json': JSON.stringify({ placeholderPattern: pattern }), [FILE]: cleanAdr(title) };
}

const a400 = 'a'.repeat(400);
const x400 = 'x'.repeat(400);

describe('robustness: repository patterns run on RE2', function () {
  this.timeout(4 * HANG_MS);

  it('a schema pattern that hangs JavaScript (.*.*.*x, a*a*a*a*b, (a+)+$, ^(a|a)*$) checks a 400-character title: frontmatter-schema on line 3 exactly when it does not match', async () => {
    const cases: Array<[string, string, string]> = [
      // [pattern, a title it refuses, a title it accepts]
      ['.*.*.*x', a400, `${a400}x`],
      ['a*a*a*a*b', a400, `${a400}b`],
      ['(a+)+$', `${a400}!`, a400],
      ['^(a|a)*$', `${a400}!`, a400],
    ];
    const runs = await lintInChild(cases.flatMap(([pattern, refused, accepted]) => [withTitlePattern(pattern, refused), withTitlePattern(pattern, accepted)]));
    cases.forEach(([pattern], i) => {
      const [refused, accepted] = [runs[2 * i], runs[2 * i + 1]];
      assert.deepEqual(refused.configProblems, [], pattern);
      assert.deepEqual(refused.findings, ['frontmatter-schema@3'], `${pattern}: the title that does not match`);
      assert.deepEqual(accepted.findings, [], `${pattern}: the title that matches`);
    });
  });

  it('the same shapes as a placeholderPattern (on x and z, which no other value of the record holds): placeholder (in force) on line 3 exactly when the 400-character title matches', async () => {
    const cases: Array<[string, string, string]> = [
      // [pattern, a title it matches, a title it does not]
      ['.*.*.*z', `${x400}z`, x400],
      ['x*x*x*x*z', `${x400}z`, x400],
      ['(x+)+$', x400, `${x400}!`],
      ['^(x|x)*$', x400, `${x400}!`],
    ];
    const runs = await lintInChild(cases.flatMap(([pattern, matched, unmatched]) => [withPlaceholder(pattern, matched), withPlaceholder(pattern, unmatched)]));
    cases.forEach(([pattern], i) => {
      const [matched, unmatched] = [runs[2 * i], runs[2 * i + 1]];
      assert.deepEqual(matched.configProblems, [], pattern);
      assert.deepEqual(matched.findings, ['placeholder-in-force@3'], `${pattern}: the title that matches (an accepted record)`);
      assert.deepEqual(unmatched.findings, [], `${pattern}: the title that does not`);
    });
  });

  it('a patternProperties key that hangs JavaScript applies to a 400-character key only', async () => {
    const schema = { type: 'object', patternProperties: { '^(a+)+$': { type: 'number' } } };
    const record = cleanAdr('Keys', [`${a400}: not a number`, `${a400}!: also not a number`]);
    const [run] = await lintInChild([{ '.legible.json': JSON.stringify({ schemaExtensions: { adr: EXTENSION } }), [EXTENSION]: JSON.stringify(schema), [FILE]: record }]);
    assert.deepEqual(run.configProblems, []);
    assert.deepEqual(run.findings, ['frontmatter-schema@7']);
  });

  it('^[a-z]+(-[a-z]+)*$, refused before, is accepted and enforced, as a schema pattern and as a placeholderPattern', async () => {
    const schema = { type: 'object', properties: { tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+(-[a-z]+)*$' } } } };
    const ws = await lintFiles({ '.legible.json': JSON.stringify({ schemaExtensions: { adr: EXTENSION } }), [EXTENSION]: JSON.stringify(schema), [FILE]: cleanAdr('Tags', ['tags: [payments, card-acquirer, Bad_Tag, -x]']) });
    assert.deepEqual(ws.loaded.problems, []);
    assert.deepEqual(brief(ws.findings), ['frontmatter-schema@7', 'frontmatter-schema@7']);
    assert.deepEqual(ws.findings.map((f) => f.message.slice(0, f.message.indexOf(','))), ['`tags[2]` is "Bad_Tag"', '`tags[3]` is "-x"']);
    const placeholder = await lintFiles({ '.legible.json': JSON.stringify({ placeholderPattern: '^[a-z]+(-[a-z]+)*$' }), [FILE]: cleanAdr('still-to-be-named') });
    assert.deepEqual(placeholder.loaded.problems, []);
    assert.ok(brief(placeholder.findings).includes('placeholder-in-force@3'), brief(placeholder.findings).join(', '));
  });

  it('two patterns in one extension each apply (ajv caches compiled patterns by their text)', async () => {
    const schema = { type: 'object', properties: { title: { type: 'string', pattern: '^[A-Z]' }, status: { type: 'string', pattern: '^acc' } } };
    const ws = await lintFiles({ '.legible.json': JSON.stringify({ schemaExtensions: { adr: EXTENSION } }), [EXTENSION]: JSON.stringify(schema), [FILE]: cleanAdr('lower case') });
    assert.deepEqual(brief(ws.findings), ['frontmatter-schema@3'], 'the title breaks the first pattern; "accepted" keeps the second');
  });

  it('lookahead, lookbehind and back-references are refused: one configuration problem naming the pattern, the extension not applied', async () => {
    const cases: Array<[string, string]> = [
      ['^(?=[A-Z])', 'invalid perl operator: (?= (lookahead and lookbehind cannot run in linear time; RE2 refuses them)'],
      ['(?<!x)y', 'invalid perl operator: (?< (lookahead and lookbehind cannot run in linear time; RE2 refuses them)'],
      ['(a)\\1', 'invalid escape sequence: \\1 (back-references cannot run in linear time; RE2 refuses them)'],
    ];
    for (const [pattern, why] of cases) {
      const ws = await lintFiles(withTitlePattern(pattern, 'lower case'));
      assert.deepEqual(ws.loaded.problems.map((p) => `${p.pointer} ${p.message}`), [`/schemaExtensions/adr Schema extension ${EXTENSION} ignored: "pattern": ${JSON.stringify(pattern)} is refused: RE2 cannot run it: ${why}`]);
      assert.deepEqual(brief(ws.findings), [], `${pattern}: the shipped schema alone lints the record`);
      const placeholder = await lintFiles(withPlaceholder(pattern, 'lower case'));
      assert.deepEqual(placeholder.loaded.problems.map((p) => `${p.pointer} ${p.message}`), [`/placeholderPattern placeholderPattern ignored: RE2 cannot run it: ${why}`]);
    }
  });

  it('a pattern longer than 500 characters is refused with its reason', async () => {
    const ws = await lintFiles(withTitlePattern(`^${'a'.repeat(500)}`, 'lower case'));
    assert.deepEqual(ws.loaded.problems.map((p) => p.message), [`Schema extension ${EXTENSION} ignored: "pattern": ${JSON.stringify(`^${'a'.repeat(500)}`)} is refused: longer than 500 characters`]);
  });

  it('without an engine (the pure core alone), a repository pattern is refused rather than run on JavaScript; an extension without patterns still applies', async () => {
    const refused = await lintFiles(withTitlePattern('(a+)+$', `${a400}!`), { regexEngine: null });
    assert.deepEqual(refused.loaded.problems.map((p) => p.message), [`Schema extension ${EXTENSION} ignored: "pattern": "(a+)+$" is refused: ${NO_ENGINE}`]);
    assert.deepEqual(brief(refused.findings), []);
    const files = {
      '.legible.json': JSON.stringify({ schemaExtensions: { adr: EXTENSION } }),
      [EXTENSION]: JSON.stringify({ type: 'object', required: ['cost-centre'] }),
      [FILE]: cleanAdr('No patterns'),
    };
    const applied = await lintFiles(files, { regexEngine: null });
    assert.deepEqual(applied.loaded.problems, []);
    assert.deepEqual(brief(applied.findings), ['frontmatter-schema@1'], 'the shipped patterns (date, ids) need no engine');
  });

  it('the engine survives its fixed heap filling up: an instance that aborts is replaced, and patterns compiled before still answer', async () => {
    const report = childReport<{ compiled: number; first: boolean[]; last: boolean[] }>(await runChild(EXHAUST_CHILD, '', HANG_MS));
    assert.equal(report.compiled, 6000);
    assert.deepEqual(report.first, [true, false]);
    assert.deepEqual(report.last, [true, false]);
  });
});
