import type * as vscode from 'vscode';
import { activateWith, type LegibleApi } from '../activate-with';
import type { HostAdapters } from '../host';
import { systemClock } from '../../node/system-clock';
import { webScheduler } from './web-scheduler';
import { webRegexEngine } from './web-regex-engine';

/**
 * The web worker host (package.json `browser`: vscode.dev, github.dev): every file through
 * vscode.workspace.fs, timers and Date, no git and no RE2 (see web-regex-engine.ts). The clock is
 * src/node's, which is plain Date; the browser build fails on any Node built-in this reaches.
 */
/** Set by the bundle's first line (scripts/sidecars.mjs webBuild banner), before any module of it runs. */
declare const __legibleBundleStart: number | undefined;

const WEB_HOST: HostAdapters = {
  kind: 'web',
  loadedAt: typeof __legibleBundleStart === 'number' ? __legibleBundleStart : undefined,
  scheduler: webScheduler,
  clock: systemClock,
  regexEngine: webRegexEngine,
};

export function activate(context: vscode.ExtensionContext): LegibleApi {
  return activateWith(context, WEB_HOST);
}

export function deactivate(): void {}
