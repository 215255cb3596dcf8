import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { markdownBlockLines } from '../../../src/core/parse/markdown-work';
import { REAL_WORLD } from '../support/real-world';

/** Every Markdown file below a folder. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

describe('the Markdown parse estimate (markdown-work.ts): what limits.maxBlockLines bounds', () => {
  it('every real record and example comes well under the limit (the largest, a Rust RFC of 1,900 lines, to about 600)', () => {
    const examples = path.resolve(__dirname, '..', '..', '..', 'examples');
    const largest = Math.max(...[...markdownFiles(REAL_WORLD), ...markdownFiles(examples)].map((file) => markdownBlockLines(readFileSync(file, 'utf8'), 0)));
    assert.ok(largest > 0 && largest < DEFAULT_LIMITS.maxBlockLines / 3, `largest ${largest}`);
  });

  it('setext underlines, containers inside containers and lazy lines grow with the square of their block; prose, headings, code and flat lists add nothing', () => {
    assert.ok(markdownBlockLines('a\n=\n'.repeat(8000), 0) > 10_000);
    assert.ok(markdownBlockLines('> - > - a\n'.repeat(5000), 0) > 10_000);
    assert.ok(markdownBlockLines('> a\nb\n'.repeat(5000), 0) > 5000);
    assert.ok(markdownBlockLines('a\n=\n'.repeat(400), 0) > 3 * markdownBlockLines('a\n=\n'.repeat(100), 0));
    assert.equal(markdownBlockLines(`${'# Heading\n\nProse line.\n\n```\ncode\n```\n\n'.repeat(2000)}${'- item\n'.repeat(4000)}`, 0), 0);
  });

  it('counts from the body: frontmatter lists add nothing; and blank lines with a new top-level block cut a long body into blocks measured apart', () => {
    const frontmatter = `---\nowners:\n${'  - a\n'.repeat(3000)}---\n`;
    assert.equal(markdownBlockLines(`${frontmatter}# T\n`, frontmatter.length), 0);
    const block = '- a\n  - b\n'.repeat(100);
    const apart = `${`${block}\nParagraph at column 0.\n\n## Next\n\n`.repeat(20)}`;
    const together = block.repeat(20);
    assert.ok(markdownBlockLines(apart, 0) < markdownBlockLines(together, 0) / 2, `${markdownBlockLines(apart, 0)} vs ${markdownBlockLines(together, 0)}`);
  });
});
