// New ADR / New RFC / New Exit Plan: the next number, the template, an open editor with a snippet
// session on the first placeholder; never an overwrite, never two records with one number.
import * as assert from 'node:assert/strict';
import { access, rm, writeFile as writeDiskFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cleanUp, decisionsFolder, legible, readText, ruleOf, track, waitForIndexed, workspaceRoot, writeFile } from './support';

/** The highest NNNN of the NNNN-*.md files in the decisions folder. */
async function highestNumber(): Promise<number> {
  const names = (await vscode.workspace.fs.readDirectory(decisionsFolder())).map(([name]) => name);
  return Math.max(0, ...names.map((name) => /^(\d{4})-.*\.md$/.exec(name)).filter((m) => m !== null).map((m) => Number(m[1])));
}

function fourDigits(n: number): string {
  return String(n).padStart(4, '0');
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The text of the editor's selection. */
function selected(editor: vscode.TextEditor): string {
  return editor.document.getText(editor.selection);
}

/** The first `<…>` placeholder of a text, and the one after it. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/<[^<>\n]+>/g)].map((m) => m[0]);
}

const CASES = [
  { command: 'legible.newAdr', title: 'Adopt feature flags', slug: 'adopt-feature-flags', type: 'adr', status: 'proposed', heading: '## Context' },
  { command: 'legible.newRfc', title: 'Split the billing service', slug: 'split-the-billing-service', type: 'rfc', status: 'draft', heading: '## Summary' },
  { command: 'legible.newExitPlan', title: 'Hand over settlement from Jonas', slug: 'hand-over-settlement-from-jonas', type: 'exit-plan', status: 'planned', heading: '## Knowledge inventory' },
] as const;

describe('Commands: New ADR / New RFC / New Exit Plan', () => {
  before(() => legible());
  afterEach(() => cleanUp());

  for (const c of CASES) {
    it(`${c.command} creates NNNN-slug.md with the next number, opens it, cursor on the first placeholder in a snippet session`, async () => {
      const next = (await highestNumber()) + 1;
      const before = await Promise.all((await vscode.workspace.fs.readDirectory(decisionsFolder())).map(async ([name]) => [name, await readText(vscode.Uri.joinPath(decisionsFolder(), name))]));
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(c.command, { title: c.title });
      assert.ok(uri, `${c.command} returned no file`);
      track(uri);
      assert.equal(uri.path, vscode.Uri.joinPath(decisionsFolder(), `${fourDigits(next)}-${c.slug}.md`).path);

      const disk = await readText(uri);
      assert.ok(disk.startsWith(`---\ntype: ${c.type}\ntitle: ${c.title}\nstatus: ${c.status}\ndate: ${today()}\n`), disk.slice(0, 200));
      assert.ok(disk.includes(`\n# ${c.title}\n`) && disk.includes(`\n${c.heading}\n`));

      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'the new record is open');
      assert.equal(editor.document.uri.toString(), uri.toString());
      assert.equal(editor.document.getText(), disk, 'the snippet writes exactly the template');
      const [first, second] = placeholders(disk);
      assert.equal(selected(editor), first, 'the first placeholder is selected');
      assert.deepEqual(editor.selection.start, editor.document.positionAt(disk.indexOf(first)));
      // A snippet session is active: Tab (jumpToNextSnippetPlaceholder) moves to the second placeholder.
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      assert.equal(selected(editor), second, 'Tab moves to the next placeholder');

      // Nothing else in the folder was touched.
      for (const [name, text] of before) assert.equal(await readText(vscode.Uri.joinPath(decisionsFolder(), name)), text, name);
      await waitForIndexed(uri);
    });
  }

  it('never overwrites: a number another process holds is skipped, and its files stay as they are', async () => {
    const next = (await highestNumber()) + 1;
    // Another process (the CLI, a second window) has reserved the next number and not written yet.
    const stamp = String(Date.now());
    const marker = await writeFile(vscode.Uri.joinPath(decisionsFolder(), `.legible-reserve-${fourDigits(next)}`), stamp);
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Use a message bus' });
    assert.ok(uri);
    track(uri);
    assert.equal(uri.path.split('/').pop(), `${fourDigits(next + 1)}-use-a-message-bus.md`);
    assert.equal(await readText(marker), stamp, 'the other reservation is left alone');
    // The first free number is still free for the process that holds it.
    const names = (await vscode.workspace.fs.readDirectory(decisionsFolder())).map(([name]) => name);
    assert.deepEqual(names.filter((n) => n.startsWith(`${fourDigits(next)}-`)), []);
  });

  it('two New ADR at once get two numbers, each file its own record', async () => {
    const next = (await highestNumber()) + 1;
    const [a, b] = await Promise.all([
      vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Same title' }),
      vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Same title' }),
    ]);
    for (const uri of [a, b]) if (uri) track(uri);
    assert.ok(a && b, 'both commands created a record');
    const names = [a, b].map((u) => u.path.split('/').pop()).sort();
    assert.deepEqual(names, [`${fourDigits(next)}-same-title.md`, `${fourDigits(next + 1)}-same-title.md`]);
    for (const uri of [a, b]) assert.match(await readText(uri), /^---\ntype: adr\ntitle: Same title\n/);
    await waitForIndexed(a);
    await waitForIndexed(b);
    const api = await legible();
    await api.settle();
    assert.equal(api.entries().filter((e) => e.title === 'Same title').length, 2);
    for (const uri of [a, b]) assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => ruleOf(d) === 'duplicate-id'), []);
  });

  it('an empty title creates nothing', async () => {
    const before = (await vscode.workspace.fs.readDirectory(decisionsFolder())).length;
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: '   ' });
    assert.equal(uri, undefined);
    assert.equal((await vscode.workspace.fs.readDirectory(decisionsFolder())).length, before);
  });

  it('takes the owner from git config user.name, as `legible new` does', async () => {
    // The runner points git at the run's own global configuration (GIT_CONFIG_GLOBAL, test/harness/run-dir.ts).
    const gitconfig = process.env.GIT_CONFIG_GLOBAL;
    assert.ok(gitconfig, 'the runner sets GIT_CONFIG_GLOBAL for the extension host');
    await writeDiskFile(gitconfig, '[user]\n\tname = Grace Hopper\n');
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Owned by git' });
      assert.ok(uri);
      track(uri);
      const disk = await readText(uri);
      assert.ok(disk.includes(`\ndate: ${today()}\nowners:\n  - Grace Hopper\n`), disk.slice(0, 300));
      // The owner is filled, so the first tab stop is the next placeholder.
      assert.equal(selected(vscode.window.activeTextEditor!), placeholders(disk)[0]);
    } finally {
      await rm(gitconfig, { force: true });
    }
    const without = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Owned by nobody yet' });
    assert.ok(without);
    track(without);
    assert.ok((await readText(without)).includes('\nowners:\n  - <Who is accountable for this record?>\n'), 'without a git user the owner stays a placeholder');
  });

  it('never runs a git planted in the workspace folder, even with `.`, an empty entry and the folder on PATH', async () => {
    const gitconfig = process.env.GIT_CONFIG_GLOBAL;
    assert.ok(gitconfig, 'the runner sets GIT_CONFIG_GLOBAL for the extension host');
    await writeDiskFile(gitconfig, '[user]\n\tname = Grace Hopper\n');
    // The tests run in the extension host's own process: the PATH set here is the one Legible reads.
    const folder = workspaceRoot().fsPath;
    const planted = path.join(folder, 'git');
    const witness = path.join(tmpdir(), `legible-planted-git-${process.pid}-${Date.now()}`);
    await writeDiskFile(planted, `#!/bin/sh\necho ran > '${witness}'\necho Planted Owner\n`, { mode: 0o755 });
    const before = process.env.PATH;
    process.env.PATH = ['.', '', folder, before ?? ''].join(path.delimiter);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Owned by the real git' });
      assert.ok(uri);
      track(uri);
      assert.ok((await readText(uri)).includes('\nowners:\n  - Grace Hopper\n'), 'the owner comes from the git on PATH outside the folder');
      assert.equal(await access(witness).then(() => true, () => false), false, 'the planted git ran');
    } finally {
      process.env.PATH = before;
      await Promise.all([planted, gitconfig, witness].map((file) => rm(file, { force: true })));
    }
  });

  it('a title ending in "template" gets a file name that ignore does not hide, and the record is indexed', async () => {
    const next = (await highestNumber()) + 1;
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Adopt the golden-path service template' });
    assert.ok(uri);
    track(uri);
    assert.equal(uri.path.split('/').pop(), `${fourDigits(next)}-adopt-the-golden-path-service.md`);
    assert.match(await readText(uri), /\ntitle: Adopt the golden-path service template\n/);
    await waitForIndexed(uri);
  });
});
