import type { CompiledPattern } from '../port/regex-engine';
import { matchesAny } from '../config/glob';
import type { FileSystemPort } from '../port/file-system';
import { DEFAULT_CONVENTION, detectConvention, type NamingConvention } from './naming-convention';
import { fileNames } from './next-number';

/**
 * How new records in `folder` are named: as `.legible.json` says for the folder, else as most of
 * its records are named (files that `ignore` hides, like `0000-template.md`, have no say), else
 * Legible's `NNNN-slug` (a folder that is empty or not there yet).
 */
export async function folderConvention(fs: FileSystemPort, folder: string, configured: NamingConvention | undefined, ignore: readonly CompiledPattern[]): Promise<NamingConvention> {
  if (configured) return configured;
  let names: string[] = [];
  try {
    names = fileNames(await fs.readDirectory(folder)).filter((name) => !matchesAny(name, ignore));
  } catch {
    // Not there yet: the first record sets the style.
  }
  return detectConvention(names) ?? DEFAULT_CONVENTION;
}
