// "Legible: Lint Workspace" from the command palette: it reports the records and problems it found
// in the status bar (the example workspace's records, with the problems examples/README.md lists).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workbench, workspaceFolder } from './support/session';

describe('Legible: Lint Workspace', () => {
  it('runs from the command palette and reports in the status bar', async () => {
    const ui = workbench();
    await ui.runCommand('Legible: Lint Workspace');
    await ui.waitInputClosed();
    const message = await ui.waitForStatusBar(/Legible: \d+ records?, \d+ problems?/);
    const [, records, problems] = /(\d+) records?, (\d+) problems?/.exec(message) ?? [];
    // Every flow that adds a record saves it into docs/decisions: count them now.
    const onDisk = fs.readdirSync(path.join(workspaceFolder(), 'docs', 'decisions')).filter((name) => name.endsWith('.md'));
    assert.equal(Number(records), onDisk.length, message);
    assert.ok(Number(problems) >= 12, `the example workspace's problems were not all counted: ${message}`);
    const errors = (await ui.notifications()).filter((text) => /not found|failed|error/i.test(text));
    assert.deepEqual(errors, []);
  });
});
