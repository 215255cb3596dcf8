/**
 * `legible mcp` as an agent starts it: the built CLI (its sidecars beside it, as in dist/) in a
 * process of its own, spoken to by the MCP SDK's own client over stdio.
 */
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { baseEnv, buildCli, cleanupTemps, TODAY } from '../cli/cli-process';

let bundle: Promise<string> | undefined;

/** The CLI's test bundle (the MCP SDK's sidecar beside it, as every sidecar); the path of cli.js. */
export function buildMcp(): Promise<string> {
  bundle ??= buildCli().then(({ cli }) => cli);
  return bundle;
}

export interface Connected {
  readonly client: Client;
  /** What the server wrote on stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/**
 * Starts `legible mcp --root <root> --today <TODAY>` and connects the SDK's client to it; with
 * `cwd`, started there without --root (the server finds the workspace as every command does);
 * `env` is added to its clean environment (a PATH with a recording git).
 */
export async function connect(root: string, args: readonly string[] = [], cwd?: string, extraEnv: Readonly<Record<string, string>> = {}): Promise<Connected> {
  const cli = await buildMcp();
  const env = { ...baseEnv(path.join(path.dirname(cli), 'home')), ...extraEnv } as Record<string, string>;
  const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', ...(cwd ? [] : ['--root', root]), '--today', TODAY, ...args], env, cwd, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'legible-tests', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/**
 * The servers of a `describe`'s tests: `connect` as above, each server closed after its test and
 * the temp folders removed after the last.
 */
export function mcpServers(): { connect: typeof connect } {
  const running: Connected[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
  });
  after(cleanupTemps);
  return {
    async connect(...args) {
      const server = await connect(...args);
      running.push(server);
      return server;
    },
  };
}

/** A tool's JSON, as the tests read it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Answer = any;

/** A tool's answer: its JSON, or its error text when `isError`. */
export async function call(client: Client, name: string, args: Record<string, unknown>): Promise<{ isError: boolean; text: string; json?: Answer }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
  if (result.isError) return { isError: true, text };
  return { isError: false, text, json: JSON.parse(text) };
}
