import { atxHeading } from '../parse/atx-heading';
import type { DecisionDocument } from '../document/decision-document';
import { satisfiesSection, sectionKey } from '../document/section-names';
import type { ResolvedConfig } from '../config/config';
import { isRecordType } from '../schema/schema-registry';
import { sectionPrompt } from '../templates/render-template';
import { lineEnding, toTextEdits, type FixAction, type OffsetEdit } from './text-edit';

interface HeadingLine {
  readonly level: number;
  readonly text: string;
  /** Offset of the start of the heading's first line. */
  readonly start: number;
}

/**
 * The body's top-level headings, found with a line scan (ATX `## x` and setext underlines, outside
 * fenced code and HTML comments): the fixes are synchronous and need no Markdown tree.
 */
export function bodyHeadings(doc: DecisionDocument): HeadingLine[] {
  const out: HeadingLine[] = [];
  const first = doc.lines.position(doc.bodyStart).line;
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  let previous: { text: string; start: number } | undefined;
  for (let line = first; line < doc.lines.lineCount; line++) {
    const start = doc.lines.lineStart(line);
    if (start < doc.bodyStart) continue;
    const text = doc.lines.lineText(line);
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      previous = undefined;
      continue;
    }
    if (inComment) {
      if (text.includes('-->')) inComment = false;
      previous = undefined;
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (open) {
      fence = { char: open[1][0], length: open[1].length };
      previous = undefined;
      continue;
    }
    if (/^ {0,3}<!--/.test(text)) {
      inComment = !text.includes('-->');
      previous = undefined;
      continue;
    }
    let indent = 0;
    while (indent < 4 && text.charCodeAt(indent) === 32) indent++;
    // The line scans' own reader (a pattern with `(.*?)` before trailing blanks was cubic on a long line).
    const atx = indent < 4 ? atxHeading(text.slice(indent)) : undefined;
    if (atx) {
      out.push({ level: atx.depth, text: atx.text, start });
      previous = undefined;
      continue;
    }
    const underline = /^ {0,3}(=+|-+)[ \t]*$/.exec(text);
    if (underline && previous) {
      out.push({ level: underline[1][0] === '=' ? 1 : 2, text: previous.text.trim(), start: previous.start });
      previous = undefined;
      continue;
    }
    // A paragraph line can become a setext heading; list items, quotes and indented code cannot.
    previous = text.trim() && !/^ {0,3}([-*+]|\d+[.)])([ \t]|$)|^ {0,3}>|^ {4}/.test(text) ? { text, start } : undefined;
  }
  return out;
}


function matches(heading: HeadingLine, wanted: string): boolean {
  const key = sectionKey(heading.text);
  return satisfiesSection(key, wanted);
}

/**
 * Adds a missing section — heading and the prompt that asks what belongs in it — where the configured
 * order puts it: at the end of the section before it (before the next heading of the same or a
 * higher level), else before the section after it, else at the end of the document.
 */
export function addSectionFix(doc: DecisionDocument, heading: string, prompt: string | undefined, config: ResolvedConfig): FixAction | undefined {
  const type = isRecordType(doc.data?.type) ? doc.data.type : undefined;
  const wanted = sectionKey(heading);
  if (!wanted) return undefined;
  const headings = bodyHeadings(doc);
  if (headings.some((h) => matches(h, wanted))) return undefined;
  const order = (type ? config.sections[type] : undefined) ?? [];
  const index = order.findIndex((name) => sectionKey(name) === wanted);
  const find = (name: string): number => headings.findIndex((h) => matches(h, sectionKey(name)));

  let offset = doc.text.length;
  let level = 2;
  let placed = false;
  for (let i = index - 1; i >= 0 && !placed; i--) {
    const at = find(order[i]);
    if (at < 0) continue;
    level = headings[at].level;
    const next = headings.slice(at + 1).find((h) => h.level <= level);
    offset = next ? next.start : doc.text.length;
    placed = true;
  }
  for (let i = index + 1; index >= 0 && i < order.length && !placed; i++) {
    const at = find(order[i]);
    if (at < 0) continue;
    level = headings[at].level;
    offset = headings[at].start;
    placed = true;
  }
  const eol = lineEnding(doc.text);
  const block = `${'#'.repeat(level)} ${heading}${eol}${eol}<${prompt ?? (type ? sectionPrompt(type, heading) : `What belongs under ${heading}?`)}>${eol}`;
  const edit = offset === doc.text.length ? atEnd(doc, block, eol) : { start: offset, end: offset, text: beforeLine(doc.text, offset, block, eol) };
  return { title: `Add section "${heading}"`, edits: toTextEdits(doc.lines, [edit]), isPreferred: true, path: doc.path };
}

function endsWithBreak(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  return c === 10 || c === 13;
}

/** Before the line at `offset`: a blank line before the block unless there is one, and one after it. */
function beforeLine(text: string, offset: number, block: string, eol: string): string {
  const previousLineBlank = offset === 0 || lineBeforeIsBlank(text, offset);
  return `${previousLineBlank ? '' : eol}${block}${eol}`;
}

function lineBeforeIsBlank(text: string, offset: number): boolean {
  let at = offset;
  if (text.charCodeAt(at - 1) === 10) at--;
  if (text.charCodeAt(at - 1) === 13) at--;
  const start = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  return text.slice(start, at).trim() === '';
}

/**
 * At the end: one blank line after the last text, then the block. Blank lines the file ends with
 * stay at its end, after the new section.
 */
function atEnd(doc: DecisionDocument, block: string, eol: string): OffsetEdit {
  const text = doc.text;
  const end = text.length;
  let last = end - 1;
  while (last >= doc.bodyStart && /\s/.test(text.charAt(last))) last--;
  if (last < doc.bodyStart || last < 0) {
    // No body text: after the closing fence (or in an empty file), with a blank line if anything precedes.
    const prefix = end === 0 ? '' : endsWithBreak(text, end) ? (lineBeforeIsBlank(text, end) ? '' : eol) : `${eol}${eol}`;
    return { start: end, end, text: `${prefix}${block}` };
  }
  const line = doc.lines.position(last).line;
  if (line + 1 >= doc.lines.lineCount) return { start: end, end, text: `${eol}${eol}${block}` };
  if (line + 2 >= doc.lines.lineCount) return { start: end, end, text: `${eol}${block}` };
  const at = doc.lines.lineStart(line + 2);
  return { start: at, end: at, text: block };
}
