import { createConnection, ProposedFeatures } from './protocol';
import { toPortable } from '../node/portable-path';
import { startServer } from './server';

/**
 * `legible lsp --stdio`: the language server on standard input and output. Nothing else may write
 * to stdout, so the console goes to stderr. The connection ends the process when stdin closes or,
 * once the client gave its process id, when that process is gone. `trusted: false` (`--untrusted`)
 * reads every folder as VS Code's Restricted Mode does.
 */
export function runLanguageServer(version: string, options: { readonly trusted?: boolean } = {}): void {
  const toStderr = (...args: unknown[]) => void process.stderr.write(`${args.map(String).join(' ')}\n`);
  console.log = console.info = console.warn = console.debug = toStderr;
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, { cwd: toPortable(process.cwd()), version, trusted: options.trusted });
}
