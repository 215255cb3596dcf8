/**
 * The body's top-level ATX headings (`## Context`) by a line scan, or undefined when a line scan
 * cannot be trusted (HTML blocks, which may swallow a heading-looking line). Fenced code and HTML
 * comments are skipped. Only headings at column 0 count: an indented one may sit in a list item.
 * Used to prove a body clean without the Markdown parse; any doubt falls back to remark.
 */
export function scanTopLevelHeadings(text: string, from: number): string[] | undefined {
  const headings: string[] = [];
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  let at = from;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end).replace(/\r$/, '');
    at = end + 1;
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence.char && fenceMatch[1].length >= fence.length && fenceMatch[2].trim() === '') fence = undefined;
      continue;
    }
    if (fenceMatch && !(fenceMatch[1][0] === '`' && fenceMatch[2].includes('`'))) {
      fence = { char: fenceMatch[1][0], length: fenceMatch[1].length };
      continue;
    }
    if (/^ {0,3}<!--/.test(line)) {
      if (!line.includes('-->')) inComment = true;
      continue;
    }
    if (/^ {0,3}</.test(line)) return undefined;
    const heading = /^#{1,6}(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
    if (heading) headings.push((heading[1] ?? '').replace(/[ \t]+#+$/, '').replace(/^#+$/, ''));
  }
  return headings;
}
