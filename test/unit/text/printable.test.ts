import { strict as assert } from 'node:assert';
import { markdownCell, markdownHref, markdownLine } from '../../../src/core/text/markdown-text';
import { printable, printableJson, printableKeepingBreaks, printableLine } from '../../../src/core/text/printable';

const ESC = '\u001b';
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
/** Every character the functions must never let through, one of each. */
const UNSAFE = [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), '\u007f', ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i)), ...BIDI, '\u2028', '\u2029'];
// eslint-disable-next-line no-control-regex
const ANY_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe('printable text', () => {
  it('escapes every C0, DEL, C1 and bidi character as \\u and four hex digits, one by one', () => {
    for (const char of UNSAFE) {
      const code = char.charCodeAt(0).toString(16).padStart(4, '0');
      assert.equal(printable(`a${char}b`), `a\\u${code}b`, `U+${code}`);
    }
    assert.equal(printable(`${ESC}[2J`), '\\u001b[2J');
    assert.equal(printable(`${ESC}]0;title\u0007`), '\\u001b]0;title\\u0007');
  });

  it('leaves ordinary text alone: accents, emoji, right-to-left letters, backslashes', () => {
    const text = 'Café ✔ 日本 שלום 😀 C:\\path 100% a|b';
    assert.equal(printable(text), text);
    assert.equal(printableLine(text), text);
    assert.equal(printableKeepingBreaks(text), text);
  });

  it('is idempotent: its output holds nothing left to escape', () => {
    const hostile = UNSAFE.join('x');
    const once = printable(hostile);
    assert.ok(!ANY_UNSAFE.test(once));
    assert.equal(printable(once), once);
    assert.equal(printableLine(printableLine(hostile)), printableLine(hostile));
  });

  it('printable keeps a name exact on one line: a newline shows as \\u000a', () => {
    assert.equal(printable('0001-x\n::error file=x.md,line=1::FORGED.md'), '0001-x\\u000a::error file=x.md,line=1::FORGED.md');
    assert.equal(printable('a\tb\r\nc'), 'a\\u0009b\\u000d\\u000ac');
  });

  it('printableLine folds line breaks and the blanks around them to one space, tabs to spaces', () => {
    assert.equal(printableLine('Use Postgres  \n\n  for the ledger\n'), 'Use Postgres for the ledger');
    assert.equal(printableLine('Title\r\n✔ 0 problems'), 'Title ✔ 0 problems');
    assert.equal(printableLine('a\tb'), 'a b');
    assert.equal(printableLine(`${ESC}[2JClean\u202eevil`), '\\u001b[2JClean\\u202eevil');
    assert.ok(!printableLine(UNSAFE.join('')).includes('\n'));
  });

  it('printableKeepingBreaks keeps tab, CR and LF for formats that encode them, escapes the rest', () => {
    assert.equal(printableKeepingBreaks(`a\tb\r\nc${ESC}d\u0007\u202e`), 'a\tb\r\nc\\u001bd\\u0007\\u202e');
  });

  it('printableJson escapes what JSON.stringify writes raw, and the JSON parses to the same value', () => {
    const value = { title: UNSAFE.join('·'), owners: [`${ESC}]0;x\u0007`, '\u202eevil'] };
    const json = printableJson(JSON.stringify(value, null, 2));
    assert.ok(!ANY_UNSAFE.test(json.replace(/\n/g, '').replace(/ /g, '')), json);
    assert.deepEqual(JSON.parse(json), value);
    assert.equal(printableJson(JSON.stringify({ a: 'plain ✔' })), JSON.stringify({ a: 'plain ✔' }));
  });
});

describe('Markdown text from a repository', () => {
  it('keeps a title on its line and a table cell whole', () => {
    assert.equal(markdownLine('Title\n# Injected heading'), 'Title # Injected heading');
    assert.equal(markdownLine('Title\r- injected item'), 'Title - injected item', 'a lone CR ends a Markdown line too');
    assert.equal(markdownCell('a | b\n| --- |'), 'a \\| b \\| --- \\|');
    assert.equal(markdownCell(`${ESC}[2J`), '\\u001b[2J');
  });

  it('percent-encodes each segment of a link, control characters included', () => {
    assert.equal(markdownHref('/ws/docs', '/ws/docs/decisions/0001 a)\n::x.md'), 'decisions/0001%20a%29%0A%3A%3Ax.md');
    assert.equal(markdownHref('/ws', `/ws/d/${ESC}\u202e.md`), 'd/%1B%E2%80%AE.md');
  });
});
