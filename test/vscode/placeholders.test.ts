// Placeholders are open questions, never data: no view, group or picker shows a template placeholder
// as a person, a risk or a status; Set Status asks before it puts a record with open questions in
// force; reports open read-only; tree rows keep the id and the start of the title.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { renderTemplate } from '../../src/core/templates/render-template';
import { cleanAdr, cleanUp, closeAllEditors, legible, legibleDiagnostics, readText, ruleOf, waitFor, waitForRule, writeRecord } from './support';

/** A record as New ADR writes it before anyone answers: every question Legible asks still a placeholder. */
const DRAFT = renderTemplate({ type: 'adr', title: 'Second card acquirer', date: '2026-01-05' }).text;

/** What a quick pick shows: each item's label and description. */
type Shown = { items: string[]; active?: string };

/** The seam the commands take as their last argument (src/vscode/commands/prompts.ts). */
function dismissing(shown: Shown[]) {
  return {
    shown: (picker: vscode.QuickPick<vscode.QuickPickItem>) => {
      shown.push({ items: picker.items.map((item) => `${item.label} ${item.description ?? ''}`), active: picker.activeItems[0]?.label });
      return 'dismiss' as const;
    },
  };
}

async function rows(): Promise<{ decisions: string[]; knowledgeRisk: string[] }> {
  const api = await legible();
  await api.settle();
  return api.treeSnapshot();
}

const showsPlaceholder = (text: string) => /<[^>]*>|\bTBD\b|\bTODO\b/.test(text);

describe('Placeholders are never data', () => {
  before(() => legible());
  afterEach(async () => {
    await vscode.commands.executeCommand('legible.groupBy', 'type');
    await cleanUp();
  });

  it('no view shows one: an owner that is a placeholder is "No owner yet", a placeholder risk no group, no row a placeholder value', async () => {
    assert.match(DRAFT, /\n {2}- <Who is accountable for this record\?>\n/, 'the draft\'s owner is a placeholder');
    await writeRecord('0801-second-card-acquirer.md', DRAFT);
    const byType = await rows();
    assert.ok(byType.decisions.includes('    0801 Second card acquirer'), byType.decisions.join('\n'));
    for (const grouping of ['type', 'status', 'owner', 'risk']) {
      await vscode.commands.executeCommand('legible.groupBy', grouping);
      const { decisions, knowledgeRisk } = await rows();
      assert.deepEqual(decisions.filter(showsPlaceholder), [], `${grouping}:\n${decisions.join('\n')}`);
      assert.deepEqual(knowledgeRisk.filter(showsPlaceholder), [], knowledgeRisk.join('\n'));
      if (grouping === 'owner') assert.deepEqual(decisions.slice(-2), ['No owner yet — 1', '  0801 Second card acquirer — proposed'], decisions.join('\n'));
      if (grouping === 'risk') assert.deepEqual(decisions.slice(-2), ['No risk level yet — 1', '  0801 Second card acquirer — proposed'], decisions.join('\n'));
    }
    const entry = (await legible()).entries().find((e) => e.path.endsWith('/0801-second-card-acquirer.md'));
    assert.deepEqual([entry?.owners, entry?.risk, entry?.door], [[], undefined, undefined]);
    assert.ok(entry?.placeholders.includes('/owners/0'), entry?.placeholders.join(', '));
  });

  it('no picker offers one: What If Someone Leaves…, Set Status\'s and Supersede\'s record pickers', async () => {
    await writeRecord('0802-second-card-acquirer.md', DRAFT);
    // A draft whose holders and successors are questions, beside people who are real.
    await writeRecord('0803-half-answered.md', cleanAdr('Half answered', (t) => t.replace('deciders: [alice, bob]', 'deciders: [alice, <Who else decided?>]').replace('successors: [bob]', 'successors: [<Who will operate this without alice?>]').replace('status: accepted', 'status: proposed')));
    await closeAllEditors();
    const shown: Shown[] = [];
    assert.equal(await vscode.commands.executeCommand('legible.whatIfLeaves', undefined, dismissing(shown)), undefined);
    assert.equal(await vscode.commands.executeCommand('legible.setStatus', undefined, 'accepted', dismissing(shown)), undefined);
    assert.equal(await vscode.commands.executeCommand('legible.supersede', undefined, 'Another acquirer', dismissing(shown)), undefined);
    assert.equal(shown.length, 3, 'each command showed its picker');
    const [people, statusRecords, supersedeRecords] = shown;
    assert.deepEqual(people.items.map((item) => item.split(' ')[0]), ['alice', 'bob', 'carol'], people.items.join('\n'));
    for (const picker of shown) assert.deepEqual(picker.items.filter(showsPlaceholder), [], picker.items.join('\n'));
    assert.ok(statusRecords.items.some((item) => item.startsWith('ADR-0802 Second card acquirer proposed')), statusRecords.items.join('\n'));
    assert.ok(supersedeRecords.items.some((item) => item.startsWith('ADR-0803 Half answered proposed · low · two-way')), supersedeRecords.items.join('\n'));
  });
});

describe('Set Status asks before a record with open questions is in force', () => {
  before(() => legible());
  afterEach(() => cleanUp());

  it('names the placeholders left; declined, the record is unchanged; confirmed, it is accepted and lint says what is open', async () => {
    const uri = await writeRecord('0804-second-card-acquirer.md', DRAFT);
    const asked: string[] = [];
    const answer = (yes: boolean) => ({
      confirm: (message: string, action: string) => {
        asked.push(`${message} [${action}]`);
        return yes;
      },
    });
    assert.equal(await vscode.commands.executeCommand('legible.setStatus', uri, 'accepted', answer(false)), undefined);
    assert.equal(asked.length, 1);
    assert.match(asked[0], /^ADR-0804 Second card acquirer: `owners\[0\]`, .+ are still placeholders: \d+ open questions for a record about to be accepted\. Set it accepted anyway\? \[Set accepted\]$/);
    assert.equal(await readText(uri), DRAFT, 'declined: nothing written');
    assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), DRAFT);

    assert.equal(await vscode.commands.executeCommand('legible.setStatus', uri, 'accepted', answer(true)), 'accepted');
    assert.equal(asked.length, 2);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.getText(), DRAFT.replace('\nstatus: proposed\n', '\nstatus: accepted\n'));
    // Lint agrees: on an accepted record each placeholder is an error, not a warning.
    const inForce = await waitForRule(uri, 'placeholder-in-force', (d) => d.message.startsWith('`owners[0]`'));
    assert.equal(inForce.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(legibleDiagnostics(uri).filter((d) => ruleOf(d) === 'placeholder'), []);
  });

  it('does not ask for a status not in force, nor for a record with every question answered', async () => {
    const draft = await writeRecord('0805-second-card-acquirer.md', DRAFT);
    const answered = await writeRecord('0806-answered.md', cleanAdr('Answered', (t) => t.replace('status: accepted', 'status: proposed')));
    const never = { confirm: () => assert.fail('no confirmation was due') };
    assert.equal(await vscode.commands.executeCommand('legible.setStatus', draft, 'rejected', never), 'rejected');
    assert.equal(await vscode.commands.executeCommand('legible.setStatus', answered, 'accepted', never), 'accepted');
    const api = await legible();
    await waitFor('both statuses in the index', () => {
      const statuses = api.entries().filter((e) => /\/080[56]-/.test(e.path)).map((e) => e.status).sort();
      return statuses.join() === 'accepted,rejected';
    }, [api.onDidChange]);
  });
});

describe('Reports and rows', () => {
  before(() => legible());
  afterEach(() => cleanUp());

  it('Show Knowledge Risk and What If open read-only Markdown, never a dirty Untitled document', async () => {
    const risk = await vscode.commands.executeCommand<vscode.TextDocument>('legible.showKnowledgeRisk');
    const leaves = await vscode.commands.executeCommand<vscode.TextDocument>('legible.whatIfLeaves', 'alice');
    for (const document of [risk, leaves]) {
      assert.equal(document.uri.scheme, 'legible-report');
      assert.equal(document.isUntitled, false);
      assert.equal(document.isDirty, false);
      assert.equal(document.languageId, 'markdown');
    }
    assert.ok(risk.getText().startsWith('# Knowledge risk\n'));
    assert.match(leaves.getText(), /^# If alice left today\n\nalice is named in 1 record\.\n/);
    assert.equal(vscode.window.activeTextEditor?.document, leaves);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'legible-report', 'shown from the report scheme, which VS Code opens read-only');
    assert.equal(tab.isDirty, false);
  });

  it('a long title keeps the id and its start in the row; the rest is the tooltip\'s', async () => {
    await writeRecord('0807-long.md', cleanAdr('Use PostgreSQL as the system of record for the payments ledger'));
    const { decisions } = await rows();
    assert.ok(decisions.includes('    0807 Use PostgreSQL as the… — low · two-way'), decisions.join('\n'));
    const entry = (await legible()).entries().find((e) => e.path.endsWith('/0807-long.md'));
    assert.equal(entry?.title, 'Use PostgreSQL as the system of record for the payments ledger', 'the title itself is never cut');
  });
});
