// Legible: Show Decision Map from the Decisions view's title bar, on the example workspace: one
// node per record and per person the records name, each with a screen-reader label; a click on
// ADR-0005 opens its file; "Only knowledge risks" leaves the four records the Knowledge Risk view
// lists; zoom and pan move the picture; the search marks what it found and Enter takes the
// keyboard there; arrow keys move between nodes and Enter opens a record; and the map follows the
// theme: screenshots in the light, dark and both high-contrast themes. A record's context menu
// opens it centred on that record. LEGIBLE_SCREENSHOT=1 also writes README's picture of the map,
// media/decision-map.png (compressed with pngquant when it is installed).
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

/** Chooses a colour theme, and waits until the map's page has it (VS Code marks the webview's body with its kind). */
async function setTheme(ui: Workbench, theme: string, kind: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast' | 'vscode-high-contrast-light'): Promise<void> {
  await ui.runCommand('Preferences: Color Theme');
  await ui.page.keyboard.type(theme);
  await ui.page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ state: 'visible' });
  await ui.page.keyboard.press('Enter');
  await ui.waitInputClosed();
  await mapFrame(ui).locator(`body.${kind}`).waitFor({ state: 'attached' });
}

/** The map's zoom and pan: `translate(x,y) scale(k)` on its viewport. */
async function viewTransform(ui: Workbench): Promise<{ text: string; x: number; y: number; k: number }> {
  const text = (await mapFrame(ui).locator('.map-viewport').getAttribute('transform')) ?? '';
  const match = /^translate\((-?[\d.]+),(-?[\d.]+)\) scale\(([\d.]+)\)$/.exec(text);
  assert.ok(match, `the viewport's transform is ${text}`);
  return { text, x: Number(match[1]), y: Number(match[2]), k: Number(match[3]) };
}

/** Waits until the viewport's transform is no longer `before`, and returns the new one. */
async function transformChanged(ui: Workbench, before: string): Promise<{ text: string; x: number; y: number; k: number }> {
  await mapFrame(ui).locator(`.map-viewport:not([transform="${before}"])`).waitFor({ state: 'attached' });
  return viewTransform(ui);
}

/** The node the keyboard is on: the one focused, which is also the one in the tab order. */
async function focusedNode(ui: Workbench): Promise<{ key: string; kind: string; label: string }> {
  const map = mapFrame(ui);
  const focused = map.locator('.map-svg .node:focus');
  await focused.waitFor({ state: 'attached' });
  const key = (await focused.getAttribute('data-key')) ?? '';
  assert.equal(await focused.getAttribute('tabindex'), '0', 'the focused node is not the tab stop');
  assert.equal(await map.locator('.map-svg .node[tabindex="0"]').count(), 1, 'more than one node in the tab order');
  return { key, kind: (await focused.getAttribute('class'))?.match(/node-(record|person|group)/)?.[1] ?? '', label: (await focused.getAttribute('aria-label')) ?? '' };
}

describe('Decision map', () => {
  it('shows every record and person, labelled, opens a record on click and by keyboard, filters, searches, zooms and pans, in the light, dark and high-contrast themes', async function () {
    // Four themes, two records opened and the keyboard's walk: longer than the suite's minute per test.
    this.timeout(240_000);
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

    // Screen readers: every node a button with a sentence saying what it is; the map says how to move.
    const labels = await map.locator('.map-svg .node').evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('role'), node.getAttribute('aria-label')]));
    assert.equal(labels.length, records + people.size);
    for (const [role, label] of labels) {
      assert.equal(role, 'button');
      assert.ok(label && label.length > 8, `a node labelled ${JSON.stringify(label)}`);
    }
    assert.match((await map.locator('.node-record', { hasText: 'ADR-0005' }).getAttribute('aria-label')) ?? '', /^adr ADR-0005: Build an in-house FX rates service, status \w+/);
    assert.match((await map.locator('.map-svg').getAttribute('aria-label')) ?? '', /arrow keys move between nodes, Enter opens/);

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

    // Zoom: the toolbar's button scales the picture up, about the middle.
    const fitted = await viewTransform(ui);
    await map.locator('button[aria-label="Zoom in"]').click();
    const zoomed = await transformChanged(ui, fitted.text);
    assert.ok(Math.abs(zoomed.k / fitted.k - 1.25) < 0.01, `zoomed from ${fitted.k} to ${zoomed.k}`);
    // Pan: a drag on the background moves the picture by as much as the pointer moved.
    const stage = (await map.locator('.map-svg').boundingBox())!;
    await ui.page.mouse.move(stage.x + 6, stage.y + stage.height - 6);
    await ui.page.mouse.down();
    await ui.page.mouse.move(stage.x + 86, stage.y + stage.height - 46, { steps: 5 });
    await ui.page.mouse.up();
    const panned = await transformChanged(ui, zoomed.text);
    assert.ok(Math.abs(panned.x - zoomed.x - 80) <= 1 && Math.abs(panned.y - zoomed.y + 40) <= 1, `panned from ${zoomed.text} to ${panned.text}`);
    assert.equal(panned.k, zoomed.k);
    await ui.screenshot('decision map zoomed and panned');
    await map.locator('button[aria-label="Fit the map"]').click();
    await transformChanged(ui, panned.text);

    // Search: the map keeps what matches, marked; Enter takes the keyboard to it.
    const search = map.locator('.map-search');
    await search.fill('fx rates');
    await map.locator('.map-status', { hasText: /^1 of 14 records/ }).waitFor({ state: 'visible' });
    const found = await map.locator('.map-svg .node.search-match').evaluateAll((nodes) => nodes.map((node) => node.querySelector('.label')?.textContent ?? ''));
    assert.deepEqual(found, ['ADR-0005']);
    await search.press('Enter');
    const start = await focusedNode(ui);
    assert.match(start.key, /0005-build-an-in-house-fx-rates-service\.md$/);
    await ui.screenshot('decision map search fx rates');
    await search.fill('');
    await map.locator('.map-status', { hasText: /^14 of 14 records/ }).waitFor({ state: 'visible' });
    assert.equal(await map.locator('.map-svg .node.search-match').count(), 0);

    // Keyboard: Enter in the search box goes back to that node; arrow keys move to another one,
    // each the one tab stop, until a record other than ADR-0005; Enter opens it.
    await search.press('Enter');
    assert.equal((await focusedNode(ui)).key, start.key);
    let at = start;
    const visited = new Set([start.key]);
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await ui.page.keyboard.press(key);
      await map.locator(`.map-svg .node:focus:not([data-key="${at.key}"])`).waitFor({ state: 'attached' });
      at = await focusedNode(ui);
      visited.add(at.key);
      if (at.kind === 'record' && at.key !== start.key) break;
    }
    assert.ok(at.kind === 'record' && at.key !== start.key, `the arrow keys went through ${[...visited].join(', ')} without reaching another record`);
    await ui.screenshot('decision map keyboard focus');
    await ui.page.keyboard.press('Enter');
    await ui.waitForActiveTab(at.key.split('/').pop()!);
    await ui.page.locator('.tab', { hasText: 'Decision Map' }).click();
    await map.locator('.map-svg .node-record').first().waitFor({ state: 'visible' });

    // The suite runs in the light theme: the dark and high-contrast ones for screenshots, then back.
    await setTheme(ui, 'Dark Modern', 'vscode-dark');
    await map.locator('.map-svg .node-record').first().waitFor({ state: 'visible' });
    await ui.screenshot('decision map dark');
    await setTheme(ui, 'Dark High Contrast', 'vscode-high-contrast');
    await map.locator('.map-svg .node-record').first().waitFor({ state: 'visible' });
    await ui.screenshot('decision map high contrast dark');
    await setTheme(ui, 'Light High Contrast', 'vscode-high-contrast-light');
    await map.locator('.map-svg .node-record').first().waitFor({ state: 'visible' });
    await ui.screenshot('decision map high contrast light');
    await setTheme(ui, 'Light Modern', 'vscode-light');
    await ui.closeAllEditors();

    // A record's context menu opens the map centred on it, its node the one the keyboard starts from.
    assert.ok((await ui.openRowMenu(/^0003 /, 'Decisions')).includes('Show Decision Map'));
    await ui.chooseMenuItem('Show Decision Map');
    await mapFrame(ui).locator('.map-svg .node-record[data-key$="0003-hold-settlement-funds-at-a-single-partner-bank.md"][tabindex="0"]').waitFor({ state: 'visible' });
    await ui.screenshot('decision map centred on ADR-0003');
    await ui.closeAllEditors();
  });
});
