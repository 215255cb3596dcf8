// Diagnostics reach the Problems panel: the fixture's 0002 leaves a tradeoff field as TODO.
import * as assert from 'node:assert/strict';
import { workbench } from './support/session';

describe('Problems panel', () => {
  it('lists the placeholder left in 0002 as a Legible warning on its line', async () => {
    const ui = workbench();
    await ui.openProblems();
    const problems = await ui.waitForProblem(/preserves-option/);
    const placeholder = problems.find((problem) => problem.message.includes('preserves-option'));
    assert.ok(placeholder, JSON.stringify(problems));
    assert.equal(placeholder.severity, 'Warning');
    assert.equal(placeholder.source, 'legible');
    assert.equal(placeholder.line, 15);
  });
});
