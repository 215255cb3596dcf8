import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { createMarkdownParser } from '../../../src/core/parse/markdown-parser';

/**
 * The body rules' parser skips inline parsing outside headings. It must agree with full remark on
 * everything a body rule may read: the root blocks (type, depth, position) and every root
 * heading's text, on the fixtures, the examples, the real corpus and random bodies.
 */

const REPO = path.resolve(__dirname, '..', '..', '..');
const full = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);
const lean = createMarkdownParser();

function textOf(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node.children as RootContent[]).map(textOf).join('') : '';
}

/** What a body rule may read: each root block's type, depth and position, and a heading's text. */
function outline(tree: Root): string[] {
  return tree.children.map((node) => {
    const where = `${node.position?.start.offset}-${node.position?.end.offset}`;
    return node.type === 'heading' ? `heading ${node.depth} ${where} ${JSON.stringify(textOf(node))}` : `${node.type} ${where}`;
  });
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? markdownFiles(file) : name.endsWith('.md') ? [file] : [];
  });
}

describe('the body rules’ Markdown parser (inline content in headings only)', () => {
  it('reads the same root blocks and heading texts as full remark on the fixtures, the examples and the real corpus', () => {
    const files = [...markdownFiles(path.join(REPO, 'test', 'fixtures')), ...markdownFiles(path.join(REPO, 'examples'))];
    assert.ok(files.length > 150, `${files.length} files`);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(outline(lean(text)), outline(full.parse(text) as Root), path.relative(REPO, file));
    }
  });

  it('reads the same on random bodies: inline markup in headings, setext, HTML, code, lists, quotes, references (fast-check)', () => {
    const piece = fc.constantFrom(
      '## Context', '## *Decision*', '## Con*text*', '## `Consequences`', '## [Decision](https://example.com)', '## [Decision][ref]', '[ref]: https://example.com', '## Con&shy;text',
      '## \\# Decision', '## <b>Context</b>', '## ![alt](x.png) Decision', '## a_b_c', 'Decision *x*\n---', '*Context*\n===', '<details>\n## Decision\n</details>', '```\n## Decision\n```',
      '- item\n  ## *Decision*', '> ## `Context`', 'Some *text* with `code` and <span>html</span>.', '    ## Context', '1. one\n2. two', '---', '', '<!-- ## Decision -->', 'text\\\n## Decision',
      '## Decision ##', '# Title *x*', '## *unclosed', '## **bold** and _em_', '## &amp; Decision', '## <https://example.com>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.constantFrom('\n', '\r\n'), (pieces, eol) => {
        const text = `---\ntype: adr\n---\n\n${pieces.join('\n\n')}\n`.replace(/\n/g, eol);
        assert.deepEqual(outline(lean(text)), outline(full.parse(text) as Root), JSON.stringify(text));
      }),
      { numRuns: 600, seed: 3 },
    );
  });
});
