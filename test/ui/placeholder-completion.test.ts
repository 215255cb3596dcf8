// Ctrl+Space on a placeholder that stands for a closed vocabulary (`level: <low | medium | high |
// critical>`, as `legible new` writes it), the placeholder selected as a tab stop leaves it: the
// values are listed (VS Code used to say "No suggestions": it matched them against the placeholder),
// and choosing one replaces the whole placeholder. The record is written outside the decisions
// folder, so the other flows' trees and counts never see it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderTemplate } from '../../src/core/templates/render-template';
import { workbench, workspaceFolder } from './support/session';

const NAME = 'ledger-draft.md';
const PLACEHOLDER = '<low | medium | high | critical>';

describe('Completion at a placeholder', () => {
  it('Ctrl+Space on a selected <low | medium | high | critical> lists the levels; choosing one replaces it', async () => {
    const ui = workbench();
    await ui.closeAllEditors();
    const folder = path.join(workspaceFolder(), 'drafts');
    const file = path.join(folder, NAME);
    const { text } = renderTemplate({ type: 'adr', title: 'Shard the ledger', date: '2026-01-05', owners: ['priya'] });
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(file, text);
    try {
      await ui.openFile(NAME);
      const line = text.split('\n').findIndex((l) => l === `  level: ${PLACEHOLDER}`) + 1;
      assert.ok(line > 0, text);
      const column = '  level: '.length + 1;
      await ui.goToLine(line, column);
      await ui.press('Shift+End');
      await ui.waitForCursor(new RegExp(`^Ln ${line}, Col ${column + PLACEHOLDER.length} \\(${PLACEHOLDER.length} selected\\)`));
      await ui.press('Control+Space');
      assert.deepEqual(await ui.waitForSuggestions('critical'), ['low', 'medium', 'high', 'critical']);
      await ui.chooseSuggestion('high');
      await ui.waitForEditorLine('  level: high');
      await ui.waitForEditorLineGone(PLACEHOLDER);
    } finally {
      // The file as written (an unsaved edit would hold the next Close All Editors on a prompt), then gone.
      await ui.runCommand('File: Revert File');
      await ui.waitForCleanTab();
      await ui.closeAllEditors();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
