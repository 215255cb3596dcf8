// A developer types a citation into code, as they would in a review fix: an id no record has is an
// error in the Problems panel at once (the text as typed, unsaved), and it goes when they revert.
// The example workspace's events.ts cites ADR-0010, which is accepted: no problem before.
import * as assert from 'node:assert/strict';
import { workbench } from './support/session';

describe('Citations in code', () => {
  it('shows a citation of no record typed into events.ts as an error, and takes it back on revert', async () => {
    const ui = workbench();
    await ui.closeAllEditors();
    await ui.openFile('events.ts');
    await ui.goToLine(2, 1);
    await ui.type('// Retries as ADR-0042 says. ');
    await ui.waitForEditorLine('Retries as ADR-0042 says.');
    await ui.openProblems();
    const problems = await ui.filterProblems('ADR-0042', /ADR-0042/, 'events.ts');
    assert.deepEqual(problems.map((p) => ({ severity: p.severity, line: p.line, message: p.message, source: p.source })), [
      { severity: 'Error', line: 2, source: 'legible', message: 'cites ADR-0042, which no record has: which decision does this code follow?' },
    ]);
    assert.deepEqual(await ui.problemCodes(), ['code-reference-resolves']);
    await ui.screenshot('a citation of no record in events.ts');

    // Reverted: the text as it is on disk again, and no problem left for the file.
    await ui.runCommand('File: Revert File');
    await ui.waitForEditorLineGone('Retries as ADR-0042 says.');
    await ui.page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'ADR-0042' }).first().waitFor({ state: 'detached' });
    await ui.screenshot('the citation undone');
    await ui.filterProblems('', /./);
    // The tests after read records' lines far down: the editor gets its height back.
    await ui.closeProblems();
    await ui.closeAllEditors();
  });
});
