import * as vscode from 'vscode';
import { joinPath, relativePath } from '../../core/port/paths';
import type { Models } from '../models';
import type { FolderModel } from '../folder-model';

export interface TargetFolder {
  readonly model: FolderModel;
  readonly folder: string;
}

/**
 * Where a new record goes: the only decisions folder, or the one the user picks when a multi-root
 * workspace has several; `docs/decisions` of the (picked) workspace folder when there is none yet.
 */
export async function pickDecisionsFolder(models: Models, preferred?: string): Promise<TargetFolder | undefined> {
  await models.whenReady();
  const all = models.all();
  const options = all.flatMap((model) => model.folders.map((folder) => ({ model, folder })));
  if (preferred) {
    const match = options.find((o) => o.folder === preferred);
    if (match) return match;
  }
  if (options.length === 1) return options[0];
  if (options.length > 1) {
    const picked = await vscode.window.showQuickPick(
      options.map((o) => ({ label: relativePath(o.model.root, o.folder), description: all.length > 1 ? o.model.folder.name : undefined, option: o })),
      { title: 'Legible: which decisions folder?', placeHolder: 'The new record is numbered within this folder' },
    );
    return picked?.option;
  }
  const model = all.length === 1 ? all[0] : (await vscode.window.showQuickPick(all.map((m) => ({ label: m.folder.name, model: m })), { title: 'Legible: create the decisions folder in…' }))?.model;
  if (!model) {
    if (!all.length) void vscode.window.showWarningMessage('Legible: open a folder first; decision records live in the repository.');
    return undefined;
  }
  return { model, folder: joinPath(model.root, model.config?.folders[0] ?? 'docs/decisions') };
}
