import type * as Crypto from 'node:crypto';
// fs.promises, which Node loads on first use: importing node:fs/promises would load it on activation.
import { constants, promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** The permissions to give the file (an original's, kept); else the default for a new file under the umask. */
  readonly mode?: number;
  /**
   * Runs once the new bytes are safely in the temporary file, before the rename: false leaves the
   * target as it is and removes the temporary file (the target changed meanwhile, say).
   */
  readonly beforeRename?: () => Promise<boolean> | boolean;
}

/**
 * Writes a file atomically and without following links: the bytes go to a temporary file created
 * exclusively (`O_EXCL`, so a link planted under its name is never written through, and the name
 * is unguessable) in the target's own folder, and are renamed over the target. The rename
 * replaces whatever is at the name — a link is replaced, never followed — and a reader sees the
 * old file or the new one, never half of either. The one writer behind `migrate`, `lint --fix`,
 * the lint cache and the Node port's `writeFile`. Resolves to false when `beforeRename` said no.
 */
export async function writeAtomically(path: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<boolean> {
  const temporary = await writeTemporary(path, data, options.mode);
  try {
    if (options.beforeRename && !(await options.beforeRename())) {
      await fsp.unlink(temporary);
      return false;
    }
    await fsp.rename(temporary, path);
    return true;
  } catch (error) {
    await fsp.unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** `.NAME.legible-RANDOM.tmp` beside the target: same file system (so rename is atomic), never a `.md`. */
async function writeTemporary(path: string, data: Uint8Array, mode: number | undefined): Promise<string> {
  const permissions = mode === undefined ? 0o666 : mode & 0o7777;
  // node:crypto is required here, on the first write: the extension's activation does not load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { randomBytes } = require('node:crypto') as typeof Crypto;
  for (let attempt = 0; ; attempt++) {
    const temporary = join(dirname(path), `.${basename(path)}.legible-${randomBytes(6).toString('hex')}.tmp`);
    let handle;
    try {
      handle = await fsp.open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, permissions);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 8) continue;
      throw error;
    }
    try {
      await handle.writeFile(data);
      // The umask may have narrowed the mode at creation: set it as the original has it.
      if (mode !== undefined) await handle.chmod(permissions);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await fsp.unlink(temporary).catch(() => undefined);
      throw error;
    }
    await handle.close();
    return temporary;
  }
}
