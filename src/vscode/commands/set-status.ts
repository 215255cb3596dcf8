import * as vscode from 'vscode';
import { parseDecisionDocument } from '../../core/document/decision-document';
import { DEFAULT_LIMITS } from '../../core/parse/limits';
import { fieldInfo } from '../../core/schema/field-info';
import { isRecordType } from '../../core/schema/schema-registry';
import { yamlString } from '../../core/templates/yaml-scalar';
import type { Models } from '../models';
import { toCorePath, toUri } from '../vscode-file-system';
import { entryFromArg, pickRecord } from './record-actions';

/** Set Status: pick from the record type's own vocabulary (with each value's meaning) and write it. */
export async function setStatus(models: Models, arg?: unknown, value?: string): Promise<string | undefined> {
  const entry = entryFromArg(models, arg) ?? (await pickRecord(models, 'Legible: set the status of…', (e) => !e.legacy));
  if (!entry || entry.legacy) {
    if (entry?.legacy) void vscode.window.showInformationMessage('Legible: add Legible frontmatter to this record first (quick fix on its diagnostic).');
    return undefined;
  }
  const info = fieldInfo(entry.type, ['status']);
  const values = (info?.enum ?? []).map(String);
  const chosen =
    value ??
    (
      await vscode.window.showQuickPick(
        values.map((v, i) => ({ label: v, description: v === entry.status ? 'current' : undefined, detail: info?.enumDescriptions?.[i], value: v })),
        { title: `Legible: status of ${entry.id} ${entry.title}`, placeHolder: info?.description },
      )
    )?.value;
  if (!chosen || !values.includes(chosen)) return undefined;
  const document = await vscode.workspace.openTextDocument(toUri(entry.path));
  const doc = parseDecisionDocument(toCorePath(document.uri), document.getText(), DEFAULT_LIMITS);
  if (!isRecordType(doc.data?.type) || doc.block.kind !== 'closed') return undefined;
  const edit = new vscode.WorkspaceEdit();
  const location = doc.yaml?.locations.get('/status');
  const written = yamlString(chosen);
  if (location && location.value.end > location.value.start) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(location.value.start), document.positionAt(location.value.end)), written);
  } else if (location?.key) {
    // `status:` with no value: rewrite the key's line.
    const start = document.positionAt(location.key.start);
    edit.replace(document.uri, new vscode.Range(start, document.lineAt(start.line).range.end), `status: ${written}`);
  } else {
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    edit.insert(document.uri, document.positionAt(doc.block.content.start), `status: ${written}${eol}`);
  }
  const wasDirty = document.isDirty;
  const shown = vscode.window.visibleTextEditors.some((editor) => editor.document === document);
  await vscode.workspace.applyEdit(edit);
  // From the tree, the record may not be open: save it, or the change waits unseen in a hidden
  // document. An open or already-edited record is left for the user to save.
  if (!shown && !wasDirty) await document.save();
  return chosen;
}
