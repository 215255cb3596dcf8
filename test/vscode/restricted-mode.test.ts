// Restricted Mode (Workspace Trust `limited`): the repository's .legible.json folders, templates and
// schema extensions are ignored until the workspace is trusted, and apply once it is. Runs only in
// the runner's restricted pass, on test/harness/fixtures/restricted-workspace opened untrusted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LegibleApi } from '../../src/vscode/extension';
import { cleanAdr, cleanUp, describeDiagnostics, legible, legibleDiagnostics, readText, ruleOf, track, TWO_WAY_LOW, waitFor, waitForIndexed, workspaceRoot } from './support';

const DEFAULT_RECORD = 'docs/decisions/0001-found-without-configuration.md';
const CONFIGURED_RECORD = 'records/0001-found-through-the-configuration.md';

function uriOf(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), relative);
}

let api: LegibleApi;

function indexed(relative: string): boolean {
  return api.entries().some((e) => e.path.endsWith(uriOf(relative).path));
}

describe('Restricted Mode @restricted', () => {
  before(async () => {
    api = await legible();
  });

  after(() => cleanUp());

  it('starts untrusted, and the extension is active (untrustedWorkspaces: limited)', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(vscode.extensions.getExtension('legible.legible')?.isActive, true);
  });

  it('ignores the configured folder: it lints the usual docs/decisions, not records/', async () => {
    await api.settle();
    assert.ok(indexed(DEFAULT_RECORD), 'the usual decisions folder is read');
    assert.ok(!indexed(CONFIGURED_RECORD), 'records/ (from .legible.json) is not followed');
  });

  it('ignores the schema extension: no cost-center is asked for', async () => {
    await api.settle();
    assert.deepEqual(legibleDiagnostics(uriOf(DEFAULT_RECORD)), [], describeDiagnostics(uriOf(DEFAULT_RECORD)));
  });

  it('ignores the template: New ADR writes the built-in one', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Untrusted record', answers: TWO_WAY_LOW });
    assert.ok(uri);
    track(uri);
    assert.equal(uri.path, uriOf('docs/decisions/0002-untrusted-record.md').path);
    const text = await readText(uri);
    assert.ok(text.includes('\nreversibility:\n'), 'the built-in ADR template');
    assert.ok(!text.includes('cost-center') && !text.includes("repository's own template"), text);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
    await waitForIndexed(uri, false);
  });

  it('runs no git: the code list is a walk, which counts the file git ignores', async () => {
    await writeSources('docs/decisions/0009-sources.md');
    await waitForSourcesRow('src/ — 2 files');
  });

  it('once trusted, the configured folder, schema extension and template apply', async () => {
    const request = process.env.LEGIBLE_TEST_TRUST_REQUEST;
    assert.ok(request, 'the runner gives the restricted pass a trust request file');
    const granted = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidGrantWorkspaceTrust(() => {
        subscription.dispose();
        resolve();
      });
    });
    // Only a person can trust a workspace: the runner clicks Trust in the workbench for us.
    fs.writeFileSync(request, 'trust');
    await granted;
    assert.equal(vscode.workspace.isTrusted, true);

    // The extension reloads: records/ is the decisions folder now, and its ADRs need a cost-center.
    await waitFor('records/ to be read', () => indexed(CONFIGURED_RECORD), [api.onDidChange]);
    const configured = uriOf(CONFIGURED_RECORD);
    await api.settle();
    const diagnostics = await waitFor('the extension schema\'s finding', () => {
      const list = legibleDiagnostics(configured).filter((d) => ruleOf(d) === 'frontmatter-schema');
      return list.length ? list : undefined;
    });
    assert.match(diagnostics[0].message, /cost-center/);

    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Trusted record', answers: TWO_WAY_LOW });
    assert.ok(uri);
    track(uri);
    assert.equal(uri.path, uriOf('records/0002-trusted-record.md').path);
    const text = await readText(uri);
    assert.ok(text.includes("Written from the repository's own template."), text);
    assert.match(text, /^---\ntype: adr\ntitle: Trusted record\nstatus: proposed\ndate: \d{4}-\d{2}-\d{2}\ncost-center: <Which cost center pays for this\?>\n---\n/);
  });

  it('once trusted, git lists the code again: the ignored file counts for no glob', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    await writeSources('records/0009-sources.md');
    await waitForSourcesRow('src/ — 1 file');
  });
});

/** A clean ADR in `relative` whose `governs` is `src/` (the runner made src/app.ts and the ignored src/pre.log). */
async function writeSources(relative: string): Promise<void> {
  const uri = track(uriOf(relative));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(cleanAdr('Sources', (text) => text.replace('---\n', '---\ngoverns: [src/]\n'))));
  await waitForIndexed(uri);
}

/** Waits until the Decisions view's row of the `src/` glob reads `expected`. */
async function waitForSourcesRow(expected: string): Promise<void> {
  let last: string | undefined;
  await waitFor(
    `the src/ glob's row to read "${expected}"`,
    async () => (last = (await api.treeSnapshot()).decisions.find((row) => row.trim().startsWith('src/ —'))?.trim()) === expected,
    [api.onDidChange],
    undefined,
    () => `the row now: ${last}`,
  );
}
