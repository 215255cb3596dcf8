import assert from 'node:assert/strict';
import { addFieldsFix } from '../../../src/core/fixes/add-fields';
import { applyEdits, disableRuleFix } from '../../../src/core/fixes/fixes';
import { insertedPlaceholder } from '../../../src/core/fixes/inserted-placeholder';
import { replaceValueFixes } from '../../../src/core/fixes/replace-value';
import { LineIndex } from '../../../src/core/text/position';
import { CLEAN_ADR, crlf, docOf } from './fix-harness';

/** The text the range covers in the text after the fix. */
function selectedAfter(text: string, edits: Parameters<typeof insertedPlaceholder>[1]): string | undefined {
  const range = insertedPlaceholder(text, edits);
  if (!range) return undefined;
  const after = applyEdits(text, edits);
  const lines = new LineIndex(after);
  return after.slice(lines.offset(range.start), lines.offset(range.end));
}

describe('fixes: the placeholder a fix inserts, for the editor to select', () => {
  it('Add `risk.mitigation`: its question, on the line the fix wrote (LF and CRLF)', () => {
    for (const text of [CLEAN_ADR.replace('  level: medium', '  level: high'), crlf(CLEAN_ADR.replace('  level: medium', '  level: high'))]) {
      const [fix] = addFieldsFix(docOf('0001-cache.md', text), '/risk', ['mitigation']);
      const range = insertedPlaceholder(text, fix.edits);
      // A prose answer is a folded block: its question is on the line below `mitigation: >-`.
      assert.deepEqual(range, { start: { line: 14, character: 4 }, end: { line: 14, character: 4 + '<How will we lower this risk, or recover if it happens?>'.length } });
      assert.equal(selectedAfter(text, fix.edits), '<How will we lower this risk, or recover if it happens?>');
    }
  });

  it('a whole structure: its first placeholder; placeholders the record already had are not the fix\'s', () => {
    const text = CLEAN_ADR.replace('reversibility:\n  door: two-way\n', '').replace('  successors: [jonas]', '  successors: [<Who will operate this without the holders?>]');
    const [fix] = addFieldsFix(docOf('0001-cache.md', text), '', ['reversibility']);
    assert.equal(selectedAfter(text, fix.edits), '<one-way | two-way>');
  });

  it('deciders start with the owners: a name with an <email> is a value, the question after it is the placeholder', () => {
    const text = CLEAN_ADR.replace('owners: [amira]', 'owners: [Amira Haddad <amira@example.org>]').replace('deciders: [amira, jonas]\n', '').replace('door: two-way', 'door: one-way\n  how: Restore the snapshot.');
    const [fix] = addFieldsFix(docOf('0001-cache.md', text), '', ['deciders']);
    assert.ok(applyEdits(text, fix.edits).includes('  - Amira Haddad <amira@example.org>\n  - <Who made this decision?>\n'));
    assert.equal(selectedAfter(text, fix.edits), '<Who made this decision?>');
  });

  it('nothing to select after a fix that writes no placeholder', () => {
    const text = CLEAN_ADR.replace('level: medium', 'level: meduim');
    const doc = docOf('0001-cache.md', text);
    const [change] = replaceValueFixes(doc, '/risk/level', ['medium']);
    assert.equal(insertedPlaceholder(text, change.edits), undefined);
    assert.equal(insertedPlaceholder(text, disableRuleFix(doc, 'placeholder')!.edits), undefined);
  });

  it('edits before the placeholder move it: the range is in the text after every edit', () => {
    const text = 'a\nb\n';
    const edits = [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: 'first line\nsecond line' },
      { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, newText: '\nkey: "<What is it?>"' },
    ];
    assert.deepEqual(insertedPlaceholder(text, edits), { start: { line: 3, character: 6 }, end: { line: 3, character: 19 } });
    assert.equal(selectedAfter(text, edits), '<What is it?>');
  });
});
