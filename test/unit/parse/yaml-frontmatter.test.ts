import assert from 'node:assert/strict';
import { DEFAULT_LIMITS, type Limits } from '../../../src/core/parse/limits';
import { MAX_DUPLICATE_FINDINGS, parseYamlFrontmatter, type ParsedYaml } from '../../../src/core/parse/yaml-frontmatter';

/** Parses `yaml` as the frontmatter of `---\n<yaml>---\n`, so every span is a document offset. */
function parse(yaml: string, limits: Limits = DEFAULT_LIMITS): ParsedYaml & { text: string } {
  const text = `---\n${yaml}---\n# Body\n`;
  return { ...parseYamlFrontmatter(text, { start: 4, end: 4 + yaml.length }, limits), text };
}

function at(text: string, span: { start: number; end: number } | undefined): string | undefined {
  return span && text.slice(span.start, span.end);
}

describe('parseYamlFrontmatter', () => {
  it('returns plain data and the location of every key and value by JSON Pointer', () => {
    const { data, problems, locations, text } = parse('type: adr\nrisk:\n  level: high\nowners:\n  - amira\n  - bo\nodd/key~: x\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(JSON.parse(JSON.stringify(data)), { type: 'adr', risk: { level: 'high' }, owners: ['amira', 'bo'], 'odd/key~': 'x' });
    assert.equal(at(text, locations.get('/type')?.key), 'type');
    assert.equal(at(text, locations.get('/type')?.value), 'adr');
    assert.equal(at(text, locations.get('/risk')?.key), 'risk');
    assert.equal(at(text, locations.get('/risk/level')?.key), 'level');
    assert.equal(at(text, locations.get('/risk/level')?.value), 'high');
    assert.equal(locations.get('/owners/1')?.key, undefined, 'a list item has no key');
    assert.equal(at(text, locations.get('/owners/1')?.value), 'bo');
    assert.equal(at(text, locations.get('/odd~1key~0')?.value), 'x', 'pointers escape / and ~ as ajv writes them');
    assert.equal(locations.get('')?.key, undefined);
  });

  it('gives an empty value the position right after its key', () => {
    const { locations, text } = parse('risk:\nlevel:\n');
    const risk = locations.get('/risk')!;
    assert.equal(at(text, risk.key), 'risk');
    assert.equal(risk.value.end - risk.value.start, 0);
  });

  it('reads YAML 1.2 core: dates stay strings, 0007 is 7, yes is a string', () => {
    const { data } = parse('date: 2026-01-01\nsupersedes: [0007, "0008"]\nflag: yes\nnothing: ~\n');
    assert.deepEqual(JSON.parse(JSON.stringify(data)), { date: '2026-01-01', supersedes: [7, '0008'], flag: 'yes', nothing: null });
  });

  it('never turns !!binary, !!set or !!timestamp into objects: the value stays the text, with a warning', () => {
    const { data, problems, text } = parse('blob: !!binary aGVsbG8=\nwhen: !!timestamp 2001-12-14\n');
    assert.equal(data?.blob, 'aGVsbG8=');
    assert.equal(typeof data?.blob, 'string', 'not a Buffer or Uint8Array');
    assert.equal(data?.when, '2001-12-14');
    assert.deepEqual(problems.map((p) => [p.code, at(text, p.span)]), [
      ['syntax', '!!binary'],
      ['syntax', '!!timestamp'],
    ]);
  });

  it('keeps __proto__ and constructor as data, on objects without a prototype', () => {
    const { data, problems } = parse('__proto__: {polluted: true}\nconstructor: x\nrisk: {toString: 1}\n');
    assert.deepEqual(problems, []);
    assert.equal(Object.getPrototypeOf(data), null);
    assert.ok(Object.prototype.hasOwnProperty.call(data, '__proto__'));
    assert.deepEqual({ ...(data!.__proto__ as object) }, { polluted: true });
    assert.equal(data!.constructor, 'x');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(data!.risk), null);
  });

  it('reports each duplicate key once, at the repeated key, keeps the first value, in one pass', () => {
    const { data, problems, text } = parse('a: 1\nb:\n  c: 1\n  c: 2\na: 3\n');
    assert.deepEqual(problems.map((p) => [p.code, at(text, p.span)]), [
      ['duplicate-key', 'c'],
      ['duplicate-key', 'a'],
    ]);
    assert.equal(data?.a, 1);
  });

  it('names the first 20 repeated keys of a document one by one, then one summary at the 21st: never thousands of problems', () => {
    const keys = (count: number) => Array.from({ length: count }, (_, i) => `k: ${i}\n`).join('');
    // 20 repeats (21 keys): all named, no summary.
    const exact = parse(keys(MAX_DUPLICATE_FINDINGS + 1));
    assert.equal(MAX_DUPLICATE_FINDINGS, 20);
    assert.equal(exact.problems.length, 20);
    assert.ok(exact.problems.every((p) => p.message === 'The key `k` appears twice; which value is meant?'));
    // 21 repeats: 20 named, the 21st is the summary's place.
    const one = parse(keys(22));
    assert.deepEqual(one.problems.slice(20).map((p) => [p.code, p.message, one.text.slice(p.span.start, p.span.end + 4)]), [
      ['duplicate-key', '1 more repeated key from here on (only the first 20 are named one by one); which values are meant?', 'k: 21'],
    ]);
    // 2,999 repeats, across keys and nesting: still 21 problems, the data keeps every first value.
    const many = parse(`${keys(2000)}b:\n  c: 1\n${Array.from({ length: 1000 }, () => '  c: 2\n').join('')}`);
    assert.equal(many.problems.length, 21);
    assert.deepEqual(many.problems.map((p) => p.code), Array(21).fill('duplicate-key'));
    assert.equal(many.problems[20].message, '2979 more repeated keys from here on (only the first 20 are named one by one); which values are meant?');
    assert.equal(many.text.slice(many.problems[20].span.start, many.problems[20].span.end + 4), 'k: 21');
    assert.deepEqual([many.data?.k, (many.data?.b as Record<string, unknown>).c], [0, 1]);
  });

  it('expands aliases within a budget, and refuses an alias bomb as too-many-nodes', () => {
    const small = parse('owners: &people [amira, bo]\ndeciders: *people\n');
    assert.deepEqual(small.problems, []);
    assert.deepEqual([...(small.data!.deciders as string[])], ['amira', 'bo']);
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const result = parse(bomb);
    assert.equal(result.data, undefined);
    assert.deepEqual(result.problems.map((p) => p.code), ['too-many-nodes']);
    // On the alias whose expansion passes the budget, not on the whole frontmatter.
    const { span } = result.problems[0];
    assert.match(bomb.slice(span.start - 4, span.end - 4), /^\*a\d$/);
    assert.match(result.problems[0].message, /once this alias is expanded/);
  });

  it('refuses 10,000 levels of nesting as too-deep, without a crash', () => {
    for (const deep of ['['.repeat(10000) + ']'.repeat(10000), '['.repeat(10000), '{a: '.repeat(5000) + '1' + '}'.repeat(5000)]) {
      const result = parse(`title: ${deep}\n`);
      assert.equal(result.data, undefined);
      assert.deepEqual(result.problems.map((p) => p.code), ['too-deep']);
    }
    const blocks = parse(`a:\n${'- '.repeat(10000)}x\n`);
    assert.deepEqual(blocks.problems.map((p) => p.code), ['too-deep']);
    const limit = DEFAULT_LIMITS.maxFrontmatterDepth;
    assert.deepEqual(parse(`a: ${'['.repeat(limit - 1)}${']'.repeat(limit - 1)}\n`).problems, [], 'nesting up to the limit is read');
    // The problem sits where the nesting passes the limit (here the 15th `[` below two mappings), not on the first line.
    const located = parse(`type: adr\nrisk:\n  level: ${'['.repeat(40)}\nstatus: x\n`);
    assert.deepEqual(located.problems.map((p) => [p.code, at(located.text, p.span)]), [['too-deep', '['.repeat(40 - (limit - 2))]]);
  });

  it('refuses frontmatter over the size limit without parsing it', () => {
    const result = parse(`title: ${'x'.repeat(200)}\n`, { ...DEFAULT_LIMITS, maxFrontmatterBytes: 100 });
    assert.deepEqual(result.problems.map((p) => p.code), ['too-large']);
    assert.equal(result.data, undefined);
  });

  it('reports syntax errors at their position in the document, without the parser\'s own line numbers', () => {
    const { problems, text, data } = parse('type: adr\n\tstatus: x\n');
    assert.equal(data, undefined);
    assert.equal(problems[0].code, 'syntax');
    assert.doesNotMatch(problems[0].message, /at line \d+/);
    assert.equal(text.slice(0, problems[0].span.start).split('\n').length, 3, 'the tab is on the third line of the document');
  });

  it('reports an unclosed quote where it opens, not where the text ends', () => {
    for (const quote of ['"', "'"]) {
      const { problems, text } = parse(`type: adr\ntitle: ${quote}Use Postgres\nstatus: accepted\ndate: 2026-01-01\n`);
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /Missing closing/);
      assert.equal(at(text, problems[0].span), `${quote}Use Postgres`);
    }
  });

  it('reads CR-only line endings like LF, with spans into the original text', () => {
    const { data, problems, locations, text } = parse('type: adr\rrisk:\r  level: high\r');
    assert.deepEqual(problems, []);
    assert.deepEqual(JSON.parse(JSON.stringify(data)), { type: 'adr', risk: { level: 'high' } });
    assert.equal(at(text, locations.get('/risk/level')?.value), 'high');
  });

  it('says when the frontmatter is a list or a scalar, or holds several documents', () => {
    assert.deepEqual(parse('- a\n- b\n').problems.map((p) => p.code), ['not-a-mapping']);
    assert.deepEqual(parse('just text\n').problems.map((p) => p.code), ['not-a-mapping']);
    const two = parse('a: 1\n...\nb: 2\n');
    assert.deepEqual(two.problems.map((p) => p.code), ['multiple-documents']);
    assert.deepEqual({ ...two.data }, { a: 1 });
  });

  it('returns no data and no problem for empty or comment-only frontmatter', () => {
    assert.deepEqual(parse('').problems, []);
    assert.equal(parse('# nothing here\n').data, undefined);
  });
});
