import type { Heading, Root, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { inlineParsed } from '../document/heading-scan';
import { markdownChunks, type Chunk } from './markdown-chunks';
import { CHUNKED_FROM } from './markdown-work';

// micromark's inline constructs. Block structure never depends on them (CommonMark reads blocks
// first, inlines second), and they are most of the parse: off, except where a rule reads inline text.
const INLINE_CONSTRUCTS = ['attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText', 'labelStartImage', 'labelStartLink', 'labelEnd'];

export interface MarkdownParserOptions {
  /**
   * Documents at least this long are parsed a chunk at a time (markdown-chunks.ts), and the chunks
   * of recent parses are kept: the editor re-parses only the section a keystroke changed.
   */
  readonly chunkedFrom?: number;
  /** How many characters of chunk texts (with their trees) are kept, most recently used first: 512 Ki, about 7 MB of heap when full. */
  readonly keptCharacters?: number;
}

/**
 * The parser body rules get: the document's block structure exactly as CommonMark (remark) reads
 * it, with inline content parsed only in headings (their inline nodes carry no positions); other
 * blocks hold their text as written. CommonMark only: GFM would double the parse time for headings
 * it never changes. A module of its own so the bundles can keep it in a file required on first use.
 */
export function createMarkdownParser(options: MarkdownParserOptions = {}): (text: string) => Root {
  const chunkedFrom = options.chunkedFrom ?? CHUNKED_FROM;
  const blocks = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(function disableInline() {
      const data = this.data() as { micromarkExtensions?: unknown[] };
      (data.micromarkExtensions ??= []).push({ disable: { null: INLINE_CONSTRUCTS } });
    });
  const parseBlocks = (text: string) => blocks.parse(text) as Root;
  const kept = new ChunkTrees(options.keptCharacters ?? 1 << 19, parseBlocks);
  const inline = unified().use(remarkParse);
  return (text: string) => {
    const chunks = text.length >= chunkedFrom ? markdownChunks(text) : undefined;
    const tree = chunks && chunks.length > 1 ? assemble(text, chunks, kept) : parseBlocks(text);
    const headings: Heading[] = [];
    const definitions = new Map<string, string[]>();
    const stack: Array<Root | RootContent> = [tree];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === 'heading') headings.push(node);
      else if (node.type === 'definition' && node.position) {
        const source = text.slice(node.position.start.offset, node.position.end.offset);
        const same = definitions.get(node.identifier);
        if (same) same.push(source);
        else definitions.set(node.identifier, [source]);
      }
      // One at a time: a spread of a root's 100,000 children would overflow the call stack.
      else if ('children' in node) for (const child of node.children as RootContent[]) stack.push(child);
    }
    for (const heading of headings) reparseHeading(heading, text, definitions, inline);
    return tree;
  };
}

/** Block trees of chunk texts, the least recently used dropped first. Never handed out: callers get copies. */
class ChunkTrees {
  private readonly trees = new Map<string, Root>();
  private characters = 0;

  constructor(
    private readonly most: number,
    private readonly parse: (text: string) => Root,
  ) {}

  get(text: string): Root {
    let tree = this.trees.get(text);
    if (tree) {
      this.trees.delete(text);
    } else {
      tree = this.parse(text);
      this.characters += text.length;
    }
    this.trees.set(text, tree);
    for (const [old] of this.trees) {
      if (this.characters <= this.most || old === text) break;
      this.trees.delete(old);
      this.characters -= old.length;
    }
    return tree;
  }
}

/** The document's tree from its chunks' trees: copies, with positions moved to where each chunk sits. */
function assemble(text: string, chunks: readonly Chunk[], kept: ChunkTrees): Root {
  const children: RootContent[] = [];
  // micromark drops a byte order mark before counting offsets: the chunks after the first have none to drop.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let last: Root | undefined;
  for (let i = 0; i < chunks.length; i++) {
    const { offset, line } = chunks[i];
    last = kept.get(text.slice(offset, i + 1 < chunks.length ? chunks[i + 1].offset : text.length));
    for (const child of last.children) children.push(moved(child, line, offset && offset - bom));
  }
  const { line } = chunks[chunks.length - 1];
  const offset = chunks[chunks.length - 1].offset && chunks[chunks.length - 1].offset - bom;
  const end = last?.position?.end;
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: end ? { line: end.line + line, column: end.column, offset: (end.offset ?? 0) + offset } : { line: 1, column: 1, offset: 0 } },
  };
}

function moved<T extends RootContent>(node: T, lines: number, offset: number): T {
  const copy = { ...node };
  const position = node.position;
  if (position) {
    copy.position = {
      start: { line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset },
      end: { line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset },
    };
  }
  if ('children' in node && Array.isArray(node.children)) (copy as { children: RootContent[] }).children = (node.children as RootContent[]).map((child) => moved(child, lines, offset));
  return copy;
}

/**
 * A heading whose source holds inline markup is parsed again, alone, with every construct on.
 * `## [Decision][ref]` is a link only where `[ref]: …` is defined: the definitions of the labels
 * it names go along (only those: each heading with all of a document's definitions made the
 * reparses quadratic). A heading too long to be a section name keeps its text as written
 * (heading-scan.ts): micromark's emphasis and links take quadratic time in one heading's length.
 */
function reparseHeading(heading: Heading, text: string, definitions: ReadonlyMap<string, readonly string[]>, inline: { parse(text: string): unknown }): void {
  const start = heading.position?.start.offset;
  const end = heading.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const raw = heading.children.map((child) => ('value' in child ? child.value : '')).join('');
  if (!inlineParsed(raw)) return;
  // Dedent: a heading inside a list item or a quote is parsed alone as a top-level heading.
  const source = text.slice(start, end);
  const context: string[] = [];
  if (definitions.size) for (const label of bracketLabels(source)) context.push(...(definitions.get(label) ?? []));
  const again = (inline.parse(context.length ? `${source}\n\n${[...new Set(context)].join('\n\n')}\n` : source) as Root).children[0];
  if (again?.type !== 'heading') return;
  const strip = (node: RootContent): RootContent => {
    const { position: _position, ...rest } = node as RootContent & { children?: RootContent[] };
    if ('children' in rest && Array.isArray(rest.children)) (rest as { children: RootContent[] }).children = rest.children.map(strip);
    return rest as RootContent;
  };
  heading.children = again.children.map(strip) as Heading['children'];
}

/**
 * Every text between a `[` and the next `]` with no bracket between (a link label cannot hold an
 * unescaped one), normalized as mdast's `identifier` is: whitespace runs to one space, trimmed,
 * case folded. Linear in the source.
 */
function bracketLabels(source: string): Set<string> {
  const labels = new Set<string>();
  let open = -1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') open = i;
    else if (c === ']' && open >= 0) {
      labels.add(source.slice(open + 1, i).replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase().toLowerCase());
      open = -1;
    }
  }
  return labels;
}
