import { relativePath } from '../port/paths';
import { printableLine } from './printable';

/**
 * Repository text (a title, an owner) inside one line of generated Markdown: folded to that line
 * and its control characters escaped (printableLine), so a title with a newline cannot add a
 * heading, a list item or a table row of its own.
 */
export function markdownLine(text: string): string {
  return printableLine(text);
}

/** A table cell: one line, and `|` escaped so it cannot end the cell. */
export function markdownCell(text: string): string {
  return markdownLine(text).replace(/\|/g, '\\|');
}

/**
 * A link from a file in `from` to `to`: each path segment percent-encoded, parentheses too
 * (encodeURIComponent leaves them, and a `)` would end the link), so spaces, `#` and control
 * characters in a file name keep the link whole and on its line.
 */
export function markdownHref(from: string, to: string): string {
  const segment = (name: string) => encodeURIComponent(name).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return relativePath(from, to).split('/').map(segment).join('/');
}
