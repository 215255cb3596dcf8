import * as vscode from 'vscode';

/**
 * VS Code's MCP server definition API (1.101+), declared here as far as Legible uses it: the
 * extension's @types/vscode is 1.90 (its `engines` floor), so on an older host the API is simply
 * absent, and is looked for at run time.
 */
interface McpStdioServerDefinition {
  readonly label: string;
  command: string;
  args: string[];
  env: Record<string, string | number | null>;
  cwd?: vscode.Uri;
  version?: string;
}

export interface McpServerDefinitionProvider {
  readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<McpStdioServerDefinition[]>;
}

interface McpApi {
  readonly lm?: { registerMcpServerDefinitionProvider?(id: string, provider: McpServerDefinitionProvider): vscode.Disposable };
  readonly McpStdioServerDefinition?: new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string) => McpStdioServerDefinition;
}

/** The provider's id: `contributes.mcpServerDefinitionProviders` in package.json names it too. */
export const MCP_PROVIDER_ID = 'legible.mcp';

/**
 * Offers `legible mcp` for each workspace folder on disk, so agent mode finds Legible's decisions
 * without set-up: the server shipped in the extension (dist/mcp.js: `legible mcp` without the CLI's other
 * commands, see src/mcp/stdio-main.ts; it inflates the SDK's sidecar dist/mcp-sdk.js.br), run
 * by the Node of the host itself. On desktop that is VS Code's Electron binary, a Node only with
 * ELECTRON_RUN_AS_NODE=1; a remote or web host's extension host is plain Node, which ignores it.
 * Cheap: nothing starts until the editor asks for the server. None in Restricted Mode: the server
 * reads the repository's .legible.json as trusted, as the CLI does.
 */
export interface McpRegistration {
  readonly provider?: McpServerDefinitionProvider;
  readonly disposables: vscode.Disposable[];
}

export function registerMcpServer(extension: vscode.ExtensionContext): McpRegistration {
  const api = vscode as unknown as McpApi;
  const register = api.lm?.registerMcpServerDefinitionProvider;
  const Definition = api.McpStdioServerDefinition;
  if (!register || !Definition) return { disposables: [] };
  const changed = new vscode.EventEmitter<void>();
  const server = vscode.Uri.joinPath(extension.extensionUri, 'dist', 'mcp.js').fsPath;
  const version = String((extension.extension.packageJSON as { version?: unknown }).version);
  const provider: McpServerDefinitionProvider = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions() {
      if (!vscode.workspace.isTrusted) return [];
      const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
      return folders.map((folder) => {
        const label = folders.length > 1 ? `Legible: ${folder.name}` : 'Legible';
        const definition = new Definition(label, process.execPath, [server, '--root', folder.uri.fsPath], { ELECTRON_RUN_AS_NODE: '1' }, version);
        definition.cwd = folder.uri;
        return definition;
      });
    },
  };
  return {
    provider,
    disposables: [
      changed,
      register.call(api.lm, MCP_PROVIDER_ID, provider),
      vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    ],
  };
}
