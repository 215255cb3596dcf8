// Virtual workspaces: Legible reads and writes only through vscode.workspace.fs, so a workspace
// folder on a file system with no disk behind it works as a local one. Runs in the multi-root pass
// (adding a folder to a single-folder window would reopen it): the in-memory folder is added after
// alpha and beta, since changing the first folder restarts the extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LegibleApi } from '../../src/vscode/extension';
import { toCorePath, VscodeFileSystem } from '../../src/vscode/vscode-file-system';
import { MemFs } from './mem-fs';
import { applyEdit, cleanAdr, closeAllEditors, describeDiagnostics, legible, legibleDiagnostics, rangeOf, readText, ruleOf, TWO_WAY_LOW, waitFor, waitForIndexed, waitForNoRule, waitForRule } from './support';

const SCHEME = 'legible-memfs';
const DECISIONS = '/virtual/docs/decisions';
const CLEAN = `${DECISIONS}/0001-keep-records-in-memory.md`;
const BROKEN = `${DECISIONS}/0002-cache-in-a-virtual-folder.md`;

describe('Virtual workspace folder (a FileSystemProvider, nothing on disk) @multiroot', () => {
  const memfs = new MemFs(SCHEME);
  const folderUri = memfs.uri('/virtual');
  let api: LegibleApi;
  let registration: vscode.Disposable | undefined;

  const inMemory = () => api.entries().filter((e) => e.path.startsWith(`${SCHEME}:`));

  async function setFolders(change: () => boolean, done: () => boolean): Promise<void> {
    const changed = waitFor('the workspace folders to change', done, [vscode.workspace.onDidChangeWorkspaceFolders]);
    assert.ok(change(), 'VS Code refused to change the workspace folders');
    await changed;
  }

  before(async () => {
    api = await legible();
    memfs.seed(CLEAN, cleanAdr('Keep records in memory'));
    memfs.seed(BROKEN, cleanAdr('Cache in a virtual folder', (t) => t.replace('level: low', 'level: hgh')));
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, memfs, { isCaseSensitive: true });
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    await setFolders(
      () => vscode.workspace.updateWorkspaceFolders(count, 0, { uri: folderUri, name: 'virtual' }),
      () => vscode.workspace.workspaceFolders?.some((f) => f.uri.scheme === SCHEME) ?? false,
    );
    await waitFor('the in-memory records to be indexed', () => inMemory().length === 2, [api.onDidChange]);
    await api.settle();
  });

  after(async () => {
    await closeAllEditors();
    const index = vscode.workspace.workspaceFolders?.findIndex((f) => f.uri.scheme === SCHEME) ?? -1;
    if (index >= 0) {
      await setFolders(
        () => vscode.workspace.updateWorkspaceFolders(index, 1),
        () => !vscode.workspace.workspaceFolders?.some((f) => f.uri.scheme === SCHEME),
      );
    }
    registration?.dispose();
    await api.settle();
  });

  it('indexes the records of the in-memory folder and shows them in the Decisions tree', async () => {
    assert.deepEqual(inMemory().map((e) => [e.path, e.title]), [
      [`${SCHEME}://${CLEAN}`, 'Keep records in memory'],
      [`${SCHEME}://${BROKEN}`, 'Cache in a virtual folder'],
    ]);
    const { decisions } = await api.treeSnapshot();
    const start = decisions.indexOf('virtual — 2');
    assert.ok(start >= 0, decisions.join('\n'));
    const below = decisions.slice(start + 1).join('\n');
    assert.match(below, /0001 Keep records in memory/, decisions.join('\n'));
    assert.match(below, /0002 Cache in a virtual… — /, decisions.join('\n'));
  });

  it('publishes diagnostics on the in-memory record with a problem, none on the clean one', async () => {
    const broken = memfs.uri(BROKEN);
    const diagnostic = await waitForRule(broken, 'frontmatter-schema');
    const document = await vscode.workspace.openTextDocument(broken);
    assert.deepEqual(diagnostic.range, rangeOf(document, 'hgh'));
    assert.deepEqual(legibleDiagnostics(memfs.uri(CLEAN)), [], describeDiagnostics(memfs.uri(CLEAN)));
  });

  it('New ADR writes through the provider: the next number, nothing overwritten', async () => {
    const before = [await readText(memfs.uri(CLEAN)), await readText(memfs.uri(BROKEN))];
    const overwrites = memfs.overwrites;
    const folder = toCorePath(memfs.uri(DECISIONS));
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Third in memory', folder, answers: TWO_WAY_LOW });
    assert.ok(uri, 'legible.newAdr returned no record');
    assert.equal(uri.toString(), memfs.uri(`${DECISIONS}/0003-third-in-memory.md`).toString());
    assert.match(await readText(uri), /^title: Third in memory$/m);
    await waitForIndexed(uri);
    // Two at once still get two numbers: the provider's no-overwrite rename is the atomic step.
    const [a, b] = await Promise.all([
      vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Fourth in memory', folder, answers: TWO_WAY_LOW }),
      vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Fifth in memory', folder, answers: TWO_WAY_LOW }),
    ]);
    assert.ok(a && b, 'a concurrent New ADR returned no record');
    const numbers = [a, b].map((u) => /\/(\d{4})-[^/]+$/.exec(u.path)?.[1]).sort();
    assert.deepEqual(numbers, ['0004', '0005']);
    assert.match(a.path, /-fourth-in-memory\.md$/);
    assert.match(b.path, /-fifth-in-memory\.md$/);
    const names = (await vscode.workspace.fs.readDirectory(memfs.uri(DECISIONS))).map(([name]) => name).sort();
    const expected = ['0001-keep-records-in-memory.md', '0002-cache-in-a-virtual-folder.md', '0003-third-in-memory.md', ...[a, b].map((u) => u.path.slice(u.path.lastIndexOf('/') + 1))].sort();
    assert.deepEqual(names, expected, 'every record has its own number, and no reservation or temporary file is left behind');
    assert.deepEqual([await readText(memfs.uri(CLEAN)), await readText(memfs.uri(BROKEN))], before, 'the existing records are unchanged');
    assert.equal(memfs.overwrites, overwrites, 'a write replaced an existing file');
    // The port itself refuses to create over an existing file.
    const port = new VscodeFileSystem();
    assert.equal(await port.createExclusive(`${SCHEME}://${CLEAN}`, new TextEncoder().encode('replaced')), false);
    assert.equal(await readText(memfs.uri(CLEAN)), before[0]);
  });

  it('re-lints an in-memory record on an edit in its editor and on a write through the provider', async () => {
    const broken = memfs.uri(BROKEN);
    const document = await vscode.workspace.openTextDocument(broken);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(broken, rangeOf(document, 'hgh'), 'medium');
    await applyEdit(edit);
    await waitForNoRule(broken, 'frontmatter-schema');
    assert.deepEqual(legibleDiagnostics(broken), [], describeDiagnostics(broken));
    // Not open: the change reaches Legible through its file watcher on the provider's events.
    const clean = memfs.uri(CLEAN);
    await vscode.workspace.fs.writeFile(clean, new TextEncoder().encode(cleanAdr('Keep records in memory', (t) => t.replace(/## Consequences[\s\S]*$/, ''))));
    const missing = await waitForRule(clean, 'required-sections');
    assert.match(missing.message, /Consequences/);
    assert.ok(legibleDiagnostics(clean).every((d) => ruleOf(d) === 'required-sections'), describeDiagnostics(clean));
  });
});
