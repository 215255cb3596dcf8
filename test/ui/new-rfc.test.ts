// "Legible: New RFC" from the command palette, as a person does it: F1, the command, a title in the
// input box, Enter, then the door, the risk level and the blast radius from quick picks. The next
// numbered file opens from the template with the first placeholder selected, so typing replaces it
// and Tab moves on to the next one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workbench, workspaceFolder } from './support/session';
import { fileContaining } from './support/file-containing';

const TITLE = 'Adopt feature flags for risky releases';

function nextNumber(folder: string): string {
  const numbers = fs.readdirSync(folder).map((name) => /^(\d{4,})-/.exec(name)?.[1]).filter((n) => n !== undefined).map(Number);
  return String(Math.max(0, ...numbers) + 1).padStart(4, '0');
}

describe('Legible: New RFC', () => {
  it('asks for a title, opens the next numbered file from the template and selects the first placeholder', async () => {
    const ui = workbench();
    await ui.closeAllEditors();
    const folder = path.join(workspaceFolder(), 'docs', 'decisions');
    const file = `${nextNumber(folder)}-adopt-feature-flags-for-risky-releases.md`;

    await ui.runCommand('Legible: New RFC');
    await ui.answerInput(TITLE, /What is being decided\?/);
    await ui.chooseQuickPick('two-way', 'Is this a one-way door or a two-way door?');
    await ui.chooseQuickPick('low', 'How bad would it be if this went wrong?');
    await ui.chooseQuickPick('team', 'How far would the damage reach if this went wrong?');
    await ui.waitInputClosed();

    assert.equal(await ui.waitForActiveTab(file), file);
    const lines = await ui.waitForEditorLine(`title: ${TITLE}`);
    assert.ok(lines.includes('type: rfc'), lines.join('\n'));
    assert.ok(lines.includes('status: draft'), lines.join('\n'));
    assert.ok(lines.includes('  door: two-way') && lines.includes('  level: low') && lines.includes('  blast-radius: team'), lines.join('\n'));
    assert.ok(lines.includes('  - <Who is accountable for this record?>'), lines.join('\n'));

    // The owner's placeholder (line 7, `  - <…>`) is selected: 37 characters from column 5.
    const placeholder = '<Who is accountable for this record?>';
    await ui.waitForCursor(new RegExp(`^Ln 7, Col ${5 + placeholder.length} \\(${placeholder.length} selected\\)`));
    await ui.type('alice');
    await ui.waitForEditorLine(/^ {2}- alice$/);
    await ui.press('Tab');
    // A two-way door at low risk needs no way back and no mitigation: the next stop is the first
    // tradeoff, a `>-` block whose placeholder has a line of its own (line 15, from column 5).
    const reducesRisk = '<What risk are we reducing?>';
    await ui.waitForCursor(new RegExp(`^Ln 15, Col ${5 + reducesRisk.length} \\(${reducesRisk.length} selected\\)`));
    await ui.press('Escape');
    await ui.save();

    // The tab turns clean when the workbench has the save under way; wait for the bytes on disk.
    const text = await fileContaining(path.join(folder, file), /\nowners:\n {2}- alice\n/);
    assert.match(text, /^---\ntype: rfc\ntitle: Adopt feature flags for risky releases\nstatus: draft\n/);
    assert.match(text, /\nowners:\n {2}- alice\n/);
    assert.match(text, /\n## Rollout and reversal\n/);
    await ui.closeAllEditors();

    // In the Decisions view, under RFCs › draft, with the risk and the door picked.
    await ui.openContainer('Legible');
    // The row shows the id and the start of the title (the whole title is in its tooltip), with the
    // risk and the door picked.
    const label = `${file.slice(0, 4)} Adopt feature flags for…`;
    const rows = await ui.waitForTreeRow(label, 'Decisions');
    const row = rows.find((r) => r.label === label);
    assert.deepEqual(row, { label, description: 'low · two-way', level: 3 });
  });
});

