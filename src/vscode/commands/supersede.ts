import * as vscode from 'vscode';
import { planSupersede } from '../../core/lifecycle/supersede';
import { renamedNote } from '../../core/numbering/visible-name';
import { basename } from '../../core/port/paths';
import type { Models } from '../models';
import { toRange } from '../convert';
import { extensionGit } from '../git-user';
import { toUri } from '../vscode-file-system';
import { freshDocument } from '../fresh-document';
import { recordId } from '../tree/record-item';
import { entryFromArg, pickRecord } from './record-actions';
import { validateTitle } from './new-record';

const encoder = new TextEncoder();

/**
 * Supersede Decision: the core plans both halves (a new record that `supersedes` the old one, in the
 * old one's folder and naming convention; `superseded-by` and `superseded` on the old one); they
 * are applied in one WorkspaceEdit, so one undo reverts both.
 */
export async function supersede(models: Models, arg?: unknown, title?: string): Promise<vscode.Uri | undefined> {
  const old = entryFromArg(models, arg) ?? (await pickRecord(models, 'Legible: which decision is superseded?', (e) => !e.legacy && e.type !== 'exit-plan' && e.status !== 'superseded'));
  if (!old) return undefined;
  if (old.legacy || old.type === 'exit-plan') {
    void vscode.window.showInformationMessage('Legible: only ADRs and RFCs with Legible frontmatter can be superseded.');
    return undefined;
  }
  const model = models.modelFor(toUri(old.path));
  const config = model?.config;
  if (!model || !config) return undefined;
  const newTitle =
    title ??
    (await vscode.window.showInputBox({
      title: `Legible: supersede ${recordId(old)} ${old.title}`,
      prompt: 'What is the new decision?',
      validateInput: validateTitle,
      ignoreFocusOut: true,
    }));
  if (newTitle === undefined || validateTitle(newTitle)) return undefined;
  const oldDocument = await freshDocument(toUri(old.path));
  if (!oldDocument) {
    void vscode.window.showWarningMessage(`Legible: ${basename(old.path)} changed on disk and its editor has not caught up; run Supersede Decision again.`);
    return undefined;
  }
  const context = { fs: model.fs, root: model.root, config, folders: model.folders, git: extensionGit(model.folder.uri) };
  const plan = await planSupersede(context, { old: { path: old.path, text: oldDocument.getText(), folder: old.folder }, title: newTitle, date: model.today(), now: Date.now() });
  if ('problem' in plan) {
    void vscode.window.showWarningMessage(`Legible: ${basename(old.path)}: ${plan.problem}`);
    return undefined;
  }
  try {
    for (const warning of plan.warnings) void vscode.window.showWarningMessage(`Legible: ${warning}`);
    const edit = new vscode.WorkspaceEdit();
    const uri = toUri(plan.path);
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: encoder.encode(plan.text) });
    for (const e of plan.oldEdits) edit.replace(oldDocument.uri, toRange(e.range), e.newText);
    if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) throw new Error(`Could not create ${plan.path}`);
    if (plan.hidden) void vscode.window.showInformationMessage(`Legible: ${renamedNote(plan.hidden, basename(plan.path))}.`);
    await vscode.window.showTextDocument(uri);
    return uri;
  } finally {
    await plan.release();
  }
}
