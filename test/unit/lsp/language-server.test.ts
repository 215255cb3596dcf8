// `legible lsp --stdio` through JSON-RPC, as any editor speaks to it: the bundled CLI in a process
// of its own, a workspace in a temp folder, and vscode-jsonrpc's client side.
import * as assert from 'node:assert/strict';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { CodeAction, CompletionItem, Diagnostic, DocumentLink, Hover, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { tempDir } from '../cli/cli-process';
import { adr, initialize, lspSessions, openDocument as open, recordsWorkspace, uriOf } from '../support/lsp-session';

const has = (rule: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === rule);
const clean = (p: PublishDiagnosticsParams) => p.diagnostics.length === 0;
/** LSP 3.18 lets a message be Markdown; the server sends plain strings. */
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** The position of the first `needle` in `text`, `offset` characters into it. */
function positionOf(text: string, needle: string, offset = 0) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is not in the text`);
  return TextDocument.create('x', 'markdown', 1, text).positionAt(at + offset);
}

describe('language server (JSON-RPC over stdio)', function () {
  this.timeout(60_000);
  const servers = lspSessions();

  it('initializes with incremental sync and its features, and registers its file watchers', async () => {
    const { root } = await recordsWorkspace();
    const session = await servers.spawn(root);
    const { capabilities, serverInfo } = await initialize(session, root);
    assert.equal(serverInfo?.name, 'legible');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(capabilities.completionProvider && capabilities.hoverProvider && capabilities.documentLinkProvider);
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.legible']);
    const registered = () => session.asked.find((a) => a.method === 'client/registerCapability');
    while (!registered()) await new Promise((resolve) => setImmediate(resolve));
    const registrations = (registered()!.params as { registrations: Array<{ method: string; registerOptions: { watchers: Array<{ globPattern: string; kind: number }> } }> }).registrations;
    assert.equal(registrations[0].method, 'workspace/didChangeWatchedFiles');
    // Every file created or deleted (a code file counts for the evidence rules), records and configuration changed: each event once.
    assert.deepEqual(registrations[0].registerOptions.watchers.map((w) => [w.globPattern, w.kind]), [['**/*', 1 | 4], ['**/*.md', 2], ['**/{.legible.json,.adr-dir,.log4brains.yml}', 2]]);
  });

  it('pushes the diagnostics of every record at start, then as the open document changes (incremental edits)', async () => {
    const { root, first, second } = await recordsWorkspace();
    const session = await servers.start(root, { initializationOptions: { debounceMs: 20 } });
    const start = await session.diagnostics(uriOf(second));
    assert.deepEqual(start.diagnostics.map((d) => [d.code, d.source, d.severity, d.range.start.line]), [['frontmatter-schema', 'legible', 1, 8]]);
    assert.match(messageOf(start.diagnostics[0]), /`reversibility\.how` is missing\. How would we reverse this/);
    assert.ok(!session.published.some((p) => p.uri === uriOf(first) && p.diagnostics.length), 'the complete record has findings');

    const text = await open(session, second);
    const at = positionOf(text, '  door: one-way\n', '  door: one-way\n'.length);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(second), version: 2 },
      contentChanges: [{ range: { start: at, end: at }, text: '  how: Revert the commit.\n' }],
    });
    const fixed = await session.diagnostics(uriOf(second), (p) => p.version === 2);
    assert.deepEqual(fixed.diagnostics, [], 'the frontmatter finding stays after the edit that answers it');

    // A cross-file rule, after the debounce: 0001 names a record that does not exist.
    const firstText = await open(session, first);
    const ref = positionOf(firstText, 'related: [0002]', 'related: ['.length);
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(first), version: 2 },
      contentChanges: [{ range: { start: ref, end: { line: ref.line, character: ref.character + 4 } }, text: '0099' }],
    });
    const dangling = await session.diagnostics(uriOf(first), has('reference-resolves'));
    assert.match(messageOf(dangling.diagnostics.find((d) => d.code === 'reference-resolves')!), /`related` names 0099, but no record has number 99/);
  });

  it('offers every quick fix with its edit, "Disable for this file" last, and fix-all; the edit applied clears the finding', async () => {
    const { root, second } = await recordsWorkspace();
    const session = await servers.start(root);
    const text = await open(session, second);
    const { diagnostics } = await session.diagnostics(uriOf(second), (p) => p.version === 1);
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(second) }, range: diagnostics[0].range, context: { diagnostics } });
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
      ['Add `reversibility.how`', 'quickfix', true],
      ['Disable `frontmatter-schema` for this file', 'quickfix', false],
    ]);
    const edits: TextEdit[] = actions[0].edit!.changes![uriOf(second)];
    const after = TextDocument.applyEdits(TextDocument.create(uriOf(second), 'markdown', 1, text), edits);
    assert.match(after, / {2}door: one-way\n {2}how: >-\n {4}<How would we reverse this if it proves wrong\?>\n/);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(second), version: 2 }, contentChanges: edits.map((edit) => ({ range: edit.range, text: edit.newText })) });
    const next = await session.diagnostics(uriOf(second), (p) => p.version === 2);
    assert.ok(!next.diagnostics.some((d) => d.code === 'frontmatter-schema'), 'the fix left its finding');

    const fixAll = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(second) }, range: diagnostics[0].range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.ok(fixAll.every((a) => a.kind === 'source.fixAll.legible'), 'only fix-all was asked for');
  });

  it('applies fix-all: every safe fix of the file in one edit', async () => {
    const { root, first } = await recordsWorkspace();
    // A safe fix: 0003 supersedes 0001, which does not name it back (superseded-by is added).
    const third = path.join(path.dirname(first), '0003-newer.md');
    await writeFile(third, adr({ title: 'Newer', extra: 'supersedes: [0001]\n' }));
    const session = await servers.start(root);
    const text = await open(session, first);
    const published = await session.diagnostics(uriOf(first), (p) => p.version === 1 && p.diagnostics.length > 0);
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(first) }, range: published.diagnostics[0].range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.equal(actions.length, 1, JSON.stringify(published.diagnostics.map((d) => d.code)));
    const fixed = TextDocument.applyEdits(TextDocument.create(uriOf(first), 'markdown', 1, text), actions[0].edit!.changes![uriOf(first)]);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['status-consistency']);
    assert.equal(actions[0].title, 'Fix all safe Legible problems (1)');
    assert.match(fixed, /\nstatus: superseded\n/);
    assert.match(fixed, /\nsuperseded-by: \[ADR-0003\]\n/);
  });

  it('completes values, hovers fields and links referenced records and cited ids', async () => {
    const { root, first, second } = await recordsWorkspace();
    const code = path.join(root, 'src', 'app.ts');
    await mkdir(path.dirname(code), { recursive: true });
    await writeFile(code, '// Identifiers follow ADR-0002.\nexport const id = 1;\n');
    const session = await servers.start(root);
    await session.diagnostics(uriOf(second));
    const text = await open(session, first);

    const status = positionOf(text, 'status: accepted', 'status: '.length);
    const items = await session.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uriOf(first) }, position: status });
    assert.ok(['proposed', 'accepted', 'superseded'].every((label) => items.some((item) => item.label === label)), items.map((i) => i.label).join());

    const door = positionOf(text, 'door: one-way', 2);
    const hover = await session.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: uriOf(first) }, position: door });
    assert.equal((hover.contents as { kind: string }).kind, 'markdown');
    assert.match((hover.contents as { value: string }).value, /revers|undo/i);

    const links = await session.connection.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uriOf(first) } });
    assert.deepEqual(links.map((l) => [l.target, l.range.start.line]), [[uriOf(second), positionOf(text, 'related: [0002]').line]]);

    await open(session, code);
    const cited = await session.connection.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uriOf(code) } });
    assert.deepEqual(cited.map((l) => [l.target, l.range.start]), [[uriOf(second), { line: 0, character: '// Identifiers follow '.length }]]);
    const citedHover = await session.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: uriOf(code) }, position: { line: 0, character: 25 } });
    assert.match((citedHover.contents as { value: string }).value, /Sign webhooks/);
  });

  it('follows watched files: a record created, changed and deleted on disk', async () => {
    const { root, first } = await recordsWorkspace();
    const session = await servers.start(root);
    await session.diagnostics(uriOf(path.join(path.dirname(first), '0002-sign-webhooks.md')));
    const third = path.join(path.dirname(first), '0003-new.md');
    await writeFile(third, adr({ title: 'New', how: null }));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(third), type: 1 }] });
    await session.diagnostics(uriOf(third), has('frontmatter-schema'));
    await writeFile(third, adr({ title: 'New' }));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(third), type: 2 }] });
    await session.diagnostics(uriOf(third), clean);
    const before = session.published.length;
    await writeFile(third, adr({ title: 'New', how: null }));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(third), type: 2 }] });
    await session.diagnostics(uriOf(third), (p) => session.published.indexOf(p) >= before && has('frontmatter-schema')(p));
    await rm(third);
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(third), type: 3 }] });
    await session.diagnostics(uriOf(third), (p) => session.published.indexOf(p) > before && clean(p));
  });

  it('tells the user when .legible.json names a folder that does not exist, at start and when it changes', async () => {
    const { root, second } = await recordsWorkspace();
    const config = path.join(root, '.legible.json');
    await writeFile(config, JSON.stringify({ folders: ['docs/decision'] }));
    const session = await servers.start(root);
    const shown = async (count: number) => {
      while (session.shown.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
      return session.shown[count - 1];
    };
    const first = await shown(1);
    assert.equal(first.type, 2);
    assert.match(first.message, /\.legible\.json: the folder docs\/decision does not exist\. No decisions folder is read: no record is linted\./);
    // Mended: the records are linted, and nothing more is said.
    await writeFile(config, JSON.stringify({ folders: ['docs/decisions'] }));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
    await session.diagnostics(uriOf(second), has('frontmatter-schema'));
    // Broken again while it runs: said again.
    await writeFile(config, JSON.stringify({ folders: ['docs/decisions', 'docs/rfc'] }));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
    const again = await shown(2);
    assert.match(again.message, /the folder docs\/rfc does not exist\.$/);
  });

  it('reports the load as work-done progress, from the index to the last record\'s body rules', async () => {
    const { root } = await recordsWorkspace();
    const session = await servers.start(root, { capabilities: { window: { workDoneProgress: true } } });
    while (!session.progress.some((p) => p.kind === 'end')) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(session.progress[0].kind, 'begin');
    assert.equal(session.progress[0].title, 'Legible');
    assert.ok(session.asked.some((a) => a.method === 'window/workDoneProgress/create'));
    assert.equal(session.progress[0].message, '0 of 2 records linted');
    assert.equal(session.progress.filter((p) => p.kind === 'end').length, 1);
  });

  describe('Workspace Trust, as in VS Code\'s Restricted Mode', () => {
    /**
     * The in-host suite's Restricted Mode workspace: .legible.json names a folder (records/), a
     * template and a schema extension that asks for `cost-center`. Each of its two records names a
     * record that does not exist, so each gets a cross-file finding once its folder is read.
     */
    async function restrictedWorkspace() {
      const root = await tempDir('legible-lsp-trust-');
      await cp(path.join(__dirname, '..', '..', 'harness', 'fixtures', 'restricted-workspace'), root, { recursive: true });
      const configured = path.join(root, 'records', '0001-found-through-the-configuration.md');
      const unconfigured = path.join(root, 'docs', 'decisions', '0001-found-without-configuration.md');
      for (const file of [configured, unconfigured]) await writeFile(file, (await readFile(file, 'utf8')).replace('owners: [alice]', 'owners: [alice]\nrelated: [0099]'));
      return { root, configured: uriOf(configured), unconfigured: uriOf(unconfigured) };
    }
    const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${String(d.code)}${/cost-center/.test(messageOf(d)) ? ' (cost-center)' : ''}`).sort();

    it('is trusted by default: the folders and schema extensions .legible.json names apply', async () => {
      const { root, configured, unconfigured } = await restrictedWorkspace();
      const session = await servers.start(root, { initializationOptions: { debounceMs: 20 } });
      assert.deepEqual(codes(await session.diagnostics(configured, has('reference-resolves'))), ['frontmatter-schema (cost-center)', 'reference-resolves']);
      assert.ok(!session.published.some((p) => p.uri === unconfigured), 'the default folder is not read when .legible.json names others');
    });

    it('`trusted: false` in the initialization options ignores them, as Restricted Mode does', async () => {
      const { root, configured, unconfigured } = await restrictedWorkspace();
      const session = await servers.start(root, { initializationOptions: { debounceMs: 20, trusted: false } });
      assert.deepEqual(codes(await session.diagnostics(unconfigured, has('reference-resolves'))), ['reference-resolves'], 'the default folder, no schema extension');
      assert.ok(!session.published.some((p) => p.uri === configured), 'the folder .legible.json names is not read');
    });

    it('`--untrusted` ignores them whatever the client says, and settings pulled later cannot trust the workspace', async () => {
      const { root, configured, unconfigured } = await restrictedWorkspace();
      const session = await servers.start(root, { args: ['--untrusted'], configuration: () => ({ trusted: true, debounceMs: 20, rules: { 'reference-resolves': 'info' } }), initializationOptions: { legible: { trusted: true, debounceMs: 20 } } });
      // The configuration pulled after the first load turns the rule to info and loads again: still untrusted.
      const info = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'reference-resolves' && d.severity === 3);
      assert.deepEqual(codes(await session.diagnostics(unconfigured, info)), ['reference-resolves']);
      assert.ok(!session.published.some((p) => p.uri === configured), 'the folder .legible.json names is not read');
    });
  });

  it('takes its settings from the client (a rule turned off), and serves every workspace folder, as folders come and go', async () => {
    const one = await recordsWorkspace();
    const two = await recordsWorkspace();
    const session = await servers.spawn(one.root, { configuration: (scope) => (scope === uriOf(two.root) ? { rules: { 'frontmatter-schema': 'off' } } : null) });
    await session.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(one.root),
      workspaceFolders: [{ uri: uriOf(one.root), name: 'one' }, { uri: uriOf(two.root), name: 'two' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
    });
    await session.connection.sendNotification('initialized', {});
    await session.diagnostics(uriOf(one.second), has('frontmatter-schema'));
    // Two's configuration turns the rule off: its findings go, one's stay.
    await session.diagnostics(uriOf(two.second), clean);
    assert.ok(session.published.filter((p) => p.uri === uriOf(one.second)).every(has('frontmatter-schema')));
    // A folder removed from the workspace takes its diagnostics with it.
    await session.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(one.root), name: 'one' }] } });
    await session.diagnostics(uriOf(one.second), clean);
  });
});
