import type { FileSystemPort } from '../port/file-system';
import { joinPath } from '../port/paths';

/**
 * The file a folder's table of contents goes into: its README.md; else its index.md (MADR's and
 * JabRef's decision folders, Jekyll and MkDocs sites keep the folder's page there, and a README
 * beside it would split the folder's front page in two); else a new README.md. An existing file is matched
 * whatever its case (`readme.md`), so the table joins it rather than a near-twin being created.
 */
export async function tocFile(fs: FileSystemPort, folder: string): Promise<string> {
  const entries = await fs.readDirectory(folder).catch(() => []);
  const named = (name: string) => entries.find((entry) => entry.kind === 'file' && entry.name === name) ?? entries.find((entry) => entry.kind === 'file' && entry.name.toLowerCase() === name.toLowerCase());
  const existing = named('README.md') ?? named('index.md');
  return joinPath(folder, existing?.name ?? 'README.md');
}
