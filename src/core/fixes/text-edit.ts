import { LineIndex, type Range } from '../text/position';

/**
 * Text edits in the shape editors apply them: a range of the document as it is now (0-based lines,
 * UTF-16 characters) and the text that replaces it. All ranges of one action refer to the original
 * text and never overlap; two insertions at the same place are applied in the order given.
 */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** One quick fix: a title for the light-bulb menu and the edits it makes. */
export interface FixAction {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix an editor may apply with one key ("auto fix"): set on the single obvious one. */
  readonly isPreferred?: boolean;
  /** The file the edits apply to, when it is not the one the finding is in (or to be explicit). */
  readonly path?: string;
}

/** An edit by offsets into the text, as the fixes compute them before they become ranges. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The document's own line break (its first one), so that inserted lines match the file: CRLF, CR or LF. */
export function lineEnding(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return '\n';
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
  }
  return '\n';
}

/** Ranges for offset edits; insertions at the same offset are merged into one edit, in order. */
export function toTextEdits(lines: LineIndex, edits: readonly OffsetEdit[]): TextEdit[] {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.order - b.order);
  const merged: OffsetEdit[] = [];
  for (const { edit } of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.start === last.end && edit.start === edit.end && last.start === edit.start) merged[merged.length - 1] = { ...last, text: last.text + edit.text };
    else merged.push(edit);
  }
  return merged.map((edit) => ({ range: lines.range(edit.start, edit.end), newText: edit.text }));
}

/** The text after edits, and where each edit's new text sits in it (offsets into that text, in edit order by position). */
export interface AppliedEdits {
  readonly text: string;
  readonly inserted: ReadonlyArray<{ readonly start: number; readonly end: number }>;
}

/**
 * Applies edits as an editor would, or says why it cannot: two edits overlap, or one ends before
 * it starts (an editor refuses both).
 */
export function applyEditsAt(text: string, edits: readonly TextEdit[]): AppliedEdits | { readonly problem: string } {
  const lines = new LineIndex(text);
  const spans = edits
    .map((edit, order) => ({ start: lines.offset(edit.range.start), end: lines.offset(edit.range.end), text: edit.newText, order }))
    .sort((a, b) => a.start - b.start || a.order - b.order);
  let out = '';
  let at = 0;
  const inserted: Array<{ start: number; end: number }> = [];
  for (const span of spans) {
    if (span.end < span.start) return { problem: `An edit ends before it starts (${span.start}–${span.end}).` };
    if (span.start < at) return { problem: `Edits overlap at offset ${span.start}.` };
    out += text.slice(at, span.start);
    inserted.push({ start: out.length, end: out.length + span.text.length });
    out += span.text;
    at = span.end;
  }
  return { text: out + text.slice(at), inserted };
}

/**
 * The text after the edits: what an editor would show once it applied them. Throws when two edits
 * overlap, as an editor would refuse them.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const applied = applyEditsAt(text, edits);
  if ('problem' in applied) throw new Error(applied.problem);
  return applied.text;
}
