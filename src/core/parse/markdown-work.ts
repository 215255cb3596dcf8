import { markdownChunks, type Chunk } from './markdown-chunks';

/** Documents at least this long are parsed a chunk at a time (markdown-parser.ts); shorter ones whole. */
export const CHUNKED_FROM = 16384;

/** The pieces the Markdown parser parses one at a time: the chunks of a long document, or the whole. */
export function parseUnits(text: string, chunkedFrom = CHUNKED_FROM): Chunk[] {
  const whole = [{ offset: 0, line: 0 }];
  return text.length >= chunkedFrom ? (markdownChunks(text) ?? whole) : whole;
}

/**
 * How long the Markdown parser would take on the body, as the length of one block that would take
 * as long: the square root of Σ restructures × lines over the parser's chunks, where lines are
 * the chunk's non-blank lines and list or quote markers (each marker is a block of its own), and
 * restructures are the markers but a line's first at column 0, the setext underlines (`=`, `-`
 * lines) and the lines that may continue a list item or a quote lazily. micromark (remark's parser) walks the events of the
 * whole chunk so far again for each of these (a setext heading is resolved backwards; a container
 * closed inside another, or a lazy line, moves events with an edit map), so its time grows with
 * that product: `a\n=\n` 8,000 times took it a minute, 5,000 lines of `> - > - a` 30 s.
 * Prose, headings and code without these cost linear time and add nothing. One pass, linear.
 */
export function markdownBlockLines(text: string, from: number, chunkedFrom = CHUNKED_FROM): number {
  const units = parseUnits(text, chunkedFrom);
  let sum = 0;
  let lines = 0;
  let restructures = 0;
  let inContainer = false;
  let next = 1;
  let at = 0;
  while (at < text.length) {
    if (next < units.length && at >= units[next].offset) {
      sum += lines * restructures;
      lines = restructures = 0;
      inContainer = false;
      next++;
    }
    let end = at;
    let c = 0;
    while (end < text.length && (c = text.charCodeAt(end)) !== 10 && c !== 13) end++;
    const lineStart = at;
    at = c === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    if (lineStart < from) continue;
    const markers = containerMarkers(text, lineStart, end);
    const rest = markers.rest;
    if (rest === end && markers.count === 0) {
      inContainer = false; // a blank line
      continue;
    }
    lines += 1 + markers.count;
    if (markers.count > 0) {
      // A list item or quote at column 0 opens a block of its own (measured linear: a record with a
      // list in every section parses in time proportional to its length); one inside another, or
      // indented under an item, closes and moves what is open around it.
      restructures += markers.count - (markers.first === lineStart ? 1 : 0);
      inContainer = true;
    } else if (inContainer || isUnderline(text, rest, end)) restructures++;
  }
  sum += lines * restructures;
  return Math.ceil(Math.sqrt(sum));
}

/** The list and quote markers that open a line (`> - 1. `), and where its content starts. */
function containerMarkers(text: string, start: number, end: number): { count: number; first: number; rest: number } {
  let count = 0;
  let first = -1;
  let i = start;
  for (;;) {
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i >= end) break;
    const c = text.charCodeAt(i);
    let after = i + 1;
    if (c !== 62 /* > */) {
      if (c >= 48 && c <= 57) {
        while (after < end && after - i < 9 && text.charCodeAt(after) >= 48 && text.charCodeAt(after) <= 57) after++;
        if (after >= end || (text.charCodeAt(after) !== 46 /* . */ && text.charCodeAt(after) !== 41) /* ) */) break;
        after++;
      } else if (c !== 45 /* - */ && c !== 43 /* + */ && c !== 42 /* * */) break;
      // A list marker is followed by a space, a tab or the end of the line.
      if (after < end && text.charCodeAt(after) !== 32 && text.charCodeAt(after) !== 9) break;
    }
    if (count++ === 0) first = i;
    i = after;
  }
  return { count, first, rest: i };
}

/** A setext underline: only `=` or only `-`, then spaces or tabs. */
function isUnderline(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c !== 61 /* = */ && c !== 45 /* - */) return false;
  let i = start;
  while (i < end && text.charCodeAt(i) === c) i++;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i === end;
}
