/** A link target without its `#fragment` or `?query` (`/[#?].*$/` was quadratic on a run of `#` before a line separator). */
export function beforeQuery(target: string): string {
  const cut = target.search(/[#?]/);
  return cut === -1 ? target : target.slice(0, cut);
}
