// Diagnostics as a user sees them: on start, as they type (frontmatter at once, body after the
// pause), and as files are created, renamed and deleted.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyEdit, cleanAdr, cleanUp, decisionsFolder, describeDiagnostics, EXTENSION_ID, legible, legibleDiagnostics, rangeOf, readText, recordUri, ruleOf, track,
  waitFor, waitForDiagnostics, waitForIndexed, waitForNoRule, waitForRule, workspaceRoot, writeFile, writeRecord,
} from './support';

const FIXTURE_0001 = 'docs/decisions/0001-record-decisions-with-legible.md';
const FIXTURE_0002 = 'docs/decisions/0002-cache-sessions-in-redis.md';

describe('Diagnostics', () => {
  before(() => legible());
  afterEach(() => cleanUp());

  it('are published for the whole folder on start, with the rule id and its README anchor as code', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), FIXTURE_0002);
    const placeholder = await waitForRule(uri, 'placeholder');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.deepEqual(placeholder.range, rangeOf(document, 'TODO'));
    assert.equal(placeholder.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(typeof placeholder.code === 'object' && placeholder.code !== null);
    assert.equal(placeholder.code.value, 'placeholder');
    assert.equal(placeholder.code.target.toString(true), 'https://github.com/legible-dev/legible/blob/main/README.md#rule-placeholder');
    // The link target exists: the README ships an anchor for every rule.
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const readme = await readText(vscode.Uri.joinPath(extension.extensionUri, 'README.md'));
    assert.ok(readme.includes('<a id="rule-placeholder"></a>'));
    // The complete fixture record has none.
    assert.deepEqual(legibleDiagnostics(vscode.Uri.joinPath(workspaceRoot(), FIXTURE_0001)), []);
  });

  it('update on open, from the editor text rather than the file on disk', async () => {
    const uri = await writeRecord('0101-open-me.md', cleanAdr('Open me'));
    assert.deepEqual(legibleDiagnostics(uri), []);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((b) => b.replace(rangeOf(document, 'level: low'), 'level: hgh'));
    const diagnostic = await waitForRule(uri, 'frontmatter-schema');
    assert.deepEqual(diagnostic.range, rangeOf(document, 'hgh'));
    assert.match(diagnostic.message, /high/, 'the message suggests the value meant');
    assert.equal(await readText(uri), cleanAdr('Open me'), 'the file on disk is unchanged');
  });

  describe('as you type', () => {
    const config = () => vscode.workspace.getConfiguration('legible'); // debounceMs is window-scoped
    before(() => config().update('debounceMs', 5000, vscode.ConfigurationTarget.Workspace));
    after(async () => {
      await config().update('debounceMs', undefined, vscode.ConfigurationTarget.Workspace);
      const settings = vscode.Uri.joinPath(workspaceRoot(), '.vscode');
      await vscode.workspace.fs.delete(settings, { recursive: true, useTrash: false });
    });

    it('frontmatter findings arrive at once, body findings only after the pause in typing', async () => {
      assert.equal(config().get('debounceMs'), 5000);
      const uri = await writeRecord('0102-typing.md', cleanAdr('Typing'));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      await (await legible()).settle();
      assert.deepEqual(legibleDiagnostics(uri), []);

      // One keystroke-sized edit breaks a frontmatter field and the body's section heading.
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, rangeOf(document, 'door: two-way'), 'door: too-way');
      edit.replace(uri, rangeOf(document, '## Consequences'), '## Aftermath');
      const started = Date.now();
      await applyEdit(edit);
      const first = await waitForDiagnostics(uri, 'the frontmatter finding', (list) => list.some((d) => ruleOf(d) === 'frontmatter-schema'));
      const elapsed = Date.now() - started;
      assert.ok(elapsed < 5000, `frontmatter findings took ${elapsed} ms, longer than the debounce`);
      assert.deepEqual(first.filter((d) => ruleOf(d) === 'required-sections'), [], 'the body rules wait for the pause in typing');

      await (await legible()).settle(); // The pause ends (the debounced work runs now).
      const body = await waitForRule(uri, 'required-sections');
      assert.match(body.message, /"Consequences" is missing/);
      assert.ok(legibleDiagnostics(uri).some((d) => ruleOf(d) === 'frontmatter-schema'));
    });

    it('a fixed finding disappears as the user types', async () => {
      const uri = await writeRecord('0103-retype.md', cleanAdr('Retype', (t) => t.replace('door: two-way', 'door: too-way')));
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await waitForRule(uri, 'frontmatter-schema');
      await editor.edit((b) => b.replace(rangeOf(document, 'too-way'), 'two-way'));
      // No settle: the frontmatter rules ran on the edit itself (the debounce is 5 s here).
      await waitForDiagnostics(uri, 'the schema finding to go', (list) => !list.some((d) => ruleOf(d) === 'frontmatter-schema'));
    });
  });

  it('a second record with the same number: duplicate-id on both, each pointing at the other; deleting one clears it', async () => {
    const original = vscode.Uri.joinPath(workspaceRoot(), FIXTURE_0001);
    const twin = await writeFile(recordUri('0001-another-first-record.md'), cleanAdr('Another first record'));
    const onTwin = await waitForRule(twin, 'duplicate-id');
    const onOriginal = await waitForRule(original, 'duplicate-id');
    assert.equal(onTwin.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(onTwin.relatedInformation?.map((r) => r.location.uri.toString()), [original.toString()]);
    assert.deepEqual(onOriginal.relatedInformation?.map((r) => r.location.uri.toString()), [twin.toString()]);
    assert.match(onOriginal.message, /0001-another-first-record\.md/);

    await vscode.workspace.fs.delete(twin, { useTrash: false });
    await waitForNoRule(original, 'duplicate-id');
    await waitForIndexed(twin, false);
    assert.deepEqual(legibleDiagnostics(twin), []);
  });

  it('a record created through a WorkspaceEdit is linted like one written to disk', async () => {
    const uri = track(recordUri('0104-created-by-edit.md'));
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { contents: new TextEncoder().encode(cleanAdr('Created by edit', (t) => t.replace('preserves-option: Changing the format later.', 'preserves-option: TBD'))) });
    await applyEdit(edit);
    // The record is accepted: its placeholder is placeholder-in-force's finding (an error).
    const diagnostic = await waitForRule(uri, 'placeholder-in-force');
    assert.match(diagnostic.message, /preserves-option|option/i);
  });

  it('renaming a record out of the decisions folder clears its diagnostics (closed file, workspace.fs)', async () => {
    const uri = await writeRecord('0105-leaving.md', cleanAdr('Leaving', (t) => t.replace('level: low', 'level: hgh')));
    await waitForRule(uri, 'frontmatter-schema');
    const moved = track(vscode.Uri.joinPath(workspaceRoot(), 'docs', 'leaving.md'));
    await vscode.workspace.fs.rename(uri, moved);
    await waitForIndexed(uri, false);
    await waitForDiagnostics(uri, 'no diagnostics left behind', (list) => list.length === 0);
    assert.deepEqual(legibleDiagnostics(moved), [], 'outside the decisions folder nothing is linted');
  });

  it('renaming an open record out of the decisions folder clears its diagnostics (WorkspaceEdit)', async () => {
    const uri = await writeRecord('0106-leaving-open.md', cleanAdr('Leaving open', (t) => t.replace('level: low', 'level: hgh')));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitForRule(uri, 'frontmatter-schema');
    const moved = track(vscode.Uri.joinPath(workspaceRoot(), 'docs', 'leaving-open.md'));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, moved);
    await applyEdit(edit);
    await waitForIndexed(uri, false);
    // VS Code closes the document under the old name; the extension must not read that file again.
    await waitFor('the old document to close', () => !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), [vscode.workspace.onDidCloseTextDocument]);
    await (await legible()).settle();
    assert.ok(!(await legible()).entries().some((e) => e.path.endsWith(uri.path)), 'the old name is back in the index');
    assert.deepEqual(legibleDiagnostics(moved), [], `outside the decisions folder nothing is linted:\n${describeDiagnostics(moved)}`);
    assert.deepEqual(legibleDiagnostics(uri), [], `the old name keeps nothing:\n${describeDiagnostics(uri)}`);
  });

  it('renaming a file into the decisions folder lints it', async () => {
    const outside = await writeFile(vscode.Uri.joinPath(workspaceRoot(), 'docs', 'arriving.md'), cleanAdr('Arriving', (t) => t.replace('level: low', 'level: hgh')));
    const inside = track(vscode.Uri.joinPath(decisionsFolder(), '0107-arriving.md'));
    await vscode.workspace.fs.rename(outside, inside);
    await waitForRule(inside, 'frontmatter-schema');
  });

  it('deleting a record clears its diagnostics and the cross-file findings it caused', async () => {
    // 0108 supersedes the fixture's 0001, whose superseded-by does not name it: a finding on 0001.
    const original = vscode.Uri.joinPath(workspaceRoot(), FIXTURE_0001);
    const successor = await writeRecord('0108-successor.md', cleanAdr('Successor', (t) => t.replace('status: accepted', 'status: accepted\nsupersedes: [ADR-0001]').replace('level: low', 'level: hgh')));
    await waitForRule(original, 'status-consistency');
    await waitForRule(successor, 'frontmatter-schema');
    await vscode.workspace.fs.delete(successor, { useTrash: false });
    await waitForNoRule(original, 'status-consistency');
    await waitForDiagnostics(successor, 'no diagnostics on the deleted file', (list) => list.length === 0);
    assert.deepEqual(legibleDiagnostics(original), []);
  });

  it('a Markdown file outside any decisions folder gets none', async () => {
    const uri = await writeFile(vscode.Uri.joinPath(workspaceRoot(), 'notes.md'), '# Notes\n\nstatus: whatever\n');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await (await legible()).settle();
    // Another file's diagnostics change proves the extension has run since the open.
    const other = await writeRecord('0109-witness.md', cleanAdr('Witness', (t) => t.replace('level: low', 'level: hgh')));
    await waitForRule(other, 'frontmatter-schema');
    assert.deepEqual(legibleDiagnostics(uri), []);
  });
});
