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
    // Carried over from the old record: its deciders (and owners, risk, holders, successors).
    assert.ok(created.includes('\ndeciders:\n  - alice\n  - bob\nsupersedes: [ADR-0401]\nreversibility:\n'), created.slice(0, 400));
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

  it('undo reverts both files: the new record is deleted and the old one\'s text restored', async () => {
    const { old, successor } = await supersedeOld();
    const oldDocument = documentOf(old);
    assert.equal(oldDocument.getText(), SUPERSEDED_TEXT);
    const createdText = documentOf(successor).getText();

    // Undo in the new record's editor, as Ctrl+Z there: VS Code undoes the whole workspace edit.
    // The tab stops were put in by a snippet that changed no character: if VS Code keeps it as an
    // undo step of its own, the first undo takes it back and changes nothing visible.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), successor.toString());
    await vscode.commands.executeCommand('undo');
    if (await exists(successor)) {
      assert.equal(documentOf(successor).getText(), createdText, 'the first undo changed no character');
      assert.equal(oldDocument.getText(), SUPERSEDED_TEXT);
      await vscode.commands.executeCommand('undo');
    }
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

  it('from the palette shows the picker, the active editor\'s record preselected, and supersedes the record picked, titled as asked', async () => {
    const old = await writeRecord('0404-old-approach.md', OLD_TEXT);
    await writeRecord('0405-other.md', cleanAdr('Other approach'));
    await vscode.window.showTextDocument(old);
    const seen: Array<{ items: string[]; active?: string }> = [];
    const prompts = {
      shown: (picker: vscode.QuickPick<vscode.QuickPickItem>) => {
        seen.push({ items: picker.items.map((item) => item.label), active: picker.activeItems[0]?.label });
        return 'accept' as const;
      },
    };
    const successor = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.supersede', undefined, 'Newer approach', prompts);
    assert.ok(successor, 'Supersede Decision created no record');
    track(successor);
    assert.equal(seen.length, 1, 'the picker was shown, though an editor was active');
    assert.equal(seen[0].active, 'ADR-0404 Old approach');
    assert.ok(seen[0].items.includes('ADR-0405 Other approach') && seen[0].items.includes('ADR-0001 Record decisions with Legible'), seen[0].items.join('\n'));
    assert.equal(successor.path, vscode.Uri.joinPath(decisionsFolder(), '0406-newer-approach.md').path, 'the title names the new record, not the old one');
    assert.match(await readText(successor), /\nsupersedes: \[ADR-0404\]\n/);
    assert.match(documentOf(old).getText(), /\nstatus: superseded\n/);
  });

  it('the new record carries the old one\'s people, risk and filing, opens pinned on its first tab stop, and the views show both at once', async () => {
    const oldText = OLD_TEXT.replace('owners: [alice]', 'owners: [alice, dana]').replace('deciders: [alice, bob]', 'deciders: [alice, bob]\ntags: [sessions]\nrelated: [ADR-0001]').replace('  blast-radius: team', '  blast-radius: <component | team>');
    const old = await writeRecord('0407-old-approach.md', oldText);
    const api = await legible();
    await api.settle();
    const successor = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.supersede', old, 'New approach');
    assert.ok(successor);
    track(successor);

    // At once: no settle, no wait for the file watcher.
    const entries = api.entries();
    const [before, after] = [entries.find((e) => e.path.endsWith('/0407-old-approach.md')), entries.find((e) => e.path.endsWith('/0408-new-approach.md'))];
    assert.equal(before?.status, 'superseded');
    assert.ok(after, 'the new record is indexed when the command returns');
    assert.deepEqual([after.owners, after.deciders, after.tags, after.related.map((r) => r.raw), after.risk, after.blastRadius, after.holders, after.successors], [['alice', 'dana'], ['alice', 'bob'], ['sessions'], ['ADR-0001'], 'low', undefined, ['alice'], ['bob']]);
    assert.equal(after.door, undefined, 'the door is the new decision\'s own question');
    const { decisions } = await api.treeSnapshot();
    const superseded = decisions.indexOf('  superseded — 1');
    assert.ok(superseded >= 0 && decisions[superseded + 1] === '    0407 Old approach — low · two-way', decisions.join('\n'));
    assert.ok(decisions.includes('    0408 New approach — low'), decisions.join('\n'));

    // Pinned, and in snippet mode on the first placeholder: Tab goes to the next.
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputText && tab.input.uri.toString() === successor.toString());
    assert.equal(tab.isPreview, false, 'not a preview tab that the next click replaces');
    const editor = vscode.window.activeTextEditor!;
    const first = editor.document.getText(editor.selection);
    assert.match(first, /^"?<.+>"?$/, `the first tab stop is selected: ${JSON.stringify(first)}`);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    const second = editor.document.getText(editor.selection);
    assert.ok(/^"?<.+>"?$/.test(second) && second !== first, `Tab selects the next placeholder: ${JSON.stringify(second)}`);
    assert.equal(editor.document.getText(), await readText(successor), 'the snippet changed no character');
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
