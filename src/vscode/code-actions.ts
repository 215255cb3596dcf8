import * as vscode from 'vscode';
import type { FixAction } from '../core/fixes/fixes';
import { documentForFixes, quickFixesFor } from '../core/fixes/quick-fixes';
import { insertedPlaceholder } from '../core/fixes/inserted-placeholder';
import type { Range } from '../core/text/position';
import { defaultConfig } from '../core/config/config';
import type { Finding } from '../core/rules/rule';
import type { DiagnosticsPublisher } from './diagnostics';
import type { Models } from './models';
import { fromRange, ruleIdOf, toRange } from './convert';
import { toCorePath, toUri } from './vscode-file-system';

function sameRange(a: Finding['range'], b: Finding['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Quick fixes: the core computes the text edits, this turns them into code actions. */
export class CodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly models: Models,
    private readonly diagnostics: DiagnosticsPublisher,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === 'legible');
    if (!ours.length) return [];
    const model = this.models.modelFor(document.uri);
    const config = model?.config ?? defaultConfig();
    const doc = documentForFixes(toCorePath(document.uri), document.getText(), config, model?.root);
    const published = this.diagnostics.findings(document.uri);
    const requests = ours.map((diagnostic) => {
      const ruleId = ruleIdOf(diagnostic);
      return { ruleId, finding: published.find((f) => f.ruleId === ruleId && f.message === diagnostic.message && sameRange(f.range, fromRange(diagnostic.range))) };
    });
    const other = async (path: string) => documentForFixes(path, (await vscode.workspace.openTextDocument(toUri(path))).getText(), config);
    return (await quickFixesFor(doc, requests, config, other, model?.isDecisionFile(toCorePath(document.uri)) ?? true)).map(({ request, action: fix, disable }) => {
      const action = this.toAction(fix, document.uri, ours[request], disable ? undefined : document.getText());
      if (disable) action.isPreferred = false;
      return action;
    });
  }

  private toAction(fix: FixAction, uri: vscode.Uri, diagnostic: vscode.Diagnostic, text?: string): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    const target = fix.path ? toUri(fix.path) : uri;
    action.edit = new vscode.WorkspaceEdit();
    for (const edit of fix.edits) action.edit.replace(target, toRange(edit.range), edit.newText);
    action.diagnostics = [diagnostic];
    action.isPreferred = fix.isPreferred;
    // A fix that inserts a question ("Add `risk.mitigation`") selects it, so the answer is typed in its place.
    const placeholder = text !== undefined && target.toString() === uri.toString() ? insertedPlaceholder(text, fix.edits) : undefined;
    if (placeholder) action.command = { command: SELECT_PLACEHOLDER, title: 'Select the inserted placeholder', arguments: [target.toString(), placeholder] };
    return action;
  }
}

/** Run by a quick fix after its edit: the placeholder it inserted is selected. */
export const SELECT_PLACEHOLDER = 'legible.selectPlaceholder';

/** Selects `range` in the editor showing `uri`, when the document there still has a placeholder at that place. */
export function registerSelectPlaceholder(): vscode.Disposable {
  return vscode.commands.registerCommand(SELECT_PLACEHOLDER, (uri: unknown, range: unknown) => {
    const editors = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors];
    const editor = editors.find((e) => e?.document.uri.toString() === uri);
    if (!editor || !range) return false;
    const selection = toRange(range as Range);
    if (!/^<[^<>\n]*>$/.test(editor.document.getText(selection))) return false;
    editor.selection = new vscode.Selection(selection.start, selection.end);
    editor.revealRange(selection);
    return true;
  });
}
