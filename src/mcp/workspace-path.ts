import type { FileSystemPort } from '../core/port/file-system';
import { containment } from '../core/workspace/contained-path';
import { Refusal } from './refusal';

/** The most characters of a path an agent may pass: no real file path of a repository is longer. */
export const MAX_PATH = 1024;

/**
 * A path an agent named, as the absolute path of a file inside the workspace, and its
 * workspace-relative form. Only workspace-relative paths are taken, written with `/`: an absolute
 * path, a drive letter, a `..` segment (even one that would stay inside), a control character,
 * or a path whose real location is outside the workspace (a symbolic link leading out) is refused,
 * with what to send instead. The file need not exist: an agent may ask before it creates one.
 */
export async function workspacePath(fs: FileSystemPort, root: string, given: string): Promise<{ path: string; relative: string }> {
  const shown = JSON.stringify(given.length > 80 ? `${given.slice(0, 80)}…` : given);
  const refuse = (why: string) => {
    throw new Refusal(`${shown} is refused: ${why}. Send a path relative to the workspace root, with / between folders (src/payments/ledger.ts).`);
  };
  if (!given.trim()) refuse('the path is empty');
  if (given.length > MAX_PATH) refuse(`it is longer than ${MAX_PATH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(given)) refuse('it holds a control character');
  if (given.startsWith('/') || given.startsWith('\\') || /^[A-Za-z]:/.test(given) || /^[a-z][a-z0-9+.-]*:\/\//i.test(given)) refuse('absolute paths are not taken; only files inside the workspace are answered for');
  if (given.includes('\\')) refuse('\\ is no folder separator here');
  const segments = given.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.includes('..')) refuse('.. is not taken; only files inside the workspace are answered for');
  const relative = segments.join('/');
  if (!relative) refuse('it names the workspace root, not a file');
  const found = await containment(fs, root, relative);
  if (!('path' in found)) refuse(`${found.link ? `the symbolic link ${found.link}` : 'it'} leads outside the workspace`);
  return { path: (found as { path: string }).path, relative };
}
