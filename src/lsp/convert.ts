import { CodeActionKind, CompletionItemKind, DiagnosticSeverity, InsertTextFormat, InsertTextMode, MarkupKind, type CodeAction, type CompletionItem, type Diagnostic } from './protocol';
import type { CompletionKind, FrontmatterCompletion } from '../core/editor/completions';
import type { FixAction } from '../core/fixes/fixes';
import { ruleDocsUrl } from '../core/rules/registry';
import type { Finding, Severity } from '../core/rules/rule';
import type { Range } from '../core/text/position';

/** The one place where core findings, fixes and completions become LSP types. */

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export const SOURCE = 'legible';

export function toDiagnostic(finding: Finding, uriOf: (path: string) => string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    message: finding.message,
  };
  if (finding.related?.length) diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: uriOf(r.path), range: r.range }, message: r.message }));
  return diagnostic;
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A quick fix as a code action whose edit the client applies (no command: every client can). */
export function toCodeAction(fix: FixAction, uri: string, uriOf: (path: string) => string, diagnostics: Diagnostic[], kind: string = CodeActionKind.QuickFix): CodeAction {
  const target = fix.path ? uriOf(fix.path) : uri;
  return {
    title: fix.title,
    kind,
    diagnostics,
    isPreferred: fix.isPreferred,
    edit: { changes: { [target]: fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })) } },
  };
}

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  field: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  id: CompletionItemKind.Reference,
  // LSP has no kind for people (VS Code has User): plain text.
  person: CompletionItemKind.Text,
  snippet: CompletionItemKind.Snippet,
  folder: CompletionItemKind.Folder,
  file: CompletionItemKind.File,
};

/**
 * A core completion as an LSP item. The core leaves the indentation of later lines to the editor
 * (as VS Code adds it); LSP clients insert text as given, so the cursor line's indentation is added
 * here. A client without snippets gets the snippet's plain text.
 */
export function toCompletionItem(completion: FrontmatterCompletion, lineIndent: string, snippets: boolean): CompletionItem {
  const snippet = completion.isSnippet === true && snippets;
  const text = completion.isSnippet && !snippets ? snippetAsText(completion.insertText) : completion.insertText;
  const newText = text.replace(/\n/g, `\n${lineIndent}`);
  return {
    label: completion.label,
    kind: KINDS[completion.kind],
    detail: completion.detail,
    documentation: completion.documentation ? { kind: MarkupKind.Markdown, value: completion.documentation } : undefined,
    textEdit: { range: completion.replace, newText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
    filterText: completion.filterText,
    sortText: completion.sortText,
    preselect: completion.preselect,
  };
}

/**
 * The text a snippet inserts with every placeholder at its default: `${1:owner}` → `owner`, a
 * choice `${1|a,b|}` → `a`, tab stops → nothing, `\$` → `$` (the LSP snippet grammar).
 */
export function snippetAsText(snippet: string): string {
  let i = 0;
  const read = (stop: string): string => {
    let text = '';
    while (i < snippet.length && !stop.includes(snippet[i])) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < snippet.length) {
        text += snippet[i + 1];
        i += 2;
      } else if (c === '$') text += readVariable();
      else {
        text += c;
        i++;
      }
    }
    return text;
  };
  const readVariable = (): string => {
    i++; // $
    const simple = /^(\d+|[A-Za-z_]\w*)/.exec(snippet.slice(i));
    if (simple) {
      i += simple[0].length;
      return '';
    }
    if (snippet[i] !== '{') return '$';
    i++; // {
    const name = /^(\d+|[A-Za-z_]\w*)/.exec(snippet.slice(i));
    if (!name) return '${';
    i += name[0].length;
    let text = '';
    if (snippet[i] === ':') {
      i++;
      text = read('}');
    } else if (snippet[i] === '|') {
      i++;
      const choices = read('|');
      i++; // |
      text = choices.split(',')[0];
    }
    if (snippet[i] === '}') i++;
    return text;
  };
  return read('');
}
