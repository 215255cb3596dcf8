/**
 * A language-server client for the unit suite: the bundled CLI run as `legible lsp --stdio` (the
 * same bundle and sidecars as dist/), spoken to through vscode-jsonrpc's own client side; and the
 * session every language-server test runs (`lspSessions`): started, initialized, shut down.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { baseEnv, buildCli, cleanupTemps, tempDir } from '../cli/cli-process';

export { cleanupTemps } from '../cli/cli-process';

export const uriOf = (file: string): string => pathToFileURL(file).href;

/** The capabilities of a plain client: watched files registered by the server, configuration pulled. */
export const CAPABILITIES: ClientCapabilities = {
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true, workspaceFolders: true },
  textDocument: { completion: { completionItem: { snippetSupport: false } }, publishDiagnostics: { relatedInformation: true } },
};

export interface LspSession {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  /** Every publishDiagnostics the server sent, oldest first. */
  readonly published: PublishDiagnosticsParams[];
  /** Requests the server made of the client (registerCapability, configuration), by method. */
  readonly asked: Array<{ method: string; params: unknown }>;
  /** The values of the work-done progress the server reported (`begin`, `report`, `end`). */
  readonly progress: Array<{ kind: string; title?: string; message?: string; percentage?: number }>;
  /** The messages the server showed the user (`window/showMessage`), oldest first. */
  readonly shown: Array<{ type: number; message: string }>;
  /** The messages the server logged (`window/logMessage`), oldest first. */
  readonly logged: string[];
  /** What the server wrote to stderr. */
  stderr(): string;
  /** Resolves with the first diagnostics (already sent or to come) for `uri` that `accept`s. */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>;
  /** Resolves with the exit code once the process ends. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly cwd: string;
  /** The `legible` section `workspace/configuration` answers with, per folder URI. */
  readonly configuration?: (scopeUri: string | undefined) => unknown;
  /** More arguments after `lsp --stdio` (`--untrusted`). */
  readonly args?: readonly string[];
  /** Added to the server's clean environment (a PATH with a recording git). */
  readonly env?: Readonly<Record<string, string>>;
}

export async function startServer(options: StartOptions): Promise<LspSession> {
  const { dir, cli } = await buildCli();
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio', ...(options.args ?? [])], { cwd: options.cwd, env: { ...baseEnv(path.join(dir, 'home')), ...options.env }, stdio: 'pipe' });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiting: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const asked: Array<{ method: string; params: unknown }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const wait of [...waiting]) {
      if (wait.uri === params.uri && wait.accept(params)) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(params);
      }
    }
  });
  const shown: LspSession['shown'] = [];
  connection.onNotification('window/showMessage', (params: { type: number; message: string }) => void shown.push(params));
  const logged: string[] = [];
  connection.onNotification('window/logMessage', (params: { message: string }) => void logged.push(params.message));
  connection.onNotification(() => undefined);
  connection.onRequest((method, params) => {
    asked.push({ method, params });
    if (method === 'workspace/configuration') {
      const items = (params as { items: Array<{ scopeUri?: string }> }).items;
      return items.map((item) => options.configuration?.(item.scopeUri) ?? null);
    }
    return null;
  });
  const progress: LspSession['progress'] = [];
  connection.onUnhandledProgress((params) => progress.push(params.value as LspSession['progress'][number]));
  connection.onError(() => undefined);
  connection.onClose(() => undefined);
  connection.listen();
  return {
    child,
    connection,
    published,
    asked,
    progress,
    shown,
    logged,
    stderr: () => stderr,
    exited,
    diagnostics(uri, accept = () => true) {
      const sent = published.find((p) => p.uri === uri && accept(p));
      if (sent) return Promise.resolve(sent);
      return new Promise((resolve) => waiting.push({ uri, accept, resolve }));
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        await exited;
      }
      connection.dispose();
    },
  };
}

export async function initialize(session: LspSession, root: string, capabilities: ClientCapabilities = CAPABILITIES, initializationOptions?: unknown): Promise<InitializeResult> {
  const result = await session.connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: uriOf(root),
    workspaceFolders: [{ uri: uriOf(root), name: path.basename(root) }],
    capabilities,
    initializationOptions,
  });
  await session.connection.sendNotification('initialized', {});
  return result;
}

export interface SessionOptions extends Partial<StartOptions> {
  /** What the client says it can do; default CAPABILITIES. */
  readonly capabilities?: ClientCapabilities;
  /** The `initializationOptions` of `initialize` (settings, `trusted`). */
  readonly initializationOptions?: unknown;
}

/**
 * The sessions of a `describe`'s tests: `start` runs the server in a workspace (its current folder
 * too, unless `cwd` says otherwise) and initializes it with the workspace as its one folder;
 * `spawn` only runs it, for a test that speaks first itself. Every session is shut down after its
 * test, and the temp folders are removed after the last.
 */
export function lspSessions(): { start(root: string, options?: SessionOptions): Promise<LspSession>; spawn(root: string, options?: SessionOptions): Promise<LspSession> } {
  const running: LspSession[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((session) => session.stop()));
  });
  after(cleanupTemps);
  const spawn = async (root: string, options: SessionOptions = {}) => {
    const session = await startServer({ ...options, cwd: options.cwd ?? root });
    running.push(session);
    return session;
  };
  return {
    spawn,
    async start(root, options = {}) {
      const session = await spawn(root, options);
      await initialize(session, root, options.capabilities, options.initializationOptions);
      return session;
    },
  };
}

/** Opens a file (`didOpen`) with its text on disk, Markdown or TypeScript by its name; returns the text. */
export async function openDocument(session: LspSession, file: string, version = 1): Promise<string> {
  const text = await readFile(file, 'utf8');
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: path.extname(file) === '.md' ? 'markdown' : 'typescript', version, text } });
  return text;
}

/** Resolves once the server logged (`window/logMessage`) a message holding `text`. */
export async function logged(session: LspSession, text: string): Promise<void> {
  while (!session.logged.some((message) => message.includes(text))) await new Promise((resolve) => setImmediate(resolve));
}

/** A complete ADR: frontmatter every rule accepts, the sections the template asks for. */
export function adr(fields: { title: string; related?: string; how?: string | null; extra?: string }): string {
  const how = fields.how === null ? '' : `  how: ${fields.how ?? 'Keep the old column and switch the API back.'}\n`;
  return `---
type: adr
title: ${fields.title}
status: accepted
date: 2019-02-11
owners: [jonas]
review-by: 2099-02-01
deciders: [jonas, amira]
reversibility:
  door: one-way
${how}risk:
  level: medium
  blast-radius: cross-team
  mitigation: Identifiers are opaque in the API contract.
business-tradeoff:
  reduces-risk: Competitors reading our volume from sequential numbers.
  preserves-option: Sharding the payments table without a central sequence.
  accepts-cost: Wider indexes.
  eases-later: Generating identifiers at the edge.
  protects-outcome: Merchant trust.
knowledge-exit-path:
  holders: [jonas]
  successors: [amira, li.wei]
  mechanisms: [documentation]
  due: 2099-03-31
${fields.related ? `related: [${fields.related}]\n` : ''}${fields.extra ?? ''}tags: [api]
---

# ${fields.title}

## Context

The public API exposes payment ids that are the database's keys.

## Decision

Every public identifier is a UUIDv4.

## Consequences

- Identifiers leak nothing.
`;
}

/** A workspace with two records: 0001 complete and naming 0002, 0002 without `reversibility.how` (a one-way door's question). */
export async function recordsWorkspace(): Promise<{ root: string; first: string; second: string }> {
  const root = await tempDir('legible-lsp-');
  const folder = path.join(root, 'docs', 'decisions');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: ['docs/decisions'] }));
  const first = path.join(folder, '0001-use-uuids.md');
  const second = path.join(folder, '0002-sign-webhooks.md');
  await writeFile(first, adr({ title: 'Use UUIDs', related: '0002' }));
  await writeFile(second, adr({ title: 'Sign webhooks', how: null }));
  return { root, first, second };
}
