import { StdioServerTransport } from './sdk';
import { printableLine } from '../core/text/printable';
import { McpWorkspace } from './mcp-workspace';
import { createServer } from './server';

/** What `legible mcp` (src/cli/commands/mcp-server.ts, the CLI's one import of src/mcp) hands over. */
export interface McpServerOptions {
  /** The workspace root, absolute and '/'-separated. */
  readonly root: string;
  /** `--today`: judge due dates against this day instead of the machine's. */
  readonly today?: string;
  readonly env: NodeJS.ProcessEnv;
  /** `--untrusted`: read the workspace as VS Code's Restricted Mode does. */
  readonly trusted?: boolean;
}

/**
 * Serves the workspace's decisions over stdio until the client goes away (stdin ends): stdout
 * carries the protocol alone, the log goes to stderr. Resolves when the server has closed.
 */
export async function runMcpServer(options: McpServerOptions): Promise<void> {
  const log = (level: string) => (message: string) => void process.stderr.write(`legible mcp: ${level}${printableLine(message)}\n`);
  const workspace = new McpWorkspace({
    root: options.root,
    today: options.today,
    env: options.env,
    trusted: options.trusted,
    log: {
      info: options.env.LEGIBLE_DEBUG ? log('') : () => {},
      warn: log('warning: '),
      error: (context, error) => log('error: ')(`${context}: ${(error as Error)?.message ?? String(error)}`),
      report: (context, error) => log('error: ')(`${context}: ${(error as Error)?.message ?? String(error)}`),
    },
  });
  const server = createServer(workspace);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    // The client is gone: the transport does not notice a closed stdin by itself.
    process.stdin.once('end', () => void server.close());
    process.stdin.once('close', () => void server.close());
  });
  await server.connect(transport);
  await closed;
  workspace.dispose();
}
