/** A link target without its `#fragment` or `?query` (`/[#?].*$/` was quadratic on a run of `#` before a line separator). */
export function beforeQuery(target: string): string {
  const cut = target.search(/[#?]/);
  return cut === -1 ? target : target.slice(0, cut);
}

/** A link with a scheme (`https:`, `mailto:`) or a fragment only: it leads to no file of the repository. */
export function isExternalLink(target: string): boolean {
  return /^[a-z][\w+.-]*:/i.test(target) || target.startsWith('#');
}
