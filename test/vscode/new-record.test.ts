// New ADR / New RFC / New Exit Plan: the title, then the door, the risk level and the blast radius
// as quick picks (given here as command arguments, or picked and cancelled through the quick input's
// own commands), then the next number, the template's required fields, an open editor with a snippet
// session on the first placeholder; never an overwrite, never two records with one number.
import * as assert from 'node:assert/strict';
import { access, rm, writeFile as writeDiskFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cleanUp, decisionsFolder, describeDiagnostics, legible, readText, ruleOf, track, TWO_WAY_LOW, waitForDiagnostics, waitForIndexed, workspaceRoot, writeFile } from './support';

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

/** Answers to the questions after the title, as a caller passes them. */
const ONE_WAY_HIGH = { 'reversibility.door': 'one-way', 'risk.level': 'high', 'risk.blast-radius': 'cross-team' };

const CASES = [
  { command: 'legible.newAdr', title: 'Adopt feature flags', slug: 'adopt-feature-flags', type: 'adr', status: 'proposed', heading: '## Context', answers: TWO_WAY_LOW },
  { command: 'legible.newRfc', title: 'Split the billing service', slug: 'split-the-billing-service', type: 'rfc', status: 'draft', heading: '## Summary', answers: ONE_WAY_HIGH },
  { command: 'legible.newExitPlan', title: 'Hand over settlement from Jonas', slug: 'hand-over-settlement-from-jonas', type: 'exit-plan', status: 'planned', heading: '## Knowledge inventory', answers: undefined },
] as const;

/**
 * Runs a New command and, until it returns, sends `step` to whatever question it shows: the quick
 * input's own commands, as the keyboard would (Escape, Enter). The command's questions cannot be
 * watched from here, so `step` is sent every 50 ms; a step with no question open does nothing.
 */
async function answeringEach<T>(running: Thenable<T>, step: string): Promise<T> {
  let done = false;
  const result = Promise.resolve(running).finally(() => {
    done = true;
  });
  for (let i = 0; !done && i < 400; i++) {
    await vscode.commands.executeCommand(step);
    await Promise.race([result, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  return result;
}

/** The file names of the decisions folder. */
async function folderNames(): Promise<string[]> {
  return (await vscode.workspace.fs.readDirectory(decisionsFolder())).map(([name]) => name).sort();
}

/** Every placeholder that is a whole value or paragraph of the text, in order: the snippet's tab stops. */
function stopsOf(text: string): string[] {
  return [...text.matchAll(/^[ \t]*(?:- |[\w-]+: )?(<[^<>\n]+>)$/gm)].map((m) => m[1]);
}

describe('Commands: New ADR / New RFC / New Exit Plan', () => {
  before(() => legible());
  afterEach(() => cleanUp());

  for (const c of CASES) {
    it(`${c.command} creates NNNN-slug.md with the next number, opens it, cursor on the first placeholder in a snippet session`, async () => {
      const next = (await highestNumber()) + 1;
      const before = await Promise.all((await vscode.workspace.fs.readDirectory(decisionsFolder())).map(async ([name]) => [name, await readText(vscode.Uri.joinPath(decisionsFolder(), name))]));
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(c.command, { title: c.title, answers: c.answers });
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
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Use a message bus', answers: TWO_WAY_LOW });
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
      vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Same title', answers: TWO_WAY_LOW }),
      vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Same title', answers: TWO_WAY_LOW }),
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
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: '   ', answers: TWO_WAY_LOW });
    assert.equal(uri, undefined);
    assert.equal((await vscode.workspace.fs.readDirectory(decisionsFolder())).length, before);
  });

  it('takes the owner from git config user.name, as `legible new` does', async () => {
    // The runner points git at the run's own global configuration (GIT_CONFIG_GLOBAL, test/harness/run-dir.ts).
    const gitconfig = process.env.GIT_CONFIG_GLOBAL;
    assert.ok(gitconfig, 'the runner sets GIT_CONFIG_GLOBAL for the extension host');
    await writeDiskFile(gitconfig, '[user]\n\tname = Grace Hopper\n');
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Owned by git', answers: TWO_WAY_LOW });
      assert.ok(uri);
      track(uri);
      const disk = await readText(uri);
      assert.ok(disk.includes(`\ndate: ${today()}\nowners:\n  - Grace Hopper\n`), disk.slice(0, 300));
      // The owner is filled, so the first tab stop is the next placeholder.
      assert.equal(selected(vscode.window.activeTextEditor!), placeholders(disk)[0]);
    } finally {
      await rm(gitconfig, { force: true });
    }
    const without = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Owned by nobody yet', answers: TWO_WAY_LOW });
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
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Owned by the real git', answers: TWO_WAY_LOW });
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
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Adopt the golden-path service template', answers: TWO_WAY_LOW });
    assert.ok(uri);
    track(uri);
    assert.equal(uri.path.split('/').pop(), `${fourDigits(next)}-adopt-the-golden-path-service.md`);
    assert.match(await readText(uri), /\ntitle: Adopt the golden-path service template\n/);
    await waitForIndexed(uri);
  });

  it('writes the answers, and only the fields they and the schema require: one way back, one mitigation, no optional field', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Move the ledger to PostgreSQL', answers: ONE_WAY_HIGH });
    assert.ok(uri);
    track(uri);
    const disk = await readText(uri);
    assert.ok(disk.includes('\nreversibility:\n  door: one-way\n  how: >-\n    <How would we reverse this if it proves wrong?>\nrisk:\n  level: high\n  blast-radius: cross-team\n  mitigation: >-\n'), disk);
    for (const optional of ['review-by:', 'deciders:', 'artifacts:', 'plan:', '  due:']) assert.ok(!disk.includes(optional), `${optional} is left to completion:\n${disk}`);
    const low = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Cache sessions', answers: TWO_WAY_LOW });
    assert.ok(low);
    track(low);
    const lowText = await readText(low);
    assert.ok(lowText.includes('\nreversibility:\n  door: two-way\nrisk:\n  level: low\n  blast-radius: team\nbusiness-tradeoff:\n'), lowText);
    assert.equal(stopsOf(lowText).length, stopsOf(disk).length - 2, 'a two-way door at low risk has two stops fewer');
  });

  it('Tab visits every remaining required field once, in order; prose typed with colons stays valid YAML and leaves no diagnostic on the typed fields', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Move the ledger to PostgreSQL', answers: ONE_WAY_HIGH });
    assert.ok(uri);
    track(uri);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === uri.toString());
    const stops = stopsOf(await readText(uri));
    // The owner (unless git names one), two conditions, five tradeoffs, three exit-path lists, three sections.
    assert.ok(stops.length === 13 || stops.length === 14, stops.join('\n'));
    const answers: string[] = [];
    for (const [i, stop] of stops.entries()) {
      assert.equal(selected(editor), stop, `stop ${i + 1}`);
      const answer = stop.startsWith('<documentation |') ? 'pairing' : /^<Who /.test(stop) ? `Person ${i}` : `Answer ${i}: latency incidents: only 4 of 11 # were caught, 100% of them at night`;
      answers.push(answer);
      await vscode.commands.executeCommand('type', { text: answer });
      await vscode.commands.executeCommand('hideSuggestWidget');
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    }
    const text = editor.document.getText();
    for (const answer of answers) assert.ok(text.includes(answer), `${answer} is in the record:\n${text}`);
    assert.deepEqual(stopsOf(text), [], 'no placeholder is left');
    assert.ok(await editor.document.save());
    await waitForIndexed(uri);
    await (await legible()).settle();
    const diagnostics = await waitForDiagnostics(uri, 'the record linted', (all) => all.every((d) => ruleOf(d) !== 'frontmatter-malformed'));
    // The answers are valid: what is left is about the door picked, not about anything typed.
    assert.deepEqual(diagnostics.map((d) => ruleOf(d)).filter((rule) => rule !== 'one-way-door-single-decider'), [], describeDiagnostics(uri));
    const entry = (await legible()).entries().find((e) => e.path.endsWith(uri.path));
    assert.equal(entry?.door, 'one-way');
  });

  it('asks the door, the risk level and the blast radius as quick picks; Enter takes the first value of each', async () => {
    const before = await folderNames();
    const uri = await answeringEach(vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Picked in the quick picks' }), 'workbench.action.acceptSelectedQuickOpenItem');
    assert.ok(uri, 'the record is created once every question is answered');
    track(uri);
    assert.deepEqual((await folderNames()).filter((n) => !before.includes(n)), [uri.path.split('/').pop()]);
    const disk = await readText(uri);
    assert.ok(disk.includes('\n  door: one-way\n') && disk.includes('\n  level: low\n') && disk.includes('\n  blast-radius: component\n'), disk);
  });

  it('Escape at a quick pick creates nothing, whichever question it is', async () => {
    const before = await folderNames();
    for (const answers of [undefined, { 'reversibility.door': 'two-way' }, { 'reversibility.door': 'two-way', 'risk.level': 'medium' }]) {
      const uri = await answeringEach(vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Never written', answers }), 'workbench.action.closeQuickOpen');
      assert.equal(uri, undefined, JSON.stringify(answers));
      assert.deepEqual(await folderNames(), before, 'no file, no reservation left behind');
    }
    assert.equal(vscode.window.activeTextEditor, undefined, 'no editor opened');
  });

  it('an answer outside the vocabulary creates nothing', async () => {
    const before = await folderNames();
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Severe', answers: { ...ONE_WAY_HIGH, 'risk.level': 'severe' } });
    assert.equal(uri, undefined);
    assert.deepEqual(await folderNames(), before);
  });
});
