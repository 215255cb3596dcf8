// The Problems panel, as a reviewer reads it: 0013 in the example workspace leaves three
// business-tradeoff fields as template placeholders. Each is a Legible warning on its own line that
// asks the field's question, with the rule id shown (a link to its docs).
import * as assert from 'node:assert/strict';
import { workbench } from './support/session';

const FILE = '0013-add-a-second-card-acquirer-for-failover.md';

describe('Problems panel', () => {
  it('lists the unfilled tradeoff fields of 0013 with their questions and the rule id', async () => {
    const ui = workbench();
    await ui.openProblems();
    // Narrow the panel to one record's tradeoff fields, as a person would with the filter box.
    const problems = await ui.filterProblems(`business-tradeoff, **/${FILE}`, /protects-outcome/);
    const fields = problems.map((problem) => ({ severity: problem.severity, line: problem.line, message: problem.message, source: problem.source }));
    assert.deepEqual(fields, [
      { severity: 'Warning', line: 21, source: 'legible', message: '`business-tradeoff.preserves-option` is still a placeholder. What option are we preserving?' },
      { severity: 'Warning', line: 23, source: 'legible', message: '`business-tradeoff.eases-later` is still a placeholder. What decision becomes easier later?' },
      { severity: 'Warning', line: 24, source: 'legible', message: '`business-tradeoff.protects-outcome` is still a placeholder. What business outcome does this protect?' },
    ]);
    assert.deepEqual(await ui.problemCodes(), ['placeholder', 'placeholder', 'placeholder']);
    await ui.filterProblems('', /./);
  });
});
