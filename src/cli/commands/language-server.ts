import { flag, UsageError } from '../args';
import { VERSION } from '../version';
import { HELP_OPTION, type Command } from './command';

export const lspCommand: Command = {
  name: 'lsp',
  summary: 'Run the language server (diagnostics, fixes, completion, hover, links) for any LSP editor.',
  usage: 'lsp [--stdio] [--untrusted]',
  options: {
    stdio: { type: 'boolean', description: 'Speak the Language Server Protocol on stdin and stdout (the only transport, and the default).' },
    untrusted: { type: 'boolean', description: 'Read the workspace as VS Code\'s Restricted Mode does: its .legible.json folders, templates and schema extensions are not used.' },
    ...HELP_OPTION,
  },
  details: () =>
    [
      'The server reads the workspace folders the editor names (or the current folder) as legible',
      'lint does, and keeps diagnostics current as you type. Settings (initialization options or the',
      'editor\'s `legible` section): folders, rules (rule id → error, warning, info or off), debounceMs.',
      'The workspace is trusted unless --untrusted or the initialization option `trusted: false` says',
      'otherwise; untrusted, the folders, templates and schema extensions .legible.json names are not used.',
      'It runs until the editor closes its stdin or exits.',
    ].join('\n'),
  async run(args) {
    if (args.positionals.length) throw new UsageError(`lsp takes no operands (got ${args.positionals[0]})`);
    // The server's own bundle (dist/lsp.js), loaded only for this command: the CLI's start stays light.
    // The only import of src/lsp from the CLI (eslint allows its entry, here, and nothing else).
    const { runLanguageServer } = await import('../../lsp/main');
    runLanguageServer(VERSION, { trusted: !flag(args, 'untrusted') });
    // The connection ends the process (stdin closed, the client gone, `exit`): never resolve.
    return new Promise<number>(() => undefined);
  },
};
