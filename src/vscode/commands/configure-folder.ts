import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../core/workspace/load-config';
import { joinPath, relativePath } from '../../core/port/paths';
import type { Models } from '../models';
import { toCorePath, toUri } from '../vscode-file-system';
import { isOutsideWorkspace } from '../../core/port/file-system';
import { configThroughLinkRefused } from '../../core/workspace/outside-messages';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Configure folder: pick the decisions folder and record it in `.legible.json` (shared with the CLI). */
export async function configureFolder(models: Models): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const root = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which workspace folder holds the decisions?' });
  if (!root) return;
  const picked = await vscode.window.showOpenDialog({ defaultUri: root.uri, canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Use as decisions folder' });
  if (!picked?.[0]) return;
  const rootPath = toCorePath(root.uri);
  const relative = relativePath(rootPath, toCorePath(picked[0]));
  if (relative.startsWith('..')) {
    void vscode.window.showWarningMessage('Legible: the decisions folder must be inside the workspace folder.');
    return;
  }
  const configPath = joinPath(rootPath, CONFIG_FILE);
  // Confined to the workspace folder: a .legible.json that is a link out is neither read nor written.
  const fs = models.fileSystem(root.uri);
  let config: Record<string, unknown> = { $schema: 'https://legible.dev/schemas/legible-config.schema.json' };
  try {
    if (await fs.stat(configPath)) {
      try {
        config = JSON.parse(decoder.decode(await fs.readFile(configPath)));
      } catch (error) {
        if (isOutsideWorkspace(error)) throw error;
        void vscode.window.showErrorMessage(`Legible: ${CONFIG_FILE} is not valid JSON; fix it first.`);
        return;
      }
    }
    config.folders = [relative === '.' ? '.' : relative];
    await fs.writeFile(configPath, encoder.encode(`${JSON.stringify(config, null, 2)}\n`));
  } catch (error) {
    if (!isOutsideWorkspace(error)) throw error;
    void vscode.window.showErrorMessage(`Legible: ${configThroughLinkRefused(CONFIG_FILE)}`);
    return;
  }
  await models.reload();
  await vscode.window.showTextDocument(toUri(configPath), { preview: true });
}
