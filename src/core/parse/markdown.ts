import type { Root } from 'mdast';

/**
 * remark is loaded on first use: the index and the frontmatter rules never need it, and keeping
 * it out of the import graph keeps activation and `legible list` fast.
 */
export type MarkdownParser = (text: string) => Root;

let loading: Promise<MarkdownParser> | undefined;

export function loadMarkdownParser(): Promise<MarkdownParser> {
  loading ??= import('./markdown-parser').then(({ createMarkdownParser }) => createMarkdownParser());
  return loading;
}
