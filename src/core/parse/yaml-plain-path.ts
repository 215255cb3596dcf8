import { FlowSeq, UNSUPPORTED, bail, flowSeq, lineRest, plainEnd, quotedScalar, resolvePlain, type Parsed } from './yaml-plain-scalars';
import type { NodeLocation } from './yaml-frontmatter';
import { escapeSegment } from '../text/json-pointer';

/**
 * The common shape of frontmatter — block mappings and sequences, one-line plain and quoted
 * scalars, one-line flow sequences, folded and literal block scalars — read in one pass over the
 * lines, with the same data and the same source ranges as the `yaml` path. It exists for speed:
 * yaml's lexer, parser and composer cost ~270 µs for a 1.2 KB frontmatter; this costs a tenth.
 * Anything else (anchors, tags, flow maps, multi-line plain or quoted scalars, comments inside
 * values, tabs, CR, duplicate keys…) returns undefined and the `yaml` path reads it, errors and all.
 * A differential test holds both paths to the same result on every input this one accepts.
 */

export interface PlainPathResult {
  readonly data: Record<string, unknown>;
  readonly locations: Map<string, NodeLocation>;
}

interface Line {
  /** Offset of the line's first character in the source. */
  readonly start: number;
  /** Offset of its end (the '\n', or the source's end). */
  readonly end: number;
  /** Leading spaces. */
  readonly indent: number;
  /** Blank, or a comment alone on its line. */
  readonly skip: boolean;
}

/** undefined when the frontmatter has a shape this path does not read; the caller then uses yaml. */
export function parsePlainYaml(source: string, offset: number, maxDepth: number, maxNodes: number): PlainPathResult | undefined {
  if (source.includes('\t') || source.includes('\r')) return undefined;
  try {
    return new PlainPath(source, offset, maxDepth, maxNodes).run();
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

class PlainPath {
  private readonly lines: Line[] = [];
  private readonly locations = new Map<string, NodeLocation>();
  private budget: number;

  constructor(
    private readonly source: string,
    private readonly offset: number,
    private readonly maxDepth: number,
    maxNodes: number,
  ) {
    this.budget = maxNodes;
    for (let start = 0; start < source.length; ) {
      let end = source.indexOf('\n', start);
      if (end < 0) end = source.length;
      let indent = 0;
      while (source.charCodeAt(start + indent) === 32) indent++;
      const first = start + indent < end ? source[start + indent] : '';
      this.lines.push({ start, end, indent, skip: first === '' || first === '#' });
      start = end + 1;
    }
  }

  run(): PlainPathResult {
    const first = this.nextLine(0);
    if (first === undefined || this.lines[first].indent !== 0) bail();
    this.count();
    const root = this.map(first, 0, '', 1);
    if (this.nextLine(root.next) !== undefined) bail();
    this.locate('', undefined, root.parsed.range);
    return { data: root.parsed.value as Record<string, unknown>, locations: this.locations };
  }

  private nextLine(from: number): number | undefined {
    for (let i = from; i < this.lines.length; i++) {
      const line = this.lines[i];
      if (!line.skip) return i;
      // An indented comment stretches the ranges of the nodes around it in ways left to yaml.
      if (line.indent > 0 && line.start + line.indent < line.end) bail();
    }
    return undefined;
  }

  private count(): void {
    if (--this.budget < 0) bail();
  }

  /** Locates a value, and the items of a flow sequence (each one node more for the budget). */
  private record(pointer: string, key: readonly [number, number] | undefined, parsed: Parsed): void {
    this.locate(pointer, key, parsed.range);
    if (parsed instanceof FlowSeq) {
      parsed.items.forEach((item, i) => {
        this.count();
        this.locate(`${pointer}/${i}`, undefined, item.range);
      });
    }
  }

  private locate(pointer: string, key: readonly [number, number] | undefined, range: readonly [number, number]): void {
    this.locations.set(pointer, {
      key: key ? { start: this.offset + key[0], end: this.offset + key[1] } : undefined,
      value: { start: this.offset + range[0], end: this.offset + Math.max(range[0], range[1]) },
    });
  }

  /** A block mapping whose keys start at column `indent`, from line `at`. */
  private map(at: number, indent: number, pointer: string, depth: number): { parsed: Parsed; next: number } {
    if (depth > this.maxDepth) bail();
    const out: Record<string, unknown> = Object.create(null);
    const start = this.lines[at].start + indent;
    let nodeEnd = start;
    let i: number | undefined = at;
    while (i !== undefined && this.lines[i].indent === indent) {
      const line = this.lines[i];
      const keyStart = line.start + indent;
      const colon = this.keyEnd(keyStart, line.end);
      const name = String(resolvePlain(this.source.slice(keyStart, colon)));
      if (Object.prototype.hasOwnProperty.call(out, name)) bail(); // yaml's path reports duplicates
      const keyRange = [keyStart, colon] as const;
      const childPointer = `${pointer}/${escapeSegment(name)}`;
      const value = this.mapValue(i, indent, colon + 1, childPointer, depth);
      out[name] = value.parsed.value;
      this.record(childPointer, keyRange, value.parsed);
      nodeEnd = value.parsed.nodeEnd;
      i = this.nextLine(value.next);
      if (i !== undefined && this.lines[i].indent > indent) bail();
    }
    return { parsed: { value: out, range: [start, nodeEnd], nodeEnd }, next: i ?? this.lines.length };
  }

  /** Where a plain key ends (its colon), or bail for keys this path does not read. */
  private keyEnd(from: number, lineEnd: number): number {
    const first = this.source[from];
    if ('-?:,[]{}#&*!|>\'"%@`'.includes(first)) bail();
    for (let i = from + 1; i < lineEnd; i++) {
      const c = this.source[i];
      if (c === ':' && (i + 1 === lineEnd || this.source[i + 1] === ' ')) {
        if (this.source[i - 1] === ' ' || i - from > 1024) bail();
        return i;
      }
      if (c === '#' && this.source[i - 1] === ' ') bail();
    }
    return bail();
  }

  /** The value after `key:`, on the same line or the lines below. */
  private mapValue(at: number, indent: number, from: number, pointer: string, depth: number): { parsed: Parsed; next: number } {
    const line = this.lines[at];
    let i = from;
    while (i < line.end && this.source[i] === ' ') i++;
    if (i === line.end || (this.source[i] === '#' && i > from)) {
      // Nothing on the line: a nested collection below, or null.
      if (i < line.end && this.source[i - 1] !== ' ') bail();
      const next = this.nextLine(at + 1);
      if (next !== undefined) {
        const below = this.lines[next];
        const dash = this.isDash(below.start + below.indent, below.end);
        if (below.indent > indent) {
          this.count();
          return dash ? this.seq(next, below.indent, pointer, depth + 1) : this.map(next, below.indent, pointer, depth + 1);
        }
        if (below.indent === indent && dash) {
          this.count();
          return this.seq(next, indent, pointer, depth + 1);
        }
      }
      if (i !== line.end) bail(); // a comment after an empty value: leave it to yaml
      this.count();
      // yaml places an empty value where the line's text ends, after any spaces.
      return { parsed: { value: null, range: [i, i], nodeEnd: i }, next: at + 1 };
    }
    this.count();
    const parsed = this.inlineValue(at, i, true);
    return { parsed, next: this.afterInline(at, indent, parsed) };
  }

  /** A block sequence whose dashes sit at column `indent`. The caller counted the node itself. */
  private seq(at: number, indent: number, pointer: string, depth: number): { parsed: Parsed; next: number } {
    if (depth > this.maxDepth) bail();
    const out: unknown[] = [];
    const start = this.lines[at].start + indent;
    let nodeEnd = start;
    let i: number | undefined = at;
    while (i !== undefined && this.lines[i].indent === indent) {
      const line = this.lines[i];
      const dash = line.start + indent;
      if (!this.isDash(dash, line.end)) break;
      let item = dash + 1;
      while (item < line.end && this.source[item] === ' ') item++;
      if (item === line.end || item === dash + 1) bail(); // a nested block or an empty item
      this.count();
      const parsed = this.inlineValue(i, item, false);
      this.record(`${pointer}/${out.length}`, undefined, parsed);
      out.push(parsed.value);
      nodeEnd = parsed.nodeEnd;
      i = this.nextLine(this.afterInline(i, indent, parsed));
      if (i !== undefined && this.lines[i].indent > indent) bail();
    }
    return { parsed: { value: out, range: [start, nodeEnd], nodeEnd }, next: i ?? this.lines.length };
  }

  private isDash(at: number, lineEnd: number): boolean {
    return this.source[at] === '-' && (at + 1 === lineEnd || this.source[at + 1] === ' ');
  }

  /** The line after an inline value; block scalars span the lines below. */
  private afterInline(at: number, indent: number, parsed: Parsed): number {
    let next = at + 1;
    while (next < this.lines.length && this.lines[next].start < parsed.nodeEnd) next++;
    // A more-indented line right after a one-line value would continue it (a multi-line scalar).
    const following = this.nextLine(next);
    if (following !== undefined && this.lines[following].indent > indent && !this.isBlockScalarEnd(parsed)) bail();
    return next;
  }

  private isBlockScalarEnd(parsed: Parsed): boolean {
    const c = this.source[parsed.range[0]];
    return c === '>' || c === '|';
  }

  /** A value that starts on this line at `at`: flow sequence, quoted, block scalar or plain. */
  private inlineValue(lineAt: number, at: number, inMap: boolean): Parsed {
    const lineEnd = this.lines[lineAt].end;
    const c = this.source[at];
    if (c === '[') return flowSeq(this.source, at, lineEnd);
    if (c === '"' || c === "'") {
      const quoted = quotedScalar(this.source, at, lineEnd);
      return { value: quoted.value, range: [at, quoted.end], nodeEnd: lineRest(this.source, quoted.end, lineEnd) };
    }
    if ((c === '>' || c === '|') && inMap) return this.blockScalar(lineAt, at);
    const end = plainEnd(this.source, at, lineEnd, false);
    return { value: resolvePlain(this.source.slice(at, end)), range: [at, end], nodeEnd: lineRest(this.source, end, lineEnd) };
  }

  /** `>`/`|` with optional `-` chomping; content lines below, indented alike. */
  private blockScalar(header: number, at: number): Parsed {
    const lineEnd = this.lines[header].end;
    const literal = this.source[at] === '|';
    let i = at + 1;
    let strip = false;
    if (this.source[i] === '-') {
      strip = true;
      i++;
    }
    if (i !== lineEnd) bail(); // keep chomping, indentation indicators, comments: yaml
    const parentIndent = this.lines[header].indent;
    const first = header + 1;
    if (first >= this.lines.length || this.lines[first].skip) bail();
    const indent = this.lines[first].indent;
    if (indent <= parentIndent) bail();
    let content = 0;
    let last = first;
    let blanks = 0;
    let value = '';
    for (let n = first; n < this.lines.length; n++) {
      const line = this.lines[n];
      const blank = line.start + line.indent === line.end;
      if (blank) {
        if (line.indent > indent) bail(); // spaces kept inside the value: yaml
        blanks++;
        continue;
      }
      if (line.indent < indent) break;
      if (line.indent > indent && !literal) bail(); // more-indented lines fold differently
      const text = this.source.slice(line.start + indent, line.end);
      if (content++) value += literal ? '\n'.repeat(blanks + 1) : blanks ? '\n'.repeat(blanks) : ' ';
      value += text;
      blanks = 0;
      last = n;
    }
    if (!strip) value += '\n';
    const end = Math.min(this.lines[last].end + 1, this.source.length);
    if (end === this.source.length && this.lines[last].end === this.source.length) bail(); // no final newline: yaml
    return { value, range: [at, end], nodeEnd: end };
  }
}
