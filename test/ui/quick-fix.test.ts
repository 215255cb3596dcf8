// Quick fixes, as a person applies them: the cursor on a diagnostic, the light bulb (or Ctrl+.),
// the fix chosen from the menu; the text changes and the diagnostic goes. Each flow leaves its file
// as it found it, so the workspace stays as the other flows expect it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workbench, workspaceFolder } from './support/session';

const FILE = '0003-hold-settlement-funds-at-a-single-partner-bank.md';

describe('Quick fixes', () => {
  it('adds the missing risk.mitigation of a critical-risk ADR through the light bulb', async () => {
    const ui = workbench();
    await ui.closeAllEditors();
    await ui.openFile(FILE);
    await ui.openProblems();
    let problems = await ui.filterProblems('**/0003-*.md', /risk\.mitigation/);
    assert.ok(problems.some((p) => p.severity === 'Error' && p.message.startsWith('`risk.mitigation` is missing.')), JSON.stringify(problems));
    assert.equal(await ui.squiggleCount('error'), 1);

    // The finding sits on the `risk:` key (line 14).
    await ui.goToLine(14, 1);
    const fixes = await ui.openLightBulb();
    assert.ok(fixes.includes('Add `risk.mitigation`'), fixes.join('\n'));
    await ui.chooseQuickFix('Add `risk.mitigation`');

    await ui.waitForEditorLine('  mitigation: >-');
    await ui.waitForEditorLine('    <How will we lower this risk, or recover if it happens?>');
    // The fix selects the question it inserted, so typing the answer replaces it.
    const question = '<How will we lower this risk, or recover if it happens?>';
    await ui.waitForCursor(new RegExp(`^Ln \\d+, Col ${'    '.length + 1 + question.length} \\(${question.length} selected\\)`));
    // The missing field is now a question to answer; the record is accepted, so an open question is
    // an error too (placeholder-in-force), on the value the fix wrote.
    problems = await ui.waitForProblem(/`risk\.mitigation` is still a placeholder, but this record is accepted/);
    assert.deepEqual(problems.filter((p) => p.severity === 'Error' && !/is still a placeholder/.test(p.message)), [], JSON.stringify(problems));
    assert.ok(!problems.some((p) => p.message.startsWith('`risk.mitigation` is missing.')), JSON.stringify(problems));
    assert.equal(await ui.squiggleCount('error'), 1);

    // Undo the fix and save: VS Code may already have saved the fixed file (files.refactoring.autoSave
    // saves what a code action edits unless the editor has focus), so reverting is not enough.
    await ui.goToLine(14, 1);
    await ui.press('Control+Z');
    await ui.waitForEditorLineGone('mitigation:');
    await ui.save();
    assert.doesNotMatch(fs.readFileSync(path.join(workspaceFolder(), 'docs', 'decisions', FILE), 'utf8'), /mitigation:/);
    await ui.filterProblems('', /./);
    await ui.closeAllEditors();
  });

  it('corrects a mistyped risk level with Ctrl+.', async () => {
    const ui = workbench();
    await ui.closeAllEditors();
    await ui.openFile('0006-sign-merchant-webhooks-with-hmac-sha256.md');
    assert.equal(await ui.squiggleCount('error'), 0);

    // Retype `level: medium` (line 18) as `meduim`.
    await ui.goToLine(18, 10);
    await ui.press('Shift+End');
    await ui.type('meduim');
    await ui.waitForEditorLine('  level: meduim');
    await ui.waitForSquiggle('error');

    try {
      const fixes = await ui.openQuickFixMenu();
      assert.ok(fixes.includes('Change to "medium"'), fixes.join('\n'));
      await ui.chooseQuickFix('Change to "medium"');

      await ui.waitForEditorLine('  level: medium');
      await ui.waitForSquiggleGone('error');
    } finally {
      // The saved text again (whether or not VS Code saved the fix, and if a step failed): an
      // unsaved edit left behind would hold the next test's Close All Editors on a save prompt.
      await ui.runCommand('File: Revert File');
      await ui.waitForCleanTab();
    }
    await ui.closeAllEditors();
  });
});
