// The code features of `governs` in the language server, as the extension has them: in a record,
// `governs` completes the repository's folders and files, a glob's hover says how many files it
// matches, a person's hover what the history says of them (or why it says nothing); in a governed
// code file, a lens per governing decision that opens it.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import type { CodeAction, CodeLens, CompletionItem, Hover } from 'vscode-languageserver/node';
import { daysAgo, LEDGER_RECORD, ledgerRepository } from '../support/evidence-repository';
import { CAPABILITIES, lspSessions, openDocument, uriOf } from '../support/lsp-session';

/** The line and character just after `text`'s first occurrence in `document`. */
function after(document: string, text: string): { line: number; character: number } {
  const at = document.indexOf(text);
  assert.ok(at >= 0, `no ${text} in the document`);
  const before = document.slice(0, at + text.length).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

const markdown = (hover: Hover | null) => (hover?.contents as { value: string } | undefined)?.value ?? '';

describe('language server: the code features of governs, and people', function () {
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

  it('puts a lens on a governed code file that opens the record, and asks for lenses again when governs changes', async () => {
    const root = await ledgerRepository([daysAgo(60), daysAgo(30)], 'legible-lsp-lens-');
    const capabilities = { ...CAPABILITIES, window: { showDocument: { support: true } }, workspace: { ...CAPABILITIES.workspace, codeLens: { refreshSupport: true } } };
    const session = await servers.start(root, { capabilities });
    const code = path.join(root, 'src/ledger/a.ts');
    await openDocument(session, code);
    const record = uriOf(path.join(root, LEDGER_RECORD));
    const lenses = async () => session.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(code) } });
    let found = await lenses();
    while (!found.length) found = await lenses();
    assert.deepEqual(found.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command, lens.command?.arguments]), [
      [0, 'Governed by ADR-0001 · accepted · two-way · risk low · held by amira', 'legible.openRecord', [record]],
    ]);
    // The lens's command: the server asks the client to show the record.
    await session.connection.sendRequest('workspace/executeCommand', { command: 'legible.openRecord', arguments: [record] });
    assert.deepEqual(session.asked.filter((r) => r.method === 'window/showDocument').map((r) => r.params), [{ uri: record, takeFocus: true }]);
    // The record stops governing src/ledger: the client is asked for lenses again, and there are none.
    const file = path.join(root, LEDGER_RECORD);
    await writeFile(file, (await readFile(file, 'utf8')).replace('governs: [src/ledger/**]', 'governs: [src/queue/**]'));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: record, type: 2 }] });
    while (!session.asked.some((r) => r.method === 'workspace/codeLens/refresh')) await new Promise((resolve) => setImmediate(resolve));
    while ((await lenses()).length) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(await lenses(), []);
  });

  it('publishes the code rules: a dangling citation in an open code file as it is typed, a governs glob that matches nothing', async () => {
    const root = await ledgerRepository([daysAgo(60), daysAgo(30)], 'legible-lsp-code-rules-');
    const file = path.join(root, LEDGER_RECORD);
    await writeFile(file, (await readFile(file, 'utf8')).replace('governs: [src/ledger/**]', 'governs: [src/ledger/**, src/payouts/**]'));
    const session = await servers.start(root);
    const record = await session.diagnostics(uriOf(file), (p) => p.diagnostics.some((d) => d.code === 'governs-matches-nothing'));
    assert.deepEqual(record.diagnostics.filter((d) => d.code === 'governs-matches-nothing').map((d) => [d.range.start.line, d.message]), [
      [9, '`governs[1]` `src/payouts/**` matches no file: the code moved or was deleted — is this decision still in force?'],
    ]);
    const code = path.join(root, 'src/ledger/a.ts');
    const uri = uriOf(code);
    const text = '// Rounds as ADR-0001 says; the fees as ADR-0042 says.\n';
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const dangling = await session.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(dangling.diagnostics.map((d) => [d.code, d.severity, d.range.start, d.message]), [
      ['code-reference-resolves', 1, { line: 0, character: text.indexOf('ADR-0042') }, 'cites ADR-0042, which no record has: which decision does this code follow?'],
    ]);
    // Markdown outside the decisions folders is code too, and no `legible-disable` comment is read
    // there: no "Disable for this file" that would write one into the README.
    const readme = uriOf(path.join(root, 'README.md'));
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: readme, languageId: 'markdown', version: 1, text: '# Ledger\n\nSee ADR-0042.\n' } });
    const inReadme = await session.diagnostics(readme, (p) => p.diagnostics.length > 0);
    assert.deepEqual(inReadme.diagnostics.map((d) => d.code), ['code-reference-resolves']);
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: readme }, range: inReadme.diagnostics[0].range, context: { diagnostics: inReadme.diagnostics } });
    assert.deepEqual(actions.map((action) => action.title), []);
    // A citation of a superseded record in code: the fix cites its successor.
    const superseded = (await readFile(file, 'utf8')).replace('status: accepted', 'status: superseded\nsuperseded-by: ADR-0001').replace('governs: [src/ledger/**, src/payouts/**]\n', '');
    const old = path.join(root, 'docs/decisions/0002-use-mysql.md');
    await writeFile(old, superseded);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(old), type: 1 }] });
    const queue = uriOf(path.join(root, 'src/queue.ts'));
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: queue, languageId: 'typescript', version: 1, text: '// As ADR-0002 says.\n' } });
    const cites = await session.diagnostics(queue, (p) => p.diagnostics.some((d) => d.code === 'code-cites-superseded'));
    const fixes = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: queue }, range: cites.diagnostics[0].range, context: { diagnostics: cites.diagnostics } });
    assert.deepEqual(fixes.map((action) => [action.title, action.isPreferred, action.edit?.changes?.[queue]]), [
      ['Cite ADR-0001 instead', true, [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 14 } }, newText: 'ADR-0001' }]],
    ]);
    // In the record, the governs finding can still be disabled there.
    await openDocument(session, file);
    const inRecord = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(file) }, range: record.diagnostics[0].range, context: { diagnostics: record.diagnostics.filter((d) => d.code === 'governs-matches-nothing'), only: ['quickfix'] } });
    assert.deepEqual(inRecord.map((action) => action.title), ['Disable `governs-matches-nothing` for this file']);
    // Fixed in the editor (not saved): the finding goes; closed, nothing is left for the file.
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '// Rounds as ADR-0001 says.\n' }] });
    await session.diagnostics(uri, (p) => p.diagnostics.length === 0 && session.published.indexOf(p) > session.published.indexOf(dangling));
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    const again = await session.diagnostics(uri, (p) => p.diagnostics.length > 0 && session.published.indexOf(p) > session.published.indexOf(dangling));
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await session.diagnostics(uri, (p) => p.diagnostics.length === 0 && session.published.indexOf(p) > session.published.indexOf(again));
  });

  it('gives a record no lens, and a command it does not know an error', async () => {
    const root = await ledgerRepository([daysAgo(60), daysAgo(30)], 'legible-lsp-lens-');
    const session = await servers.start(root);
    const file = path.join(root, LEDGER_RECORD);
    await openDocument(session, file);
    assert.deepEqual(await session.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(file) } }), []);
    await assert.rejects(session.connection.sendRequest('workspace/executeCommand', { command: 'legible.nothing', arguments: [] }), /Unknown command legible\.nothing/);
  });
});
