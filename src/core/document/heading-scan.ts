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

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX = /^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** Characters with which inline Markdown can make a heading's text differ from its source. */
export const INLINE_MARKUP = /[*_`[\]<>!\\&]/;

// CommonMark's HTML blocks (spec 4.6), with micromark's tag names. Kinds 1-5 end on the line that
// holds their end marker (the opening line too); kinds 6 and 7 at a blank line.
const HTML_RAW = /^ {0,3}<(?:pre|script|style|textarea)(?:[ \t>]|$)/i;
const HTML_MARKED: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [HTML_RAW, /<\/(?:pre|script|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
  [/^ {0,3}<![A-Za-z]/, />/],
];
const HTML_BLOCK_NAME =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
/** Kind 7: a complete open or closing tag alone on its line. It cannot interrupt a paragraph. */
const HTML_LONE_TAG =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^"'=<>`/ \t]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;

/**
 * How an HTML block starting on this line ends: at a line matching the pattern, or at a blank
 * line; undefined when the line starts none; 'unsure' for a lone tag that is an HTML block unless
 * it continues a paragraph, which the scan cannot always tell.
 */
function htmlBlockEnd(line: string, afterBlank: boolean): RegExp | 'blank' | 'unsure' | undefined {
  for (const [start, end] of HTML_MARKED) if (start.test(line)) return end;
  if (HTML_BLOCK_NAME.test(line)) return 'blank';
  if (HTML_LONE_TAG.test(line)) return afterBlank ? 'blank' : 'unsure';
  return undefined;
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
  let fence: { char: string; length: number } | undefined;
  let html: RegExp | 'blank' | undefined;
  let previousBlank = true;
  let at = from;
  while (at < text.length) {
    // \n, \r\n and a lone \r (classic Mac files) each end a line.
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const lineStart = at;
    const line = text.slice(at, end);
    at = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    const blank = line.trim() === '';
    const wasBlank = previousBlank;
    previousBlank = blank;
    if (html) {
      if (html === 'blank' ? blank : html.test(line)) {
        html = undefined;
        previousBlank = true; // no paragraph is open after an HTML block
      }
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[2][0] === fence.char && fenceMatch[2].length >= fence.length && fenceMatch[3].trim() === '') fence = undefined;
      continue;
    }
    if (fenceMatch && !(fenceMatch[2][0] === '`' && fenceMatch[3].includes('`'))) {
      // An indented fence may belong to a list item, which a heading at column 0 closes, and the
      // next indented fence line then opens a fence of its own: a line scan cannot follow that.
      if (fenceMatch[1]) return undefined;
      fence = { char: fenceMatch[2][0], length: fenceMatch[2].length };
      continue;
    }
    if (line.charCodeAt(line.search(/\S/)) === 60 /* < */) {
      const ends = htmlBlockEnd(line, wasBlank);
      if (ends === 'unsure') return undefined;
      if (ends) {
        // Kinds 1-5 may end on their opening line; kinds 6 and 7 never do (it is not blank).
        if (ends === 'blank' || !ends.test(line)) html = ends;
        else previousBlank = true;
        continue;
      }
    }
    // An ATX heading may be indented up to three spaces at the top level, or sit in a list item.
    if (/^ {1,3}#{1,6}(?:[ \t]|$)/.test(line)) complete = false;
    const heading = ATX.exec(line);
    if (heading) {
      const value = (heading[2] ?? '').replace(/[ \t]+#+$/, '').replace(/^#+$/, '');
      if (INLINE_MARKUP.test(value)) complete = false;
      headings.push({ text: value, depth: heading[1].length, offset: lineStart });
      previousBlank = true; // a heading ends its block: a `---` below it is a thematic break
      continue;
    }
    // `Decision` over `---` is a heading the scan does not read.
    if (!wasBlank && SETEXT_UNDERLINE.test(line)) complete = false;
  }
  return { headings, complete };
}
