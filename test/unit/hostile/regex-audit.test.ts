import { strict as assert } from 'node:assert';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { shapeOf } from '../../../src/core/editor/yaml-line-shape';
import { bodyHeadings } from '../../../src/core/fixes/add-section';
import { disableRuleFix } from '../../../src/core/fixes/disable-rule';
import { localLink } from '../../../src/core/index/build-entry';
import { disabledRules } from '../../../src/core/parse/suppressions';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { closesFence, fenceOpening } from '../../../src/core/parse/fence';
import { basename, joinPath } from '../../../src/core/port/paths';
import { placeholderText } from '../../../src/core/templates/render-template';
import { printableLine } from '../../../src/core/text/printable';
import { updateToc } from '../../../src/core/toc/render-toc';
import { log4brainsFolder } from '../../../src/core/workspace/discover-folders';

/**
 * Issue 12: the regular expressions that ran over text a repository controls with adjacent or
 * nested unbounded quantifiers, each now a loop or a pattern that cannot backtrack. Each case is
 * the input that made the old pattern backtrack, at a size where it took from tens of seconds to
 * hours (measured before the fix); now each answers within mocha's timeout, and right.
 */
describe('hostile input: no regular expression backtracks on what a repository writes (issue 12)', () => {
  it('a legible-disable comment followed by 200,000 tabs (the old pattern: 400 s for 20,000): no directive; real ones still read', () => {
    assert.deepEqual(disabledRules(`<!--legible-disable\t${'\t'.repeat(200_000)}s`), []);
    assert.deepEqual(disabledRules('x <!-- legible-disable a, b -->\n<!--legible-disable\tc-->'), ['a', 'b', 'c']);
    assert.equal(disabledRules('<!-- legible-disable -->'), 'all');
    assert.deepEqual(disabledRules('<!-- legible-disable-next-line a --> <!-- legible-disablex --> legible-disable a -->'), []);
    const doc = parseDecisionDocument('/w/0001-a.md', `# A\n\n<!-- legible-disable a,  b  -->\n${'\t'.repeat(100_000)}`, DEFAULT_LIMITS);
    const fix = disableRuleFix(doc, 'c');
    assert.equal(fix?.edits[0].newText, ', c');
    assert.deepEqual(fix?.edits[0].range.start, { line: 2, character: 26 });
  });

  it('a frontmatter line of 200,000 blanks before a `#` or a colon: read as no key, or as the key before them', () => {
    assert.deepEqual(shapeOf(`a${' '.repeat(200_000)}#`).pieces, []);
    assert.deepEqual(shapeOf(`-'${'\t'.repeat(200_000)}#`).pieces, []);
    const key = shapeOf(`  title ${'\t '.repeat(100_000)}: Hello`).pieces[0];
    assert.ok(key?.kind === 'key');
    assert.deepEqual([key.name, key.nameStart, key.nameEnd, key.colon], ['title', 2, 7, 200_008]);
    assert.equal(shapeOf('a b c: d').pieces[0].kind === 'key' && (shapeOf('a b c: d').pieces[0] as { name: string }).name, 'a b c');
  });

  it('a title of 200,000 tabs around line breaks prints as one line', () => {
    assert.equal(printableLine(`${'\t'.repeat(200_000)}x`), 'x');
    assert.equal(printableLine(`a \t\r\n\t b${'\t'.repeat(200_000)}`), 'a b');
    assert.equal(printableLine(`a${' '.repeat(100_000)}b\n${' '.repeat(100_000)}c`), `a${' '.repeat(100_000)}b c`);
  });

  it('a line of 200,000 backticks or tildes before a U+2028: a fence, read in one pass', () => {
    assert.deepEqual(fenceOpening(`${'`'.repeat(200_000)}\u2028`), { char: '`', length: 200_000 });
    assert.equal(closesFence(`${'~'.repeat(200_000)}\u2028`, { char: '~', length: 3 }), false);
    assert.equal(closesFence(`${'~'.repeat(200_000)} \t`, { char: '~', length: 3 }), true);
    assert.equal(fenceOpening('``'), undefined);
    assert.equal(fenceOpening('```js `x`'), undefined);
  });

  it('a link target of 200,000 `?` or `#` before a U+2028: the path before them', () => {
    assert.equal(localLink('/w/docs/a.md', `b.md${'?'.repeat(200_000)}\u2028`), '/w/docs/b.md');
    assert.equal(localLink('/w/docs/a.md', `c.md${'#'.repeat(200_000)}\n#`), '/w/docs/c.md');
    assert.equal(localLink('/w/docs/a.md', '#top'), undefined);
  });

  it('a heading line of 100,000 blanks (the fix that adds a section reads the headings): the shared ATX reader', () => {
    const doc = parseDecisionDocument('/w/0001-a.md', `# A\n\n#\t${' '.repeat(100_000)}\u2028\n\n## Context ##\n`, DEFAULT_LIMITS);
    assert.deepEqual(bodyHeadings(doc).map((h) => [h.level, h.text]), [[1, 'A'], [1, '\u2028'], [2, 'Context']]);
  });

  it('an index file of 200,000 blanks gets its table at the end; a .log4brains.yml of 60,000 blank lines still names its folder', () => {
    assert.equal(updateToc(`${' '.repeat(200_000)}x${' \n'.repeat(1000)}`, 'T'), `${' '.repeat(200_000)}x\n\nT\n`);
    assert.equal(log4brainsFolder(`${'\n'.repeat(60_000)}  adrFolder: "./docs/adr" # the folder\n`), './docs/adr');
    assert.equal(log4brainsFolder(`${' \n'.repeat(60_000)}`), undefined);
  });

  it('a schema description of 200,000 blanks: the placeholder question, without a trailing (required …)', () => {
    assert.equal(placeholderText({ name: 'x', description: `${' '.repeat(200_000)}Why?` } as Parameters<typeof placeholderText>[0]), 'Why?');
    assert.equal(placeholderText({ name: 'x', description: 'How? (Required for one-way doors.)' } as Parameters<typeof placeholderText>[0]), 'How?');
  });

  it('a legacy record of 1,000 lines of 4 KB built to backtrack (key-value, link and "by" shapes): read at once', () => {
    const lines = [
      '# Legacy',
      '',
      ...Array.from({ length: 300 }, () => `A           : ${' '.repeat(4000)}\t*\u2028`),
      ...Array.from({ length: 300 }, () => `[a](${' '.repeat(4000)}`),
      ...Array.from({ length: 300 }, () => `Status: accepted${'\t'.repeat(4000)}x`),
    ];
    const doc = parseDecisionDocument('/w/0001-legacy.md', `${lines.join('\n')}\n`, DEFAULT_LIMITS);
    assert.equal(doc.legible, false);
  });

  it('a path of 200,000 slashes before a name (a folder in .legible.json): its name and its joins, in one pass', () => {
    assert.equal(basename(`a${'/'.repeat(200_000)}b///`), 'b');
    assert.equal(joinPath('/w///', `docs${'/'.repeat(200_000)}x`), '/w/docs/x');
  });
});
