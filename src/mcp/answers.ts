import { isInside, relativePath } from '../core/port/paths';

/**
 * Data as an agent reads it: every absolute path inside the workspace (a `path` or `folder`
 * value) made workspace-relative, as the agent sends paths back; editor positions dropped.
 */
export function relativeData<T>(data: T, root: string): T {
  return JSON.parse(
    JSON.stringify(data, (key, value: unknown) => {
      if (key === 'range' || key === 'anchor' || key === 'statusRange' || key === 'pointer') return undefined;
      if ((key === 'path' || key === 'folder' || key === 'resolved') && typeof value === 'string' && isInside(root, value)) return relativePath(root, value) || '.';
      return value;
    }),
  ) as T;
}
