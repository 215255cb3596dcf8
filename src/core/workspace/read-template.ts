import type { FileSystemPort } from '../port/file-system';
import type { ResolvedConfig } from '../config/config';
import type { RecordType } from '../schema/schema-registry';
import { containedPath } from './contained-path';
import { readSmallFile, SmallFileError } from './read-small';
import { isOutsideWorkspace } from '../port/file-system';

const MAX_TEMPLATE_BYTES = 256 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The repository's own template for a type, when `.legible.json` names one (and the workspace is
 * trusted: the config is normalised without templates otherwise). A template that cannot be used
 * yields a problem to show and the caller falls back to the built-in template.
 */
export async function readCustomTemplate(fs: FileSystemPort, root: string, config: ResolvedConfig, type: RecordType): Promise<{ source?: string; problem?: string }> {
  const relative = config.templates[type];
  if (!relative) return {};
  const path = await containedPath(fs, root, relative);
  if (!path) return { problem: `the ${type} template ${relative} is ignored: it lies outside the workspace` };
  try {
    return { source: decoder.decode(await readSmallFile(fs, path, MAX_TEMPLATE_BYTES)) };
  } catch (error) {
    if (error instanceof SmallFileError) return { problem: `the ${type} template ${relative} is ignored: ${error.reason === 'too-large' ? `it is larger than ${MAX_TEMPLATE_BYTES} bytes` : 'no such file'}` };
    if (isOutsideWorkspace(error)) return { problem: `the ${type} template ${relative} is ignored: it lies outside the workspace` };
    return { problem: `the ${type} template ${relative} could not be read (${(error as Error).message})` };
  }
}
