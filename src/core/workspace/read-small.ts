import type { FileSystemPort, SeenAsFile } from '../port/file-system';

/** Why a small file was not read: nothing there, too large, or not a regular file. */
export class SmallFileError extends Error {
  constructor(
    readonly reason: 'missing' | 'too-large' | 'not-a-file',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A configuration-sized file (`.legible.json`, a schema extension, a template), with the limit
 * applied while reading: no more than `maxBytes` is ever read, so a path that leads to /dev/zero
 * or a FIFO cannot make Legible read forever. Rejects with `SmallFileError` when the file is
 * missing, larger than the limit or not a regular file; a link leading outside the workspace is
 * refused by the port (`OutsideWorkspaceError`) before anything is read. `seen`: the caller saw a
 * regular file there (see SeenAsFile), so a port that looks before it reads may skip the look.
 */
export async function readSmallFile(fs: FileSystemPort, path: string, maxBytes: number, seen?: SeenAsFile): Promise<Uint8Array> {
  if (fs.readBounded) {
    let read;
    try {
      read = await fs.readBounded(path, maxBytes, seen);
    } catch (error) {
      throw classify(error, path);
    }
    if (read.size > maxBytes) throw new SmallFileError('too-large', `larger than ${maxBytes} bytes`);
    return read.bytes;
  }
  const stat = await fs.stat(path);
  if (!stat) throw new SmallFileError('missing', 'no such file');
  if (stat.kind === 'file' && stat.size > maxBytes) throw new SmallFileError('too-large', `larger than ${maxBytes} bytes`);
  if (stat.kind !== 'file' && stat.kind !== 'symlink') throw new SmallFileError('not-a-file', 'not a regular file');
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path);
  } catch (error) {
    throw classify(error, path);
  }
  if (bytes.length > maxBytes) throw new SmallFileError('too-large', `larger than ${maxBytes} bytes`);
  return bytes;
}

function classify(error: unknown, path: string): unknown {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'FileNotFound') return new SmallFileError('missing', 'no such file');
  if (code === 'EISDIR' || code === 'EINVAL' || code === 'FileIsADirectory' || (error instanceof Error && error.message === 'not a regular file')) return new SmallFileError('not-a-file', `${path.slice(path.lastIndexOf('/') + 1)} is not a regular file`);
  return error;
}
