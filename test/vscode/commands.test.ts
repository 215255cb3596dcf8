// The record and report commands, run as a menu or keybinding runs them, with the arguments that
// skip their prompts: Set Status, Generate Index, Lint Workspace, Show Knowledge Risk, What If
// Someone Leaves…, Copy Id, and Configure Decisions Folder (interactive: registered only).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fieldInfo } from '../../src/core/schema/field-info';
import { cleanAdr, cleanUp, decisionsFolder, exists, EXTENSION_ID, legible, lines, readText, track, waitFor, workspaceRoot, writeFile, writeRecord } from './support';

const FIXTURE_0001 = 'docs/decisions/0001-record-decisions-with-legible.md';

/** An accepted ADR whose knowledge only jonas holds (no successor, no exit plan). */
const SOLE_HOLDER = cleanAdr('Run the settlement batch', (t) => t.replace('  holders: [alice]\n  successors: [bob]\n', '  holders: [jonas]\n').replace('owners: [alice]', 'owners: [jonas]'));

describe('Commands', () => {
  before(() => legible());
  afterEach(() => cleanUp());

  describe('Set Status', () => {
    it('writes a value from the ADR vocabulary into the record', async () => {
      const text = cleanAdr('Status change');
      const uri = await writeRecord('0601-status-change.md', text);
      const chosen = await vscode.commands.executeCommand<string | undefined>('legible.setStatus', uri, 'deprecated');
      assert.equal(chosen, 'deprecated');
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.getText(), text.replace('status: accepted', 'status: deprecated'));
      const api = await legible();
      await waitFor('the index to see the new status', () => api.entries().find((e) => e.path.endsWith(uri.path))?.status === 'deprecated', [api.onDidChange]);
    });

    it('writes the exit-plan vocabulary into an exit plan, and refuses a word from another type\'s', async () => {
      const text = lines('---', 'type: exit-plan', 'title: Hand over billing', 'status: planned', '---', '', '# Hand over billing');
      const uri = await writeRecord('0602-hand-over-billing.md', text);
      assert.ok(fieldInfo('exit-plan', ['status'])?.enum?.includes('in-progress'));
      assert.equal(await vscode.commands.executeCommand('legible.setStatus', uri, 'accepted'), undefined, 'accepted is an ADR status');
      assert.equal(await readText(uri), text);
      assert.equal(await vscode.commands.executeCommand('legible.setStatus', uri, 'in-progress'), 'in-progress');
      assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), text.replace('status: planned', 'status: in-progress'));
    });

    it('acts on the active editor\'s record when given no record', async () => {
      const uri = await writeRecord('0603-active.md', cleanAdr('Active'));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      assert.equal(await vscode.commands.executeCommand('legible.setStatus', undefined, 'rejected'), 'rejected');
      assert.match(document.getText(), /\nstatus: rejected\n/);
    });
  });

  describe('Generate Index', () => {
    const readme = () => vscode.Uri.joinPath(decisionsFolder(), 'README.md');

    it('writes README.md with the table between markers, and a second run changes nothing', async () => {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.generateIndex');
      assert.ok(uri);
      track(uri);
      assert.equal(uri.path, readme().path);
      const expected = lines(
        '# Decision records',
        '',
        '<!-- legible:index:start -->',
        '| Id | Title | Status | Risk | Door | Owners |',
        '| --- | --- | --- | --- | --- | --- |',
        '| [ADR-0001](0001-record-decisions-with-legible.md) | Record decisions with Legible | accepted | low | two-way | alice |',
        '| [ADR-0002](0002-cache-sessions-in-redis.md) | Cache sessions in Redis | proposed | medium | two-way | bob |',
        '<!-- legible:index:end -->',
      );
      assert.equal(await readText(uri), expected);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the index is opened');
      const first = await vscode.workspace.fs.stat(uri);

      await vscode.commands.executeCommand('legible.generateIndex');
      assert.equal(await readText(uri), expected);
      assert.equal((await vscode.workspace.fs.stat(uri)).mtime, first.mtime, 'an unchanged index is not rewritten');
      const api = await legible();
      assert.ok(!api.entries().some((e) => e.path.endsWith('/README.md')), 'the index is not a record');
    });

    it('keeps the hand-written text around the markers and adds new records', async () => {
      await writeFile(readme(), lines('# Our decisions', '', 'Ask Alice before adding one.', '', '<!-- legible:index:start -->', 'stale', '<!-- legible:index:end -->', '', 'Footer.'));
      await writeRecord('0604-new-one.md', cleanAdr('New one'));
      await vscode.commands.executeCommand('legible.generateIndex');
      const text = await readText(readme());
      assert.ok(text.startsWith('# Our decisions\n\nAsk Alice before adding one.\n\n<!-- legible:index:start -->\n| Id |'), text);
      assert.ok(text.endsWith('<!-- legible:index:end -->\n\nFooter.\n'), text);
      assert.ok(!text.includes('stale'));
      assert.ok(text.includes('| [ADR-0604](0604-new-one.md) | New one | accepted | low | two-way | alice |'), text);
    });

    it('writes into the folder\'s index.md when it has no README.md, as `legible index` does', async () => {
      const index = await writeFile(vscode.Uri.joinPath(decisionsFolder(), 'index.md'), lines('# Decisions', '', 'The site\'s page for this folder.'));
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.generateIndex', { open: false });
      assert.equal(uri?.path, index.path);
      const text = await readText(index);
      assert.ok(text.startsWith('# Decisions\n\nThe site\'s page for this folder.\n\n<!-- legible:index:start -->\n| Id |'), text);
      assert.ok(!(await exists(readme())), 'no README.md beside index.md');
    });
  });

  describe('Lint Workspace', () => {
    it('returns the number of findings in every decisions folder', async () => {
      const before = await vscode.commands.executeCommand<number>('legible.lintWorkspace');
      assert.equal(before, 1, 'the fixture\'s one placeholder');
      await writeRecord('0605-two-problems.md', cleanAdr('Two problems', (t) => t.replace('door: two-way', 'door: too-way').replace('accepts-cost: A few minutes per decision.', 'accepts-cost: TODO')));
      assert.equal(await vscode.commands.executeCommand<number>('legible.lintWorkspace'), 3);
    });
  });

  describe('Show Knowledge Risk', () => {
    it('opens a Markdown report that names the sole holder and the decision only they hold', async () => {
      await writeRecord('0606-run-the-settlement-batch.md', SOLE_HOLDER);
      const document = await vscode.commands.executeCommand<vscode.TextDocument>('legible.showKnowledgeRisk');
      assert.equal(document.languageId, 'markdown');
      assert.equal(vscode.window.activeTextEditor?.document, document, 'the report is shown');
      const text = document.getText();
      assert.ok(text.startsWith('# Knowledge risk\n'), text);
      const section = text.slice(text.indexOf('## Decisions only one person holds'));
      assert.ok(section.includes('### jonas (1)\n\n- [ADR-0606](docs/decisions/0606-run-the-settlement-batch.md) Run the settlement batch — risk low, two-way\n'), section);
      assert.ok(!/### (alice|bob)/.test(text), 'alice and bob have successors');
    });
  });

  describe('What If Someone Leaves…', () => {
    it('with a person: the decisions that would lose their only holder and owner', async () => {
      await writeRecord('0607-run-the-settlement-batch.md', SOLE_HOLDER);
      const document = await vscode.commands.executeCommand<vscode.TextDocument>('legible.whatIfLeaves', 'jonas');
      const text = document.getText();
      assert.ok(text.startsWith('# If jonas left today\n'), text);
      const holder = text.slice(text.indexOf('## Knowledge only they hold'), text.indexOf('## Records only they own'));
      assert.ok(holder.includes('- [ADR-0607](docs/decisions/0607-run-the-settlement-batch.md) Run the settlement batch'), holder);
      const owner = text.slice(text.indexOf('## Records only they own'));
      assert.ok(owner.includes('- [ADR-0607](docs/decisions/0607-run-the-settlement-batch.md) Run the settlement batch'), owner);
    });

    it('for someone with successors: nothing lost', async () => {
      const document = await vscode.commands.executeCommand<vscode.TextDocument>('legible.whatIfLeaves', 'alice');
      const text = document.getText();
      const holder = text.slice(text.indexOf('## Knowledge only they hold'), text.indexOf('## Records only they own'));
      assert.ok(!holder.includes('ADR-0001'), holder);
    });
  });

  describe('Copy Id', () => {
    it('puts the record\'s id on the clipboard', async () => {
      await vscode.env.clipboard.writeText('something else');
      const uri = vscode.Uri.joinPath(workspaceRoot(), FIXTURE_0001);
      assert.equal(await vscode.commands.executeCommand('legible.copyId', uri), 'ADR-0001');
      assert.equal(await vscode.env.clipboard.readText(), 'ADR-0001');
    });

    it('uses the active editor when given nothing', async () => {
      const uri = await writeRecord('0608-copied.md', cleanAdr('Copied'));
      await vscode.window.showTextDocument(uri);
      assert.equal(await vscode.commands.executeCommand('legible.copyId'), 'ADR-0608');
      assert.equal(await vscode.env.clipboard.readText(), 'ADR-0608');
    });
  });

  describe('Configure Decisions Folder', () => {
    it('is registered and contributed (it asks for a folder in a dialog, which tests cannot answer)', async () => {
      assert.ok((await vscode.commands.getCommands(true)).includes('legible.configureFolder'));
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: Array<{ command: string; title: string }> } };
      assert.equal(manifest.contributes.commands.find((c) => c.command === 'legible.configureFolder')?.title, 'Configure Decisions Folder');
    });
  });
});
