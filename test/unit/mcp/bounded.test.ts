import { strict as assert } from 'node:assert';
import { fitList, fitMarkdown, fitText, jsonAnswer, jsonLength } from '../../../src/mcp/bounded';

describe('bounded MCP answers', () => {
  it('a list keeps the items that fit and says how many were left out, and why', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ id: i, text: 'x'.repeat(90) }));
    const byBudget = fitList(items, 500, Infinity, 'ask for less');
    assert.equal(byBudget.items.length, 4);
    assert.ok(JSON.stringify(byBudget.items).length <= 500);
    assert.equal(byBudget.truncated?.note, "6 of 10 left out by the answer's bound of 500 characters; ask for less.");
    assert.equal(fitList(items, 10_000, 3, 'raise limit').truncated?.note, '7 of 10 left out by the limit of 3; raise limit.');
    assert.deepEqual(fitList(items, 10_000, 100, '-'), { items });
  });

  it('a text is cut by its escaped length, never through a surrogate pair', () => {
    const text = `${'"\n'.repeat(100)}😀😀`;
    const cut = fitText(text, 101, jsonLength);
    assert.ok(jsonLength(cut.text) <= 101);
    assert.equal(cut.text, '"\n'.repeat(24) + '"');
    assert.equal(cut.truncated, 'cut at 49 of 204 characters');
    assert.equal(fitText('ab😀', 3).text, 'ab');
    assert.deepEqual(fitText('short', 10), { text: 'short' });
  });

  it('a Markdown text is cut with its note inside the bound, the fence the cut left open closed before the note', () => {
    const text = `# Title\n\n\`\`\`\`ts\n${'const x = 1;\n'.repeat(100)}\`\`\`\`\n\nAfter.\n`;
    const cut = fitMarkdown(text, 500);
    assert.ok(cut.length <= 500, `${cut.length}`);
    assert.match(cut, /\n````\n\n<!-- legible: cut at [\d,]+ of 1,3\d\d characters -->\n$/);
    // Outside a fence, the note follows the text.
    const prose = fitMarkdown('word '.repeat(200), 300);
    assert.ok(prose.length <= 300, `${prose.length}`);
    assert.match(prose, /word\n\n<!-- legible: cut at [\d,]+ of 1,000 characters -->\n$/);
    assert.equal(fitMarkdown('short', 10), 'short');
  });

  it('an answer past the bound is cut with a note saying so', () => {
    const answer = jsonAnswer({ body: 'y'.repeat(1000) }, 200);
    const text = answer.content[0].text;
    assert.ok(text.length <= 200, `${text.length}`);
    assert.match(text, /… answer cut at 200 of 1,011 characters: ask for less/);
  });
});
