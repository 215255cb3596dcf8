// Issue 5 in the real extension host: New ADR racing `legible new` processes in the same folder,
// and a 50 MB record that must not freeze the host.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { capture, type Captured } from '../harness/proc';
import { cleanAdr, cleanUp, decisionsFolder, EXTENSION_ID, legible, legibleDiagnostics, readText, recordUri, ruleOf, track, TWO_WAY_LOW, waitForIndexed, waitForRule, workspaceRoot, writeFile } from './support';

/** The repo's built CLI: the extension runs from the repo in development mode (dist/ beside it). */
function cliPath(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return path.join(extension.extensionPath, 'dist', 'cli.js');
}

/** Runs the CLI with the host's own Node (code-server's), in the workspace folder. */
function runCli(args: readonly string[]): Promise<Captured> {
  return capture(process.execPath, [cliPath(), ...args], { cwd: workspaceRoot().fsPath });
}

/** Every file in the decisions folder with its text. */
async function folderContents(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [name, kind] of await vscode.workspace.fs.readDirectory(decisionsFolder())) {
    if (kind === vscode.FileType.File) out.set(name, await readText(vscode.Uri.joinPath(decisionsFolder(), name)));
  }
  return out;
}

const CLI_RUNS = 6;
const COMMANDS = 3;

describe('Robustness (issue 5) in the extension host', function () {
  this.timeout(120_000);
  before(() => legible());
  afterEach(() => cleanUp());

  it(`New ADR x${COMMANDS} racing \`legible new adr\` x${CLI_RUNS} in one folder: ${CLI_RUNS + COMMANDS} distinct numbers, every file its own record, nothing overwritten`, async () => {
    const before = await folderContents();
    const cliTitles = Array.from({ length: CLI_RUNS }, (_, i) => `Race from the CLI ${i + 1}`);
    const commandTitles = Array.from({ length: COMMANDS }, (_, i) => `Race from the command ${i + 1}`);
    // All started at once: the processes spawn while the commands reserve their numbers.
    const [cliRuns, uris] = await Promise.all([
      // --folder: the run's workspace copy has no .git or .legible.json, so without it the CLI's
      // root search would climb to the checkout that holds the run folder.
      Promise.all(cliTitles.map((title) => runCli(['new', 'adr', title, '--owner', 'amira', '--folder', 'docs/decisions']))),
      Promise.all(commandTitles.map((title) => vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title, answers: TWO_WAY_LOW }))),
    ]);
    const created = new Map<string, string>(); // file name → the title its creator asked for
    cliRuns.forEach((run, i) => {
      assert.equal(run.code, 0, `CLI ${i + 1}: ${run.stderr}`);
      const printed = run.stdout.trim();
      assert.equal(path.resolve(workspaceRoot().fsPath, printed), path.join(decisionsFolder().fsPath, path.basename(printed)), `CLI ${i + 1} wrote into the decisions folder`);
      const name = path.basename(printed);
      track(recordUri(name));
      created.set(name, cliTitles[i]);
    });
    uris.forEach((uri, i) => {
      assert.ok(uri, `command ${i + 1} created no record`);
      track(uri);
      created.set(path.posix.basename(uri.path), commandTitles[i]);
    });
    assert.equal(created.size, CLI_RUNS + COMMANDS, `every creator reported its own file: ${[...created.keys()].join(', ')}`);
    const numbers = [...created.keys()].map((name) => /^(\d{4})-/.exec(name)?.[1]);
    assert.equal(new Set(numbers).size, CLI_RUNS + COMMANDS, `distinct numbers: ${numbers.join(', ')}`);
    for (const name of created.keys()) assert.ok(!before.has(name), `${name} existed before`);

    const after = await folderContents();
    // The old files are untouched; the new ones are exactly those reported, no reservation left behind.
    for (const [name, text] of before) assert.equal(after.get(name), text, `${name} changed`);
    assert.deepEqual([...after.keys()].filter((name) => !before.has(name)).sort(), [...created.keys()].sort());
    // Nothing overwritten: each file holds the title of the creator that reported it.
    for (const [name, title] of created) assert.match(after.get(name)!, new RegExp(`^---\\ntype: adr\\ntitle: ${title}\\n`), name);

    const api = await legible();
    for (const name of created.keys()) await waitForIndexed(recordUri(name));
    await api.settle();
    for (const name of created.keys()) assert.deepEqual(legibleDiagnostics(recordUri(name)).filter((d) => ruleOf(d) === 'duplicate-id'), [], name);
  });

  it('a 50 MB record: one file-readable diagnostic on line 1, the host answers commands meanwhile, the index keeps every other record', async () => {
    const api = await legible();
    const others = api.entries().map((entry) => entry.path).sort();
    assert.ok(others.length >= 2, `the fixture has records: ${others.join(', ')}`);
    const head = cleanAdr('An appendix too large to read');
    const line = 'Fifty megabytes of appendix nobody will read to the end.\n';
    const text = head + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
    const size = new TextEncoder().encode(text).length;
    assert.ok(size > 50 * 1024 * 1024);
    const huge = await writeFile(recordUri('0090-huge-appendix.md'), text);

    // While the extension reads it, a command completes: the host is not frozen.
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('legible.newAdr', { title: 'Written while a huge file is read', answers: TWO_WAY_LOW });
    assert.ok(created, 'New ADR completed');
    track(created);

    // A read while the 50 MB are still being written sees a shorter file; the watcher's change
    // event after the write brings the final size, which is what the diagnostic must end up naming.
    const readable = await waitForRule(huge, 'file-readable', (d) => d.message.includes(` ${size} bytes`));
    assert.equal(readable.range.start.line, 0);
    assert.equal(readable.message, `This file is ${size} bytes; Legible read only its first ${4 * 1024 * 1024} bytes. Is it really a decision record?`);
    assert.equal(readable.severity, vscode.DiagnosticSeverity.Error);
    // Apart from it, only the body rules' own note that a body this large is not parsed.
    const rest = legibleDiagnostics(huge).filter((d) => ruleOf(d) !== 'file-readable');
    assert.deepEqual(rest.map((d) => [ruleOf(d), d.severity]), [['required-sections', vscode.DiagnosticSeverity.Information]]);

    await waitForIndexed(huge);
    await waitForIndexed(created);
    const entries = api.entries();
    assert.equal(entries.find((entry) => entry.path.endsWith('/0090-huge-appendix.md'))?.title, 'An appendix too large to read', 'indexed from its head');
    const paths = entries.map((entry) => entry.path);
    for (const other of others) assert.ok(paths.includes(other), `${other} is still in the index`);
    const tree = (await api.treeSnapshot()).decisions.join('\n');
    // Rows show the id and the start of the title (core/views/tree-label.ts).
    assert.match(tree, /0090 An appendix too large…/);
    assert.match(tree, /Written while a huge…/);
  });
});
