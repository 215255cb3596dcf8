// "Legible: Lint Workspace" from the command palette: it reports the records and problems it
// found in the status bar (the fixture has 2 records and a placeholder left on purpose).
import * as assert from 'node:assert/strict';
import { workbench } from './support/session';

describe('Legible: Lint Workspace', () => {
  it('runs from the command palette and reports in the status bar', async () => {
    const ui = workbench();
    await ui.runCommand('Legible: Lint Workspace');
    await ui.waitInputClosed();
    const message = await ui.waitForStatusBar(/Legible: \d+ records?, \d+ problems?/);
    const [, records, problems] = /(\d+) records?, (\d+) problems?/.exec(message) ?? [];
    assert.equal(Number(records), 2, message);
    assert.ok(Number(problems) >= 1, `the fixture's placeholder was not counted: ${message}`);
    const errors = (await ui.notifications()).filter((text) => /not found|failed|error/i.test(text));
    assert.deepEqual(errors, []);
  });
});
