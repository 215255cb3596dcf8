import * as vscode from 'vscode';
import { completionsAt, type CompletionKind } from '../core/editor/completions';
import { hoverAt } from '../core/editor/hover';
import { DecisionIndex } from '../core/index/decision-index';
import type { Models } from './models';
import { toRange } from './convert';
import { toCorePath } from './vscode-file-system';

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  field: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  id: vscode.CompletionItemKind.Reference,
  person: vscode.CompletionItemKind.User,
  snippet: vscode.CompletionItemKind.Snippet,
};

const EMPTY_INDEX = new DecisionIndex();

function indexFor(models: Models, uri: vscode.Uri): DecisionIndex {
  return models.modelFor(uri)?.decisions?.index ?? EMPTY_INDEX;
}

/** Completion inside frontmatter: keys, values, ids and people, all from the schema and the index. */
export class FrontmatterCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly models: Models) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const today = this.models.modelFor(document.uri)?.today();
    const items = completionsAt(document.getText(), document.offsetAt(position), indexFor(this.models, document.uri), { today, path: toCorePath(document.uri) });
    return items.map((c) => {
      const item = new vscode.CompletionItem(c.label, KINDS[c.kind]);
      item.detail = c.detail;
      if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
      item.insertText = c.isSnippet ? new vscode.SnippetString(c.insertText) : c.insertText;
      item.range = toRange(c.replace);
      item.filterText = c.filterText;
      item.sortText = c.sortText;
      item.preselect = c.preselect;
      if (c.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
      return item;
    });
  }
}

/** Hover inside frontmatter: the field's question, a value's meaning, a referenced record. */
export class FrontmatterHovers implements vscode.HoverProvider {
  constructor(private readonly models: Models) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const hover = hoverAt(document.getText(), document.offsetAt(position), indexFor(this.models, document.uri), { path: toCorePath(document.uri) });
    return hover ? new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(hover.range)) : undefined;
  }
}
