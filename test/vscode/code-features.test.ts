// The editor's code features: lenses over governed files, citation links and hovers in code files.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyEdit, cleanAdr, cleanUp, legible, rangeOf, ruleOf, track, waitFor, waitForDiagnostics, waitForNoRule, waitForRule, workspaceRoot, writeFile, writeRecord } from './support';

function codeUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...path.split('/'));
}

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  // The provider commands work on an open document's model.
  await vscode.workspace.openTextDocument(uri);
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [];
  return lenses.map((lens) => lens.command?.title ?? '').filter((title) => title.startsWith('Governed by')).sort();
}

/** Waits until the lenses over `uri` are exactly `expected` (sorted), on the extension's change events. */
async function waitForLenses(uri: vscode.Uri, expected: string[]): Promise<void> {
  const api = await legible();
  let last: string[] = [];
  await waitFor(
    `the lenses over ${vscode.workspace.asRelativePath(uri)} to be ${JSON.stringify(expected)}`,
    async () => {
      last = await lensTitles(uri);
      return JSON.stringify(last) === JSON.stringify(expected);
    },
    [api.onDidChange],
    undefined,
    () => `lenses now: ${JSON.stringify(last)}`,
  );
}

/** A clean ADR governing `globs` (held by alice, two-way, low risk, as cleanAdr writes it). */
function governingAdr(title: string, ...globs: string[]): string {
  return cleanAdr(title, (text) => text.replace('---\n', `---\ngoverns: [${globs.map((glob) => JSON.stringify(glob)).join(', ')}]\n`));
}

/** The folder and file completions at `at` (labels), once they include `expected`: the code list is made on first ask. */
async function pathCompletions(what: string, record: vscode.Uri, at: vscode.Position, expected: string): Promise<string[]> {
  let labels: string[] = [];
  await waitFor(what, async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', record, at);
    const items = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Folder || item.kind === vscode.CompletionItemKind.File);
    labels = items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    return labels.includes(expected);
  }, [(await legible()).onDidChange], undefined, () => `offered: ${JSON.stringify(labels)}`);
  return labels;
}

const PAYMENTS = 'Governed by ADR-0091 · accepted · two-way · risk low · held by alice';

describe('code features', () => {
  before(async () => {
    await legible();
  });

  afterEach(cleanUp);

  it('a governed file shows one lens per governing record, which opens it; an excluded file none', async () => {
    const ledger = await writeFile(codeUri('services/payments/ledger.ts'), 'export {};\n');
    const events = await writeFile(codeUri('services/payments/events.ts'), 'export {};\n');
    await writeRecord('0091-payments.md', governingAdr('Payments', 'services/payments/', '!services/payments/events.ts'));
    await writeRecord('0092-ledger.md', governingAdr('Ledger', 'services/payments/ledger.ts'));
    await waitForLenses(ledger, [PAYMENTS, 'Governed by ADR-0092 · accepted · two-way · risk low · held by alice']);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', ledger, 10);
    const lens = lenses.find((l) => l.command?.title === PAYMENTS);
    // VS Code hands the command back by its internal id; the record is its argument.
    assert.match((lens?.command?.arguments?.[0] as vscode.Uri).path, /\/docs\/decisions\/0091-payments\.md$/);
    assert.equal(lens?.range.start.line, 0);
    assert.deepEqual(await lensTitles(events), [], 'the ! glob excludes events.ts');
  });

  it('citations in a code file link to the record and hover with its summary; an unknown id does not', async () => {
    const file = await writeFile(codeUri('services/web/app.ts'), '// Records decisions as ADR-0001 says.\n// ADR-0999 is no record.\nexport {}; // ADR-0001\n');
    const document = await vscode.workspace.openTextDocument(file);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', file);
    const toRecords = links.filter((link) => link.target?.path.includes('/docs/decisions/'));
    assert.deepEqual(
      toRecords.map((link) => [link.range.start.line, link.range.start.character, link.target!.path.split('/').pop()]),
      [
        [0, 24, '0001-record-decisions-with-legible.md'],
        [2, 14, '0001-record-decisions-with-legible.md'],
      ],
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', file, document.positionAt(document.getText().indexOf('ADR-0001') + 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /ADR-0001/);
    assert.match(text, /Record decisions with Legible/);
    assert.match(text, /accepted · two-way door · risk low/);
    assert.match(text, /owners alice · held by alice · successors bob/);
    // The business tradeoff, read from the record, each answer under the schema's question.
    assert.match(text, /Decisions that live only in chat threads and are lost when people move on\./);
    assert.match(text, /A few minutes of writing per significant decision\./);
    const dangling = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', file, document.positionAt(document.getText().indexOf('ADR-0999') + 2));
    assert.match(dangling.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'), /No record has the id ADR-0999/);
  });

  it('an open code file shows its citations of a deprecated record and of no record, as it is edited', async () => {
    await writeRecord('0093-old-queue.md', cleanAdr('Old queue', (text) => text.replace('status: accepted', 'status: deprecated')));
    const text = '// Publishes as ADR-0093 says; retries per ADR-0998.\nexport {};\n';
    const file = await writeFile(codeUri('services/web/queue.ts'), text);
    const document = await vscode.workspace.openTextDocument(file);
    const found = await waitForDiagnostics(file, 'both code rules', (all) => all.length === 2);
    assert.deepEqual(found.map((d) => [ruleOf(d), d.severity, d.range.start.line, d.range.start.character, d.message]).sort(), [
      ['code-cites-superseded', vscode.DiagnosticSeverity.Warning, 0, text.indexOf('ADR-0093'), 'cites ADR-0093, deprecated: does this code still follow it, or no decision at all?'],
      ['code-reference-resolves', vscode.DiagnosticSeverity.Error, 0, text.indexOf('ADR-0998'), 'cites ADR-0998, which no record has: which decision does this code follow?'],
    ]);
    // Fixed in the editor, not saved: the document's text counts.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(file, rangeOf(document, 'ADR-0998'), 'ADR-0001');
    await applyEdit(edit);
    await waitForNoRule(file, 'code-reference-resolves');
    await waitForRule(file, 'code-cites-superseded');
  });

  it('a citation of a superseded record has a quick fix that cites its successor instead', async () => {
    await writeRecord('0095-old-recording.md', cleanAdr('Old recording', (text) => text.replace('status: accepted', 'status: superseded\nsuperseded-by: ADR-0001')));
    const file = await writeFile(codeUri('services/web/recorder.ts'), '// Records as ADR-0095 says.\nexport {};\n');
    await vscode.workspace.openTextDocument(file);
    const warning = await waitForRule(file, 'code-cites-superseded');
    assert.equal(warning.message, 'cites ADR-0095, superseded by ADR-0001: does this code still follow it, or the record that replaced it?');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', file, warning.range);
    const cite = actions.find((action) => action.title === 'Cite ADR-0001 instead');
    assert.ok(cite?.edit, `offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(cite.isPreferred, true);
    await applyEdit(cite.edit);
    assert.equal((await vscode.workspace.openTextDocument(file)).getText(), '// Records as ADR-0001 says.\nexport {};\n');
    await waitForNoRule(file, 'code-cites-superseded');
  });

  it('Markdown outside the decisions folders is code: its citations are checked, and no Disable for This File is offered there', async () => {
    const notes = await writeFile(codeUri('notes/README.md'), '# Notes\n\nSee ADR-0998.\n');
    await vscode.workspace.openTextDocument(notes);
    const dangling = await waitForRule(notes, 'code-reference-resolves');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', notes, dangling.range);
    assert.deepEqual(actions.map((action) => action.title).filter((title) => /legible|Disable/i.test(title)), []);
  });

  it('a governs glob that matches no file is a warning on the record until a file it matches is created', async () => {
    const record = await writeRecord('0094-payouts.md', governingAdr('Payouts', 'services/payouts/**'));
    // On the web the folder is listed for the lenses of a code file, not for this rule alone.
    await waitForLenses(await writeFile(codeUri('services/web/app.ts'), 'export {};\n'), []);
    const warning = await waitForRule(record, 'governs-matches-nothing');
    assert.equal(warning.message, '`governs[0]` `services/payouts/**` matches no file: the code moved or was deleted — is this decision still in force?');
    await writeFile(codeUri('services/payouts/batch.ts'), 'export {};\n');
    await waitForNoRule(record, 'governs-matches-nothing');
  });

  it('creating, renaming and deleting a code file updates its lenses', async () => {
    await writeRecord('0091-payments.md', governingAdr('Payments', 'services/payments/'));
    // Listed before the file exists: its creation is heard from the watcher.
    const ledger = await writeFile(codeUri('services/payments/ledger.ts'), 'export {};\n');
    await waitForLenses(ledger, [PAYMENTS]);
    const created = await writeFile(codeUri('services/payments/refunds.ts'), '// Refunds.\nexport {};\n');
    await waitForLenses(created, [PAYMENTS]);
    const moved = track(codeUri('services/web/refunds.ts'));
    await vscode.workspace.fs.rename(created, moved);
    await waitForLenses(moved, []);
    const back = track(codeUri('services/payments/refunds2.ts'));
    await vscode.workspace.fs.rename(moved, back);
    await waitForLenses(back, [PAYMENTS]);
  });

  it('editing a record\'s governs adds and removes its lens', async () => {
    const file = await writeFile(codeUri('services/web/app.ts'), 'export {};\n');
    await waitForLenses(file, []);
    const record = await writeRecord('0091-payments.md', governingAdr('Payments', 'services/web/'));
    await waitForLenses(file, [PAYMENTS]);
    await writeFile(record, governingAdr('Payments', 'services/payments/'));
    await waitForLenses(file, []);
  });

  it('Decisions for This File opens a governing or a cited record', async () => {
    await writeRecord('0091-payments.md', governingAdr('Payments', 'services/web/'));
    const file = await writeFile(codeUri('services/web/app.ts'), '// As ADR-0001 says.\nexport {};\n');
    await waitForLenses(file, [PAYMENTS]);
    const active = () => vscode.window.activeTextEditor?.document.uri.path.split('/').pop();
    for (const [pick, name] of [
      ['ADR-0091', '0091-payments.md'],
      ['ADR-0001', '0001-record-decisions-with-legible.md'],
    ]) {
      await vscode.window.showTextDocument(file);
      await vscode.commands.executeCommand('legible.decisionsForFile', { pick });
      assert.equal(active(), name, `choosing ${pick}`);
    }
  });

  it('the Decisions view lists a record\'s governs globs with what each matches, live; Reveal Governed Files opens one', async () => {
    await writeFile(codeUri('services/fx/rates.ts'), 'export {};\n');
    await writeFile(codeUri('services/fx/cache.ts'), 'export {};\n');
    await writeRecord('0093-fx.md', governingAdr('Fx', 'services/fx/', '!services/fx/cache.ts', 'gone/**'));
    const api = await legible();
    const globRows = (expected: string) =>
      waitFor(`the globs under ADR-0093 (${expected})`, async () => {
        await api.settle();
        const rows = (await api.treeSnapshot()).decisions;
        const at = rows.findIndex((row) => /^\s+0093 Fx\b/.test(row));
        const below = at < 0 ? [] : rows.slice(at + 1, at + 4).map((row) => row.trim());
        return below[0] === expected ? below : undefined;
      }, [api.onDidChange]);
    assert.deepEqual(await globRows('services/fx/ — 2 files'), ['services/fx/ — 2 files', '!services/fx/cache.ts — excludes 1 file', 'gone/** — 0 files']);
    // A new code file under the glob: the count follows.
    await writeFile(codeUri('services/fx/convert.ts'), 'export {};\n');
    await globRows('services/fx/ — 3 files');

    const entry = api.entries().find((e) => e.path.endsWith('/0093-fx.md'));
    assert.ok(entry);
    const files = await vscode.commands.executeCommand<string[]>('legible.revealGovernedFiles', { entry }, 'services/fx/rates.ts');
    assert.deepEqual([...files].sort(), ['services/fx/convert.ts', 'services/fx/rates.ts']);
    assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /\/services\/fx\/rates\.ts$/);
  });

  it('in a record, completing a governs value offers the workspace\'s folders and files; hovering a glob counts what it matches', async () => {
    await writeFile(codeUri('services/billing/invoice.ts'), 'export {};\n');
    await writeFile(codeUri('services/billing/tax.ts'), 'export {};\n');
    const record = await writeRecord('0093-billing.md', governingAdr('Billing', 'services/billing/', '!services/billing/tax.ts'));
    const document = await vscode.workspace.openTextDocument(record);
    await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('governs:'));
    // Completion inside the first glob's quotes, after `services/`: the entries of services/.
    const at = new vscode.Position(line, document.lineAt(line).text.indexOf('services/billing/') + 'services/'.length);
    const labels = await pathCompletions('the folders of services/ among the governs completions', record, at, 'services/billing/');
    assert.ok(labels.every((label) => label.startsWith('services/')), JSON.stringify(labels));
    const hoverText = async (position: vscode.Position) =>
      ((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', record, position)) ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const glob = await hoverText(new vscode.Position(line, document.lineAt(line).text.indexOf('billing/') + 2));
    assert.match(glob, /`services\/billing\/` matches 2 files:/);
    assert.match(glob, /services\/billing\/invoice\.ts/);
    const exclusion = await hoverText(new vscode.Position(line, document.lineAt(line).text.indexOf('tax.ts') + 1));
    assert.match(exclusion, /`!services\/billing\/tax\.ts` takes 1 file out of those the globs before it match:/);
  });

  it('in a record, completing an artifact offers the workspace\'s files as links from the record\'s folder', async () => {
    await writeFile(codeUri('services/billing/runbook.md'), '# Billing runbook\n');
    const record = await writeRecord('0094-billing-runbook.md', cleanAdr('Billing runbook', (text) => text.replace('  mechanisms: [documentation]', '  mechanisms: [documentation]\n  artifacts: ["../../services/billing/"]')));
    const document = await vscode.workspace.openTextDocument(record);
    await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((text) => text.includes('artifacts:'));
    // After `../../services/billing/`, inside the quotes: the files of services/billing/, written from docs/decisions/.
    const at = new vscode.Position(line, document.lineAt(line).text.indexOf('billing/') + 'billing/'.length);
    const labels = await pathCompletions('the runbook among the artifacts completions', record, at, '../../services/billing/runbook.md');
    assert.ok(labels.every((label) => label.startsWith('../../services/billing/')), JSON.stringify(labels));
  });
});
