import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { markdownChunks } from '../../../src/core/parse/markdown-chunks';
import { createMarkdownParser } from '../../../src/core/parse/markdown-parser';

/**
 * A long document is parsed a chunk at a time, and the editor re-parses only the chunk an edit
 * changed. That is only right if every cut is one CommonMark cannot see: the tree from chunks must
 * equal the tree of the whole, node for node and position for position.
 */

const REPO = path.resolve(__dirname, '..', '..', '..');
const whole = createMarkdownParser({ chunkedFrom: Infinity });

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? markdownFiles(file) : name.endsWith('.md') ? [file] : [];
  });
}

const piece = fc.constantFrom(
  '## Context', '## Decision', '# Title', '### Deeper', '## Context ##', '#Decision', '   ## Indented', '## *Decision*', '## [Decision][ref]', '[ref]: https://example.com',
  'Some text.', 'Two lines\nof text.', 'Decision\n---', 'Title\n=====', '---', '***', '', '    indented code', '    code\n\n    more code',
  '```\n## In a fence\n```', '```\n## Unclosed fence', '~~~~\n## Context\n\n## Decision\n~~~~', '  ```\n  indented fence\n  ```', '``` `not a fence`',
  '- item', '- item\n\n  continued', '- item\n\n## After a list', '1. one\n2. two', '2) two', '* star', '+ plus', '- a\n- b\n\n- c', '-\n  empty start',
  '> quote', '> quote\nlazy', '> ## Quoted', '> ```\n> fenced in a quote',
  '<div>', '<div>\n## In HTML', '<div>\n\n## After HTML', '</div>', '<!-- comment -->', '<!--\n## In a comment\n\n## Still\n-->', '<?php\n\n## In PI\n?>',
  '<script>\n\n## In script\n</script>', '<a href="x">', '<span>inline</span> text', '  <div>', '  <!-- indented -->', '<!X\n\n## In a declaration\n>',
  '\t## Tab', '\t```', 'text\\\n## After a hard break',
);

/** Random documents: pieces on consecutive lines or apart, with or without frontmatter, any line ending. */
const documents = fc
  .tuple(fc.array(fc.tuple(piece, fc.constantFrom('\n', '\n\n', '\n\n\n')), { maxLength: 14 }), fc.constantFrom('', '\uFEFF', '---\ntype: adr\n\ntitle: T\n---\n', '\uFEFF---\ntitle: T\n---\n', '+++\ntitle = "T"\n+++\n', '---\n'), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([parts, front, eol]) => (front + parts.map(([text, gap]) => text + gap).join('')).replace(/\n/g, eol));

describe('Markdown parsed a chunk at a time (markdown-chunks.ts)', function () {
  // Thousands of differential cases: seconds on a quiet machine, past mocha's default 20 s when
  // other suites share the two cores. A correctness property, not a timing: time is no verdict here.
  this.timeout(180_000);
  it('gives the tree of the whole document, node for node, on random documents (fast-check)', () => {
    const chunked = createMarkdownParser({ chunkedFrom: 0 });
    let cut = 0;
    fc.assert(
      fc.property(documents, (text) => {
        if ((markdownChunks(text)?.length ?? 0) > 1) cut++;
        assert.deepEqual(chunked(text), whole(text));
      }),
      { numRuns: 3000, seed: 303 },
    );
    assert.ok(cut > 300, `only ${cut} of 3000 documents were cut`);
  });

  it('gives the same tree after edits, with the unchanged chunks taken from earlier parses', () => {
    const chunked = createMarkdownParser({ chunkedFrom: 0 });
    fc.assert(
      fc.property(documents, fc.nat(), fc.constantFrom('x', '\n', '\n\n', '#', '`', '```\n', '<div>\n', '- ', '---\n', '\r\n'), (text, where, typed) => {
        chunked(text);
        const at = where % (text.length + 1);
        const edited = text.slice(0, at) + typed + text.slice(at);
        assert.deepEqual(chunked(edited), whole(edited));
        assert.deepEqual(chunked(text), whole(text), 'and back');
      }),
      { numRuns: 1500, seed: 303 },
    );
  });

  it('keeps giving whole trees when it may keep only a few chunks', () => {
    const chunked = createMarkdownParser({ chunkedFrom: 0, keptCharacters: 40 });
    fc.assert(
      fc.property(documents, (text) => {
        assert.deepEqual(chunked(text), whole(text));
        assert.deepEqual(chunked(text), whole(text));
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  it('gives the same trees on the fixtures, the examples and the real corpus', () => {
    const chunked = createMarkdownParser({ chunkedFrom: 0 });
    const files = [...markdownFiles(path.join(REPO, 'test', 'fixtures')), ...markdownFiles(path.join(REPO, 'examples'))];
    let cut = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if ((markdownChunks(text)?.length ?? 0) > 1) cut++;
      assert.deepEqual(chunked(text), whole(text), path.relative(REPO, file));
    }
    assert.ok(cut > files.length / 2, `${cut} of ${files.length} files were cut`);
  });

  it('cuts before headings that follow a blank line, and nowhere it cannot be sure of', () => {
    const cuts = (text: string) => markdownChunks(text)?.map((c) => text.slice(c.offset).split('\n')[0]);
    assert.deepEqual(cuts('# T\n\nText.\n\n## A\n\nx\n## B\n\n## C\n'), ['# T', '## A', '## C']);
    assert.deepEqual(cuts('---\ntitle: T\n\n# Not a heading: frontmatter\n---\n\n## A\n'), ['---', '## A']);
    assert.deepEqual(cuts('```\n\n## In a fence\n```\n\n## A\n'), ['```', '## A']);
    assert.deepEqual(cuts('<!--\n\n## In a comment\n-->\n\n## A\n'), ['<!--', '## A']);
    assert.equal(cuts('- item\n  ```\n\n## A\n'), undefined, 'a fence indented as in a list item');
    assert.equal(cuts('text\n<a>\n\n## A\n'), undefined, 'a lone tag that may continue a paragraph');
    assert.equal(cuts('---\ntitle: T\n\n## A\n'), undefined, 'frontmatter that never closes');
  });
});
