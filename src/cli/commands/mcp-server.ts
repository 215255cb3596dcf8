import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { NodeFileSystem } from '../../node/node-file-system';
import { toPortable } from '../../node/portable-path';
import { processBounds } from '../../node/root-search';
import { findRoot } from '../open-workspace';
import { flag, stringOption, todayOption, UsageError } from '../args';
import { HELP_OPTION, type Command } from './command';

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'Serve the decisions to coding agents: a Model Context Protocol server over stdio.',
  usage: 'mcp [options]',
  options: {
    root: { type: 'string', value: 'folder', description: 'The workspace root (default: found from the current folder, as for every command).' },
    today: { type: 'string', value: 'YYYY-MM-DD', description: 'The day to judge due dates against (default: today, local time, moving at midnight).' },
    untrusted: { type: 'boolean', description: 'Read the workspace as VS Code\'s Restricted Mode does: its .legible.json folders, templates and schema extensions are not used.' },
    ...HELP_OPTION,
  },
  details: () =>
    [
      'Read-only tools: list_decisions, get_decision, decisions_for_path, knowledge_risk, lint; each',
      'record is the resource legible://decision/<id>. Paths are relative to the root; absolute paths,',
      '.. and links leading out of the workspace are refused. Records and .legible.json are followed',
      'as they change. Stdout carries the protocol only; messages go to stderr. For a repository you do',
      'not trust, --untrusted leaves out what its .legible.json would add (folders, templates, schema extensions).',
    ].join('\n'),
  async run(args, context) {
    if (args.positionals.length) throw new UsageError(`mcp takes no operands (got ${args.positionals[0]}); use --root <folder>`);
    const given = stringOption(args, 'root');
    // Without --root, the workspace every other command would use from here (see findRoot).
    const root = given === undefined ? await findRoot(new NodeFileSystem({ reads: 'blocking' }), context.cwd, processBounds((message) => context.warn(message))) : toPortable(resolve(context.cwd, given));
    if (!(await stat(root).catch(() => undefined))?.isDirectory()) throw new UsageError(`${given ?? root} is not a folder: --root names the workspace to serve`);
    const today = stringOption(args, 'today') === undefined ? undefined : todayOption(stringOption(args, 'today'));
    // The server's code is in this bundle, run on this command only; its SDK is the compressed
    // sidecar dist/mcp-sdk.js.br, inflated now. The only import of src/mcp from the CLI (eslint allows its entry, here).
    const { runMcpServer } = await import('../../mcp/main');
    await runMcpServer({ root, today, env: context.env, trusted: !flag(args, 'untrusted') });
    return 0;
  },
};
