import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toPortable } from '../node/portable-path';
import { runMcpServer } from './main';

/**
 * The MCP server on its own, as the VSIX ships it for agent mode: dist/mcp.js, which
 * src/vscode/mcp-provider.ts starts as `node dist/mcp.js --root <folder>`. The same server as
 * `legible mcp`, without the CLI's other commands, which the extension never runs: the CLI's
 * bundle in the VSIX would be a second copy of the core and of every command (see buildMcpEntry
 * in scripts/sidecars.mjs).
 */
async function main(): Promise<number> {
  let root: string | undefined;
  try {
    root = parseArgs({ options: { root: { type: 'string' } }, strict: true }).values.root;
  } catch (error) {
    return usage((error as Error).message);
  }
  if (root === undefined) return usage('--root <folder> names the workspace to serve');
  const folder = toPortable(resolve(root));
  if (!(await stat(folder).catch(() => undefined))?.isDirectory()) return usage(`${root} is not a folder: --root names the workspace to serve`);
  await runMcpServer({ root: folder, env: process.env });
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`legible mcp: ${message}\n`);
  return 2;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`legible mcp: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
