import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';

/**
 * remark with frontmatter, CommonMark only (GFM would double the parse time for headings it never
 * changes). A module of its own so the bundles can keep it in a file required on first use.
 */
export function createMarkdownParser(): (text: string) => Root {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);
  return (text: string) => processor.parse(text) as Root;
}
