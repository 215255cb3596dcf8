// The Decisions view, as a person browses it: rows `NNNN Title` grouped by type then status, with
// `status · risk · door` as the description less what the group already says; the title-bar button
// regroups them (here by risk, highest first); one click opens the record.
import * as assert from 'node:assert/strict';
import { workbench } from './support/session';
import type { TreeRow } from './support/workbench';

const VIEW = 'Decisions';

function row(rows: TreeRow[], label: string): TreeRow {
  const found = rows.find((r) => r.label === label);
  assert.ok(found, `no row "${label}" in:\n${rows.map((r) => `${'  '.repeat(r.level - 1)}${r.label} | ${r.description}`).join('\n')}`);
  return found;
}

describe('Decisions tree', () => {
  it('shows records grouped by type then status, regroups by risk and opens a record on click', async () => {
    const ui = workbench();
    await ui.closeAllEditors();
    await ui.openContainer('Legible');

    // Type, then status (the life-cycle order of the schema: proposed before accepted).
    let rows = await ui.waitForTreeRow('0003 Hold settlement funds…', VIEW);
    assert.deepEqual(rows.slice(0, 2).map((r) => [r.label, r.level]), [['ADRs', 1], ['proposed', 2]]);
    assert.match(row(rows, 'ADRs').description, /^\d+$/);
    const proposed = row(rows, '0013 Add a second card…');
    assert.deepEqual([proposed.description, proposed.level], ['high · one-way', 3]);
    assert.equal(row(rows, '0003 Hold settlement funds…').description, 'critical · one-way');
    assert.equal(row(rows, '0005 Build an in-house FX…').description, 'medium · two-way');
    const groups = rows.filter((r) => r.level === 2).map((r) => r.label);
    assert.ok(groups.indexOf('proposed') < groups.indexOf('accepted'), groups.join(', '));

    // The tooltip: what a reviewer needs before opening, the tradeoff in the schema's questions.
    const tooltip = await ui.treeRowTooltip('0013 Add a second card…', 'ADR-0013', VIEW);
    assert.match(tooltip, /^ADR-0013 Add a second card acquirer for failover\n/);
    assert.match(tooltip, /status proposed · risk high · one-way door · dated 2026-10-05/);
    assert.match(tooltip, /What risk are we reducing\? A single acquirer outage stops every card payment/);
    assert.match(tooltip, /What option are we preserving\?\s+not answered yet/);
    assert.doesNotMatch(tooltip, /<What option are we preserving\?>/);
    assert.match(tooltip, /3 problems/);

    // Regroup with the view's title-bar button.
    await ui.clickViewAction(VIEW, 'Group Decisions By');
    assert.deepEqual(await ui.waitForQuickPick(/group decisions by/i), ['Type, then status current', 'Status', 'Owner', 'Risk']);
    await ui.answerInput('Risk', /group decisions by/i);
    await ui.waitInputClosed();
    rows = await ui.waitForTreeRow(/^critical/, VIEW);
    const levels = rows.filter((r) => r.level === 1).map((r) => r.label);
    assert.deepEqual(levels.slice(0, 2), ['critical', 'high'], levels.join(', '));
    assert.deepEqual(rows[1], { label: '0003 Hold settlement funds…', description: 'accepted · one-way', level: 2 });

    // One click opens the record.
    await ui.clickTreeRow('0003 Hold settlement funds…', VIEW);
    await ui.waitForActiveTab('0003-hold-settlement-funds-at-a-single-partner-bank.md');
    await ui.waitForEditorLine('title: Hold settlement funds at a single partner bank');

    // Back to the default grouping for the other flows.
    await ui.clickViewAction(VIEW, 'Group Decisions By');
    await ui.answerInput('Type, then status', /group decisions by/i);
    await ui.waitForTreeRow(/^ADRs/, VIEW);
    await ui.closeAllEditors();
  });
});
