// Debian Chromium driven by playwright-core from the cache: headless, a fresh profile in the run
// folder, and a guard that records and aborts any request that would leave 127.0.0.1.
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { onCleanup } from './cleanup';
import { CHROMIUM_BIN, PLAYWRIGHT_PREFIX } from './paths';
import { isolatedEnv, type RunDir } from './run-dir';
import type { BrowserContext, Page, PlaywrightModule } from './playwright-types';

/** The flags that keep Chromium quiet and offline (see docs/real-vscode-testing.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Every URL the page tried to reach outside 127.0.0.1 (aborted). Should stay empty. */
  offHostRequests: string[];
  close(): Promise<void>;
}

export function loadPlaywright(): PlaywrightModule {
  const requireFromCache = createRequire(path.join(PLAYWRIGHT_PREFIX, 'package.json'));
  return requireFromCache('playwright-core') as PlaywrightModule;
}

/** True for URLs that stay on this machine: 127.0.0.1, or data:/blob:/about: documents. */
export function staysLocal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return true;
  return parsed.hostname === '127.0.0.1';
}

export async function launchBrowser(runDir: RunDir): Promise<BrowserSession> {
  const { chromium } = loadPlaywright();
  const context = await chromium.launchPersistentContext(runDir.browserProfile, {
    executablePath: CHROMIUM_BIN,
    headless: true,
    args: CHROMIUM_ARGS,
    env: isolatedEnv(runDir),
    viewport: { width: 1440, height: 900 },
    // Our cleanup closes the browser; Playwright must not exit the process on signals.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => (closing ??= (async () => {
    unregister();
    await context.close();
  })());
  const unregister = onCleanup(close);

  const offHostRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (staysLocal(url)) return route.continue();
    offHostRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? await context.newPage();
  // WebSockets are not routed: record them too (the workbench's own socket is on 127.0.0.1).
  page.on('websocket', (socket) => {
    if (!staysLocal(socket.url())) offHostRequests.push(socket.url());
  });
  return { context, page, offHostRequests, close };
}
