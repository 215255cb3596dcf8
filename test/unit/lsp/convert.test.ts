import * as assert from 'node:assert/strict';
import { snippetAsText, toCompletionItem } from '../../../src/lsp/convert';

describe('language server: completions for clients without snippets', () => {
  it('writes a snippet as the text it inserts with every placeholder at its default', () => {
    assert.equal(snippetAsText('risk:\n  level: ${1|low,medium,high|}\n  mitigation: ${2:<How is it contained?>}$0'), 'risk:\n  level: low\n  mitigation: <How is it contained?>');
    assert.equal(snippetAsText('owners: [${1:${2:amira}}]'), 'owners: [amira]');
    assert.equal(snippetAsText('cost: \\$5 ${1} $2 \\}'), 'cost: $5   }');
    assert.equal(snippetAsText('no snippet at all'), 'no snippet at all');
  });

  it('indents the later lines of an insertion as the cursor\'s line, and keeps snippets for clients that take them', () => {
    const completion = { label: 'risk', kind: 'field' as const, insertText: 'risk:\n  level: ${1:medium}', isSnippet: true, replace: { start: { line: 4, character: 2 }, end: { line: 4, character: 4 } } };
    const plain = toCompletionItem(completion, '  ', false);
    assert.deepEqual(plain.textEdit, { range: completion.replace, newText: 'risk:\n    level: medium' });
    assert.equal(plain.insertTextFormat, 1);
    const snippet = toCompletionItem(completion, '  ', true);
    assert.deepEqual(snippet.textEdit, { range: completion.replace, newText: 'risk:\n    level: ${1:medium}' });
    assert.equal(snippet.insertTextFormat, 2);
  });
});
