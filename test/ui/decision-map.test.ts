// Legible: Show Decision Map from the Decisions view's title bar, on the example workspace: one
// node per record and per person the records name, a click on ADR-0005 opens its file, "Only
// knowledge risks" leaves the four records the Knowledge Risk view lists, and the map follows the
// theme: screenshots in the light and the dark theme; a record's context menu opens it centred on that record. LEGIBLE_SCREENSHOT=1 also writes README's
// picture of the map, media/decision-map.png (compressed with pngquant when it is installed).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../harness/paths';
import type { Workbench } from './support/workbench';
import { workbench, workspaceFolder } from './support/session';
import { writeMedia } from './support/media';

/** The map's page: VS Code puts a webview in an iframe inside an iframe. */
function mapFrame(ui: Workbench) {
  return ui.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function setTheme(ui: Workbench, theme: string): Promise<void> {
  await ui.runCommand('Preferences: Color Theme');
  await ui.page.keyboard.type(theme);
  await ui.page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ state: 'visible' });
  await ui.page.keyboard.press('Enter');
  await ui.waitInputClosed();
}

describe('Decision map', () => {
  it('shows every record and person, opens a record on click, filters to the knowledge risks, in the light and dark themes', async () => {
    const ui = workbench();
    await ui.closeAllEditors();
    await ui.openContainer('Legible');
    await ui.waitForTreeRow(/^0005 /, 'Decisions');
    await ui.clickViewAction('Decisions', 'Show Decision Map');
    const map = mapFrame(ui);
    await map.locator('.map-svg .node-record').first().waitFor({ state: 'visible' });

    const folder = workspaceFolder();
    const list = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'list', '--json'], { cwd: folder, encoding: 'utf8' });
    const entries = JSON.parse(list.stdout) as Array<Record<'owners' | 'holders' | 'successors', string[]> & { id: string }>;
    const people = new Set(entries.flatMap((e) => [...e.owners, ...e.holders, ...e.successors]).map((name) => name.trim().toLowerCase()));
    const records = fs.readdirSync(path.join(folder, 'docs', 'decisions')).filter((name) => /^\d{4}-.*\.md$/.test(name)).length;
    assert.equal(await map.locator('.map-svg .node-record').count(), records);
    assert.equal(await map.locator('.map-svg .node-person').count(), people.size);
    assert.equal(records, entries.length);
    const shot = await ui.screenshot('decision map light');
    writeMedia(shot, 'decision-map.png');

    await map.locator('.node-record', { hasText: 'ADR-0005' }).click();
    await ui.waitForActiveTab('0005-build-an-in-house-fx-rates-service.md');
    await ui.waitForEditorLine('  holders: [li.wei]');

    // Back to the map's tab: the filter keeps only what a knowledge-risk section names.
    await ui.page.locator('.tab', { hasText: 'Decision Map' }).click();
    await map.locator('.map-check input').click();
    await map.locator('.map-status', { hasText: /^4 of 14 records/ }).waitFor({ state: 'visible' });
    const risky = await map.locator('.map-svg .node-record').evaluateAll((nodes) => nodes.map((node) => node.querySelector('.label')?.textContent ?? ''));
    assert.deepEqual(risky.sort(), ['ADR-0003', 'ADR-0004', 'ADR-0005', 'EXIT-0011']);
    await ui.screenshot('decision map only knowledge risks light');

    await map.locator('.map-check input').click();
    await map.locator('.map-status', { hasText: /^14 of 14 records/ }).waitFor({ state: 'visible' });
    // The suite runs in the light theme: the dark one for a screenshot, then back.
    await setTheme(ui, 'Dark Modern');
    await map.locator('.map-svg .node-record').first().waitFor({ state: 'visible' });
    await ui.screenshot('decision map dark');
    await setTheme(ui, 'Light Modern');
    await ui.closeAllEditors();

    // A record's context menu opens the map centred on it, its node the one the keyboard starts from.
    assert.ok((await ui.openRowMenu(/^0003 /, 'Decisions')).includes('Show Decision Map'));
    await ui.chooseMenuItem('Show Decision Map');
    await mapFrame(ui).locator('.map-svg .node-record[data-key$="0003-hold-settlement-funds-at-a-single-partner-bank.md"][tabindex="0"]').waitFor({ state: 'visible' });
    await ui.screenshot('decision map centred on ADR-0003');
    await ui.closeAllEditors();
  });
});
