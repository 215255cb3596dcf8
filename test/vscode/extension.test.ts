// The extension as VS Code really loads it: manifest contributions, activation, commands.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './support';

const EXTENSION_ID = 'legible.legible';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    viewsContainers: { activitybar: Array<{ id: string; title: string }> };
    views: Record<string, Array<{ id: string; name: string }>>;
  };
}

describe('Legible in the extension host', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not loaded in this extension host`);
    extension = found;
    await extension.activate();
  });

  it('opens a workspace that holds decision records', async () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
    const records = await vscode.workspace.findFiles('docs/decisions/*.md');
    assert.ok(records.length >= 1, 'no docs/decisions/*.md in the test workspace');
  });

  it('is active', () => {
    assert.equal(extension.isActive, true);
  });

  it('contributes the Legible activity-bar container with its two views', () => {
    const { contributes } = extension.packageJSON as Manifest;
    assert.deepEqual(contributes.viewsContainers.activitybar.map((c) => [c.id, c.title]), [['legible', 'Legible']]);
    assert.deepEqual(contributes.views.legible.map((v) => [v.id, v.name]), [
      ['legible.decisions', 'Decisions'],
      ['legible.knowledgeRisk', 'Knowledge Risk'],
    ]);
  });

  it('registers every command it contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const { contributes } = extension.packageJSON as Manifest;
    const missing = contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  it('prints its version in its output channel, as `legible --version` does', async () => {
    const logs = process.env.LEGIBLE_TEST_LOGS;
    assert.ok(logs, 'the harness names no logs folder (LEGIBLE_TEST_LOGS)');
    const { version } = extension.packageJSON as { version: string };
    // The Legible channel is a log channel: VS Code writes it to <logs>/<session>/exthost*/legible.legible/Legible.log.
    const files = () => fs.readdirSync(logs, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith(path.join('legible.legible', 'Legible.log')));
    const line = () => files().flatMap((file) => fs.readFileSync(path.join(logs, file), 'utf8').split('\n')).find((text) => text.endsWith(`[info] Legible ${version}`));
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(logs), '**/Legible.log'));
    try {
      await waitFor('the version line in the Legible output channel', line, [watcher.onDidCreate, watcher.onDidChange], undefined, () => `log files: ${files().join(', ') || 'none'}`);
    } finally {
      watcher.dispose();
    }
  });

  it('runs Lint Workspace and counts the fixture placeholder', async () => {
    // Returns the number of findings; 0002 in the fixture leaves a tradeoff field as TODO.
    const findings = await vscode.commands.executeCommand<unknown>('legible.lintWorkspace');
    assert.equal(typeof findings, 'number');
    assert.ok((findings as number) >= 1, `expected the fixture's placeholder, got ${String(findings)}`);
  });
});
