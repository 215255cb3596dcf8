import * as vscode from 'vscode';
import { parseDecisionDocument } from '../../core/document/decision-document';
import { setStatusEdits, statusVocabulary } from '../../core/lifecycle/set-status';
import { DEFAULT_LIMITS } from '../../core/parse/limits';
import { basename } from '../../core/port/paths';
import type { Models } from '../models';
import { toRange } from '../convert';
import { toCorePath, toUri } from '../vscode-file-system';
import { freshDocument } from '../fresh-document';
import { entryFromArg, pickRecord } from './record-actions';
import { confirm, type Prompts } from './prompts';
import { recordId } from '../tree/record-item';

/**
 * Set Status: pick from the record type's own vocabulary (with each value's meaning); the core writes
 * it in place. Putting a record in force (accepted, implemented, verified) while placeholders remain
 * asks first. `prompts`: the test seam (see prompts.ts).
 */
export async function setStatus(models: Models, arg?: unknown, value?: string, prompts?: Prompts): Promise<string | undefined> {
  const entry = entryFromArg(models, arg) ?? (await pickRecord(models, 'Legible: set the status of…', (e) => !e.legacy, undefined, prompts));
  if (!entry || entry.legacy) {
    if (entry?.legacy) void vscode.window.showInformationMessage('Legible: add Legible frontmatter to this record first (quick fix on its diagnostic).');
    return undefined;
  }
  const vocabulary = statusVocabulary(entry.type);
  const chosen =
    value ??
    (
      await vscode.window.showQuickPick(
        vocabulary.values.map((v, i) => ({ label: v, description: v === entry.status ? 'current' : undefined, detail: vocabulary.descriptions[i], value: v })),
        { title: `Legible: status of ${entry.id} ${entry.title}`, placeHolder: vocabulary.question },
      )
    )?.value;
  if (!chosen) return undefined;
  const document = await freshDocument(toUri(entry.path));
  if (!document) {
    void vscode.window.showWarningMessage(`Legible: ${basename(entry.path)} changed on disk and its editor has not caught up; run Set Status again.`);
    return undefined;
  }
  const config = models.modelFor(document.uri)?.config;
  const change = setStatusEdits(parseDecisionDocument(toCorePath(document.uri), document.getText(), config?.limits ?? DEFAULT_LIMITS), chosen, config?.placeholder);
  if (change.kind === 'problem') {
    void vscode.window.showWarningMessage(`Legible: ${basename(entry.path)}: ${change.message}`);
    return undefined;
  }
  if (change.kind === 'unchanged') return chosen;
  if (change.openQuestions && !(await confirm(`${recordId(entry)} ${entry.title}: ${change.openQuestions} Set it ${chosen} anyway?`, `Set ${chosen}`, prompts))) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const e of change.edits) edit.replace(document.uri, toRange(e.range), e.newText);
  const wasDirty = document.isDirty;
  const shown = vscode.window.visibleTextEditors.some((editor) => editor.document === document);
  await vscode.workspace.applyEdit(edit);
  // From the tree, the record may not be open: save it, or the change waits unseen in a hidden
  // document. An open or already-edited record is left for the user to save.
  if (!shown && !wasDirty) await document.save();
  return chosen;
}
