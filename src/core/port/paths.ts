// Minimal '/'-path arithmetic: the core must not import node:path, and URI strings split the same way.

export function joinPath(base: string, ...parts: string[]): string {
  let out = withoutTrailingSlashes(base);
  for (const part of parts) {
    if (!part) continue;
    out = part.startsWith('/') ? withoutTrailingSlashes(part) : `${out}/${part}`;
  }
  return normalizePath(out);
}

const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/** Resolves '.' and '..' segments without leaving the root of a path or URI. */
export function normalizePath(path: string): string {
  const schemeMatch = /^[a-zA-Z][\w+.-]*:\/\/[^/]*/.exec(path);
  const prefix = schemeMatch ? schemeMatch[0] : '';
  const rest = path.slice(prefix.length);
  // Most paths are normal already (no '.' or '..' segment, no '//', no trailing '/'): leave them.
  if (rest.length > 1 && rest[0] === '/' && !rest.includes('//') && !DOT_SEGMENT.test(rest) && !rest.endsWith('/')) return path;
  const absolute = rest.startsWith('/');
  const segments: string[] = [];
  for (const segment of rest.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length && segments[segments.length - 1] !== '..') segments.pop();
      else if (!absolute) segments.push('..');
    } else segments.push(segment);
  }
  const body = segments.join('/');
  return prefix + (absolute ? '/' : '') + body || (absolute ? '/' : '.');
}

export function dirname(path: string): string {
  const i = withoutTrailingSlashes(path).lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return path.slice(0, i);
}

export function basename(path: string): string {
  const trimmed = withoutTrailingSlashes(path);
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The path of `to` relative to the folder `from`, '/'-separated. */
export function relativePath(from: string, to: string): string {
  const base = normalizePath(from);
  const path = normalizePath(to);
  // Most calls ask for a path below the folder (a record in its decisions folder: 10,000 per scan):
  // the normalized path's tail is the answer, without splitting both into segments.
  if (path.length > base.length + 1 && path.charCodeAt(base.length) === 47 && path.charCodeAt(base.length + 1) !== 47 && base.charCodeAt(base.length - 1) !== 47 && path.startsWith(base)) {
    return path.slice(base.length + 1);
  }
  const a = base.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
}

/** True when `child` is `parent` or lies below it (after normalisation). */
export function isInside(parent: string, child: string): boolean {
  const p = withoutTrailingSlashes(normalizePath(parent));
  const c = normalizePath(child);
  return c === p || c.startsWith(`${p}/`);
}

/** `path` without its trailing slashes (`/\/+$/` was quadratic on a path of many slashes followed by a name). */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return end === path.length ? path : path.slice(0, end);
}

const MARKDOWN = /\.md$/i;

/** True for a Markdown file's name or path (`.md`, any case): what the decisions folders hold. */
export function isMarkdownPath(path: string): boolean {
  return MARKDOWN.test(path);
}

/** A file name without its `.md` (any case): a record's file id. */
export function withoutMarkdownExtension(name: string): string {
  return name.replace(MARKDOWN, '');
}
