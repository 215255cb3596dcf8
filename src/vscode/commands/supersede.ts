import * as vscode from 'vscode';
import { parseDecisionDocument } from '../../core/document/decision-document';
import { addLinkFix, applyEdits } from '../../core/fixes/fixes';
import { recordFileName, reserveNumber } from '../../core/numbering/create-record';
import { joinPath } from '../../core/port/paths';
import { renderTemplate } from '../../core/templates/render-template';
import { formatId } from '../../core/index/ids';
import type { Models } from '../models';
import { toRange } from '../convert';
import { toUri } from '../vscode-file-system';
import { recordId } from '../tree/record-item';
import { entryFromArg, pickRecord } from './record-actions';
import { validateTitle } from './new-record';

const encoder = new TextEncoder();

/**
 * Supersede Decision: a new record that `supersedes` the old one, and the old one set to
 * `superseded` with `superseded-by` — created and edited in one WorkspaceEdit, so one undo reverts both.
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
  const reservation = await reserveNumber({ fs: models.fs, folder: old.folder, now: Date.now() });
  try {
    const newId = formatId(old.type, reservation.number, reservation.id.length);
    const path = joinPath(old.folder, recordFileName(reservation.id, newTitle.trim()));
    const template = renderTemplate({ type: old.type, title: newTitle.trim(), date: model.today(), sections: config.sections[old.type] }).text;
    const fresh = parseDecisionDocument(path, template, config.limits);
    const link = addLinkFix(fresh, 'supersedes', recordId(old));
    const text = link ? applyEdits(template, link.edits) : template;

    const oldDocument = await vscode.workspace.openTextDocument(toUri(old.path));
    const oldDoc = parseDecisionDocument(old.path, oldDocument.getText(), config.limits);
    const back = addLinkFix(oldDoc, 'superseded-by', newId);
    const edit = new vscode.WorkspaceEdit();
    const uri = toUri(path);
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: encoder.encode(text) });
    for (const e of back?.edits ?? []) edit.replace(oldDocument.uri, toRange(e.range), e.newText);
    if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) throw new Error(`Could not create ${path}`);
    await vscode.window.showTextDocument(uri);
    return uri;
  } finally {
    await reservation.release();
  }
}
