import assert from 'node:assert/strict';
import { applyEdits, disableRuleFix } from '../../../src/core/fixes/fixes';
import { CLEAN_ADR, crlf, docOf, lintDoc, lines, only } from './fix-harness';

function fenceEnd(text: string): number {
  return text.indexOf('\n---\n') + 5;
}

describe('fixes: disable a rule for this file', () => {
  it('writes the directive right after the frontmatter, and the linter then skips the rule', async () => {
    const text = CLEAN_ADR.replace('  level: medium', '  level: hgh');
    const doc = docOf('0001-cache.md', text);
    only(await lintDoc(doc), 'frontmatter-schema');
    const action = disableRuleFix(doc, 'frontmatter-schema')!;
    assert.equal(action.title, 'Disable `frontmatter-schema` for this file');
    assert.notEqual(action.isPreferred, true);
    const fixed = applyEdits(text, action.edits);
    assert.equal(fixed, `${text.slice(0, fenceEnd(text))}<!-- legible-disable frontmatter-schema -->\n${text.slice(fenceEnd(text))}`);
    assert.deepEqual(await lintDoc(docOf('0001-cache.md', fixed)), []);
  });

  it('extends a directive the file has', async () => {
    const text = CLEAN_ADR.replace('  level: medium', '  level: hgh').replace('# Cache sessions in Redis\n', '# Cache sessions in Redis\n<!-- legible-disable placeholder -->\n');
    const doc = docOf('0001-cache.md', text);
    const fixed = applyEdits(text, disableRuleFix(doc, 'frontmatter-schema')!.edits);
    assert.equal(fixed, text.replace('legible-disable placeholder -->', 'legible-disable placeholder, frontmatter-schema -->'));
    assert.deepEqual(await lintDoc(docOf('0001-cache.md', fixed)), []);
  });

  it('writes the directive at the top of a file without frontmatter, after a BOM, in the file\'s line endings', async () => {
    const text = `\uFEFF${crlf(lines('# Use Lunr', '', '- Status: accepted', ''))}`;
    const doc = docOf('0001-use-lunr.md', text);
    only(await lintDoc(doc), 'frontmatter-missing');
    const fixed = applyEdits(text, disableRuleFix(doc, 'frontmatter-missing')!.edits);
    assert.equal(fixed, `\uFEFF<!-- legible-disable frontmatter-missing -->\r\n${crlf(lines('# Use Lunr', '', '- Status: accepted', ''))}`);
    assert.deepEqual(await lintDoc(docOf('0001-use-lunr.md', fixed)), []);
  });

  it('closes the last line first when the frontmatter ends the file', () => {
    const text = lines('---', 'type: adr', '---');
    const fixed = applyEdits(text, disableRuleFix(docOf('0001-a.md', text), 'frontmatter-schema')!.edits);
    assert.equal(fixed, lines('---', 'type: adr', '---', '<!-- legible-disable frontmatter-schema -->', ''));
  });

  it('writes the directive at the end of a file whose frontmatter is never closed, not above its fence', async () => {
    const text = lines('---', 'type: adr', 'title: Cache', '');
    const doc = docOf('0001-cache.md', text);
    only(await lintDoc(doc), 'frontmatter-malformed');
    const fixed = applyEdits(text, disableRuleFix(doc, 'frontmatter-malformed')!.edits);
    assert.equal(fixed, `${text}<!-- legible-disable frontmatter-malformed -->\n`);
    assert.deepEqual(await lintDoc(docOf('0001-cache.md', fixed)), []);
  });

  it('writes the directive at the end when the fence comes after blank lines, so it stays the same file', async () => {
    const text = lines('', '---', 'type: adr', '---', '', '# Cache', '');
    const doc = docOf('0001-cache.md', text);
    only(await lintDoc(doc), 'frontmatter-malformed');
    const fixed = applyEdits(text, disableRuleFix(doc, 'frontmatter-malformed')!.edits);
    assert.equal(fixed, `${text}<!-- legible-disable frontmatter-malformed -->\n`);
    assert.deepEqual(await lintDoc(docOf('0001-cache.md', fixed)), []);
  });

  it('uses CR line breaks in a CR-only file', () => {
    const text = ['# Use Lunr', '', 'Text.', ''].join('\r');
    const fixed = applyEdits(text, disableRuleFix(docOf('0001-use-lunr.md', text), 'frontmatter-missing')!.edits);
    assert.equal(fixed, `<!-- legible-disable frontmatter-missing -->\r${text}`);
  });

  it('offers nothing when the rule, or every rule, is already off in the file', () => {
    const named = `${CLEAN_ADR}<!-- legible-disable placeholder, frontmatter-schema -->\n`;
    assert.equal(disableRuleFix(docOf('0001-cache.md', named), 'frontmatter-schema'), undefined);
    const later = `${CLEAN_ADR}<!-- legible-disable placeholder -->\n<!-- legible-disable frontmatter-schema -->\n`;
    assert.equal(disableRuleFix(docOf('0001-cache.md', later), 'frontmatter-schema'), undefined);
    const all = `${CLEAN_ADR}<!-- legible-disable -->\n`;
    assert.equal(disableRuleFix(docOf('0001-cache.md', all), 'frontmatter-schema'), undefined);
  });

  it('refuses a rule id that is not one', () => {
    assert.equal(disableRuleFix(docOf('0001-cache.md', CLEAN_ADR), 'x --> <script>'), undefined);
  });
});
