import assert from 'node:assert/strict';
import { CitationForms, citationsInLines, MAX_CITATIONS_PER_FILE, scanCitations } from '../../../src/core/code/citations';
import { parseIdRef } from '../../../src/core/index/ids';
import type { RecordType } from '../../../src/core/schema/schema-registry';

const FOLDER = '/ws/docs/decisions';

function forms(records: ReadonlyArray<[string, RecordType]>): CitationForms {
  return new CitationForms(records.map(([name, type]) => ({ path: `${FOLDER}/${name}`, folder: FOLDER, type })));
}

const ADRS = forms([
  ['0001-a.md', 'adr'],
  ['0002-b.md', 'exit-plan'],
]);

function raws(text: string, f = ADRS): string[] {
  return scanCitations(text, f).citations.map((c) => c.raw);
}

describe('citations in code', () => {
  it('finds the type prefixes the workspace has records of, in capitals with the dash', () => {
    assert.deepEqual(raws('// ADR-0001 and EXIT-0002; RFC-7231 is HTTP here; adr-0001 is prose'), ['ADR-0001', 'EXIT-0002']);
  });

  it('reads ids with the one grammar references use: the same number either way', () => {
    const [cited] = scanCitations('see ADR-0007.', ADRS).citations;
    assert.equal(cited.number, parseIdRef('ADR-0007').number);
    assert.equal(cited.type, 'adr');
    assert.deepEqual(raws('ADR-1 ADR-000000000001 ADR-0000000000001'), ['ADR-1', 'ADR-000000000001'], '13 digits is no id, as in references');
  });

  it('never takes an id glued to other word characters', () => {
    assert.deepEqual(raws('XADR-0001 ADR-0001x ADR-0001_ _ADR-0001 1ADR-0001'), []);
    assert.deepEqual(raws('(ADR-0001),ADR-0001.ADR-0001-ADR-0001'), ['ADR-0001', 'ADR-0001', 'ADR-0001', 'ADR-0001']);
  });

  it('knows a folder\'s own prefix from its file names, in any case, dash optional', () => {
    const pay = forms([
      ['pay012-settle.md', 'adr'],
      ['PAY-0013-refund.md', 'adr'],
    ]);
    const found = scanCitations('pay012, PAY-0013 and Pay14; ADR-0012', pay).citations;
    assert.deepEqual(found.map((c) => [c.raw, c.number, c.folder]), [
      ['pay012', 12, FOLDER],
      ['PAY-0013', 13, FOLDER],
      ['Pay14', 14, FOLDER],
      ['ADR-0012', 12, undefined],
    ]);
  });

  it('the line pattern a line search (git grep, case ignored) reports lines by: every line with a citation matches it, and every line with a lone CR', () => {
    const pay = forms([
      ['pay012-settle.md', 'adr'],
      ['0002-b.md', 'exit-plan'],
    ]);
    const pattern = new RegExp(pay.linePattern, 'is');
    for (const line of ['// pay012', 'PAY-0013 here', 'see ADR-0007', 'EXIT-0002.']) {
      assert.ok(scanCitations(line, pay).total > 0, line);
      assert.ok(pattern.test(line), line);
    }
    assert.ok(pattern.test('old\rmac'), 'a CR inside a line is a line break of its own');
    assert.ok(!pattern.test('no ids here, RFC-7231 included\r'), 'a CR before the LF is not');
  });

  it('citationsInLines: the matching lines alone give what the whole text gives, lone CRs, CRLF and the 100 kept included', () => {
    const lines = ['first', 'a\rb ADR-0001\r', 'nothing', 'x\r\r', '  é ADR-0001 and EXIT-0002', ...Array.from({ length: 120 }, () => 'ADR-0001'), 'c\rd ADR-0001'];
    const text = lines.join('\n');
    // 's': in POSIX, `.` matches a CR (not in JavaScript without it).
    const pattern = new RegExp(ADRS.linePattern, 'is');
    const matching = lines.map((line, i) => ({ line: i, text: line })).filter((line) => pattern.test(line.text));
    assert.ok(matching.length < lines.length);
    assert.deepEqual(citationsInLines(matching, ADRS), scanCitations(text, ADRS));
    assert.equal(citationsInLines(matching, ADRS).total, 124);
  });

  it('gives each citation its line and UTF-16 columns, whatever the line endings', () => {
    const found = scanCitations('a\r\nb ADR-0001\rc\n  é ADR-0001', ADRS).citations;
    assert.deepEqual(found.map((c) => c.range), [
      { start: { line: 1, character: 2 }, end: { line: 1, character: 10 } },
      { start: { line: 3, character: 4 }, end: { line: 3, character: 12 } },
    ]);
  });

  it('a file with a million citations: all counted, the first 100 kept, in one linear pass', () => {
    const text = 'ADR-0001 '.repeat(1_000_000);
    const found = scanCitations(text, ADRS);
    assert.equal(found.total, 1_000_000);
    assert.equal(found.citations.length, MAX_CITATIONS_PER_FILE);
  });

  it('a minified one-line file with no separators costs one pass (no citation in a run of word characters)', () => {
    const found = scanCitations(`ADR${'0'.repeat(2_000_000)}ADR-0001`, ADRS);
    assert.equal(found.total, 0);
  });

  it('a workspace without records cites nothing', () => {
    assert.ok(forms([]).empty);
    assert.deepEqual(raws('ADR-0001', forms([])), []);
  });
});
