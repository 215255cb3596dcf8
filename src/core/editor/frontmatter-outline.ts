import { flowDepth, shapeOf, unquote, type Line, type LineShape } from './yaml-line-shape';

/** The frontmatter's lines as a tree of keys and list items, built from indentation (see frontmatter-cursor.ts). */

export interface Node {
  readonly kind: 'key' | 'item';
  readonly line: number;
  readonly column: number;
  /** The key, or the item's index in its list. */
  readonly name: string;
  readonly parent: Node | undefined;
  /** The inline scalar, unquoted ('' when none). */
  readonly value: string;
  /** Nothing follows on the line: children may follow on the next lines. */
  opens: boolean;
  /** An item whose content is a mapping that starts on the dash's line (`- key: value`). */
  mapping: boolean;
  /** A flow sequence or mapping as the value: from its `[` to the end of its text. */
  flow?: { start: number; end: number };
  /** Items seen so far among the children: the next one's index. */
  itemCount: number;
  readonly children: Node[];
}

export type Owner = { readonly kind: 'block' | 'plain' | 'flow'; readonly column: number; readonly node: Node; depth: number };

export function pathOf(node: Node | undefined): string[] {
  const path: string[] = [];
  for (let at = node; at; at = at.parent) path.unshift(at.name);
  return path;
}

/** The node a new key (or item) at `column` belongs to, given the chain of nodes above it. */
export function parentFor(stack: readonly Node[], kind: 'key' | 'item', column: number): Node | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const node = stack[i];
    if (node.column < column) return node;
    if (kind === 'item' && node.column === column && node.kind === 'key' && node.opens) return node;
  }
  return undefined;
}

/** A node may hold keys (or items) on the lines below it only if nothing follows it on its own line. */
export function canHold(node: Node | undefined): boolean {
  return !node || node.opens || node.mapping;
}

export interface Outline {
  readonly lines: readonly Line[];
  readonly shapes: readonly LineShape[];
  readonly nodesByLine: ReadonlyMap<number, readonly Node[]>;
  readonly roots: readonly Node[];
  /** State when the cursor's line was reached. */
  readonly stackAtCursor: readonly Node[];
  readonly ownerAtCursor: Owner | undefined;
  readonly indentUnit: string;
}

export function splitLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let at = from;
  while (at < to) {
    let end = at;
    while (end < to && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    lines.push({ start: at, end });
    if (end >= to) break;
    at = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return lines;
}

export function outline(text: string, lines: readonly Line[], cursorLine: number): Outline {
  const shapes: LineShape[] = [];
  const nodesByLine = new Map<number, Node[]>();
  const roots: Node[] = [];
  const stack: Node[] = [];
  let owner: Owner | undefined;
  let stackAtCursor: Node[] = [];
  let ownerAtCursor: Owner | undefined;
  let unit: number | undefined;
  let rootItems = 0;

  lines.forEach((line, i) => {
    const s = text.slice(line.start, line.end);
    const shape = shapeOf(s);
    shapes.push(shape);
    if (i === cursorLine) {
      stackAtCursor = [...stack];
      // A copy: the pass goes on to close a flow sequence the cursor is inside.
      ownerAtCursor = owner && { ...owner };
    }
    const blank = shape.pieces.length === 0 && shape.restStart === shape.restEnd;
    if (blank) return;
    if (owner && shape.indent > owner.column && (owner.kind !== 'flow' || owner.depth > 0)) {
      if (owner.kind === 'flow' && owner.node.flow) {
        owner.depth = flowDepth(s, shape.indent, shape.restEnd, owner.depth);
        owner.node.flow.end = line.start + shape.restEnd;
        if (owner.depth <= 0) owner = undefined;
      }
      return;
    }
    owner = undefined;
    const made: Node[] = [];
    let previous: Node | undefined;
    for (const piece of shape.pieces) {
      const parent = previous ?? parentFor(stack, piece.kind === 'dash' ? 'item' : 'key', piece.column);
      const siblings = parent ? parent.children : roots;
      const name = piece.kind === 'key' ? piece.name : String(parent ? parent.itemCount++ : rootItems++);
      const last = piece === shape.pieces[shape.pieces.length - 1];
      const raw = last ? s.slice(shape.restStart, shape.restEnd) : '';
      const node: Node = { kind: piece.kind === 'key' ? 'key' : 'item', line: i, column: piece.column, name, parent, value: unquote(raw), opens: last && raw === '', mapping: false, itemCount: 0, children: [] };
      if (previous) previous.mapping = true;
      if (unit === undefined && parent?.kind === 'key' && piece.column > parent.column) unit = piece.column - parent.column;
      siblings.push(node);
      made.push(node);
      stack.length = parent ? stack.lastIndexOf(parent) + 1 : 0;
      stack.push(node);
      previous = node;
    }
    nodesByLine.set(i, made);
    const tail = made[made.length - 1];
    if (!tail) return;
    const first = s[shape.restStart];
    if (first === '|' || first === '>') owner = { kind: 'block', column: tail.column, node: tail, depth: 0 };
    else if (first === '[' || first === '{') {
      tail.flow = { start: line.start + shape.restStart, end: line.start + shape.restEnd };
      const depth = flowDepth(s, shape.restStart + 1, shape.restEnd, 1);
      owner = depth > 0 ? { kind: 'flow', column: tail.column, node: tail, depth } : undefined;
    } else if (shape.restEnd > shape.restStart) owner = { kind: 'plain', column: tail.column, node: tail, depth: 0 };
  });
  return { lines, shapes, nodesByLine, roots, stackAtCursor, ownerAtCursor, indentUnit: ' '.repeat(unit && unit <= 8 ? unit : 2) };
}

/** The frontmatter's lines, if the offset is among them. */
