// Issue 12 in the real extension host: a repository's symbolic links never lead the extension out
// of the workspace folder. The index does not read a record linked from outside (it gets a
// link-outside-repository diagnostic instead), Generate Index does not write through a README that
// links out, and New ADR does not create a record through a folder that does. A decoy folder beside
// the workspace (outside it) must come through unchanged, and nothing of it may show.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, readlink, rm, symlink, writeFile as writeDiskFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cleanUp, decisionsFolder, legible, legibleDiagnostics, recordUri, TWO_WAY_LOW, waitForIndexed, waitForRule, workspaceRoot, writeFile } from './support';

const MARKER = 'DECOY-IN-HOST-7f3a9c-MUST-NOT-LEAK';

/** Every file below a folder with a checksum of its bytes, and every link with its target. */
async function checksums(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const full = path.join(dir, name);
    const stat = await lstat(full);
    if (stat.isSymbolicLink()) out[name] = `link ${await readlink(full)}`;
    else if (stat.isFile()) out[name] = `file ${createHash('sha256').update(await readFile(full)).digest('hex')}`;
    else out[name] = 'folder';
  }
  return out;
}

describe('Containment (issue 12) in the extension host', function () {
  this.timeout(60_000);
  let decoy: string;
  let before: Record<string, string>;
  const made: string[] = [];

  /** A symbolic link in the workspace (removed after the test), `target` relative to the link's folder. */
  async function link(at: vscode.Uri, target: string): Promise<vscode.Uri> {
    await mkdir(path.dirname(at.fsPath), { recursive: true });
    await symlink(target, at.fsPath);
    made.push(at.fsPath);
    return at;
  }

  /** Reloads every folder (as Legible: Refresh does) and waits until the results are published. */
  async function reload(): Promise<void> {
    await vscode.commands.executeCommand('legible.refresh');
    await (await legible()).settle();
  }

  beforeEach(async () => {
    await legible();
    // Beside the workspace folder, inside the run's own folder: outside the workspace, yet ours to remove.
    decoy = path.join(path.dirname(workspaceRoot().fsPath), 'containment-decoy');
    await mkdir(path.join(decoy, 'decisions'), { recursive: true });
    await writeDiskFile(path.join(decoy, 'secret.md'), `---\ntype: adr\ntitle: ${MARKER}\n---\n# ${MARKER}\n`);
    await writeDiskFile(path.join(decoy, 'README.md'), `# ${MARKER}\n`);
    await writeDiskFile(path.join(decoy, 'decisions', '0001-outside.md'), `# ${MARKER}\n`);
    before = await checksums(decoy);
  });

  afterEach(async () => {
    assert.deepEqual(await checksums(decoy), before, 'nothing outside the workspace changed');
    for (const at of made.splice(0)) await rm(at, { recursive: true, force: true });
    await cleanUp();
    await reload();
    await rm(decoy, { recursive: true, force: true });
  });

  it('the index: a record linked from outside is not read or indexed, and gets one link-outside-repository diagnostic; so does a folder linked from outside', async () => {
    const record = await link(recordUri('0701-linked-from-outside.md'), path.relative(decisionsFolder().fsPath, path.join(decoy, 'secret.md')));
    const folder = await link(vscode.Uri.joinPath(decisionsFolder(), 'imported'), path.relative(decisionsFolder().fsPath, path.join(decoy, 'decisions')));
    await reload();
    const diagnostic = await waitForRule(record, 'link-outside-repository');
    assert.equal(diagnostic.message, '0701-linked-from-outside.md is a symbolic link that leads outside the repository, so Legible does not read it. Should this record live in the repository, or is the link left over?');
    await waitForRule(folder, 'link-outside-repository');
    const api = await legible();
    assert.ok(!api.entries().some((e) => e.path.endsWith('/0701-linked-from-outside.md') || e.path.includes('/imported/')), 'not indexed');
    const shown = JSON.stringify({ entries: api.entries(), tree: await api.treeSnapshot(), diagnostics: vscode.languages.getDiagnostics().map(([, list]) => list.map((d) => d.message)) });
    assert.ok(!shown.includes(MARKER), 'nothing of the decoy is in the index, the views or the diagnostics');
    assert.deepEqual(legibleDiagnostics(record).length, 1);
  });

  it('the index: a link that leads out, appearing after the load (the watcher), is reported the same way, and forgotten when removed', async () => {
    const record = await link(recordUri('0702-appeared-later.md'), path.relative(decisionsFolder().fsPath, path.join(decoy, 'secret.md')));
    await waitForRule(record, 'link-outside-repository');
    const api = await legible();
    assert.ok(!api.entries().some((e) => e.path.endsWith('/0702-appeared-later.md')));
    await rm(record.fsPath);
    made.splice(made.indexOf(record.fsPath), 1);
    await reload();
    assert.deepEqual(legibleDiagnostics(record), []);
  });

  it('Generate Index through a README.md that links outside: refused, the target untouched, the link kept', async () => {
    const readme = await link(vscode.Uri.joinPath(decisionsFolder(), 'README.md'), path.relative(decisionsFolder().fsPath, path.join(decoy, 'README.md')));
    await reload();
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.generateIndex', { open: false });
    assert.equal(uri, undefined, 'no index written');
    assert.ok((await lstat(readme.fsPath)).isSymbolicLink(), 'the link is left as it was');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.getText().includes(MARKER)), 'the target was not opened either');
  });

  it('New ADR into a configured folder that lies behind a link out: refused with a message, no folder or record made there', async () => {
    await link(vscode.Uri.joinPath(workspaceRoot(), 'linked'), path.relative(workspaceRoot().fsPath, decoy));
    await writeFile(vscode.Uri.joinPath(workspaceRoot(), '.legible.json'), JSON.stringify({ folders: ['linked/adr'] }));
    await reload();
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Through the link', answers: TWO_WAY_LOW });
    assert.equal(uri, undefined, 'no record created');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath.startsWith(decoy)), 'nothing outside opened');
  });

  it('links that stay inside keep working: a record linked from another folder of the workspace is indexed', async () => {
    const shared = await writeFile(vscode.Uri.joinPath(workspaceRoot(), 'shared', '0703-shared.md'), `---\ntype: adr\ntitle: Shared inside\nstatus: proposed\ndate: 2026-01-05\nowners: [alice]\n---\n# Shared inside\n`);
    const record = await link(recordUri('0703-shared.md'), path.relative(decisionsFolder().fsPath, shared.fsPath));
    await reload();
    await waitForIndexed(record);
    made.push(path.dirname(shared.fsPath));
  });
});
