/**
 * Text from records into HTML. Everything a record says (titles, names, tags, tradeoff answers)
 * passes through one of these: a title `<img src=x onerror=…>` or `</script><script>…` is text.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

/**
 * JSON to sit inside `<script type="application/json">`: no `<` (so no `</script>` or `<!--`
 * can end or bend the element), no `>` or `&`, and U+2028/U+2029 written as escapes. Still valid
 * JSON: `JSON.parse` reads the escapes back as the characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Our own script or style, inlined: refused if it could end its element early. esbuild writes
 * `</script` inside strings as `<\/script`, so this holds for every bundle we build.
 */
export function inlineAsset(text: string, element: 'script' | 'style'): string {
  if (new RegExp(`</${element}|<!--`, 'i').test(text)) throw new Error(`the ${element} to inline holds "</${element}" or "<!--"`);
  return text;
}
