import { htmlBlockEnd } from '../parse/html-block';
import { closesFence, fenceOpening, type Fence } from '../parse/fence';
import { atxHeading } from '../parse/atx-heading';

/** A top-level ATX heading as the line scan reads it. */
export interface ScannedHeading {
  readonly text: string;
  readonly depth: number;
  /** Offset of the heading's line in the document. */
  readonly offset: number;
}

export interface HeadingScan {
  readonly headings: ScannedHeading[];
  /**
   * True when the scan saw nothing that could make a heading it cannot see (a setext underline,
   * an indented ATX heading) or give a heading a different text (inline markup): its
   * list is then the whole truth, not only a list of headings that are certainly there.
   */
  readonly complete: boolean;
}

const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
/** Characters with which inline Markdown can make a heading's text differ from its source. */
export const INLINE_MARKUP = /[*_`[\]<>!\\&]/;

/**
 * A heading longer than this keeps its text as written, markup and all: no section name is that
 * long (a long heading still satisfies the section it starts with, its punctuation aside), and
 * micromark's emphasis and links take time quadratic in one heading's length (a 200 KB heading
 * of `*a` took minutes).
 */
export const MAX_INLINE_HEADING = 200;

/** True when a heading's text is read as inline Markdown (its markup parsed), not as written. */
export function inlineParsed(text: string): boolean {
  return text.length <= MAX_INLINE_HEADING && INLINE_MARKUP.test(text);
}

/**
 * The body's top-level ATX headings (`## Context`) by a line scan, or undefined when a line scan
 * cannot be trusted (an indented fence, which may sit in a list item; a lone HTML tag that may
 * continue a paragraph). Fenced code and HTML blocks are skipped as CommonMark ends them. Only
 * headings at column 0 count: an indented one may sit in a list item.
 * Used to check a body without the Markdown parse; any doubt falls back to remark.
 */
export function scanTopLevelHeadings(text: string, from: number): HeadingScan | undefined {
  const headings: ScannedHeading[] = [];
  let complete = true;
  let fence: Fence | undefined;
  let html: RegExp | 'blank' | undefined;
  let previousBlank = true;
  let at = from;
  // Most lines are prose: they are told apart by their first character, and only lines that
  // may open or close something are cut out of the text and matched.
  while (at < text.length) {
    // \n, \r\n and a lone \r (classic Mac files) each end a line.
    let end = at;
    let c = 0;
    while (end < text.length && (c = text.charCodeAt(end)) !== 10 && c !== 13) end++;
    const lineStart = at;
    at = c === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    let first = lineStart;
    while (first < end && text.charCodeAt(first) === 32) first++;
    let content = first;
    while (content < end && ((c = text.charCodeAt(content)) === 32 || c === 9)) content++;
    const blank = content === end;
    const wasBlank = previousBlank;
    previousBlank = blank;
    if (html) {
      if (html === 'blank' ? blank : html.test(text.slice(lineStart, end))) {
        html = undefined;
        previousBlank = true; // no paragraph is open after an HTML block
      }
      continue;
    }
    if (blank) continue;
    // What opens or closes a block starts after at most three spaces; a tab or more is content.
    const lead = first - lineStart <= 3 ? text.charCodeAt(first) : -1;
    if (fence) {
      if (lead === fence.char.charCodeAt(0) && closesFence(text.slice(first, end), fence)) fence = undefined;
      continue;
    }
    if (lead === 96 /* ` */ || lead === 126 /* ~ */) {
      const opens = fenceOpening(text.slice(first, end));
      if (opens) {
        // An indented fence may belong to a list item, which a heading at column 0 closes, and the
        // next indented fence line then opens a fence of its own: a line scan cannot follow that.
        if (first > lineStart) return undefined;
        fence = opens;
      }
      continue;
    }
    if (lead === 60 /* < */) {
      const ends = htmlBlockEnd(text.slice(first, end), wasBlank);
      if (ends === 'unsure') return undefined;
      if (ends) {
        // Kinds 1-5 may end on their opening line; kinds 6 and 7 never do (it is not blank).
        if (ends === 'blank' || !ends.test(text.slice(first, end))) html = ends;
        else previousBlank = true;
      }
      continue;
    }
    if (lead === 35 /* # */) {
      const line = text.slice(first, end);
      if (first > lineStart) {
        // An ATX heading may be indented up to three spaces at the top level, or sit in a list item.
        if (/^#{1,6}(?:[ \t]|$)/.test(line)) complete = false;
        continue;
      }
      const heading = atxHeading(line);
      if (heading) {
        const value = heading.text;
        if (inlineParsed(value)) complete = false;
        headings.push({ text: value, depth: heading.depth, offset: lineStart });
        previousBlank = true; // a heading ends its block: a `---` below it is a thematic break
      }
      continue;
    }
    // `Decision` over `---` is a heading the scan does not read.
    if ((lead === 61 /* = */ || lead === 45) /* - */ && !wasBlank && SETEXT_UNDERLINE.test(text.slice(first, end))) complete = false;
  }
  return { headings, complete };
}
