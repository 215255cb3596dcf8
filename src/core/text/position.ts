/** Zero-based line and UTF-16 character, as editors count them. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/**
 * Maps string offsets to positions; lookups are binary searches. Line starts are found lazily,
 * only as far as asked: indexing 10,000 records needs positions in the frontmatter alone, not in
 * the kilobytes of body below it.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Offset after the last line break found so far. */
  private scanned = 0;
  private complete = false;

  constructor(readonly text: string) {}

  get lineCount(): number {
    while (this.more());
    return this.starts.length;
  }

  /** Finds the next line start; false at the end of the text. */
  private more(): boolean {
    if (this.complete) return false;
    const text = this.text;
    for (let i = this.scanned; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // \r\n, \n and a lone \r (classic Mac files) each end a line.
      if (c === 10 || c === 13) {
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
        this.scanned = i + 1;
        return true;
      }
    }
    this.scanned = text.length;
    this.complete = true;
    return false;
  }

  /** Knows every line start up to `offset`, and the first one after it if there is one. */
  private through(offset: number): void {
    while (this.starts[this.starts.length - 1] <= offset && this.more());
  }

  /** Knows the start of line `line` if the text has it. */
  private upTo(line: number): void {
    while (this.starts.length <= line && this.more());
  }

  position(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    this.through(at);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    // Between the \r and the \n of a CRLF is not a place in the text: it is the end of that line.
    return { line: lo, character: Math.min(at, this.lineEnd(lo)) - this.starts[lo] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  offset(position: Position): number {
    this.upTo(position.line + 1);
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    return Math.min(this.starts[line] + position.character, this.lineEnd(line));
  }

  lineStart(line: number): number {
    this.upTo(line);
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    this.upTo(line + 1);
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  /** The whole of one line's content, for findings that belong to a line rather than a token. */
  lineRange(line: number): Range {
    return this.range(this.lineStart(line), this.lineEnd(line));
  }
}

/** YYYY-MM-DD of a moment in local time. Callers pass the moment: the core never reads a clock. */
export function localDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
