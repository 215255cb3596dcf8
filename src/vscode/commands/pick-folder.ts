import * as vscode from 'vscode';
import { defaultConfig } from '../../core/config/config';
import { folderSettingsAt } from '../../core/config/folder-settings';
import { rankFolders } from '../../core/lifecycle/choose-folder';
import { targetFolder } from '../../core/lifecycle/draft-record';
import { relativePath } from '../../core/port/paths';
import type { RecordType } from '../../core/schema/schema-registry';
import { typeLabel } from '../../core/views/decision-groups';
import type { Models } from '../models';
import type { FolderModel } from '../folder-model';

export interface TargetFolder {
  readonly model: FolderModel;
  readonly folder: string;
}

/**
 * Where a new record goes: the only decisions folder, or the one the user picks when there are
 * several (the core's choice for the type first: an RFC's folder for an RFC); the configured or
 * default folder of the (picked) workspace folder when there is none yet.
 */
export async function pickDecisionsFolder(models: Models, preferred?: string, type: RecordType = 'adr'): Promise<TargetFolder | undefined> {
  await models.whenReady();
  const all = models.all();
  const options = all.flatMap((model) => {
    const config = model.config ?? defaultConfig();
    return rankFolders(type, model.root, model.folders, (folder) => folderSettingsAt(config.folderSettings, model.root, folder)).map((folder) => ({ model, folder }));
  });
  if (preferred) {
    const match = options.find((o) => o.folder === preferred);
    if (match) return match;
  }
  if (options.length === 1) return options[0];
  if (options.length > 1) {
    const noun = typeLabel(type);
    const picked = await vscode.window.showQuickPick(
      options.map((o, i) => ({ label: relativePath(o.model.root, o.folder), description: [i === 0 ? `suggested for ${noun}` : undefined, all.length > 1 ? o.model.folder.name : undefined].filter(Boolean).join(' · ') || undefined, option: o })),
      { title: 'Legible: which decisions folder?', placeHolder: 'The new record is named and numbered as this folder names its records' },
    );
    return picked?.option;
  }
  const model = all.length === 1 ? all[0] : (await vscode.window.showQuickPick(all.map((m) => ({ label: m.folder.name, model: m })), { title: 'Legible: create the decisions folder in…' }))?.model;
  if (!model) {
    if (!all.length) void vscode.window.showWarningMessage('Legible: open a folder first; decision records live in the repository.');
    return undefined;
  }
  return { model, folder: targetFolder({ root: model.root, config: model.config ?? defaultConfig(), folders: [] }, type) };
}
