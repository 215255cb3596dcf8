import type { Clock } from '../core/port/clock';
import type { HistoryReader } from '../core/live/live-evidence';
import type { RegexEngine } from '../core/port/regex-engine';
import type { Scheduler } from '../core/port/scheduler';
import type * as vscode from 'vscode';
import type { DiskPortFactory } from './vscode-file-system';
import type { McpRegistration } from './mcp-provider';

/**
 * What differs between the extension's two hosts: Node's extension host (desktop, remote,
 * code-server; dist/extension.js) and the browser's web worker host (vscode.dev, github.dev;
 * dist/web/extension.js). Each entry builds one and hands it to activateWith: every provider,
 * view and command is the same code in both.
 */
export interface HostAdapters {
  /** Which host: the log names it, and the web says what it cannot do. */
  readonly kind: 'node' | 'web';
  readonly scheduler: Scheduler;
  readonly clock: Clock;
  /**
   * The linear-time engine that repository-supplied patterns run on (never JavaScript's
   * backtracking one): RE2 on Node; on the web an engine that refuses them with the reason.
   */
  readonly regexEngine: RegexEngine;
  /** The disk port `file:` URIs go through (links resolved, exclusive creates); none on the web. */
  readonly disk?: DiskPortFactory;
  /** `git config user.name` for a folder on disk (a new record's owner); none on the web. */
  readonly gitUserName?: (folder: string) => Promise<string | undefined>;
  /** The files git lists below a folder on disk (its fsPath: tracked, and untracked ones not ignored); none on the web. */
  readonly workingFiles?: (folder: string) => Promise<readonly string[] | undefined>;
  /** Of files and folders that appeared below a folder on disk (its fsPath), the files `workingFiles` would list (git ignores the rest). */
  readonly workingFilesAt?: (folder: string, paths: readonly string[]) => Promise<readonly string[] | undefined>;
  /**
   * The git history of the repository a folder on disk lies in, for the evidence (who changed the
   * code each decision governs): its reader, and git's folder to watch HEAD move in. None on the web.
   */
  readonly history?: (folder: string) => { readonly read: HistoryReader; gitDir(): string | undefined };
  /** Offers `legible mcp` to agent mode (it runs the CLI on Node); none on the web. */
  readonly mcpServers?: (context: vscode.ExtensionContext) => McpRegistration;
  /** When the bundle began to load (performance.now()), where the entry knows it: the bench's start. */
  readonly loadedAt?: number;
}
