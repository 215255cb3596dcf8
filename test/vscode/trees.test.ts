// The Decisions and Knowledge Risk views, read through the extension's treeSnapshot() test seam
// (VS Code has no API to read a tree view's rows): contents, grouping, and how they follow the files.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanAdr, cleanUp, legible, lines, waitFor, writeRecord } from './support';

async function decisionsRows(): Promise<string[]> {
  const api = await legible();
  await api.settle();
  return (await api.treeSnapshot()).decisions;
}

async function riskRows(): Promise<string[]> {
  const api = await legible();
  await api.settle();
  return (await api.treeSnapshot()).knowledgeRisk;
}

/** Waits until the Decisions view's rows satisfy `predicate` (the view follows the index). */
async function waitForRows(description: string, predicate: (rows: string[]) => boolean): Promise<string[]> {
  const api = await legible();
  return waitFor(description, async () => {
    const rows = (await api.treeSnapshot()).decisions;
    return predicate(rows) ? rows : undefined;
  }, [api.onDidChange]);
}

describe('Views', () => {
  before(() => legible());
  afterEach(async () => {
    await vscode.commands.executeCommand('legible.groupBy', 'type');
    await cleanUp();
  });

  describe('Decisions', () => {
    it('groups the records by type, then status, each record with its number, title, risk and door', async () => {
      assert.deepEqual(await decisionsRows(), [
        'ADRs — 2',
        '  proposed — 1',
        '    0002 Cache sessions in Redis — medium · two-way',
        '  accepted — 1',
        '    0001 Record decisions with… — low · two-way',
      ]);
    });

    it('Group By regroups the view: status, owner, risk (highest first), and back to type', async () => {
      assert.equal(await vscode.commands.executeCommand('legible.groupBy', 'status'), 'status');
      assert.deepEqual(await decisionsRows(), [
        'proposed — 1',
        '  0002 Cache sessions in Redis — medium · two-way',
        'accepted — 1',
        '  0001 Record decisions with… — low · two-way',
      ]);
      assert.equal(await vscode.commands.executeCommand('legible.groupBy', 'owner'), 'owner');
      assert.deepEqual(await decisionsRows(), [
        'alice — 1',
        '  0001 Record decisions with… — accepted · low · two-way',
        'bob — 1',
        '  0002 Cache sessions in Redis — proposed · medium · two-way',
      ]);
      await writeRecord('0701-critical.md', cleanAdr('Critical call', (t) => t.replace('level: low', 'level: critical\n  mitigation: Roll back the release.').replace('owners: [alice]', 'owners: [alice, carol]')));
      assert.equal(await vscode.commands.executeCommand('legible.groupBy', 'risk'), 'risk');
      assert.deepEqual(await decisionsRows(), [
        'critical — 1',
        '  0701 Critical call — accepted · two-way',
        'medium — 1',
        '  0002 Cache sessions in Redis — proposed · two-way',
        'low — 1',
        '  0001 Record decisions with… — accepted · two-way',
      ]);
      await vscode.commands.executeCommand('legible.groupBy', 'owner');
      const byOwner = await decisionsRows();
      assert.deepEqual(byOwner.filter((row) => row.includes('0701')).length, 2, 'a record appears under each of its owners');
      assert.equal(await vscode.commands.executeCommand('legible.groupBy', 'type'), 'type');
      assert.equal((await decisionsRows())[0], 'ADRs — 3');
    });

    it('follows the files: a new record appears in its group, an edited status moves it, a deleted one goes', async () => {
      const uri = await writeRecord('0702-new-rfc.md', lines('---', 'type: rfc', 'title: Stream events', 'status: draft', '---', '', '# Stream events'));
      await waitForRows('the RFC in the view', (rows) => rows.includes('RFCs — 1') && rows.includes('    0702 Stream events'));
      const rows = await decisionsRows();
      assert.deepEqual(rows.slice(rows.indexOf('RFCs — 1')), ['RFCs — 1', '  draft — 1', '    0702 Stream events']);

      // Typing in the editor moves it, before any save.
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      await editor.edit((b) => b.replace(document.lineAt(3).range, 'status: review'));
      await waitForRows('the RFC under review', (r) => r.includes('  review — 1') && !r.includes('  draft — 1'));

      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
      await waitForRows('the RFC gone', (r) => !r.some((row) => row.includes('0702')) && !r.includes('RFCs — 1'));
    });
  });

  describe('Knowledge Risk', () => {
    it('lists nothing for the fixture, whose decisions all have successors', async () => {
      assert.deepEqual(await riskRows(), [
        'Decisions only one person holds — none',
        'Overdue exit plans — none',
        'Overdue reviews — none',
        'One-way doors decided alone — none',
      ]);
    });

    it('names the sole holder with the decisions only they hold, overdue plans and reviews, and lone one-way doors', async () => {
      await writeRecord('0703-settlement-batch.md', cleanAdr('Settlement batch', (t) => t.replace('  holders: [alice]\n  successors: [bob]\n', '  holders: [jonas]\n')));
      await writeRecord('0704-old-review.md', cleanAdr('Old review', (t) => t.replace('review-by: 2030-01-05', 'review-by: 2020-01-05')));
      await writeRecord('0705-one-way.md', cleanAdr('One way', (t) => t.replace('deciders: [alice, bob]', 'deciders: [alice]').replace('  door: two-way', '  door: one-way\n  how: Restore the backup.')));
      await writeRecord('0706-hand-over.md', lines('---', 'type: exit-plan', 'title: Hand over settlement', 'status: planned', 'due: 2020-06-01', 'holders: [jonas]', 'successors: [bob]', '---', '', '# Hand over settlement'));
      assert.deepEqual(await riskRows(), [
        'Decisions only one person holds — 1',
        '  jonas — 1',
        '    ADR-0703 Settlement batch — risk low · two-way',
        'Overdue exit plans — 1',
        '  EXIT-0706 Hand over settlement — due 2020-06-01',
        'Overdue reviews — 1',
        '  ADR-0704 Old review — review by 2020-01-05',
        'One-way doors decided alone — 1',
        '  ADR-0705 One way — decided by alice',
      ]);
    });
  });
});
