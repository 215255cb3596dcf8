import type { FileSystemPort } from '../port/file-system';
import type { ResolvedConfig } from '../config/config';
import type { RecordType } from '../schema/schema-registry';
import { containedPath } from './contained-path';

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
  const stat = await fs.stat(path);
  if (!stat || stat.kind !== 'file') return { problem: `the ${type} template ${relative} is ignored: no such file` };
  if (stat.size > MAX_TEMPLATE_BYTES) return { problem: `the ${type} template ${relative} is ignored: it is larger than ${MAX_TEMPLATE_BYTES} bytes` };
  try {
    return { source: decoder.decode(await fs.readFile(path)) };
  } catch (error) {
    return { problem: `the ${type} template ${relative} could not be read (${(error as Error).message})` };
  }
}
