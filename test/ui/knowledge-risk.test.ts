// The Knowledge Risk view, as a lead reads it: who alone holds which decision, which exit plans and
// reviews are overdue, which one-way doors one person decided; one click opens the record.
// In the example workspace: li.wei alone holds 0005, exit plan 0011 is overdue, 0004 is past its
// review date and jonas alone decided the one-way door 0003. Rows name records by their typed id
// (ADR-0005, EXIT-0011), since each section mixes types.
import * as assert from 'node:assert/strict';
import { workbench } from './support/session';

const VIEW = 'Knowledge Risk';

describe('Knowledge Risk view', () => {
  it('shows the decision only li.wei holds, the overdue exit plan and review, and opens a record on click', async () => {
    const ui = workbench();
    await ui.closeAllEditors();
    await ui.openContainer('Legible');
    const rows = await ui.waitForTreeRow(/^ADR-0005 /, VIEW);
    assert.deepEqual(rows, [
      { level: 1, label: 'Decisions only one person holds', description: '1' },
      { level: 2, label: 'li.wei', description: '1' },
      { level: 3, label: 'ADR-0005 Build an in-house FX…', description: 'risk medium · two-way' },
      { level: 1, label: 'Overdue exit plans', description: '1' },
      { level: 2, label: 'EXIT-0011 Hand over settlement…', description: 'due 2025-06-30' },
      { level: 1, label: 'Overdue reviews', description: '1' },
      { level: 2, label: 'ADR-0004 Score fraud…', description: 'review by 2024-10-15' },
      { level: 1, label: 'One-way doors decided alone', description: '1' },
      { level: 2, label: 'ADR-0003 Hold settlement funds…', description: 'decided by jonas' },
    ]);

    await ui.clickTreeRow('ADR-0005 Build an in-house FX…', VIEW);
    await ui.waitForActiveTab('0005-build-an-in-house-fx-rates-service.md');
    await ui.waitForEditorLine('  holders: [li.wei]');

    await ui.clickTreeRow('EXIT-0011 Hand over settlement…', VIEW);
    await ui.waitForActiveTab('0011-hand-over-settlement-bank-operations-from-jonas.md');
    await ui.waitForEditorLine('type: exit-plan');
    await ui.closeAllEditors();
  });
});
