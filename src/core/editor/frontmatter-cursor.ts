import { findFrontmatter, type Span } from '../parse/frontmatter-fence';
import { DEFAULT_LIMITS } from '../parse/limits';
import type { Range } from '../text/position';
import { canHold, outline, parentFor, pathOf, splitLines, type Node, type Outline } from './frontmatter-outline';
import { flowEntries, flowValues, trimSpan, unquote, type Line, type LineShape } from './yaml-line-shape';

/**
 * Where the cursor sits in the YAML frontmatter, read from the lines and their indentation
 * rather than from a parse, so that it works while the user types: a half-written key, a key
 * with no value yet, a trailing `:`, an unclosed `[a, b`. Only the frontmatter's lines are read
 * (and at most the frontmatter size limit), whatever the size of the document.
 *
 * The heuristics, and where they stop:
 * - A line's indentation is its leading spaces; a tab counts as one column (YAML forbids tabs
 *   in indentation, so a tab-indented file is read as best it can be and the YAML rule reports it).
 * - A key's parent is the nearest line above with less indentation; a `- ` item may sit at the
 *   same indentation as its key (`owners:` / `- alice`). A `- key: value` item opens a mapping
 *   whose keys line up with `key`.
 * - A key with an inline value owns the more-indented lines below it (a multi-line scalar): no
 *   completion there. `|` and `>` block scalars likewise. An unclosed `[` owns the more-indented
 *   lines until it closes (a multi-line flow sequence), and their entries are list items.
 * - Flow mappings (`{a: b}`), anchors, aliases, tags, explicit keys (`? `) and multi-document
 *   streams are not interpreted.
 */

export type CursorKind = 'key' | 'value' | 'item';

export interface FrontmatterCursor {
  /**
   * `key`: a key of the mapping at `path` (typed so far, or an existing key under the cursor);
   * `value`: the scalar after `key: `; `item`: an entry of the list held by `key`
   * (a block `- ` item, or an entry of a flow sequence `[a, b]`).
   */
  readonly kind: CursorKind;
  /** Keys from the root to the mapping that holds `key`; list items appear as their index (`'0'`). */
  readonly path: readonly string[];
  /** `key`: the whole key under the cursor (may be partial or empty); `value` and `item`: the key whose value this is. */
  readonly key: string;
  /** The part of the word that is before the cursor. */
  readonly prefix: string;
  /** The whole word or scalar under the cursor, without quotes (what `replace` covers). */
  readonly word: string;
  /** What a completion replaces: offsets in the document, on the cursor's line. */
  readonly replace: Span;
  readonly range: Range;
  /** `key` only: a `:` already follows the key, so only the key's name should be inserted. */
  readonly hasColon: boolean;
  /** `value` and `item`: the cursor is right after the `:` or `-`, so an insertion needs a leading space. */
  readonly needsSpace: boolean;
  /** `item` only: inside a flow sequence `[…]`. */
  readonly flow: boolean;
  /** The quote the scalar is written in, if any (`replace` then covers the text inside the quotes). */
  readonly quote?: '"' | "'";
  /** Keys already in the mapping at `path`, other than on the cursor's line. */
  readonly keys: readonly string[];
  /**
   * Entries already in the list, other than the one under the cursor: for `item`, the list held
   * by `key`; for `key`, the list at `path` when the cursor is on a fresh line under a list key.
   */
  readonly items: readonly string[];
  /** The root `type:` value as written, if any. */
  readonly recordType?: string;
  /** The document's indentation step (from its first nested line; two spaces by default). */
  readonly indentUnit: string;
}

/** The most text looked at: the YAML parser does not read frontmatter larger than this either. */
const MAX_FRONTMATTER_CHARS = DEFAULT_LIMITS.maxFrontmatterBytes;
const HEADING = /^#{1,6}(?:[ \t]|$)/;

/** The frontmatter's text span around the offset, when the offset is inside YAML frontmatter. */
function region(text: string, offset: number): { from: number; to: number } | undefined {
  if (offset > MAX_FRONTMATTER_CHARS) return undefined;
  const head = text.length > 2 * MAX_FRONTMATTER_CHARS ? text.slice(0, 2 * MAX_FRONTMATTER_CHARS) : text;
  const block = findFrontmatter(head);
  if (block.kind === 'none' || block.fence !== 'yaml') return undefined;
  if (block.kind === 'closed') {
    const { start, end } = block.content;
    if (end - start > MAX_FRONTMATTER_CHARS) return undefined;
    return offset >= start && offset < end ? { from: start, to: end } : undefined;
  }
  // Unclosed (the user is still writing it): it runs to the first Markdown heading, as far as the limit.
  let from = block.open.end;
  if (head.charCodeAt(from) === 13) from++;
  if (head.charCodeAt(from) === 10) from++;
  if (from === block.open.end) return undefined;
  const limit = Math.min(head.length, from + MAX_FRONTMATTER_CHARS);
  let to = limit;
  for (const line of splitLines(head, from, limit)) {
    if (HEADING.test(head.slice(line.start, line.end))) {
      to = line.start;
      break;
    }
  }
  const inside = offset >= from && (offset < to || (offset === to && to === text.length));
  return inside ? { from, to } : undefined;
}

/** Reads where the cursor (an offset in the document) is in the frontmatter; undefined outside it. */
export function frontmatterCursor(text: string, offset: number): FrontmatterCursor | undefined {
  const area = region(text, offset);
  if (!area) return undefined;
  const lines = splitLines(text, area.from, area.to);
  if (!lines.length || offset > lines[lines.length - 1].end) {
    // The cursor is on an empty last line of an unclosed block.
    if (area.to !== text.length || offset !== text.length) return undefined;
    lines.push({ start: offset, end: offset });
  }
  const cursorLine = lineOf(lines, offset);
  if (cursorLine === undefined) return undefined;
  const tree = outline(text, lines, cursorLine);
  return locate(text, tree, cursorLine, offset);
}

function lineOf(lines: readonly Line[], offset: number): number | undefined {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return offset >= lines[lo].start && offset <= lines[lo].end ? lo : undefined;
}

interface Draft {
  kind: CursorKind;
  path: string[];
  key: string;
  replace: Span;
  word: string;
  prefixEnd: number;
  hasColon?: boolean;
  needsSpace?: boolean;
  flow?: boolean;
  quote?: '"' | "'";
  container?: Node;
  rootContainer?: boolean;
  items?: string[];
}

function locate(text: string, tree: Outline, index: number, offset: number): FrontmatterCursor | undefined {
  const line = tree.lines[index];
  const shape = tree.shapes[index];
  const s = text.slice(line.start, line.end);
  const x = offset - line.start;
  const blank = shape.pieces.length === 0 && shape.restStart === shape.restEnd;
  const owner = tree.ownerAtCursor;
  const column = blank ? x : shape.indent;
  let draft: Draft | undefined;

  if (owner && column > owner.column && (owner.kind !== 'flow' || owner.depth > 0)) {
    if (owner.kind !== 'flow' || !owner.node.flow || (blank && shape.comment !== undefined && x > shape.comment)) return undefined;
    draft = flowItem(text, owner.node, offset);
  } else if (shape.comment !== undefined && x > shape.comment) {
    return undefined;
  } else if (blank) {
    const parent = parentFor(tree.stackAtCursor, 'key', x);
    if (!canHold(parent)) return undefined;
    draft = { kind: 'key', path: pathOf(parent), key: '', replace: { start: offset, end: offset }, word: '', prefixEnd: offset, container: parent, rootContainer: !parent };
  } else if (x < shape.indent) {
    return undefined;
  } else if (shape.pieces.length === 0) {
    // A key being typed (no colon yet): a single word at the start of the line.
    if (x > shape.restEnd) return undefined;
    const word = s.slice(shape.restStart, shape.restEnd);
    if (/\s/.test(word) || /^["'[{]/.test(word)) return undefined;
    const parent = parentFor(tree.stackAtCursor, 'key', shape.indent);
    if (!canHold(parent)) return undefined;
    draft = { kind: 'key', path: pathOf(parent), key: word, replace: { start: line.start + shape.restStart, end: line.start + shape.restEnd }, word, prefixEnd: offset, container: parent, rootContainer: !parent };
  } else {
    draft = onPieces(text, tree, index, offset);
  }
  if (!draft) return undefined;
  if (lineOfSpan(tree.lines, draft.replace) !== index) return undefined;

  const container = draft.container;
  const children = draft.rootContainer ? tree.roots : (container?.children ?? []);
  const keys = draft.kind === 'key' ? children.filter((n) => n.kind === 'key' && n.line !== index).map((n) => n.name) : [];
  const items = draft.items ?? children.filter((n) => n.kind === 'item' && !n.mapping && n.line !== index && n.value !== '').map((n) => n.value);
  const rootType = tree.roots.find((n) => n.kind === 'key' && n.name === 'type' && n.value !== '');
  const lineNumber = 1 + index;
  return {
    kind: draft.kind,
    path: draft.path,
    key: draft.key,
    prefix: text.slice(Math.min(draft.replace.start, draft.prefixEnd), draft.prefixEnd),
    word: draft.word,
    replace: draft.replace,
    range: {
      start: { line: lineNumber, character: draft.replace.start - line.start },
      end: { line: lineNumber, character: draft.replace.end - line.start },
    },
    hasColon: draft.hasColon ?? false,
    needsSpace: draft.needsSpace ?? false,
    flow: draft.flow ?? false,
    quote: draft.quote,
    keys,
    items,
    recordType: rootType?.value,
    indentUnit: tree.indentUnit,
  };
}

function lineOfSpan(lines: readonly Line[], span: Span): number | undefined {
  const first = lineOf(lines, span.start);
  return first !== undefined && span.end <= lines[first].end ? first : undefined;
}

function onPieces(text: string, tree: Outline, index: number, offset: number): Draft | undefined {
  const line = tree.lines[index];
  const shape = tree.shapes[index];
  const nodes = tree.nodesByLine.get(index) ?? [];
  const x = offset - line.start;
  for (let i = 0; i < shape.pieces.length; i++) {
    const piece = shape.pieces[i];
    const node = nodes[i];
    const next = shape.pieces[i + 1];
    if (!node) return undefined;
    if (piece.kind === 'key') {
      if (x < piece.column) return undefined;
      if (x <= piece.colon) {
        if (x < piece.nameStart) return undefined;
        if (x > piece.nameEnd && /\S/.test(text.slice(line.start + piece.nameEnd, offset))) return undefined;
        return {
          kind: 'key',
          path: pathOf(node.parent),
          key: piece.name,
          replace: { start: line.start + piece.nameStart, end: line.start + Math.max(x, piece.nameEnd) },
          word: piece.name,
          prefixEnd: Math.min(offset, line.start + piece.nameEnd),
          hasColon: true,
          container: node.parent,
          rootContainer: !node.parent,
        };
      }
      if (node.flow && x > shape.restStart) return flowItem(text, node, offset);
      if (node.flow) return undefined;
      const scalar = scalarAt(text, line, shape, offset, piece.colon + 1);
      return scalar && { ...scalar, kind: 'value', path: pathOf(node.parent), key: node.name };
    }
    if (x <= piece.column) return undefined;
    if (next) {
      if (x < next.column) return undefined;
      continue;
    }
    const list = node.parent;
    if (!list || list.kind !== 'key') return undefined;
    if (node.flow) return undefined;
    const scalar = scalarAt(text, line, shape, offset, piece.column + 1);
    if (!scalar) return undefined;
    const items = list.children.filter((n) => n.kind === 'item' && n !== node && !n.mapping && n.value !== '').map((n) => n.value);
    return { ...scalar, kind: 'item', path: pathOf(list.parent), key: list.name, items };
  }
  return undefined;
}

/** The scalar after a `:` or `-` on the cursor's line. */
function scalarAt(text: string, line: Line, shape: LineShape, offset: number, after: number): Omit<Draft, 'kind' | 'path' | 'key'> | undefined {
  const x = offset - line.start;
  const s = text.slice(line.start, line.end);
  const raw = s.slice(shape.restStart, shape.restEnd);
  const abs = (column: number): number => line.start + column;
  if (raw === '') {
    if (x === after) return { replace: { start: offset, end: offset }, word: '', prefixEnd: offset, needsSpace: true };
    return { replace: { start: offset, end: offset }, word: '', prefixEnd: offset };
  }
  if (/^[|>{&*!%@`?]/.test(raw)) return undefined;
  if (raw[0] === '"' || raw[0] === "'") {
    const quote = raw[0] as '"' | "'";
    const innerStart = shape.restStart + 1;
    const closed = raw.length >= 2 && raw.endsWith(quote);
    const innerEnd = closed ? shape.restEnd - 1 : shape.restEnd;
    if (x < innerStart || x > innerEnd) return undefined;
    return { replace: { start: abs(innerStart), end: abs(innerEnd) }, word: unquote(closed ? raw : `${raw}${quote}`), prefixEnd: offset, quote };
  }
  if (x < shape.restStart) return { replace: { start: abs(after), end: abs(shape.restEnd) }, word: raw, prefixEnd: abs(after), needsSpace: true };
  return { replace: { start: abs(shape.restStart), end: abs(Math.max(x, shape.restEnd)) }, word: raw, prefixEnd: offset };
}

/** An entry of the flow sequence held by `node`, under the cursor. */
function flowItem(text: string, node: Node, offset: number): Draft | undefined {
  const flow = node.flow;
  if (!flow || text[flow.start] !== '[' || offset <= flow.start) return undefined;
  const { entries, close } = flowEntries(text, flow.start, flow.end);
  if (close !== undefined && offset > close) return undefined;
  const entry = entries.find((e) => offset >= e.start && offset <= e.end);
  if (!entry) return undefined;
  const trimmed = trimSpan(text, entry);
  const raw = text.slice(trimmed.start, trimmed.end);
  if (/^[[{]/.test(raw)) return undefined;
  const key = node.kind === 'key' ? node.name : undefined;
  if (key === undefined) return undefined;
  const items = flowValues(text, flow, trimmed);
  const base = { kind: 'item' as const, path: pathOf(node.parent), key, flow: true, items };
  if (raw[0] === '"' || raw[0] === "'") {
    const quote = raw[0] as '"' | "'";
    const closed = raw.length >= 2 && raw.endsWith(quote);
    const inner = { start: trimmed.start + 1, end: closed ? trimmed.end - 1 : trimmed.end };
    if (offset < inner.start || offset > inner.end) return undefined;
    return { ...base, replace: inner, word: unquote(closed ? raw : `${raw}${quote}`), prefixEnd: offset, quote };
  }
  const replace = { start: Math.min(offset, trimmed.start), end: Math.max(offset, trimmed.end) };
  return { ...base, replace, word: raw, prefixEnd: offset };
}
