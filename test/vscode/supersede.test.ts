// Supersede Decision: a new record that supersedes the old, the old one marked superseded and
// linked back, in one WorkspaceEdit; and what one undo does with it in a real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanAdr, cleanUp, decisionsFolder, exists, legible, legibleDiagnostics, lines, readText, track, waitFor, waitForIndexed, writeRecord } from './support';

const OLD_TEXT = cleanAdr('Old approach');
const SUPERSEDED_TEXT = OLD_TEXT.replace('status: accepted\n', 'status: superseded\n').replace('deciders: [alice, bob]\n', 'deciders: [alice, bob]\nsuperseded-by: [ADR-0402]\n');

function documentOf(uri: vscode.Uri): vscode.TextDocument {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  assert.ok(document, `${vscode.workspace.asRelativePath(uri)} is not open`);
  return document;
}

async function supersedeOld(): Promise<{ old: vscode.Uri; successor: vscode.Uri }> {
  const old = await writeRecord('0401-old-approach.md', OLD_TEXT);
  const successor = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.supersede', old, 'New approach');
  assert.ok(successor, 'Supersede Decision created no record');
  track(successor);
  return { old, successor };
}

describe('Commands: Supersede Decision', () => {
  before(() => legible());
  afterEach(() => cleanUp());

  it('creates the next record with supersedes, marks the old one superseded with superseded-by, and opens the new one', async () => {
    const { old, successor } = await supersedeOld();
    assert.equal(successor.path, vscode.Uri.joinPath(decisionsFolder(), '0402-new-approach.md').path);
    const created = await readText(successor);
    assert.ok(created.startsWith('---\ntype: adr\ntitle: New approach\nstatus: proposed\n'), created.slice(0, 120));
    // The template's required fields (no `deciders`: completion offers it); supersedes after the owners.
    assert.match(created, /\nowners:\n {2}- [^\n]+\nsupersedes: \[ADR-0401\]\nreversibility:\n/, created.slice(0, 400));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), successor.toString());

    // A refactoring edit saves the files it changes that were not open before (files.refactoring.autoSave).
    assert.equal(documentOf(old).getText(), SUPERSEDED_TEXT);
    assert.equal(await readText(old), SUPERSEDED_TEXT);

    await waitForIndexed(successor);
    const api = await legible();
    await api.settle();
    assert.equal(api.entries().find((e) => e.path.endsWith(old.path))?.status, 'superseded');
    for (const uri of [old, successor]) assert.deepEqual(legibleDiagnostics(uri).filter((d) => typeof d.code === 'object' && d.code.value === 'status-consistency'), []);
  });

  it('one undo reverts both files: the new record is deleted and the old one\'s text restored', async () => {
    const { old, successor } = await supersedeOld();
    const oldDocument = documentOf(old);
    assert.equal(oldDocument.getText(), SUPERSEDED_TEXT);

    // Undo in the new record's editor, as Ctrl+Z there: VS Code undoes the whole workspace edit.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), successor.toString());
    await vscode.commands.executeCommand('undo');
    assert.equal(await exists(successor), false, 'the created record is deleted again');
    assert.equal(oldDocument.getText(), OLD_TEXT, 'the old record\'s text is back');
    // The edit had been saved (refactoring auto-save), the undo is not: the old file is dirty until saved.
    assert.equal(oldDocument.isDirty, true);
    assert.equal(await readText(old), SUPERSEDED_TEXT);
    assert.equal(await oldDocument.save(), true);
    assert.equal(await readText(old), OLD_TEXT);

    await waitForIndexed(successor, false);
    const api = await legible();
    await waitFor('the old record to be accepted again', () => api.entries().find((e) => e.path.endsWith(old.path))?.status === 'accepted', [api.onDidChange]);
    await api.settle();
    assert.deepEqual(legibleDiagnostics(old), []);
  });

  it('does not supersede an exit plan, and creates nothing', async () => {
    const plan = await writeRecord('0403-hand-over.md', lines('---', 'type: exit-plan', 'title: Hand over', 'status: planned', '---', '', '# Hand over'));
    const before = (await vscode.workspace.fs.readDirectory(decisionsFolder())).length;
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.supersede', plan, 'Another plan');
    assert.equal(result, undefined);
    assert.equal((await vscode.workspace.fs.readDirectory(decisionsFolder())).length, before);
    assert.equal(await readText(plan), lines('---', 'type: exit-plan', 'title: Hand over', 'status: planned', '---', '', '# Hand over'));
  });
});
