import * as vscode from 'vscode';
import { planSupersede } from '../../core/lifecycle/supersede';
import { renamedNote } from '../../core/numbering/visible-name';
import { basename } from '../../core/port/paths';
import type { Models } from '../models';
import { toRange } from '../convert';
import { toUri } from '../vscode-file-system';
import { freshDocument } from '../fresh-document';
import { output } from '../output';
import { recordId } from '../tree/record-item';
import { activeEntry, givenEntry, pickRecord } from './record-actions';
import { validateTitle } from './new-record';
import type { Prompts } from './prompts';

const encoder = new TextEncoder();

/**
 * The new title must name the new decision: an id alone ("0010") was meant as the record to
 * supersede, which the picker has already chosen.
 */
export function validateSupersedingTitle(value: string): string | undefined {
  if (/^\s*(?:(?:ADR|RFC|EXIT)[-\s]?)?\d+\s*$/i.test(value)) return 'That is a record\'s id: the record to supersede is already chosen. What is the new decision called?';
  return validateTitle(value);
}

/**
 * Supersede Decision: which record (from the tree or a file given, else always the picker, the
 * active editor's record preselected), then the new decision's title. The core plans both halves
 * (a new record that `supersedes` the old one and carries over its people, risk and filing; the old
 * one `superseded-by` it and `superseded`); they are applied in one WorkspaceEdit, so one undo of
 * that edit reverts both. The new record opens pinned, its placeholders as tab stops, and the index
 * takes both texts at once: the views need not wait for the file watcher.
 */
export async function supersede(models: Models, arg?: unknown, title?: string, prompts?: Prompts): Promise<vscode.Uri | undefined> {
  const supersedable = (e: { legacy?: unknown; type: string; status?: string }) => !e.legacy && e.type !== 'exit-plan' && e.status !== 'superseded';
  const old = givenEntry(models, arg) ?? (await pickRecord(models, 'Legible: which decision is superseded?', supersedable, activeEntry(models), prompts));
  if (!old) return undefined;
  if (old.legacy || old.type === 'exit-plan') {
    void vscode.window.showInformationMessage('Legible: only ADRs and RFCs with Legible frontmatter can be superseded.');
    return undefined;
  }
  const model = models.modelFor(toUri(old.path));
  const config = model?.config;
  const index = model?.decisions?.index;
  if (!model || !config || !index) return undefined;
  const newTitle =
    title ??
    (await vscode.window.showInputBox({
      title: `Legible: supersede ${recordId(old)} ${old.title}`,
      prompt: `What is the new decision that replaces ${recordId(old)}? Its title names the new record and its file.`,
      validateInput: validateSupersedingTitle,
      ignoreFocusOut: true,
    }));
  if (newTitle === undefined || validateTitle(newTitle)) return undefined;
  const oldDocument = await freshDocument(toUri(old.path));
  if (!oldDocument) {
    void vscode.window.showWarningMessage(`Legible: ${basename(old.path)} changed on disk and its editor has not caught up; run Supersede Decision again.`);
    return undefined;
  }
  const context = { fs: model.fs, root: model.root, config, folders: model.folders, git: model.git };
  const plan = await planSupersede(context, { old: { path: old.path, text: oldDocument.getText(), folder: old.folder }, title: newTitle, date: model.today(), now: Date.now(), index });
  if ('problem' in plan) {
    void (plan.unchanged ? vscode.window.showInformationMessage : vscode.window.showWarningMessage)(`Legible: ${basename(old.path)}: ${plan.problem}`);
    return undefined;
  }
  const uri = toUri(plan.path);
  try {
    for (const warning of plan.warnings) void vscode.window.showWarningMessage(`Legible: ${warning}`);
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: encoder.encode(plan.text) });
    for (const e of plan.oldEdits) edit.replace(oldDocument.uri, toRange(e.range), e.newText);
    if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) throw new Error(`Could not create ${plan.path}`);
    if (plan.hidden) void vscode.window.showInformationMessage(`Legible: ${renamedNote(plan.hidden, basename(plan.path))}.`);
  } finally {
    await plan.release();
  }
  // Both records into the index from the texts just written, and the views told now, not after the
  // watcher's event and the debounce.
  if (model.isDecisionFile(plan.path)) model.applyText(plan.path, plan.text);
  model.applyText(old.path, oldDocument.getText());
  await model.flush();
  try {
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    // The same text as a snippet: each placeholder left is a tab stop, starting at the first (as New
    // ADR does). It changes no character; it is one undo step of its own, before the supersession's.
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    await editor.insertSnippet(new vscode.SnippetString(plan.snippet), whole);
  } catch (error) {
    // Another editor opened in this one's place before it was shown or filled: the records are
    // written and linked; only the editor or its tab stops are lost. Not a failed command.
    output().warn(`${plan.path}: created, but its editor could not be opened or filled (${error instanceof Error ? error.message : String(error)})`);
  }
  return uri;
}
