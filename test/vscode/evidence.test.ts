// Observed knowledge in the editor: the workspace folder becomes a git repository with scripted
// authors and dates (git run from the test, in Node's extension host), and the evidence from its
// history shows in a person's hover, the record's tooltip, the Knowledge Risk view and the
// diagnostics, refreshed when a new commit moves HEAD.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LegibleApi } from '../../src/vscode/extension';
import { cleanAdr, cleanUp, describeDiagnostics, legible, ruleOf, waitFor, waitForDiagnostics, workspaceRoot, writeFile, writeRecord } from './support';

const DAY_MS = 86_400_000;

/** A day `days` before now, at noon UTC: inside the default 12-month window whatever the date. */
function daysAgo(days: number): string {
  return `${new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10)}T12:00:00Z`;
}

const AMIRA = { name: 'Amira Haddad', email: 'amira@example.com' };
const JONAS = { name: 'Jonas Berg', email: 'jonas@example.com' };

/** git in the workspace folder, as `who` on `date`: no system or global configuration, no signing. */
function git(args: string[], who = AMIRA, date = daysAgo(1)): string {
  const root = workspaceRoot().fsPath;
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: path.join(root, '.git-test-global-config'),
      GIT_AUTHOR_NAME: who.name,
      GIT_AUTHOR_EMAIL: who.email,
      GIT_COMMITTER_NAME: who.name,
      GIT_COMMITTER_EMAIL: who.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}

function commitFile(relative: string, text: string, who: typeof AMIRA, date: string): void {
  const file = path.join(workspaceRoot().fsPath, ...relative.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  git(['add', '--', relative], who, date);
  git(['commit', '-q', '-m', `Change ${relative}`], who, date);
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

/** Where `name` is written on the first line starting with `key` (indentation ignored). */
function nameOn(document: vscode.TextDocument, key: string, name: string): vscode.Position {
  const line = document.getText().split('\n').findIndex((text) => text.trimStart().startsWith(key));
  assert.ok(line >= 0, `no ${key} line`);
  return new vscode.Position(line, document.lineAt(line).text.indexOf(name) + 1);
}

const RECORD = cleanAdr('Ledger in one service', (text) =>
  text
    .replace('---\n', '---\ngoverns: [src/ledger/**]\n')
    .replace('owners: [alice]', 'owners: [amira]')
    .replace('deciders: [alice, bob]', 'deciders: [amira, jonas]')
    .replace('  holders: [alice]\n  successors: [bob]', '  holders: [amira]\n  successors: [jonas]'),
);

describe('Evidence from the history in the editor', () => {
  let api: LegibleApi;
  let record: vscode.Uri;

  before(async () => {
    api = await legible();
    git(['init', '-q', '-b', 'main']);
    commitFile('src/ledger/post.ts', 'export const post = 1;\n', AMIRA, daysAgo(60));
    commitFile('src/ledger/post.ts', 'export const post = 2;\n', AMIRA, daysAgo(30));
    // `people` joins the handles records use to git's names and emails; writing it reloads the folder, which reads the new repository.
    await writeFile(
      vscode.Uri.joinPath(workspaceRoot(), '.legible.json'),
      JSON.stringify({ people: { amira: { names: [AMIRA.name], emails: [AMIRA.email] }, jonas: { names: [JONAS.name], emails: [JONAS.email] } } }),
    );
    record = await writeRecord('0801-ledger-in-one-service.md', RECORD);
  });

  after(async () => {
    const root = workspaceRoot().fsPath;
    for (const made of ['.git', 'src', '.git-test-global-config']) fs.rmSync(path.join(root, made), { recursive: true, force: true });
    await cleanUp();
  });

  it('publishes the evidence rules as diagnostics: a successor with no change to the governed code', async () => {
    const diagnostics = await waitForDiagnostics(record, 'a successor-without-evidence diagnostic', (all) => all.some((d) => ruleOf(d) === 'successor-without-evidence'));
    const finding = diagnostics.find((d) => ruleOf(d) === 'successor-without-evidence')!;
    assert.match(finding.message, /names jonas, who has no change to the file this decision governs since \d{4}-\d{2}-\d{2}: the transfer exists on paper only/, describeDiagnostics(record));
    const document = await vscode.workspace.openTextDocument(record);
    assert.equal(document.getText(finding.range), 'jonas', 'the finding sits on the successor\'s name');
  });

  it('hovering a person in the frontmatter shows their evidence for this record', async () => {
    await waitForDiagnostics(record, 'the evidence read', (all) => all.some((d) => ruleOf(d) === 'successor-without-evidence'));
    const document = await vscode.workspace.openTextDocument(record);
    const amira = await hoverText(document, nameOn(document, 'holders:', 'amira'));
    assert.match(amira, /\*\*amira\*\* in the history of the code this record governs \(since \d{4}-\d{2}-\d{2}\):/, amira);
    assert.match(amira, new RegExp(`author of 1 of 1 files \\(100%\\); 2 commits, \\+2 −1 in the window; last change ${daysAgo(30).slice(0, 10)}`), amira);
    const jonas = await hoverText(document, nameOn(document, 'successors:', 'jonas'));
    assert.match(jonas, /git knows no commit under this name, email or `people` entry|no change to its 1 file with history/, jonas);
    const owner = await hoverText(document, nameOn(document, 'owners:', 'amira'));
    assert.match(owner, /author of 1 of 1 files/, 'owners are people too');
  });

  it('the record\'s tooltip in the Decisions view gives its observed truck factor', async () => {
    await api.settle();
    const tooltip = await waitFor('the truck factor in the tooltip', async () => {
      const text = (await api.recordTooltip(record))?.replace(/\\/g, '');
      return text?.includes('Observed truck factor') ? text : undefined;
    }, [api.onDidChange]);
    assert.match(tooltip, /Observed truck factor 1 \(amira\) over 1 file with an author\./, tooltip);
  });

  it('the Knowledge Risk view lists what the history contradicts, per record', async () => {
    const rows = await waitFor('the Observed in history section', async () => {
      const risk = (await api.treeSnapshot()).knowledgeRisk;
      return risk.some((row) => row.startsWith('Observed in history')) ? risk : undefined;
    }, [api.onDidChange]);
    const at = rows.findIndex((row) => row.startsWith('Observed in history'));
    const section = rows.slice(at + 1).filter((row) => row.startsWith('  '));
    assert.match(section[0], /^ {2}ADR-0801 Ledger in one service — \d findings?$/, rows.join('\n'));
    assert.ok(section.some((row) => /^ {4}.*names jonas, who has no change.* — successor-without-evidence$/.test(row)), rows.join('\n'));
  });

  it('a new commit refreshes the evidence: once the successor changes the governed code, the finding goes', async () => {
    await waitForDiagnostics(record, 'the evidence read', (all) => all.some((d) => ruleOf(d) === 'successor-without-evidence'));
    commitFile('src/ledger/post.ts', 'export const post = 3;\n', JONAS, daysAgo(1));
    // No settle or reload here: only the commit moving HEAD can bring the new evidence.
    await waitForDiagnostics(record, 'no successor-without-evidence diagnostic after jonas\'s commit', (all) => !all.some((d) => ruleOf(d) === 'successor-without-evidence'));
    const document = await vscode.workspace.openTextDocument(record);
    const jonas = await hoverText(document, nameOn(document, 'successors:', 'jonas'));
    assert.match(jonas, new RegExp(`1 commit, \\+1 −1 in the window; last change ${daysAgo(1).slice(0, 10)}`), jonas);
  });
});
