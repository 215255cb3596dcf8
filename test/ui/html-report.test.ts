// `legible report --format html` opened in Chromium as a reader would open the file: the example
// records, two of them retitled with markup meant to run (an <img onerror> and a </script> break-out)
// and a holder named with an <svg onload>. The map draws one node per record and per person, and
// every hostile text shows as the letters typed: no dialog, no image, no flag set by a script.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { jsonForScript } from '../../src/core/text/html-escape';
import { REPO_ROOT } from '../harness/paths';
import { artifactsFolder, newPage, scratchFolder } from './support/session';

// Each with words around it: a value that is all `<…>` reads as a template placeholder, an open question, and is left out.
const IMG = 'Use <img src=x onerror=alert(1)> for charts';
const BREAKOUT = 'End </script><script>window.pwned=1</script> here';
const PERSON = 'eve <svg onload=alert(2)>';
const DECISIONS = path.join(REPO_ROOT, 'examples', 'workspace', 'docs', 'decisions');

/** The example records in a folder of their own, with hostile titles in 0001 and 0002 and a hostile holder in 0005. */
function hostileWorkspace(): string {
  const root = scratchFolder('html-report');
  const folder = path.join(root, 'docs', 'decisions');
  fs.mkdirSync(folder, { recursive: true });
  for (const name of fs.readdirSync(DECISIONS)) {
    let text = fs.readFileSync(path.join(DECISIONS, name), 'utf8');
    if (name.startsWith('0001-')) text = text.replace(/^title: .*$/m, `title: ${JSON.stringify(IMG)}`);
    if (name.startsWith('0002-')) text = text.replace(/^title: .*$/m, `title: ${JSON.stringify(BREAKOUT)}`);
    if (name.startsWith('0005-')) text = text.replace(/^ {2}holders: \[li\.wei\]$/m, `  holders: [${JSON.stringify(PERSON)}]`);
    fs.writeFileSync(path.join(folder, name), text);
  }
  return root;
}

describe('HTML report', () => {
  it('draws a node per record and person, and shows hostile titles and names as text with no script run', async () => {
    const root = hostileWorkspace();
    const out = path.join(root, 'report.html');
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'report', 'docs/decisions', '--format', 'html', '--output', out, '--today', '2026-06-01'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const html = fs.readFileSync(out, 'utf8');
    assert.ok(!html.includes(IMG) && !html.includes(BREAKOUT) && !html.includes(PERSON), 'a hostile text is in the file unescaped');

    const records = fs.readdirSync(path.join(root, 'docs', 'decisions')).filter((name) => name.endsWith('.md')).length;
    const page = await newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.setViewportSize({ width: 1400, height: 1000 });
      // The carried layout moved off the one the simulation gives: the page must draw from it.
      await page.setContent(shiftedLayout(html, 1000, -500), { waitUntil: 'load' });
      await page.locator('.map-svg .node').first().waitFor({ state: 'visible' });
      const drawn = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document;
        return { records: doc.querySelectorAll('.map-svg .node-record').length, people: doc.querySelectorAll('.map-svg .node-person').length };
      });
      // The people: everyone the records name as holder, successor or owner, as `legible list --json` reads them.
      const list = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'list', 'docs/decisions', '--json'], { cwd: root, encoding: 'utf8' });
      const entries = JSON.parse(list.stdout) as Array<Record<'owners' | 'holders' | 'successors', string[]>>;
      const named = new Set(entries.flatMap((e) => [...e.owners, ...e.holders, ...e.successors]).map((name) => name.trim().toLowerCase()));
      assert.deepEqual(drawn, { records, people: named.size });
      // Each node where the report's carried (and shifted) layout puts it: the page drew without simulating.
      const placement = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { getElementById(i: string): { textContent: string } | null; querySelectorAll(s: string): Iterable<{ getAttribute(n: string): string | null }> } }).document;
        const positions = (JSON.parse(doc.getElementById('legible-map-data')!.textContent) as { positions: Record<string, [number, number]> }).positions;
        return { positions: Object.keys(positions).length, drawn: [...doc.querySelectorAll('.map-svg .node')].map((g) => [g.getAttribute('transform'), `translate(${positions[g.getAttribute('data-key')!]?.join(',')})`]) };
      });
      assert.equal(placement.positions, records + named.size);
      for (const [drawnAt, carried] of placement.drawn) assert.equal(drawnAt, carried);

      const img = await page.locator('.map-svg .node-record', { hasText: 'ADR-0001' }).getAttribute('aria-label');
      assert.ok(img?.includes(IMG), `ADR-0001's label: ${img}`);
      const breakout = await page.locator('.map-svg .node-record', { hasText: 'ADR-0002' }).getAttribute('aria-label');
      assert.ok(breakout?.includes(BREAKOUT), `ADR-0002's label: ${breakout}`);
      // textContent: the lists below the map are laid out only when scrolled to (content-visibility), so innerText would skip them.
      const text = (await page.locator('body').textContent()) ?? '';
      for (const hostile of [IMG, BREAKOUT, PERSON]) assert.ok(text.includes(hostile), `the page does not show ${hostile} as text`);
      await page.locator('.map-svg .node-record', { hasText: 'ADR-0001' }).hover();
      await page.locator('.map-card').filter({ hasText: IMG }).waitFor({ state: 'visible' });
      await page.screenshot({ path: path.join(artifactsFolder(), 'html-report-hostile.png') });
      // Pointing away hides the card again: the nodes' group listens for all of them.
      await page.mouse.move(2, 2);
      await page.locator('.map-card').waitFor({ state: 'hidden' });
      // A click shows the record's details with a link to its file (the page has no editor); the keyboard moves between nodes.
      await page.locator('.map-svg .node-record', { hasText: 'ADR-0001' }).click();
      const details = page.locator('.map-details');
      await details.filter({ hasText: IMG }).waitFor({ state: 'visible' });
      assert.equal(await details.locator('a.map-open').getAttribute('href'), 'docs/decisions/0001-use-postgresql-as-the-system-of-record-for-the-payments-ledger.md');
      const focused = () => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('data-key') ?? null);
      const first = await focused();
      assert.match(first ?? '', /0001-use-postgresql/);
      await page.keyboard.press('ArrowRight');
      const next = await focused();
      assert.ok(next && next !== first, `ArrowRight left the focus on ${next}`);
      const ran = await page.evaluate(() => ({
        pwned: (globalThis as unknown as { pwned?: unknown }).pwned ?? null,
        images: (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('img, svg svg[onload], [onerror]').length,
      }));
      assert.deepEqual({ ...ran, dialogs }, { pwned: null, images: 0, dialogs: [] });
    } finally {
      await page.close();
    }
  });
});

/** The report with every carried centre moved by (dx, dy), so a drawing from the data tells itself apart. */
function shiftedLayout(html: string, dx: number, dy: number): string {
  const open = 'id="legible-map-data">';
  const start = html.indexOf(open) + open.length;
  const end = html.indexOf('</script>', start);
  const data = JSON.parse(html.slice(start, end)) as { positions: Record<string, [number, number]> };
  for (const centre of Object.values(data.positions)) [centre[0], centre[1]] = [centre[0] + dx, centre[1] + dy];
  return html.slice(0, start) + jsonForScript(data) + html.slice(end);
}
