// CommonMark's HTML blocks (spec 4.6) with micromark's tag names, for the line scans that must
// know where one ends without parsing: kinds 1-5 end on the line holding their end marker (the
// opening line too), kinds 6 and 7 at a blank line.

const MARKED: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/^<(?:pre|script|style|textarea)(?:[ \t>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<![A-Za-z]/, />/],
];
const BLOCK_NAME =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
/** Kind 7: a complete open or closing tag alone on its line. It cannot interrupt a paragraph. */
const LONE_TAG =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^"'=<>`/ \t]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;

/**
 * How an HTML block opening on this line ends: at a line matching the pattern (checked on the
 * opening line too), or at a blank line; undefined when the line opens none; 'unsure' for a lone
 * tag right after a non-blank line, which opens a block unless it continues a paragraph.
 * `line` starts with its `<`: the caller has checked and removed an indentation of 0-3 spaces.
 */
export function htmlBlockEnd(line: string, afterBlank: boolean): RegExp | 'blank' | 'unsure' | undefined {
  if (line.charCodeAt(0) !== 60 /* < */) return undefined;
  for (const [opens, ends] of MARKED) if (opens.test(line)) return ends;
  if (BLOCK_NAME.test(line)) return 'blank';
  if (LONE_TAG.test(line)) return afterBlank ? 'blank' : 'unsure';
  return undefined;
}
