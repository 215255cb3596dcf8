import { CodeActionKind, type CodeAction, type CodeActionParams, type TextDocument } from './protocol';
import { defaultConfig } from '../core/config/config';
import { applySafeFixes } from '../core/fixes/fix-all';
import { documentForFixes, quickFixesFor } from '../core/fixes/quick-fixes';
import type { LiveWorkspace } from '../core/live/live-workspace';
import type { Finding } from '../core/rules/rule';
import { sameRange, SOURCE, toCodeAction } from './convert';
import type { Uris } from './uris';

/** `source.fixAll.legible`: every safe fix of the file at once, as `legible lint --fix` applies them. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

export interface CodeActionContext {
  readonly document: TextDocument;
  readonly path: string;
  readonly live: LiveWorkspace | undefined;
  /** The findings behind the diagnostics last published for the file. */
  readonly published: readonly Finding[];
  readonly uris: Uris;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

/**
 * The quick fixes of the diagnostics the client names (ours: source `legible`), each with its edit,
 * then "Disable for this file"; and the fix-all action when the file has safe fixes.
 */
export async function codeActions(params: CodeActionParams, context: CodeActionContext): Promise<CodeAction[]> {
  const { document, path, live, published, uris } = context;
  const config = live?.config ?? defaultConfig();
  const doc = documentForFixes(path, document.getText(), config, live?.root);
  const actions: CodeAction[] = [];
  const only = params.context.only;
  if (wants(only, CodeActionKind.QuickFix)) {
    const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);
    const requests = ours.map((diagnostic) => {
      const ruleId = diagnostic.code === undefined ? undefined : String(diagnostic.code);
      return { ruleId, finding: published.find((f) => f.ruleId === ruleId && f.message === diagnostic.message && sameRange(f.range, diagnostic.range)) };
    });
    const other = async (otherPath: string) => {
      const text = live ? await live.readText(otherPath) : undefined;
      return text && !text.problem ? documentForFixes(otherPath, text.text, config) : undefined;
    };
    for (const { request, action, disable } of await quickFixesFor(doc, requests, config, other, live?.isDecisionFile(path) ?? true)) {
      const codeAction = toCodeAction(action, params.textDocument.uri, (p) => uris.uriOf(p), [ours[request]]);
      if (disable) codeAction.isPreferred = false;
      actions.push(codeAction);
    }
  }
  if (wants(only, FIX_ALL_KIND)) {
    const fixed = applySafeFixes(doc, published, config);
    if (fixed) {
      const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
      actions.push({ title: `Fix all safe Legible problems (${fixed.titles.length})`, kind: FIX_ALL_KIND, edit: { changes: { [params.textDocument.uri]: [{ range: whole, newText: fixed.text }] } } });
    }
  }
  return actions;
}
