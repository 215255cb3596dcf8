import assert from 'node:assert/strict';
import { findFrontmatter, type FrontmatterBlock } from '../../../src/core/parse/frontmatter-fence';

function slices(text: string, block: FrontmatterBlock): Record<string, string> {
  if (block.kind !== 'closed') return {};
  return {
    open: text.slice(block.open.start, block.open.end),
    content: text.slice(block.content.start, block.content.end),
    close: text.slice(block.close.start, block.close.end),
    body: text.slice(block.bodyStart),
  };
}

describe('findFrontmatter', () => {
  it('finds a YAML block between --- fences on the first line', () => {
    const text = '---\ntype: adr\ntitle: X\n---\n# X\n';
    const block = findFrontmatter(text);
    assert.equal(block.kind, 'closed');
    assert.deepEqual(slices(text, block), { open: '---', content: 'type: adr\ntitle: X\n', close: '---', body: '# X\n' });
  });

  it('skips a byte-order mark before the opening fence', () => {
    const text = '\uFEFF---\ntype: adr\n---\nbody';
    const block = findFrontmatter(text);
    assert.equal(block.kind, 'closed');
    assert.deepEqual(slices(text, block), { open: '---', content: 'type: adr\n', close: '---', body: 'body' });
    assert.equal(block.kind === 'closed' && block.open.start, 1);
  });

  it('reads CRLF and CR-only files, and fences with trailing spaces', () => {
    const crlf = '---  \r\ntype: adr\r\n---\t\r\nbody';
    assert.deepEqual(slices(crlf, findFrontmatter(crlf)), { open: '---  ', content: 'type: adr\r\n', close: '---\t', body: 'body' });
    const cr = '---\rtype: adr\r---\rbody';
    assert.deepEqual(slices(cr, findFrontmatter(cr)), { open: '---', content: 'type: adr\r', close: '---', body: 'body' });
  });

  it('closes at the first fence line, not at a --- inside a value or a longer rule', () => {
    const text = '---\ntitle: a --- b\nx: ----\n---\nrest\n---\n';
    assert.deepEqual(slices(text, findFrontmatter(text)).content, 'title: a --- b\nx: ----\n');
  });

  it('reports an unclosed block with its opening fence', () => {
    const text = '---\ntype: adr\n# Title\n';
    assert.deepEqual(findFrontmatter(text), { kind: 'unclosed', fence: 'yaml', open: { start: 0, end: 3 } });
  });

  it('recognises TOML +++ fences, closed only by +++', () => {
    const text = '+++\ntitle = "x"\n---\n+++\nbody';
    const block = findFrontmatter(text);
    assert.equal(block.kind === 'closed' && block.fence, 'toml');
    assert.equal(slices(text, block).content, 'title = "x"\n---\n');
  });

  it('has no block when line 1 is not a fence, and points at a --- displaced by blank lines', () => {
    assert.deepEqual(findFrontmatter('# Title\n---\n'), { kind: 'none', displaced: undefined });
    assert.deepEqual(findFrontmatter(''), { kind: 'none', displaced: undefined });
    const text = '\n  \n---\ntype: adr\n---\n';
    assert.deepEqual(findFrontmatter(text), { kind: 'none', displaced: { start: 4, end: 7 } });
    assert.deepEqual(findFrontmatter('\n\nText\n---\n'), { kind: 'none', displaced: undefined }, 'a --- after text is a setext underline');
  });

  it('handles an empty block and a file that is only the fences', () => {
    const block = findFrontmatter('---\n---');
    assert.equal(block.kind, 'closed');
    assert.deepEqual(slices('---\n---', block), { open: '---', content: '', close: '---', body: '' });
  });
});
