import * as vscode from 'vscode';
import { completionsAt, type CompletionKind } from '../core/editor/completions';
import { hoverAt } from '../core/editor/hover';
import { wantsCodeFiles } from '../core/editor/governs-values';
import type { FolderModel } from './folder-model';
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
  folder: vscode.CompletionItemKind.Folder,
  file: vscode.CompletionItemKind.File,
};

const EMPTY_INDEX = new DecisionIndex();

function indexFor(models: Models, uri: vscode.Uri): DecisionIndex {
  return models.modelFor(uri)?.decisions?.index ?? EMPTY_INDEX;
}

/** The folder's code files, listed only when the cursor is on a `governs` or `artifacts` value (the first time lists the repository). */
async function codeFilesFor(model: FolderModel | undefined, text: string, offset: number): Promise<readonly string[] | undefined> {
  return model && wantsCodeFiles(text, offset) ? model.code.fileList() : undefined;
}

/** Completion inside frontmatter: keys, values, ids and people, all from the schema and the index. */
export class FrontmatterCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly models: Models) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const model = this.models.modelFor(document.uri);
    const today = model?.today();
    const text = document.getText();
    const offset = document.offsetAt(position);
    const codeFiles = await codeFilesFor(model, text, offset);
    const items = completionsAt(text, offset, indexFor(this.models, document.uri), { today, path: toCorePath(document.uri), codeFiles, root: model?.root });
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

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const model = this.models.modelFor(document.uri);
    const text = document.getText();
    const offset = document.offsetAt(position);
    const codeFiles = await codeFilesFor(model, text, offset);
    const path = toCorePath(document.uri);
    const personEvidence = await model?.personEvidence(path);
    const hover = hoverAt(text, offset, indexFor(this.models, document.uri), { path, codeFiles, regexEngine: model?.regexEngine, personEvidence });
    return hover ? new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(hover.range)) : undefined;
  }
}
