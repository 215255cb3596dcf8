import assert from 'node:assert/strict';
import * as path from 'node:path';
import { re2RegexEngine } from '../../../src/cli/re2-regex-engine';
import { MAX_PATTERN_SIZE, patternSize } from '../../../src/core/text/pattern-size';
import { configFromSource } from '../../../src/core/workspace/load-config';
import { brief, lintFiles, type TestWorkspace } from '../support/workspace';
import { bounded, childReport, cleanAdr, FILE, runChild } from './robustness-support';

/**
 * Issue 5, the ajv facts: a repository's schema extension is untrusted input. Its patterns run on
 * RE2 in linear time (repository-patterns.test.ts), a remote `$ref` is never loaded, `required` sees own
 * properties only, and a schema reusing a shipped `$id` does not throw.
 */

const EXTENSION = 'schemas/adr-extra.json';
const MANY_CHILD = path.join(__dirname, 'child', 'lint-many-child.ts');

/** The workspace files for a record and an ADR schema extension. */
function withExtension(schema: unknown, record: string): Record<string, string> {
  return {
    '.legible.json': JSON.stringify({ schemaExtensions: { adr: EXTENSION } }),
    [EXTENSION]: JSON.stringify(schema),
    [FILE]: record,
  };
}

/** Lints the record with the extension, within the bound. */
async function lintWith(schema: unknown, record: string): Promise<TestWorkspace> {
  return (await bounded('linting with a schema extension', () => lintFiles(withExtension(schema, record)))).value;
}

function problems(ws: TestWorkspace): string[] {
  return ws.loaded.problems.map((p) => `${p.pointer} ${p.message}`);
}

describe('robustness: untrusted schema extensions', () => {
  it('the extension applies: a safe pattern on the title is checked on the title line (the control for the cases below)', async () => {
    const ws = await lintWith({ type: 'object', properties: { title: { type: 'string', pattern: '^[A-Z]' } } }, cleanAdr('lower case'));
    assert.deepEqual(problems(ws), []);
    assert.deepEqual(brief(ws.findings), ['frontmatter-schema@3']);
  });

  it('propertyNames: a refused key name is one finding on that key, naming it and why, not on its parent', async () => {
    const schema = { type: 'object', properties: { risk: { type: 'object', propertyNames: { pattern: '^[a-z-]+$' } } } };
    const record = cleanAdr('Keys', [], undefined).replace('risk: {level: low}', 'risk:\n  level: low\n  Blast_Radius: team');
    const ws = await lintWith(schema, record);
    assert.deepEqual(problems(ws), []);
    const line = record.split('\n').findIndex((l) => l.includes('Blast_Radius')) + 1;
    assert.deepEqual(brief(ws.findings), [`frontmatter-schema@${line}`], ws.findings.map((f) => f.message).join(' / '));
    assert.equal(ws.findings[0].range.start.character, 2, 'on the key');
    assert.match(ws.findings[0].message, /^The key "Blast_Radius" in `risk` is not allowed: it must match \^\[a-z-\]\+\$\. Is it misspelled\?/);
  });

  it('a `pattern` key inside default, examples, const or enum data is a value, not a pattern: the extension applies', async () => {
    const data = { pattern: '^(?=lookahead)' };
    const schema = { type: 'object', properties: { title: { type: 'string', pattern: '^[A-Z]', default: 'A', examples: [data] }, extra: { default: data, const: data, enum: [data] } } };
    const ws = await lintWith(schema, cleanAdr('lower case'));
    assert.deepEqual(problems(ws), []);
    assert.deepEqual(brief(ws.findings), ['frontmatter-schema@3'], 'the title pattern still applies');
  });

  it('pattern "^(a+)+$", once refused, runs on RE2: 50 a\'s and a "!" get the finding at once (in a child process, killed if it hangs)', async function () {
    this.timeout(60_000);
    const title = `${'a'.repeat(50)}!`;
    const cases: Array<[string, unknown, string[], string]> = [
      ['pattern', { type: 'object', properties: { title: { type: 'string', pattern: '^(a+)+$' } } }, [], 'frontmatter-schema@3'],
      ['patternProperties', { type: 'object', patternProperties: { '^(a+)+$': { type: 'number' } } }, [`${'a'.repeat(50)}: x`, `${title}: y`], 'frontmatter-schema@7'],
    ];
    const workspaces = cases.map(([, schema, extra]) => withExtension(schema, cleanAdr(title, extra)));
    const result = await runChild(MANY_CHILD, JSON.stringify({ workspaces }), 30_000);
    const { runs } = childReport<{ runs: Array<{ findings: string[]; configProblems: string[] }> }>(result);
    cases.forEach(([what, , , finding], i) => {
      assert.deepEqual(runs[i].configProblems, [], what);
      assert.deepEqual(runs[i].findings, [finding], what);
    });
  });

  it('a remote, file or relative $ref is refused before ajv sees it; the shipped schema still lints the record', async () => {
    const refs: Array<[string, string]> = [
      ['$ref', 'https://evil.example/adr.schema.json'],
      ['$ref', 'http://169.254.169.254/latest/meta-data'],
      ['$ref', 'file:///etc/passwd'],
      ['$ref', 'other.schema.json'],
      ['$dynamicRef', 'https://evil.example/x.json#meta'],
    ];
    for (const [keyword, target] of refs) {
      const ws = await lintWith({ type: 'object', properties: { risk: { [keyword]: target } } }, cleanAdr('Remote'));
      assert.deepEqual(problems(ws), [`/schemaExtensions/adr Schema extension ${EXTENSION} ignored: "${keyword}": "${target}" points outside the schema; only local references are allowed`]);
      assert.deepEqual(brief(ws.findings), [], target);
    }
  });

  it('required: ["constructor"] fails on a record without it (own properties only), at line 1, and passes once it is written', async () => {
    const schema = { type: 'object', required: ['constructor', 'toString', 'hasOwnProperty'] };
    const missing = await lintWith(schema, cleanAdr('Inherited names'));
    assert.deepEqual(problems(missing), []);
    assert.deepEqual(brief(missing.findings), ['frontmatter-schema@1', 'frontmatter-schema@1', 'frontmatter-schema@1']);
    assert.deepEqual(missing.findings.map((f) => f.message.slice(0, f.message.indexOf(' is missing'))), ['`constructor`', '`toString`', '`hasOwnProperty`']);
    const written = await lintWith(schema, cleanAdr('Inherited names', ['constructor: x', 'toString: y', 'hasOwnProperty: z']));
    assert.deepEqual(brief(written.findings), []);
    // The parser's data has no prototype; the validator on its own, on a plain {}, must not see Object.prototype's.
    const errors = missing.loaded.validator.validateRecord('adr', {});
    assert.deepEqual(
      errors.filter((e) => e.keyword === 'required' && ['constructor', 'toString', 'hasOwnProperty'].includes(String(e.params.missingProperty))).map((e) => e.params.missingProperty),
      ['constructor', 'toString', 'hasOwnProperty'],
    );
  });

  it('an extension that reuses the shipped $id, loaded twice in one process, does not throw', async () => {
    const schema = { $id: 'https://legible.dev/schemas/adr.schema.json', $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { title: { type: 'string', pattern: '^[A-Z]' } } };
    for (let i = 0; i < 2; i++) {
      const ws = await lintWith(schema, cleanAdr('lower case'));
      assert.deepEqual(problems(ws), []);
      assert.deepEqual(brief(ws.findings), ['frontmatter-schema@3']);
    }
  });

  it('a schema over the size limit or nested deeper than 32 levels is refused with its reason', async () => {
    const big = await lintWith({ description: 'x'.repeat(300 * 1024) }, cleanAdr('Big'));
    assert.deepEqual(problems(big), [`/schemaExtensions/adr Schema extension ${EXTENSION} ignored: larger than ${256 * 1024} bytes`]);
    let deep: unknown = { type: 'string' };
    for (let i = 0; i < 40; i++) deep = { items: deep };
    const nested = await lintWith({ type: 'object', properties: { owners: deep } }, cleanAdr('Deep'));
    assert.deepEqual(problems(nested), [`/schemaExtensions/adr Schema extension ${EXTENSION} ignored: nested deeper than 32 levels`]);
    assert.deepEqual(brief(nested.findings), []);
  });

  it('pattern size: counted repetitions multiply what they repeat; a Unicode property, a negated class and `.` weigh more than a letter', () => {
    assert.deepEqual(
      ['^[A-Z]', '(a+)+$', 'a{1000}', '(?:a{10}){10}', '.{100}', '\\p{L}{10}', '[^a]{3}', '(?<n>x){2,}'].map(patternSize),
      [2, 1, 1000, 100, 800, 4000, 24, 3],
    );
  });

  it('a pattern whose repetitions are too large for RE2 is refused before RE2 compiles it, with its reason', async () => {
    const ws = await bounded('a large pattern', () => lintWith({ type: 'object', properties: { title: { type: 'string', pattern: '^\\p{L}{50}$' } } }, cleanAdr('Large')));
    assert.deepEqual(problems(ws.value), [
      `/schemaExtensions/adr Schema extension ${EXTENSION} ignored: "pattern": "^\\\\p{L}{50}$" is refused: its repetitions make it too large to run in linear time (about 20000 steps per character, at most ${MAX_PATTERN_SIZE}); could a count be smaller?`,
    ]);
  });

  it('the patterns of all extensions share one budget: the extension whose patterns pass it is refused, the others apply', async () => {
    const medium = (n: number) => ({ type: 'object', properties: Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, { type: 'string', pattern: `^x{${MAX_PATTERN_SIZE / 2 - 10}}y{${MAX_PATTERN_SIZE / 2 - 10}}${i}$` }])) });
    const ws = await lintFiles({
      '.legible.json': JSON.stringify({ schemaExtensions: { adr: 'schemas/adr.json', rfc: 'schemas/rfc.json' } }),
      'schemas/adr.json': JSON.stringify(medium(6)),
      'schemas/rfc.json': JSON.stringify(medium(6)),
      [FILE]: cleanAdr('Budget'),
    });
    assert.deepEqual(problems(ws).map((p) => p.replace(/\(about \d+/, '(about N')), [
      '/schemaExtensions/rfc Schema extension schemas/rfc.json ignored: its patterns, with those of the other extensions, are too large to run in linear time together (about N steps per character, at most 20000); could they be fewer or smaller?',
    ]);
    assert.deepEqual(Object.keys(ws.loaded.source.extensions), ['adr']);
  });

  it('a lint worker builds the configuration from what the main thread read and checked: no file read, the same findings', async () => {
    const ws = await lintWith({ type: 'object', properties: { title: { type: 'string', pattern: '^[A-Z]' } } }, cleanAdr('lower case'));
    const again = await configFromSource(JSON.parse(JSON.stringify(ws.loaded.source)), { trusted: true, regexEngine: re2RegexEngine });
    assert.deepEqual(again.problems, []);
    assert.equal(again.validator.validateRecord('adr', { title: 'lower case' }).some((e) => e.keyword === 'pattern'), true);
    assert.equal(again.validator.validateRecord('adr', { title: 'Upper case' }).some((e) => e.keyword === 'pattern'), false);
  });
});
