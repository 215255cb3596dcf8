import type { Root } from 'mdast';

/**
 * remark is loaded on first use: the index and the frontmatter rules never need it, and keeping
 * it out of the import graph keeps activation and `legible list` fast.
 */
export type MarkdownParser = (text: string) => Root;

let loading: Promise<MarkdownParser> | undefined;

export function loadMarkdownParser(): Promise<MarkdownParser> {
  loading ??= (async () => {
    const [{ unified }, { default: remarkParse }, { default: remarkFrontmatter }] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-frontmatter'),
    ]);
    const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);
    return (text: string) => processor.parse(text) as Root;
  })();
  return loading;
}
