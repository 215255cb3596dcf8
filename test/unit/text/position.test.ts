import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/text/position';

describe('LineIndex', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR-only', '\r']] as const) {
    describe(`with ${name} line endings`, () => {
      const text = ['alpha', '', 'gamma δ', 'last'].join(eol);
      const lines = new LineIndex(text);

      it('counts lines and gives their text without the line break', () => {
        assert.equal(lines.lineCount, 4);
        assert.deepEqual([0, 1, 2, 3].map((l) => lines.lineText(l)), ['alpha', '', 'gamma δ', 'last']);
      });

      it('maps offsets to positions and back', () => {
        const at = text.indexOf('δ');
        assert.deepEqual(lines.position(at), { line: 2, character: 6 });
        assert.equal(lines.offset({ line: 2, character: 6 }), at);
        assert.deepEqual(lines.position(0), { line: 0, character: 0 });
        assert.deepEqual(lines.position(text.length), { line: 3, character: 4 });
        for (let offset = 0; offset <= text.length; offset++) {
          const position = lines.position(offset);
          // An offset inside a line break maps to the end of the line; every other offset round-trips.
          if (text[offset - 1] !== '\r' || text[offset] !== '\n') assert.equal(lines.offset(position), offset, `offset ${offset}`);
          else assert.deepEqual(position, { line: position.line, character: lines.lineText(position.line).length }, `offset ${offset}, inside a CRLF`);
          assert.ok(position.character <= lines.lineText(position.line).length, `offset ${offset}: a character past the end of its line`);
        }
      });

      it('puts the offset right after a line break at the start of the next line', () => {
        assert.deepEqual(lines.position(lines.lineStart(2)), { line: 2, character: 0 });
        assert.equal(lines.lineStart(2), text.indexOf('gamma'));
      });

      it('gives a line range from its first character to the end of its content', () => {
        assert.deepEqual(lines.lineRange(2), { start: { line: 2, character: 0 }, end: { line: 2, character: 7 } });
        assert.deepEqual(lines.lineRange(1), { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
      });
    });
  }

  it('clamps what lies outside the text', () => {
    const lines = new LineIndex('ab\ncd');
    assert.deepEqual(lines.position(-5), { line: 0, character: 0 });
    assert.deepEqual(lines.position(99), { line: 1, character: 2 });
    assert.equal(lines.offset({ line: 9, character: 9 }), 5);
    assert.equal(lines.offset({ line: 0, character: 9 }), 2, 'a character past the end of a line stays on that line');
    assert.deepEqual(lines.range(4, 1), { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } });
  });

  it('counts UTF-16 code units, as editors do', () => {
    const lines = new LineIndex('🚀x');
    assert.deepEqual(lines.position(2), { line: 0, character: 2 });
  });

  it('has one empty line for empty text, and a last empty line after a final break', () => {
    assert.equal(new LineIndex('').lineCount, 1);
    assert.equal(new LineIndex('a\n').lineCount, 2);
    assert.equal(new LineIndex('a\r\n').lineText(0), 'a');
  });

  it('finds line starts lazily, with the same answers in any order of questions (fast-check)', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', '\n', '\r', '\r\n', ' ', 'é'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(50), { minLength: 1, maxLength: 8 }), (value, offsets) => {
        // A reference that has seen every line before it answers.
        const full = new LineIndex(value);
        const lines = full.lineCount;
        const lazy = new LineIndex(value);
        for (const offset of offsets) {
          assert.deepEqual(lazy.position(offset), full.position(offset));
          const line = offset % (lines + 1);
          assert.equal(lazy.lineEnd(Math.min(line, lines - 1)), full.lineEnd(Math.min(line, lines - 1)));
          assert.equal(lazy.lineStart(line), full.lineStart(line));
          assert.equal(lazy.offset({ line, character: offset }), full.offset({ line, character: offset }));
        }
        assert.equal(lazy.lineCount, lines);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
