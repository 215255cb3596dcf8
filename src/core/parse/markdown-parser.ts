import type { Heading, Root, RootContent } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { INLINE_MARKUP } from '../document/heading-scan';

// micromark's inline constructs. Block structure never depends on them (CommonMark reads blocks
// first, inlines second), and they are most of the parse: off, except where a rule reads inline text.
const INLINE_CONSTRUCTS = ['attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText', 'labelStartImage', 'labelStartLink', 'labelEnd'];

/**
 * The parser body rules get: the document's block structure exactly as CommonMark (remark) reads
 * it, with inline content parsed only in headings (their inline nodes carry no positions); other
 * blocks hold their text as written. CommonMark only: GFM would double the parse time for headings
 * it never changes. A module of its own so the bundles can keep it in a file required on first use.
 */
export function createMarkdownParser(): (text: string) => Root {
  const blocks = unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(function disableInline() {
      const data = this.data() as { micromarkExtensions?: unknown[] };
      (data.micromarkExtensions ??= []).push({ disable: { null: INLINE_CONSTRUCTS } });
    });
  const inline = unified().use(remarkParse);
  return (text: string) => {
    const tree = blocks.parse(text) as Root;
    const headings: Heading[] = [];
    const definitions: string[] = [];
    const stack: Array<Root | RootContent> = [tree];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === 'heading') headings.push(node);
      else if (node.type === 'definition' && node.position) definitions.push(text.slice(node.position.start.offset, node.position.end.offset));
      else if ('children' in node) stack.push(...(node.children as RootContent[]));
    }
    // `## [Decision][ref]` is a link only where `[ref]: …` is defined: the definitions go along.
    const context = definitions.length ? `\n\n${definitions.join('\n\n')}\n` : '';
    for (const heading of headings) reparseHeading(heading, text, context, inline);
    return tree;
  };
}

/** A heading whose source holds inline markup is parsed again, alone, with every construct on. */
function reparseHeading(heading: Heading, text: string, definitions: string, inline: { parse(text: string): unknown }): void {
  const start = heading.position?.start.offset;
  const end = heading.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const raw = heading.children.map((child) => ('value' in child ? child.value : '')).join('');
  if (!INLINE_MARKUP.test(raw)) return;
  // Dedent: a heading inside a list item or a quote is parsed alone as a top-level heading.
  const source = text.slice(start, end);
  const again = (inline.parse(source + definitions) as Root).children[0];
  if (again?.type !== 'heading') return;
  const strip = (node: RootContent): RootContent => {
    const { position: _position, ...rest } = node as RootContent & { children?: RootContent[] };
    if ('children' in rest && Array.isArray(rest.children)) (rest as { children: RootContent[] }).children = rest.children.map(strip);
    return rest as RootContent;
  };
  heading.children = again.children.map(strip) as Heading['children'];
}
