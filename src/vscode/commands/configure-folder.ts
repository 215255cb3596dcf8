import * as vscode from 'vscode';
import { CONFIG_FILE } from '../../core/workspace/load-config';
import { joinPath, relativePath } from '../../core/port/paths';
import type { Models } from '../models';
import { toCorePath, toUri } from '../vscode-file-system';
import { isOutsideWorkspace, type FileSystemPort } from '../../core/port/file-system';
import { findRecordFolders } from '../../core/workspace/find-record-folders';
import { configThroughLinkRefused } from '../../core/workspace/outside-messages';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const BROWSE = 'Browse…';

/**
 * Configure folder: pick the decisions folder and record it in `.legible.json` (shared with the
 * CLI). The folders whose files are named as records come first (found while the pick is open);
 * Browse… opens the folder dialog for any other.
 */
export async function configureFolder(models: Models): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const root = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which workspace folder holds the decisions?' });
  if (!root) return;
  const rootPath = toCorePath(root.uri);
  // Confined to the workspace folder: a .legible.json that is a link out is neither read nor written.
  const fs = models.fileSystem(root.uri);
  const relative = await pickFolder(fs, root.uri, rootPath);
  if (relative === undefined) return;
  if (relative.startsWith('..')) {
    void vscode.window.showWarningMessage('Legible: the decisions folder must be inside the workspace folder.');
    return;
  }
  const configPath = joinPath(rootPath, CONFIG_FILE);
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
    config.folders = [relative];
    await fs.writeFile(configPath, encoder.encode(`${JSON.stringify(config, null, 2)}\n`));
  } catch (error) {
    if (!isOutsideWorkspace(error)) throw error;
    void vscode.window.showErrorMessage(`Legible: ${configThroughLinkRefused(CONFIG_FILE)}`);
    return;
  }
  await models.reload();
  await vscode.window.showTextDocument(toUri(configPath), { preview: true });
}

/** The folder the user picks, workspace-relative; undefined when they cancel. */
async function pickFolder(fs: FileSystemPort, rootUri: vscode.Uri, rootPath: string): Promise<string | undefined> {
  const items = findRecordFolders(fs, rootPath).then((found) => [
    ...found.map(({ folder, records, sample }) => ({ label: folder, description: `${records} files named as records`, detail: sample.join(', '), folder })),
    { label: BROWSE, description: 'another folder', detail: undefined, folder: undefined },
  ]);
  const picked = await vscode.window.showQuickPick(items, { title: 'Configure Decisions Folder', placeHolder: 'Which folder holds the decision records?', matchOnDescription: true, matchOnDetail: true });
  if (!picked) return undefined;
  if (picked.folder !== undefined) return picked.folder;
  const chosen = await vscode.window.showOpenDialog({ defaultUri: rootUri, canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Use as decisions folder' });
  return chosen?.[0] ? relativePath(rootPath, toCorePath(chosen[0])) : undefined;
}
