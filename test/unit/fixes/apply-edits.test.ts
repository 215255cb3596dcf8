import assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/text/position';
import { applyEdits, lineEnding, toTextEdits } from '../../../src/core/fixes/text-edit';

function at(line: number, character: number): { line: number; character: number } {
  return { line, character };
}

describe('fixes: text edits', () => {
  it('applies edits given in any order against the original text', () => {
    const text = 'alpha\nbeta\ngamma\n';
    const edits = [
      { range: { start: at(2, 0), end: at(2, 5) }, newText: 'GAMMA' },
      { range: { start: at(0, 0), end: at(0, 0) }, newText: '> ' },
      { range: { start: at(1, 4), end: at(1, 4) }, newText: '!' },
    ];
    assert.equal(applyEdits(text, edits), '> alpha\nbeta!\nGAMMA\n');
  });

  it('applies insertions at one place in the order given', () => {
    const edits = [
      { range: { start: at(1, 0), end: at(1, 0) }, newText: 'b\n' },
      { range: { start: at(1, 0), end: at(1, 0) }, newText: 'c\n' },
    ];
    assert.equal(applyEdits('a\nd\n', edits), 'a\nb\nc\nd\n');
  });

  it('counts CRLF and CR-only line breaks as editors do', () => {
    assert.equal(applyEdits('a\r\nb\r\n', [{ range: { start: at(1, 0), end: at(1, 1) }, newText: 'B' }]), 'a\r\nB\r\n');
    assert.equal(applyEdits('a\rb\r', [{ range: { start: at(1, 0), end: at(1, 1) }, newText: 'B' }]), 'a\rB\r');
  });

  it('refuses overlapping edits', () => {
    const edits = [
      { range: { start: at(0, 0), end: at(0, 3) }, newText: 'x' },
      { range: { start: at(0, 2), end: at(0, 4) }, newText: 'y' },
    ];
    assert.throws(() => applyEdits('abcdef', edits), /overlap/);
  });

  it('merges insertions at one offset into one edit, in order', () => {
    const lines = new LineIndex('a\nb\n');
    const edits = toTextEdits(lines, [
      { start: 2, end: 2, text: 'x\n' },
      { start: 0, end: 1, text: 'A' },
      { start: 2, end: 2, text: 'y\n' },
    ]);
    assert.deepEqual(edits, [
      { range: { start: at(0, 0), end: at(0, 1) }, newText: 'A' },
      { range: { start: at(1, 0), end: at(1, 0) }, newText: 'x\ny\n' },
    ]);
  });

  it('finds the line ending a file uses', () => {
    assert.equal(lineEnding('a\r\nb\nc'), '\r\n');
    assert.equal(lineEnding('a\rb'), '\r');
    assert.equal(lineEnding('a\nb\r\n'), '\n');
    assert.equal(lineEnding('one line'), '\n');
  });
});
