/**
 * Finds the frontmatter block without a Markdown parse: the index and the frontmatter rules need
 * only this, and remark is loaded for body rules alone. The fences follow remark-frontmatter:
 * `---` (YAML) or `+++` (TOML) alone on the very first line, closed by the same fence.
 */
export type FenceKind = 'yaml' | 'toml';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type FrontmatterBlock =
  | { readonly kind: 'closed'; readonly fence: FenceKind; readonly open: Span; readonly close: Span; readonly content: Span; readonly bodyStart: number }
  | { readonly kind: 'unclosed'; readonly fence: FenceKind; readonly open: Span }
  /** No fence on line 1; `displaced` is a `---` fence found after leading blank lines. */
  | { readonly kind: 'none'; readonly displaced?: Span };

export type ClosedBlock = Extract<FrontmatterBlock, { readonly kind: 'closed' }>;

const FENCE = /^(---|\+\+\+)[ \t]*$/;

function lineAt(text: string, from: number): { start: number; end: number; next: number } {
  let end = from;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  let next = end;
  if (text.charCodeAt(next) === 13) next++;
  if (text.charCodeAt(next) === 10) next++;
  return { start: from, end, next };
}

export function findFrontmatter(text: string): FrontmatterBlock {
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = lineAt(text, first);
  const match = FENCE.exec(text.slice(open.start, open.end));
  if (!match) return { kind: 'none', displaced: displacedFence(text, first) };
  const fence: FenceKind = match[1] === '---' ? 'yaml' : 'toml';
  let at = open.next;
  while (at < text.length) {
    const line = lineAt(text, at);
    const body = text.slice(line.start, line.end);
    if (body.startsWith(match[1]) && FENCE.test(body) && body.trimEnd() === match[1]) {
      return {
        kind: 'closed',
        fence,
        open: { start: open.start, end: open.end },
        close: { start: line.start, end: line.end },
        content: { start: open.next, end: line.start },
        bodyStart: line.next,
      };
    }
    at = line.next;
  }
  return { kind: 'unclosed', fence, open: { start: open.start, end: open.end } };
}

/** A `---` after blank lines: remark reads it as a heading underline, authors meant frontmatter. */
function displacedFence(text: string, from: number): Span | undefined {
  let at = from;
  while (at < text.length) {
    const line = lineAt(text, at);
    const content = text.slice(line.start, line.end);
    if (content.trim() !== '') return content.trimEnd() === '---' && at > from ? { start: line.start, end: line.end } : undefined;
    if (line.next === at) return undefined;
    at = line.next;
  }
  return undefined;
}
