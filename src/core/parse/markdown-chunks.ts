import { htmlBlockEnd } from './html-block';
import { closesFence, fenceOpening, type Fence } from './fence';

/**
 * Where a long Markdown document can be cut into chunks that CommonMark parses, each alone,
 * exactly as it parses them within the whole: before a line at column 0 that follows a blank
 * line, outside fenced code and HTML blocks, with no list item or quote that may still be open.
 * There no paragraph, list, quote, code or HTML block is open (a blank line closed paragraphs and
 * quotes; a line without indentation after it closes list items), so nothing before the cut
 * changes how what follows is read, nor the reverse. A differential fuzz test holds it to that.
 *
 * The editor re-parses only the chunk a keystroke changed (markdown-parser.ts keeps the others).
 * Cuts go before headings first, so typing in one section moves no other section's chunks.
 */

export interface Chunk {
  /** Offset of the chunk's first character in the document. */
  readonly offset: number;
  /** Line endings before it: what the chunk's line numbers are shifted by. */
  readonly line: number;
}

/** A section longer than this is cut again at its next clean point: a re-parse then costs ~2 ms, not ~30. */
const LONGEST_SECTION = 2048;

const ATX = /^#{1,6}(?:[ \t]|$)/;
/** List items and quotes may continue after a blank line: never cut before one. */
const CONTAINER = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|^>/;
/** Columns of leading whitespace, a tab to the next multiple of 4 (CommonMark's indentation). */
function indentation(line: string): number {
  let columns = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) columns++;
    else if (c === 9) columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/**
 * The chunks of `text`, or undefined when it cannot be cut with certainty (frontmatter that does
 * not close, a fence or an HTML block indented 1-3 spaces, which may sit in a list item, or a lone
 * tag after a paragraph line, which may continue it). One chunk means no cut was found.
 */
export function markdownChunks(text: string): Chunk[] | undefined {
  const chunks: Chunk[] = [{ offset: 0, line: 0 }];
  let fence: Fence | undefined;
  let html: RegExp | 'blank' | undefined;
  // A list item or a quote may still be open: the line that closes it is no cut (how far the
  // container reaches at the end of a chunk is not how far it reaches before that line).
  let container = false;
  // Frontmatter is parsed with the first chunk; nothing inside it is a cut.
  // A byte order mark is no part of the first line (micromark drops it).
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const opening = /^(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/.exec(bom ? text.slice(bom, bom + 80) : text.slice(0, 80));
  let frontmatter: string | undefined = opening ? opening[0].slice(0, 3) : undefined;
  let previousBlank = frontmatter === undefined;
  let line = 0;
  let at = bom;
  while (at < text.length) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const content = text.slice(at, end);
    const start = at;
    at = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    const lineNumber = line++;
    if (frontmatter !== undefined) {
      if (lineNumber > 0 && content.trimEnd() === frontmatter) frontmatter = undefined;
      continue;
    }
    const blank = content.trim() === '';
    const wasBlank = previousBlank;
    previousBlank = blank;
    if (fence) {
      if (indentation(content) < 4 && closesFence(content.trimStart(), fence)) fence = undefined;
      continue;
    }
    if (html) {
      if (html === 'blank' ? blank : html.test(content)) html = undefined;
      continue;
    }
    if (blank) continue;
    const indent = indentation(content);
    if (indent >= 4) continue;
    const rest = indent ? content.trimStart() : content;
    const opensFence = fenceOpening(rest);
    const htmlEnds = htmlBlockEnd(rest, wasBlank);
    if (htmlEnds === 'unsure') return undefined;
    // Indented 1-3 spaces, a fence or an HTML block may sit in a list item, which a line at
    // column 0 would close: only an HTML construct that ends on its own line is certain.
    if (indent > 0) {
      if (opensFence || htmlEnds === 'blank' || (htmlEnds && !htmlEnds.test(rest))) return undefined;
      if (CONTAINER.test(rest)) container = true;
      continue;
    }
    if (CONTAINER.test(content)) {
      container = true;
      continue;
    }
    if (wasBlank && !container && start > bom && (ATX.test(content) || start - chunks[chunks.length - 1].offset > LONGEST_SECTION)) chunks.push({ offset: start, line: lineNumber });
    // At column 0 after a blank line, or a block no paragraph can take in lazily, a container closes.
    if (wasBlank || opensFence || htmlEnds || ATX.test(content)) container = false;
    if (opensFence) fence = opensFence;
    else if (htmlEnds === 'blank' || (htmlEnds && !htmlEnds.test(content))) html = htmlEnds;
  }
  return frontmatter === undefined ? chunks : undefined;
}
