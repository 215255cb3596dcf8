import { outline, pathOf, splitLines, type Outline } from '../editor/frontmatter-outline';
import type { Span } from '../parse/frontmatter-fence';
import type { DecisionDocument } from './decision-document';

/**
 * A field's answer read from the frontmatter's lines as the author typed them, whether or not the
 * YAML parses: `key: the rest of the line`, and the more-indented lines below it that continue it.
 * The frontmatter-malformed rule reads it to say why YAML did not take a sentence as text, and the
 * write-as-text fix to rewrite that sentence so it does. The lines come from the editor's outline
 * (frontmatter-outline.ts), the one line-based reading of frontmatter that tolerates broken YAML.
 */
export interface Answer {
  /** Keys from the root to the field (list items as their index). */
  readonly path: readonly string[];
  /** The document line (0-based) of `key:`. */
  readonly line: number;
  /** The key's column. */
  readonly column: number;
  /** From the answer's first character to the end of its last line's text (blanks after it excluded). */
  readonly span: Span;
  /** The answer's lines, each without the blanks around it; the first is the rest of the key's line. */
  readonly lines: readonly string[];
  /** The answer as YAML joins the lines of a plain value: with single spaces. */
  readonly text: string;
}

export interface Answers {
  /** The answer on a document line: its key's line, or one of the lines that continue it. */
  at(line: number): Answer | undefined;
  /** The document lines of every key with something after it on its line, in order. */
  keyLines(): number[];
  /** The root `type:` as written, if any. */
  readonly recordType?: string;
  /** One level of the frontmatter's indentation. */
  readonly indentUnit: string;
}

/** The answers of a closed YAML frontmatter; undefined without one. Linear in the frontmatter's size. */
export function readAnswers(doc: DecisionDocument): Answers | undefined {
  const block = doc.block;
  if (block.kind !== 'closed' || block.fence !== 'yaml') return undefined;
  const lines = splitLines(doc.text, block.content.start, block.content.end);
  const tree = outline(doc.text, lines, -1);
  const first = lines.length ? doc.lines.position(lines[0].start).line : 0;
  const type = tree.roots.find((node) => node.kind === 'key' && node.name === 'type' && node.value !== '');
  return {
    at: (line) => answerAt(doc, tree, line - first, first),
    keyLines: () => {
      const found: number[] = [];
      for (const [i, nodes] of tree.nodesByLine) {
        const shape = tree.shapes[i];
        if (nodes.at(-1)?.kind === 'key' && (shape.restEnd > shape.restStart || shape.comment !== undefined)) found.push(first + i);
      }
      return found.sort((a, b) => a - b);
    },
    recordType: type?.value,
    indentUnit: tree.indentUnit,
  };
}

function isBlank(tree: Outline, i: number): boolean {
  const shape = tree.shapes[i];
  return shape.pieces.length === 0 && shape.restStart === shape.restEnd;
}

function answerAt(doc: DecisionDocument, tree: Outline, index: number, first: number): Answer | undefined {
  if (index < 0 || index >= tree.lines.length) return undefined;
  // A continuation line belongs to the nearest key line above it, across more-indented lines only.
  let keyLine = index;
  while (keyLine >= 0 && !tree.nodesByLine.has(keyLine)) {
    if (isBlank(tree, keyLine)) return undefined;
    keyLine--;
  }
  const node = tree.nodesByLine.get(keyLine)?.at(-1);
  const shape = tree.shapes[keyLine];
  if (!node || node.kind !== 'key' || (shape.restStart === shape.restEnd && shape.comment === undefined)) return undefined;
  const line = tree.lines[keyLine];
  const text = doc.text;
  const rest = trimEnd(text, line.start + shape.restStart, line.end);
  if (rest.end <= rest.start) return undefined;
  const parts = [text.slice(rest.start, rest.end)];
  let end = rest.end;
  let next = keyLine + 1;
  // The lines the outline gives to the value (more indented, no keys of their own) continue it.
  for (; next < tree.lines.length && !isBlank(tree, next) && !tree.nodesByLine.has(next); next++) {
    // A tab in the indentation, or a key of one word (`  status: proposed`), is a line out of place
    // rather than the answer going on: which one the author meant is not for a fix to guess.
    const shape = tree.shapes[next];
    if (/\t/.test(text.slice(tree.lines[next].start, tree.lines[next].start + shape.indent))) return undefined;
    const piece = shape.pieces[0];
    if (piece?.kind === 'key' && !/\s/.test(piece.name)) return undefined;
    const continued = trimEnd(text, tree.lines[next].start + shape.indent, tree.lines[next].end);
    let start = continued.start;
    while (start < continued.end && (text[start] === ' ' || text[start] === '\t')) start++;
    parts.push(text.slice(start, continued.end));
    end = continued.end;
  }
  if (index >= next) return undefined;
  // A blank line inside a plain value is a line break in it: too unusual to rewrite safely.
  let after = next;
  while (after < tree.lines.length && isBlank(tree, after)) after++;
  if (after > next && after < tree.lines.length && tree.shapes[after].indent > node.column) return undefined;
  return { path: pathOf(node), line: first + keyLine, column: node.column, span: { start: rest.start, end }, lines: parts, text: parts.join(' ') };
}

function trimEnd(text: string, start: number, end: number): Span {
  let at = end;
  while (at > start && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return { start, end: at };
}
