/** File-name globs for `ignore`: `*` and `?` within a segment, `**` across segments. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'i');
}

export function matchesAny(relativePath: string, globs: readonly RegExp[]): boolean {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return globs.some((glob) => glob.test(name) || glob.test(relativePath));
}
