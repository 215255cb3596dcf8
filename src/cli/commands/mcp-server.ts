import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { runInThisContext } from 'node:vm';
import { brotliDecompressSync } from 'node:zlib';
import { NodeFileSystem } from '../../node/node-file-system';
import { toPortable } from '../../node/portable-path';
import { processBounds } from '../../node/root-search';
import { findRoot } from '../open-workspace';
import { stringOption, todayOption, UsageError } from '../args';
import { HELP_OPTION, type Command } from './command';

/**
 * The MCP server's bundle, dist/mcp.js.br beside dist/cli.js (scripts/mcp-bundle.mjs). The CLI
 * never imports src/mcp (eslint forbids it): the server and its SDK load only when this command
 * runs, so every other command starts as fast as before. This is the contract src/mcp/main.ts
 * exports; the MCP tests run the built CLI, so the two cannot drift apart unnoticed.
 */
interface McpBundle {
  runMcpServer(options: { root: string; today?: string; env: NodeJS.ProcessEnv }): Promise<void>;
}

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'Serve the decisions to coding agents: a Model Context Protocol server over stdio.',
  usage: 'mcp [options]',
  options: {
    root: { type: 'string', value: 'folder', description: 'The workspace root (default: found from the current folder, as for every command).' },
    today: { type: 'string', value: 'YYYY-MM-DD', description: 'The day to judge due dates against (default: today, local time, moving at midnight).' },
    ...HELP_OPTION,
  },
  details: () =>
    [
      'Read-only tools: list_decisions, get_decision, decisions_for_path, knowledge_risk, lint; each',
      'record is the resource legible://decision/<id>. Paths are relative to the root; absolute paths,',
      '.. and links leading out of the workspace are refused. Records and .legible.json are followed',
      'as they change. Stdout carries the protocol only; messages go to stderr.',
    ].join('\n'),
  async run(args, context) {
    if (args.positionals.length) throw new UsageError(`mcp takes no operands (got ${args.positionals[0]}); use --root <folder>`);
    const given = stringOption(args, 'root');
    // Without --root, the workspace every other command would use from here (see findRoot).
    const root = given === undefined ? await findRoot(new NodeFileSystem({ reads: 'blocking' }), context.cwd, processBounds((message) => context.warn(message))) : toPortable(resolve(context.cwd, given));
    if (!(await stat(root).catch(() => undefined))?.isDirectory()) throw new UsageError(`${given ?? root} is not a folder: --root names the workspace to serve`);
    const today = stringOption(args, 'today') === undefined ? undefined : todayOption(stringOption(args, 'today'));
    const { runMcpServer } = loadBundle(join(__dirname, 'mcp.js'));
    await runMcpServer({ root, today, env: context.env });
    return 0;
  },
};

/**
 * Inflates mcp.js.br and runs it as the CommonJS module `file` would be: its requires (Node's
 * modules, the sidecars beside it) resolve from dist/, as if mcp.js were there.
 */
function loadBundle(file: string): McpBundle {
  const code = brotliDecompressSync(readFileSync(`${file}.br`)).toString('utf8');
  const module = { exports: {} as McpBundle };
  const wrapped = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: file }) as (...args: unknown[]) => void;
  wrapped(module.exports, createRequire(file), module, file, resolve(file, '..'));
  return module.exports;
}
