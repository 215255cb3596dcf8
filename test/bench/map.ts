// The decision map in Chromium (issue 18): the HTML report of 1,000 and 10,000 records opened from
// a file as a reader opens it, timed in the page's own clock from navigation to a map that answers
// (nodes drawn, handlers on: the map's data-drawn-at) and to the end of the first frame that shows
// it (data-painted-at); then a pan of 10,000 records' map, every frame timed; and the 1,000-record
// file's size.
// `tsx test/bench/run.ts --only map` runs this alone.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decisionGraph } from '../../src/core/map/decision-graph';
import { knowledgeRisk, whatIfLeaves } from '../../src/core/report/knowledge-risk';
import { renderReportHtml } from '../../src/core/report/render-html';
import { CHROMIUM_ARGS, loadPlaywright } from '../harness/browser';
import { mapCorpus } from '../harness/map-corpus';
import { CHROMIUM_BIN } from '../harness/paths';
import type { Page } from '../harness/playwright-types';

const TODAY = '2026-06-01';

export interface MapSizeResult {
  readonly records: number;
  readonly htmlBytes: number;
  /** Navigation start to the map drawn, in the page's clock, each repetition. */
  readonly interactiveMs: number[];
  /** Navigation start to the end of the first frame that shows it (style, layout and paint done). */
  readonly paintedMs: number[];
  readonly drawnNodes: number;
  readonly grouped: boolean;
}

export interface MapResult {
  readonly sizes: MapSizeResult[];
  /** Frame times (ms) while panning the 10,000-record map, and the same after opening its largest group. */
  readonly panFrames: number[];
}

function reportHtml(records: number, dist: string): string {
  const entries = mapCorpus(records);
  const report = knowledgeRisk(entries, TODAY);
  return renderReportHtml({
    report,
    graph: decisionGraph(entries, { today: TODAY, report, tradeoff: () => ({ 'reduces-risk': 'A sentence of the length a team writes for its business tradeoff, give or take.' }) }),
    departures: [...new Set(entries.flatMap((e) => e.holders))].map((name) => whatIfLeaves(entries, name)),
    script: fs.readFileSync(path.join(dist, 'map.js'), 'utf8'),
    style: fs.readFileSync(path.join(dist, 'map-style.css'), 'utf8'),
    nonce: randomBytes(16).toString('base64'),
    href: (p) => p.replace(/^\/ws\//, ''),
  });
}

/** Drags across the map for ~1.5 s and returns the time between consecutive animation frames. */
async function panFrames(page: Page): Promise<number[]> {
  // Two frames first: whatever was drawn before the pan is painted, and not counted as panning.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  await page.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => { window.__frames.push(now - last); last = now; if (window.__frames.length < 90) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const box = await page.locator('.map-svg').boundingBox();
  if (!box) throw new Error('no map');
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 0; i < 40; i++) await page.mouse.move(box.x + 20 + i * 15, box.y + box.height / 2 + Math.sin(i / 4) * 60);
  await page.mouse.up();
  // Polled from here: the report's Content Security Policy forbids the string evaluation waitForFunction uses.
  for (let i = 0; i < 600 && (await page.evaluate<number>('window.__frames.length')) < 90; i++) await page.locator('#legible-map').waitFor({ state: 'attached' });
  return page.evaluate<number[]>('window.__frames.slice(1)');
}

export async function measureMap(dist: string, sizes: readonly number[], reps: number, log: (line: string) => void): Promise<MapResult> {
  const { chromium } = loadPlaywright() as unknown as { chromium: { launch(o: object): Promise<{ newPage(o: object): Promise<Page>; close(): Promise<void> }> } };
  const browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: CHROMIUM_ARGS, headless: true });
  const results: MapSizeResult[] = [];
  let pan: number[] = [];
  try {
    for (const records of sizes) {
      const html = reportHtml(records, dist);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'legible-map-bench-')), 'report.html');
      fs.writeFileSync(file, html);
      const times: number[] = [];
      const painted: number[] = [];
      let drawn = 0;
      let grouped = false;
      for (let rep = 0; rep < reps; rep++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(pathToFileURL(file).href, { waitUntil: 'commit' });
        await page.locator('#legible-map[data-drawn-at]').waitFor({ state: 'attached', timeout: 60_000 });
        times.push(Number(await page.locator('#legible-map').getAttribute('data-drawn-at')));
        await page.locator('#legible-map[data-painted-at]').waitFor({ state: 'attached', timeout: 60_000 });
        painted.push(Number(await page.locator('#legible-map').getAttribute('data-painted-at')));
        drawn = await page.locator('.map-svg .node').count();
        grouped = (await page.locator('.map-svg .node-group').count()) > 0;
        if (rep === reps - 1 && records === Math.max(...sizes)) {
          pan = await panFrames(page);
          // And once a group is opened: the most records drawn one by one at 10,000.
          await page.locator('.map-svg .node-group').first().click();
          await page.locator('.map-svg .node-record').first().waitFor({ state: 'attached', timeout: 60_000 });
          pan.push(...(await panFrames(page)));
        }
        await page.close();
      }
      log(`map ${records} records: ${(html.length / 1024).toFixed(0)} KiB, interactive in ${times.map((t) => t.toFixed(0)).join(', ')} ms, painted in ${painted.map((t) => t.toFixed(0)).join(', ')} ms, ${drawn} nodes${grouped ? ' (grouped)' : ''}`);
      results.push({ records, htmlBytes: Buffer.byteLength(html), interactiveMs: times, paintedMs: painted, drawnNodes: drawn, grouped });
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
  log(`map pan: ${pan.length} frames, longest ${Math.max(...pan).toFixed(0)} ms`);
  return { sizes: results, panFrames: pan };
}
