import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/** Writes `text` to `file` below `root`, making its folders first: how the tests lay out a workspace or repository. */
export async function putFile(root: string, file: string, text: string | Uint8Array): Promise<void> {
  const at = path.join(root, file);
  await mkdir(path.dirname(at), { recursive: true });
  await writeFile(at, text);
}

/** `putFile` bound to one root. */
export function filesAt(root: string): (file: string, text: string | Uint8Array) => Promise<void> {
  return (file, text) => putFile(root, file, text);
}
