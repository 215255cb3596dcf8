// A repository with no decision record yet: the Decisions view welcomes the user with buttons
// instead of an empty tree, and New ADR from there writes the first record into docs/decisions
// (a folder Legible did not know); the tree then takes the welcome's place. A window of its own,
// on a fresh folder that holds only a README.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openWindow, scratchFolder, type UiWindow } from './support/session';

const VIEW = 'Decisions';
const TITLE = 'Record our decisions in the repository';
/** The row shows the id and the start of the title; the whole title is in its tooltip. */
const ROW = '0001 Record our decisions in…';
const FILE = '0001-record-our-decisions-in-the-repository.md';

describe('Welcome view', () => {
  let folder: string;
  let window: UiWindow | undefined;

  before(async () => {
    folder = scratchFolder('new-repository');
    fs.writeFileSync(path.join(folder, 'README.md'), '# A repository without decision records\n');
    window = await openWindow(folder, 'welcome');
  });

  after(() => window?.close());

  it('offers New ADR, New RFC and Configure Folder on an empty workspace; New ADR writes the first record and the tree replaces the welcome', async () => {
    const ui = window!.workbench;
    const views = await ui.openContainer('Legible');
    assert.deepEqual(views.slice(0, 2), ['Decisions', 'Knowledge Risk']);
    const buttons = await ui.waitForWelcome(VIEW, 'No decision records yet');
    assert.deepEqual(buttons, ['New ADR', 'New RFC', 'Configure Folder']);
    assert.equal(fs.existsSync(path.join(folder, 'docs')), false);

    await ui.clickWelcomeButton(VIEW, 'New ADR');
    await ui.answerInput(TITLE, /What is being decided\?/);
    await ui.chooseQuickPick('two-way', 'Is this a one-way door or a two-way door?');
    await ui.chooseQuickPick('low', 'How bad would it be if this went wrong?');
    await ui.chooseQuickPick('component', 'How far would the damage reach if this went wrong?');
    await ui.waitInputClosed();
    assert.equal(await ui.waitForActiveTab(FILE), FILE);
    await ui.waitForEditorLine(`title: ${TITLE}`);
    await ui.press('Escape');
    await ui.save();
    assert.ok(fs.existsSync(path.join(folder, 'docs', 'decisions', FILE)), 'the record is not in docs/decisions');

    // The welcome gives way to the tree, with the new record under ADRs › proposed.
    await ui.waitForWelcomeGone(VIEW);
    const rows = await ui.waitForTreeRow(ROW, VIEW);
    assert.deepEqual(rows.map((r) => [r.label, r.level]), [['ADRs', 1], ['proposed', 2], [ROW, 3]]);
    await ui.screenshot('first record in the tree');
  });
});
