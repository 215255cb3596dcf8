// A repository with no decision record yet: the Decisions view welcomes the user with buttons
// instead of an empty tree, and New ADR from there writes the first record into docs/decisions
// (a folder Legible did not know); the tree then takes the welcome's place. A window of its own,
// on a fresh folder that holds only a README.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openWindow, scratchFolder, type UiWindow } from './support/session';
import { EXAMPLE_WORKSPACE } from '../harness/paths';

const VIEW = 'Decisions';
const TITLE = 'Record our decisions in the repository';
/** The row shows the id and the start of the title; the whole title is in its tooltip. */
const ROW = '0001 Record our decisions in…';
const FILE = '0001-record-our-decisions-in-the-repository.md';
const EXAMPLE_RECORDS = ['0001-use-postgresql-as-the-system-of-record-for-the-payments-ledger.md', '0002-publish-payment-events-through-rabbitmq.md'];

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

// A repository whose records sit where no usual folder is (rust-lang/rfcs keeps its RFCs in
// text/): Configure Folder offers the folders whose files are named as records, and the one chosen
// goes into .legible.json, which the tree then reads.
describe('Configure Folder', () => {
  let folder: string;
  let window: UiWindow | undefined;

  before(async () => {
    folder = scratchFolder('records-in-text');
    fs.writeFileSync(path.join(folder, 'README.md'), '# RFCs\n');
    fs.mkdirSync(path.join(folder, 'text'));
    fs.mkdirSync(path.join(folder, 'guide'));
    for (const name of EXAMPLE_RECORDS) fs.copyFileSync(path.join(EXAMPLE_WORKSPACE, 'docs', 'decisions', name), path.join(folder, 'text', name));
    fs.writeFileSync(path.join(folder, 'guide', '01-intro.md'), '# A numbered chapter, not a record\n');
    window = await openWindow(folder, 'configure');
  });

  after(() => window?.close());

  it('offers the folder whose files are named as records, writes it into .legible.json, and the tree shows its records', async () => {
    const ui = window!.workbench;
    await ui.openContainer('Legible');
    await ui.waitForWelcome(VIEW, 'No decision records yet');
    await ui.clickWelcomeButton(VIEW, 'Configure Folder');
    const rows = await ui.chooseQuickPick('text', 'Which folder holds the decision records?');
    // Each row: the folder, how many records, the first names; guide/ (one numbered chapter) is none.
    assert.equal(rows.length, 2, rows.join('\n'));
    assert.match(rows[0], new RegExp(`^text\\s*${EXAMPLE_RECORDS.length} files named as records\\s*${EXAMPLE_RECORDS.join(', ').replace(/\./g, '\\.')}$`));
    assert.match(rows[1], /^Browse…\s*another folder$/);
    await ui.waitForActiveTab('.legible.json');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(folder, '.legible.json'), 'utf8')).folders, ['text']);
    await ui.waitForWelcomeGone(VIEW);
    const tree = await ui.waitForTreeRow(/^0002 /, VIEW);
    assert.deepEqual(tree.filter((r) => /^\d{4} /.test(r.label)).map((r) => r.label.slice(0, 5)), ['0001 ', '0002 ']);
    await ui.screenshot('records of text in the tree');
  });
});
