/** Lines of YAML cut into keys, dashes, values and flow entries: the lexing under frontmatter-cursor.ts. */

/** Pieces (`- ` and `key:`) read on one line: `- - - - key:` deeper than this is not interpreted. */
export const MAX_PIECES = 16;

export interface Line {
  readonly start: number;
  /** End of the content, before the line break. */
  readonly end: number;
}

export interface KeyPiece {
  readonly kind: 'key';
  readonly column: number;
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly colon: number;
}

export interface DashPiece {
  readonly kind: 'dash';
  readonly column: number;
}

export type Piece = KeyPiece | DashPiece;

/** One line cut into its structure: columns are offsets in the line. */
export interface LineShape {
  readonly indent: number;
  readonly pieces: readonly Piece[];
  /** The value after the last piece: from its first character to before a comment and trailing blanks. */
  readonly restStart: number;
  readonly restEnd: number;
  readonly comment?: number;
}

// A plain key ends on a character that is not blank: blanks go with the next character or before
// the colon, never both ways (a lazy `[^:#]*?` before `[ \t]*:` was quadratic on a long run of blanks).
export const KEY = /(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#:'"[\]{},|>!&*%@`-](?:[ \t]*[^:# \t])*|-[^\s:#](?:[ \t]*[^:# \t])*))[ \t]*:(?=[ \t]|$)/y;

export function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

export function shapeOf(s: string): LineShape {
  let indent = 0;
  while (indent < s.length && isBlank(s.charCodeAt(indent))) indent++;
  const pieces: Piece[] = [];
  let pos = indent;
  while (pieces.length < MAX_PIECES && pos < s.length) {
    if (s[pos] === '-' && (pos + 1 === s.length || isBlank(s.charCodeAt(pos + 1)))) {
      pieces.push({ kind: 'dash', column: pos });
      pos++;
      while (pos < s.length && isBlank(s.charCodeAt(pos))) pos++;
      continue;
    }
    if (s[pos] === '#') break;
    KEY.lastIndex = pos;
    const match = KEY.exec(s);
    if (match) {
      const quoted = match[3] === undefined;
      const raw = match[1] ?? match[2] ?? match[3];
      const name = match[1] !== undefined ? raw.replace(/\\(.)/g, '$1') : match[2] !== undefined ? raw.replace(/''/g, "'") : raw;
      const nameStart = pos + (quoted ? 1 : 0);
      const colon = pos + match[0].length - 1;
      pieces.push({ kind: 'key', column: pos, name, nameStart, nameEnd: nameStart + raw.length, colon });
      pos = colon + 1;
      while (pos < s.length && isBlank(s.charCodeAt(pos))) pos++;
    }
    break;
  }
  const comment = commentStart(s, pos);
  let restEnd = comment ?? s.length;
  while (restEnd > pos && isBlank(s.charCodeAt(restEnd - 1))) restEnd--;
  return { indent, pieces, restStart: pos, restEnd, comment };
}

/**
 * Where the quoted scalar opening at `open` closes (a `\\` escape in double quotes, `''` in single
 * quotes skipped), or `limit` when it does not close before it.
 */
function quoteClose(s: string, open: number, limit: number): number {
  const quote = s[open];
  for (let i = open + 1; i < limit; i++) {
    const c = s[i];
    if (c === '\\' && quote === '"') i++;
    else if (c === quote) {
      if (quote === "'" && s[i + 1] === "'") i++;
      else return i;
    }
  }
  return limit;
}

/** Where a `#` comment starts (outside quotes, after a blank or at the start), if anywhere. */
export function commentStart(s: string, from: number): number | undefined {
  let tokenStart = true;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if ((c === '"' || c === "'") && tokenStart) {
      i = quoteClose(s, i, s.length);
      continue;
    }
    if (c === '#' && (i === from || isBlank(s.charCodeAt(i - 1)))) return i;
    tokenStart = c === ' ' || c === '\t' || c === '[' || c === ',' || c === '{';
  }
  return undefined;
}

export function unquote(raw: string): string {
  if (raw.length >= 2 && raw[0] === '"' && raw.endsWith('"')) return raw.slice(1, -1).replace(/\\(.)/g, '$1');
  if (raw.length >= 2 && raw[0] === "'" && raw.endsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

/** Bracket depth change over a stretch of flow text, quotes and comments skipped. */
export function flowDepth(s: string, from: number, to: number, depth: number): number {
  for (let i = from; i < to && depth > 0; i++) {
    const c = s[i];
    if (c === '"' || c === "'") i = quoteClose(s, i, to);
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === '#' && (i === from || isBlank(s.charCodeAt(i - 1)))) break;
  }
  return depth;
}

export interface FlowEntry {
  readonly start: number;
  readonly end: number;
}

/** The entries of a flow sequence starting at `[` (offsets in `text`), up to its `]` or `end`. */
export function flowEntries(text: string, start: number, end: number): { entries: FlowEntry[]; close?: number } {
  const entries: FlowEntry[] = [];
  let depth = 1;
  let entryStart = start + 1;
  let tokenStart = true;
  for (let i = start + 1; i < end; i++) {
    const c = text[i];
    if ((c === '"' || c === "'") && tokenStart) {
      i = quoteClose(text, i, end);
      tokenStart = false;
      continue;
    }
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        entries.push({ start: entryStart, end: i });
        return { entries, close: i };
      }
    } else if (c === ',' && depth === 1) {
      entries.push({ start: entryStart, end: i });
      entryStart = i + 1;
    } else if (c === '#' && isBlank(text.charCodeAt(i - 1))) {
      while (i + 1 < end && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
    }
    tokenStart = c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '[' || c === ',';
  }
  entries.push({ start: entryStart, end });
  return { entries };
}

export function trimSpan(text: string, span: FlowEntry): FlowEntry {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

export function flowValues(text: string, flow: { start: number; end: number }, except?: FlowEntry): string[] {
  return flowEntries(text, flow.start, flow.end)
    .entries.map((entry) => trimSpan(text, entry))
    .filter((entry) => entry.end > entry.start && entry.start !== except?.start)
    .map((entry) => unquote(text.slice(entry.start, entry.end)));
}
