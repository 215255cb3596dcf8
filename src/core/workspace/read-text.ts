import type { FileSystemPort, SeenAsFile } from '../port/file-system';
import type { Limits } from '../parse/limits';

export interface ReadResult {
  readonly text: string;
  /** Why the text is empty or partial, if it is. */
  readonly problem?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a decision file as strict UTF-8: a binary or mis-encoded file is reported, never turned into U+FFFD. */
export async function readDecisionText(fs: FileSystemPort, path: string, limits: Pick<Limits, 'maxFileBytes'>, size?: number, seen?: SeenAsFile): Promise<ReadResult> {
  let bytes: Uint8Array;
  if (fs.readBounded) {
    // One open for size and bytes: no stat beforehand, no 50 MB read for a 50 MB file.
    const read = await fs.readBounded(path, limits.maxFileBytes, seen);
    bytes = read.bytes;
    size = read.size;
  } else {
    const oversized = size !== undefined && size > limits.maxFileBytes;
    bytes = oversized && fs.readFileHead ? await fs.readFileHead(path, limits.maxFileBytes) : await fs.readFile(path);
  }
  return decodeDecisionBytes(bytes, size ?? bytes.length, limits);
}

const keepingBom = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A decision file's bytes as text, or why they are not one: NUL bytes, invalid UTF-8, more than
 * `maxFileBytes` (`size` is the whole file's; `bytes` may be its head). With `keepBom`, a byte
 * order mark stays the text's first character, so a file rewritten from the text keeps it.
 */
export function decodeDecisionBytes(bytes: Uint8Array, size: number, limits: Pick<Limits, 'maxFileBytes'>, options: { readonly keepBom?: boolean } = {}): ReadResult {
  let problem: string | undefined;
  if (size > limits.maxFileBytes) {
    bytes = withoutCutCharacter(bytes.subarray(0, limits.maxFileBytes));
    problem = `This file is ${size} bytes; Legible read only its first ${limits.maxFileBytes} bytes. Is it really a decision record?`;
  }
  if (bytes.indexOf(0) !== -1) return { text: '', problem: 'This file contains NUL bytes: it looks binary, not like a Markdown decision record.' };
  try {
    return { text: (options.keepBom ? keepingBom : decoder).decode(bytes), problem };
  } catch {
    return { text: '', problem: 'This file is not valid UTF-8. Which encoding was it saved in? Save it as UTF-8 so it can be read.' };
  }
}

/** Drops a multi-byte character the cut left incomplete at the end; a complete one stays. */
function withoutCutCharacter(bytes: Uint8Array): Uint8Array {
  let lead = bytes.length - 1;
  while (lead >= 0 && lead > bytes.length - 4 && (bytes[lead] & 0xc0) === 0x80) lead--;
  if (lead < 0) return bytes;
  const first = bytes[lead];
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return bytes.length - lead < length ? bytes.subarray(0, lead) : bytes;
}
