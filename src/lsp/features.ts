import { MarkupKind, type CodeLens, type CompletionItem, type DocumentLink, type Hover, type Position, type TextDocument } from './protocol';
import { documentCitations } from '../core/code/document-citations';
import { governedByTitle, recordHoverMarkdown, summarizeRecord } from '../core/code/record-summary';
import { completionsAt } from '../core/editor/completions';
import { hoverAt } from '../core/editor/hover';
import { citationLinks, recordLinks } from '../core/editor/record-links';
import { DecisionIndex } from '../core/index/decision-index';
import type { LiveWorkspace } from '../core/live/live-workspace';
import { toCompletionItem } from './convert';
import type { Uris } from './uris';
import { isMarkdownPath } from '../core/port/paths';
import { wantsCodeFiles } from '../core/editor/governs-values';
import { re2RegexEngine } from '../node/re2-regex-engine';
import type { EditorAids } from './folders';

/** Completion, hover and links: the core answers, this turns its answers into LSP types. */

const EMPTY_INDEX = new DecisionIndex();

/**
 * Completion in a record's frontmatter: keys, values, ids and people, from the schema and the
 * index; in `governs`, the repository's folders and files, and in `artifacts` its files as links
 * from the record's folder (the code list read only there).
 */
export async function completion(document: TextDocument, path: string, position: Position, live: LiveWorkspace | undefined, snippets: boolean, aids?: EditorAids): Promise<CompletionItem[]> {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const codeFiles = aids && wantsCodeFiles(text, offset) ? await aids.codeFiles() : undefined;
  const items = completionsAt(text, offset, live?.decisions?.index ?? EMPTY_INDEX, { today: live?.today(), path, codeFiles, root: live?.root });
  if (!items.length) return [];
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
  return items.map((item) => toCompletionItem(item, indent, snippets));
}

/**
 * Hover: in a record, the field's question, a value's meaning, a referenced record, how many files
 * a `governs` glob matches, what the history says of a person; in code, a cited record.
 */
export async function hover(document: TextDocument, path: string, position: Position, live: LiveWorkspace | undefined, uris: Uris, aids?: EditorAids): Promise<Hover | null> {
  const index = live?.decisions?.index;
  if (isMarkdownPath(path)) {
    const text = document.getText();
    const offset = document.offsetAt(position);
    const codeFiles = aids && wantsCodeFiles(text, offset) ? await aids.codeFiles() : undefined;
    const personEvidence = await aids?.personEvidence();
    const found = hoverAt(text, offset, index ?? EMPTY_INDEX, { path, codeFiles, regexEngine: re2RegexEngine, personEvidence });
    if (found) return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: found.range };
  }
  // A record's ids are references with their own hover; other files' ids are citations.
  if (isRecord(path, live)) return null;
  if (!index) return null;
  const offset = document.offsetAt(position);
  const found = documentCitations(document.getText(), index).find(({ citation }) => document.offsetAt(citation.range.start) <= offset && offset <= document.offsetAt(citation.range.end));
  if (!found) return null;
  // The business tradeoff is read from the record (the index keeps no prose), as the extension's hover does.
  const records = await Promise.all(found.records.map(async (entry) => summarizeRecord(index, entry, await live?.tradeoff(entry.path))));
  const value = records.length
    ? records.map((record) => recordHoverMarkdown(record, (p) => uris.uriOf(p))).join('\n\n---\n\n')
    : `No record has the id ${found.citation.raw}.`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: found.citation.range };
}

/** The command a code lens runs: the server asks the client to show the record (`window/showDocument`). */
export const OPEN_RECORD_COMMAND = 'legible.openRecord';

/**
 * At the top of a code file, one lens per decision that governs it: "Governed by ADR-0007 ·
 * accepted · one-way door · risk high · held by amira", opening the record, as in the extension.
 */
export async function codeLenses(path: string, live: LiveWorkspace | undefined, aids: EditorAids | undefined, uris: Uris): Promise<CodeLens[]> {
  const index = live?.decisions?.index;
  if (!index || !aids || isRecord(path, live)) return [];
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return (await aids.governing()).map((entry) => ({
    range: top,
    command: { title: governedByTitle(summarizeRecord(index, entry)), command: OPEN_RECORD_COMMAND, arguments: [uris.uriOf(entry.path)] },
  }));
}

/** Links: a record's referenced ids and artifacts; a code file's cited ids. */
export function links(document: TextDocument, path: string, live: LiveWorkspace | undefined, uris: Uris): DocumentLink[] {
  const index = live?.decisions?.index;
  if (!index) return [];
  const found = isRecord(path, live) ? recordLinks(index, path, live?.config?.placeholder) : citationLinks(document.getText(), index);
  return found.map((link) => ({ range: link.range, target: uris.uriOf(link.target), tooltip: link.tooltip }));
}

/** A Markdown file in a decisions folder (or any Markdown file when no folder holds it: frontmatter help still applies). */
function isRecord(path: string, live: LiveWorkspace | undefined): boolean {
  return live ? live.isDecisionFile(path) : isMarkdownPath(path);
}
