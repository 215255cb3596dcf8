/**
 * A file-name slug from a title: lower-case ASCII words joined by dashes, never empty, never a
 * path (`../../etc/passwd` → `etc-passwd`), cut at a word boundary. The title itself is never cut.
 */
export function slugify(title: string, maxLength = 60): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = ascii;
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength + 1);
    const boundary = cut.lastIndexOf('-');
    slug = (boundary > maxLength / 2 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/-+$/, '');
  }
  return slug || 'decision';
}
