/** A frontmatter value as text: a string trimmed, a number or boolean written out; undefined for anything else, or nothing but spaces. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
