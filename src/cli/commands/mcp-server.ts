import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { toPortable } from '../../node/portable-path';
import { stringOption, todayOption, UsageError } from '../args';
import { HELP_OPTION, type Command } from './command';

/**
 * The MCP server's bundle, dist/mcp.js beside dist/cli.js. The CLI never imports src/mcp (eslint
 * forbids it): the server and its SDK load only when this command runs, so every other command
 * starts as fast as before. This is the contract src/mcp/main.ts exports; the MCP tests run the
 * built CLI, so the two cannot drift apart unnoticed.
 */
interface McpBundle {
  runMcpServer(options: { root: string; today?: string; env: NodeJS.ProcessEnv }): Promise<void>;
}

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'Serve the decisions to coding agents: a Model Context Protocol server over stdio.',
  usage: 'mcp [options]',
  options: {
    root: { type: 'string', value: 'folder', description: 'The workspace root (default: the current folder).' },
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
    const root = given === undefined ? context.cwd : toPortable(resolve(context.cwd, given));
    if (!(await stat(root).catch(() => undefined))?.isDirectory()) throw new UsageError(`${given ?? root} is not a folder: --root names the workspace to serve`);
    const today = stringOption(args, 'today') === undefined ? undefined : todayOption(stringOption(args, 'today'));
    // A computed path: esbuild leaves it a runtime require of the file beside the bundle.
    const bundle = join(__dirname, 'mcp.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runMcpServer } = require(bundle) as McpBundle;
    await runMcpServer({ root, today, env: context.env });
    return 0;
  },
};
