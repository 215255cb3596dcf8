// Every kind of quick fix, as the lightbulb offers it: vscode.executeCodeActionProvider on the
// diagnostic's range, the action's WorkspaceEdit applied, the diagnostic gone, the text exact.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyEdit, cleanAdr, cleanUp, describeDiagnostics, legible, lines, readText, ruleOf, waitForNoRule, waitForRule, writeRecord } from './support';

/** The code actions VS Code collects for a diagnostic (as the lightbulb would show them); the document must be open. */
async function actionsFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
}

/** Finds the action titled `title` for the diagnostic and applies its edit. */
async function applyFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string): Promise<vscode.CodeAction> {
  const actions = await actionsFor(uri, diagnostic);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no quick fix ${JSON.stringify(title)} for [${ruleOf(diagnostic)}] ${diagnostic.message}; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
  assert.ok(action.edit, 'a quick fix carries its edit');
  await applyEdit(action.edit);
  return action;
}

async function openRecord(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

describe('Quick fixes', () => {
  before(() => legible());
  afterEach(() => cleanUp());

  it('adds a missing field: risk.mitigation for a high risk', async () => {
    const text = cleanAdr('High stakes', (t) => t.replace('level: low', 'level: high'));
    const uri = await writeRecord('0201-high-stakes.md', text);
    const document = await openRecord(uri);
    const diagnostic = await waitForRule(uri, 'frontmatter-schema', (d) => d.message.includes('risk.mitigation'));
    const action = await applyFix(uri, diagnostic, 'Add `risk.mitigation`');
    assert.equal(action.isPreferred, true);
    await waitForNoRule(uri, 'frontmatter-schema');
    assert.equal(document.getText(), text.replace('  blast-radius: team\n', '  blast-radius: team\n  mitigation: >-\n    <How will we lower this risk, or recover if it happens?>\n'));
    // The new answer asks its question (a folded block, so any sentence typed there is valid YAML);
    // the record is accepted, so the rule for a record in force points at the question, and only at it.
    const placeholder = await waitForRule(uri, 'placeholder-in-force');
    assert.equal(placeholder.range.start.line, document.getText().split('\n').findIndex((l) => l.startsWith('  mitigation:')) + 1);
    // After its edit VS Code runs the action's command: the question is selected, so typing answers it.
    assert.ok(action.command, 'the fix selects what it inserted');
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.getText(editor.selection), '<How will we lower this risk, or recover if it happens?>');
  });

  it('replaces an invalid value with the one meant ("did you mean")', async () => {
    const text = cleanAdr('Typo', (t) => t.replace('door: two-way', 'door: two-wya'));
    const uri = await writeRecord('0202-typo.md', text);
    const document = await openRecord(uri);
    const diagnostic = await waitForRule(uri, 'frontmatter-schema');
    assert.match(diagnostic.message, /two-way/, 'the message names the likely value');
    const action = await applyFix(uri, diagnostic, 'Change to "two-way"');
    assert.equal(action.isPreferred, true);
    assert.equal(action.command, undefined, 'a corrected value inserts no question to select');
    await waitForNoRule(uri, 'frontmatter-schema');
    assert.equal(document.getText(), cleanAdr('Typo'));
    assert.deepEqual((await legible()).entries().find((e) => e.path.endsWith(uri.path))?.door, 'two-way');
  });

  it('adds the superseded-by back-link (and the status) in the other record, named by the one that supersedes it', async () => {
    const oldText = cleanAdr('Old way');
    const old = await writeRecord('0203-old-way.md', oldText);
    const newText = cleanAdr('New way', (t) => t.replace('status: accepted\n', 'status: accepted\nsupersedes: [ADR-0203]\n'));
    const successor = await writeRecord('0204-new-way.md', newText);
    await openRecord(successor);
    const diagnostic = await waitForRule(old, 'status-consistency');
    assert.match(diagnostic.message, /ADR-0204/);
    assert.deepEqual(diagnostic.relatedInformation?.map((r) => r.location.uri.toString()), [successor.toString()], 'it points at the record that names it');
    // From the Problems panel: the user opens the other record and takes its fix.
    const document = await openRecord(old);
    await applyFix(old, diagnostic, 'Add ADR-0204 to `superseded-by` and set `status: superseded`');
    await waitForNoRule(old, 'status-consistency');
    assert.equal(document.getText(), oldText.replace('status: accepted\n', 'status: superseded\n').replace('deciders: [alice, bob]\n', 'deciders: [alice, bob]\nsuperseded-by: [ADR-0204]\n'));
    assert.equal(await readText(successor), newText, 'the superseding record is not touched');
    assert.deepEqual(vscode.languages.getDiagnostics(successor).filter((d) => d.source === 'legible'), [], describeDiagnostics(successor));
  });

  it('adds a missing section heading with the question that belongs under it', async () => {
    const text = cleanAdr('No consequences', (t) => t.replace('\n## Consequences\n\nWhat follows.\n', ''));
    const uri = await writeRecord('0205-no-consequences.md', text);
    const document = await openRecord(uri);
    const diagnostic = await waitForRule(uri, 'required-sections');
    await applyFix(uri, diagnostic, 'Add section "Consequences"');
    await waitForNoRule(uri, 'required-sections');
    assert.equal(document.getText(), `${text}\n## Consequences\n\n<What becomes easier or harder because of this change?>\n`);
  });

  it('adds Legible frontmatter to a legacy adr-tools record, carrying what it says and keeping the body', async () => {
    const body = lines('# 3. Use PostgreSQL', '', 'Date: 2024-05-02', '', '## Status', '', 'Accepted', '', '## Context', '', 'We need a database.', '', '## Decision', '', 'PostgreSQL.', '', '## Consequences', '', 'We run PostgreSQL.');
    const uri = await writeRecord('0206-use-postgresql.md', body);
    const document = await openRecord(uri);
    const diagnostic = await waitForRule(uri, 'frontmatter-missing');
    assert.match(diagnostic.message, /adr-tools record \(status accepted, dated 2024-05-02\)/);
    await applyFix(uri, diagnostic, 'Add Legible frontmatter');
    await waitForNoRule(uri, 'frontmatter-missing');
    const text = document.getText();
    assert.ok(text.endsWith(`---\n${body}`), 'the body follows the new frontmatter unchanged');
    const frontmatter = text.slice(0, text.length - body.length);
    assert.match(frontmatter, /^---\ntype: adr\ntitle: Use PostgreSQL\nstatus: accepted\ndate: 2024-05-02\nowners:\n {2}- <Who is accountable for this record\?>\n/);
    const entry = (await legible()).entries().find((e) => e.path.endsWith(uri.path));
    assert.equal(entry?.legacy, undefined, 'the record is a Legible record now');
    assert.equal(entry?.status, 'accepted');
  });

  it('disables a rule for this file with a comment after the frontmatter', async () => {
    // Proposed: a draft's placeholder is the `placeholder` rule's (an accepted record's, placeholder-in-force's).
    const text = cleanAdr('Not yet', (t) => t.replace('status: accepted', 'status: proposed').replace('accepts-cost: A few minutes per decision.', 'accepts-cost: TBD'));
    const uri = await writeRecord('0207-not-yet.md', text);
    const document = await openRecord(uri);
    const diagnostic = await waitForRule(uri, 'placeholder');
    const action = await applyFix(uri, diagnostic, 'Disable `placeholder` for this file');
    assert.equal(action.isPreferred, false, 'turning a rule off is never the preferred fix');
    await waitForNoRule(uri, 'placeholder');
    assert.equal(document.getText(), text.replace('---\n\n# Not yet', '---\n<!-- legible-disable placeholder -->\n\n# Not yet'));
  });

  it('rewrites a sentence that breaks the YAML as a block, every character kept; disabling the rule comes last (issue 13)', async () => {
    const answer = 'Latency incidents: only 4 of 11 were caught #2 - "before" customers saw them';
    const text = cleanAdr('Prose', (t) => t.replace('reduces-risk: Losing the reasons behind decisions.', `reduces-risk: ${answer}`));
    const uri = await writeRecord('0209-prose.md', text);
    const document = await openRecord(uri);
    const diagnostic = await waitForRule(uri, 'frontmatter-malformed');
    assert.equal(diagnostic.message, "`business-tradeoff.reduces-risk`: this answer contains ': ', which YAML reads as the start of another key — quote it, or write it as a block.");
    const line = text.split('\n').findIndex((l) => l.startsWith('  reduces-risk:'));
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.character], [line, '  reduces-risk: '.length, '  reduces-risk: '.length + answer.length], 'on the answer');
    const actions = await actionsFor(uri, diagnostic);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred ?? false]),
      [
        ['Write `business-tradeoff.reduces-risk` as a block (`>-`), keeping every character', true],
        ['Quote `business-tradeoff.reduces-risk`, keeping every character', false],
        ['Disable `frontmatter-malformed` for this file', false],
      ],
    );
    await applyFix(uri, diagnostic, 'Write `business-tradeoff.reduces-risk` as a block (`>-`), keeping every character');
    await waitForNoRule(uri, 'frontmatter-malformed');
    assert.equal(document.getText(), text.replace(`reduces-risk: ${answer}`, `reduces-risk: >-\n    ${answer}`));
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'legible'), [], describeDiagnostics(uri));
  });

  it('quotes a title that breaks the YAML, and lists every repair before any "disable" when several diagnostics are asked about', async () => {
    const text = cleanAdr('Prose', (t) => t.replace('title: Prose', 'title: Prose: the sequel').replace('accepts-cost: A few minutes per decision.', 'accepts-cost: - a few minutes per decision'));
    const uri = await writeRecord('0210-prose-sequel.md', text);
    const document = await openRecord(uri);
    await waitForRule(uri, 'frontmatter-malformed', (d) => d.message.startsWith('`title`'));
    const both = vscode.languages.getDiagnostics(uri).filter((d) => ruleOf(d) === 'frontmatter-malformed');
    assert.equal(both.length, 2, describeDiagnostics(uri));
    const frontmatter = new vscode.Range(0, 0, text.split('\n').indexOf('---', 1), 0);
    const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, frontmatter, vscode.CodeActionKind.QuickFix.value);
    const titles = all.map((a) => a.title);
    assert.equal(titles.filter((t) => t.startsWith('Disable')).length, 1, JSON.stringify(titles));
    assert.equal(titles.at(-1), 'Disable `frontmatter-malformed` for this file', JSON.stringify(titles));
    assert.ok(titles.includes('Quote `title`, keeping every character') && titles.includes('Write `business-tradeoff.accepts-cost` as a block (`>-`), keeping every character'), JSON.stringify(titles));
    const title = both.find((d) => d.message.startsWith('`title`'))!;
    const action = await applyFix(uri, title, 'Quote `title`, keeping every character');
    assert.equal(action.isPreferred, true, 'a title is not prose: quotes are preferred');
    await waitForRule(uri, 'frontmatter-malformed', (d) => d.message.startsWith('`business-tradeoff.accepts-cost`'));
    assert.ok(document.getText().includes('title: "Prose: the sequel"\n'), document.getText());
  });

  it('removes an optional field left empty', async () => {
    const text = cleanAdr('Empty plan', (t) => t.replace('  mechanisms: [documentation]\n', '  mechanisms: [documentation]\n  plan:\n'));
    const uri = await writeRecord('0211-empty-plan.md', text);
    const document = await openRecord(uri);
    const diagnostic = await waitForRule(uri, 'frontmatter-schema');
    assert.match(diagnostic.message, /^`knowledge-exit-path\.plan` is empty\. .* Answer it, or remove the line: the field is optional\.$/);
    const actions = await actionsFor(uri, diagnostic);
    assert.deepEqual(actions.map((a) => a.title), ['Remove the empty `knowledge-exit-path.plan`', 'Disable `frontmatter-schema` for this file']);
    await applyFix(uri, diagnostic, 'Remove the empty `knowledge-exit-path.plan`');
    await waitForNoRule(uri, 'frontmatter-schema');
    assert.equal(document.getText(), cleanAdr('Empty plan'));
  });

  it('offers nothing for a diagnostic of another source', async () => {
    const uri = await writeRecord('0208-clean.md', cleanAdr('Clean'));
    await openRecord(uri);
    const foreign = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 3), 'another linter', vscode.DiagnosticSeverity.Warning);
    const collection = vscode.languages.createDiagnosticCollection('not-legible');
    try {
      collection.set(uri, [foreign]);
      const actions = await actionsFor(uri, foreign);
      assert.deepEqual(actions.map((a) => a.title).filter((t) => /legible|Disable|Add|Change/.test(t)), []);
    } finally {
      collection.dispose();
    }
  });
});
