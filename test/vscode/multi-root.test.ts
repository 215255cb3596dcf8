// Multi-root: one model per workspace folder. Runs only in the runner's multi-root pass, on
// test/harness/fixtures/multi-root opened through its .code-workspace file (folders alpha and beta,
// each with its own 0001).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LegibleApi } from '../../src/vscode/extension';
import { toCorePath } from '../../src/vscode/vscode-file-system';
import { cleanAdr, cleanUp, describeDiagnostics, exists, legible, legibleDiagnostics, ruleOf, track, TWO_WAY_LOW, waitFor, waitForIndexed } from './support';

const ALPHA_RECORD = 'docs/decisions/0001-use-postgres-in-alpha.md';
const BETA_RECORD = 'docs/decisions/0001-use-sqlite-in-beta.md';

function folderNamed(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `no workspace folder named ${name}`);
  return folder;
}

function uriIn(name: string, relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folderNamed(name).uri, relative);
}

let api: LegibleApi;

function indexed(uri: vscode.Uri): boolean {
  return api.entries().some((e) => e.path.endsWith(uri.path));
}

describe('Multi-root workspace @multiroot', () => {
  before(async () => {
    api = await legible();
  });

  after(() => cleanUp());

  it('opens both folders and indexes each 0001 without a duplicate-id', async () => {
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['alpha', 'beta']);
    await api.settle();
    const records = [uriIn('alpha', ALPHA_RECORD), uriIn('beta', BETA_RECORD)];
    for (const uri of records) {
      await waitForIndexed(uri);
      const duplicates = legibleDiagnostics(uri).filter((d) => ruleOf(d) === 'duplicate-id');
      assert.deepEqual(duplicates, [], describeDiagnostics(uri));
    }
    assert.equal(api.entries().length, 2, api.entries().map((e) => e.path).join('\n'));
  });

  it('shows one Decisions node per workspace folder', async () => {
    await api.settle();
    const { decisions } = await api.treeSnapshot();
    const roots = decisions.filter((row) => !row.startsWith(' '));
    // `label — description`: each folder node counts its records.
    assert.deepEqual(roots, ['alpha — 1', 'beta — 1'], decisions.join('\n'));
    const beta = decisions.indexOf('beta — 1');
    const inAlpha = decisions.slice(0, beta).join('\n');
    const inBeta = decisions.slice(beta).join('\n');
    assert.match(inAlpha, /0001 Use Postgres in alpha/, decisions.join('\n'));
    assert.doesNotMatch(inAlpha, /Use SQLite in beta/, decisions.join('\n'));
    assert.match(inBeta, /0001 Use SQLite in beta/, decisions.join('\n'));
    assert.doesNotMatch(inBeta, /Use Postgres in alpha/, decisions.join('\n'));
  });

  it('New ADR in beta\'s decisions folder is numbered in beta\'s sequence, and alpha is untouched', async () => {
    const betaDecisions = uriIn('beta', 'docs/decisions');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Second in beta', folder: toCorePath(betaDecisions), answers: TWO_WAY_LOW });
    assert.ok(uri, 'legible.newAdr returned no record');
    track(uri);
    assert.equal(uri.path, uriIn('beta', 'docs/decisions/0002-second-in-beta.md').path);
    assert.ok(await exists(uri));
    await waitForIndexed(uri);
    const alphaFiles = await vscode.workspace.fs.readDirectory(uriIn('alpha', 'docs/decisions'));
    assert.deepEqual(alphaFiles.map(([name]) => name), ['0001-use-postgres-in-alpha.md']);
    assert.ok(!indexed(uriIn('alpha', 'docs/decisions/0002-second-in-beta.md')));
  });

  it('lists the code of a folder that is a git repository from git: an ignored file is governed by nothing, there or created', async () => {
    // beta is a git repository (the runner made it so): `*.log` ignored; src/app.ts and src/pre.log there.
    const record = track(uriIn('beta', 'docs/decisions/0003-beta-sources.md'));
    await vscode.workspace.fs.writeFile(record, new TextEncoder().encode(cleanAdr('Beta sources', (text) => text.replace('---\n', '---\ngoverns: [src/]\n'))));
    await waitForIndexed(record);
    let last: string | undefined;
    const srcRow = async () => (last = (await api.treeSnapshot()).decisions.find((row) => row.trim().startsWith('src/ —'))?.trim());
    const now = () => `the row now: ${last}`;
    await waitFor('the src/ glob to count src/app.ts alone', async () => (await srcRow()) === 'src/ — 1 file', [api.onDidChange], undefined, now);
    const created = track(uriIn('beta', 'src/created.ts'));
    const log = track(uriIn('beta', 'src/debug.log'));
    await vscode.workspace.fs.writeFile(log, new TextEncoder().encode('ignored\n'));
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('export {};\n'));
    await waitFor('the created src/created.ts to be counted, not src/debug.log', async () => (await srcRow()) === 'src/ — 2 files', [api.onDidChange], undefined, now);
    const lenses = async (uri: vscode.Uri) => {
      await vscode.workspace.openTextDocument(uri);
      return ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? []).map((lens) => lens.command?.title ?? '').filter((title) => title.startsWith('Governed by'));
    };
    assert.deepEqual(await lenses(created), ['Governed by ADR-0003 · accepted · two-way · risk low · held by alice']);
    assert.deepEqual(await lenses(log), [], 'git ignores it: no decision governs it, as `legible explain` says');
    assert.deepEqual(await lenses(uriIn('beta', 'src/pre.log')), []);
    assert.equal(await srcRow(), 'src/ — 2 files');
  });
});
