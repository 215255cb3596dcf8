// test-artifacts/<suite>/ (git-ignored): step screenshots, and on failure a screenshot plus the
// server log, so a red CI run can be read without re-running it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARTIFACTS_DIR } from './paths';
import type { Page } from './playwright-types';

/** Empties and returns test-artifacts/<suite>. */
export function freshArtifactsDir(suite: string): string {
  const dir = path.join(ARTIFACTS_DIR, suite);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function safeName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'step';
}

/** Screenshot of the page plus a copy of the server log; never throws (it runs on failures). */
export async function saveFailureArtifacts(dir: string, label: string, page: Page | undefined, serverLog: string | undefined): Promise<string[]> {
  const saved: string[] = [];
  const base = path.join(dir, `FAILED-${safeName(label)}`);
  if (page) {
    try {
      await page.screenshot({ path: `${base}.png` });
      saved.push(`${base}.png`);
    } catch (error) {
      console.error(`[harness] could not take the failure screenshot: ${String(error)}`);
    }
  }
  if (serverLog && fs.existsSync(serverLog)) {
    fs.copyFileSync(serverLog, `${base}.code-server.log`);
    saved.push(`${base}.code-server.log`);
  }
  return saved;
}
