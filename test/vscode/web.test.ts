// The web worker host (package.json `browser`, as on vscode.dev and github.dev): runs only in the
// web pass, where code-server runs the browser entry because the run's user settings say
// `remote.extensionKind: { "legible.legible": ["ui"] }`. The untagged tests of the files that need
// no Node run in that pass too (diagnostics, quick fixes, completion and hover, the trees, …).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanAdr, cleanUp, decisionsFolder, EXTENSION_ID, legible, readText, track, TWO_WAY_LOW, waitFor, waitForIndexed, workspaceRoot, writeFile, writeRecord } from './support';

describe('Legible in the web worker host @web', () => {
  before(() => legible());
  afterEach(() => cleanUp());

  it('activates in the browser: no Node, the browser entry, a workspace reached only through VS Code', async () => {
    assert.equal(typeof process, 'undefined', 'this extension host has Node\'s process: not the web worker host');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive);
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI);
    assert.equal((extension.packageJSON as { browser?: string }).browser, './dist/web/extension.js');
    assert.notEqual(workspaceRoot().scheme, 'file', 'the worker sees the folder as a remote URI');
    const api = await legible();
    assert.ok(api.entries().length >= 2, 'the fixture\'s records are indexed');
  });

  it('New ADR writes the next record through vscode.workspace.fs; with no git here the owner stays a question', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Review decisions on the web', answers: TWO_WAY_LOW });
    assert.ok(uri, 'legible.newAdr returned no file');
    track(uri);
    assert.equal(uri.scheme, workspaceRoot().scheme);
    assert.match(uri.path, /\/\d{4}-review-decisions-on-the-web\.md$/);
    assert.equal(vscode.Uri.joinPath(uri, '..').path, decisionsFolder().path);
    const text = await readText(uri);
    assert.ok(text.startsWith('---\ntype: adr\ntitle: Review decisions on the web\nstatus: proposed\n'), text.slice(0, 200));
    assert.ok(text.includes('\nowners:\n  - <Who is accountable for this record?>\n'), text.slice(0, 300));
    await waitForIndexed(uri);
  });

  it('never runs a governs glob that could backtrack (no RE2 here), and still follows a linear one', async () => {
    const api = await legible();
    await writeFile(vscode.Uri.joinPath(workspaceRoot(), 'services', 'web', 'app.ts'), 'export const app = 1;\n');
    await writeRecord('0090-govern-from-the-web.md', cleanAdr('Govern from the web', (text) => text.replace('status: accepted', 'governs:\n  - "services/[ab]*[cd]*e.ts"\n  - "services/**"\nstatus: accepted')));
    // The glob rows under the record in the Decisions view, once the folder's files are listed (the
    // reason, WEB_NO_RE2, is the row's tooltip).
    const rows = await waitFor('the record\'s governs globs in the Decisions view', async () => {
      const decisions = (await api.treeSnapshot()).decisions.map((row) => row.trim());
      return decisions.some((row) => /^services\/\*\* — [1-9]\d* files?$/.test(row)) ? decisions : undefined;
    }, [api.onDidChange]);
    assert.ok(rows.includes('services/[ab]*[cd]*e.ts — never followed'), rows.join('\n'));
  });
});
