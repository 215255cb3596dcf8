import { sep } from 'node:path';

/** Node paths to the core's '/'-separated form (a no-op except on Windows). */
export function toPortable(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
