// The frontmatter's code features in the language server, as the extension has them: `governs`
// completes the repository's folders and files, a glob's hover says how many files it matches, a
// person's hover what the history says of them (or why it says nothing).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionItem, Hover } from 'vscode-languageserver/node';
import { daysAgo, LEDGER_RECORD, ledgerRepository } from '../support/evidence-repository';
import { lspSessions, openDocument, uriOf } from '../support/lsp-session';

/** The line and character just after `text`'s first occurrence in `document`. */
function after(document: string, text: string): { line: number; character: number } {
  const at = document.indexOf(text);
  assert.ok(at >= 0, `no ${text} in the document`);
  const before = document.slice(0, at + text.length).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

const markdown = (hover: Hover | null) => (hover?.contents as { value: string } | undefined)?.value ?? '';

describe('language server: governs and people in a record\'s frontmatter', function () {
  this.timeout(120_000);
  const servers = lspSessions();

  it('completes governs with the repository\'s folders and files, and hovers a glob with its matches', async () => {
    const root = await ledgerRepository([daysAgo(60), daysAgo(30)], 'legible-lsp-governs-');
    const session = await servers.start(root);
    const file = path.join(root, LEDGER_RECORD);
    const text = await openDocument(session, file);
    const uri = uriOf(file);
    // In the glob, after `src/`: the entries of src/.
    const items = await session.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: after(text, 'governs: [src/') });
    assert.deepEqual(items.map((item) => item.label), ['src/ledger/']);
    const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: after(text, 'governs: [src/led') });
    assert.match(markdown(hover), /2 files/, markdown(hover));
    assert.match(markdown(hover), /src\/ledger\/a\.ts/);
  });

  it('hovers a holder with what the history says of them; untrusted, says why it says nothing', async () => {
    const root = await ledgerRepository([daysAgo(60), daysAgo(30)], 'legible-lsp-person-');
    const file = path.join(root, LEDGER_RECORD);
    const trusted = await servers.start(root);
    const text = await openDocument(trusted, file);
    const position = after(text, 'holders: [ami');
    // The history is read after the first diagnostics: ask until it is there.
    let shown = '';
    while (!/author of/.test(shown)) shown = markdown(await trusted.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position }));
    assert.match(shown, /\*\*amira\*\*/i);
    assert.match(shown, /author of 2/);

    const untrusted = await servers.start(root, { args: ['--untrusted'] });
    await openDocument(untrusted, file);
    const refused = markdown(await untrusted.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position }));
    assert.match(refused, /no evidence from the repository's history here: git is not run in an untrusted workspace/);
  });
});
