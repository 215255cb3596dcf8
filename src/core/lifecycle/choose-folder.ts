import type { FolderSettings } from '../config/folder-settings';
import { relativePath } from '../port/paths';
import type { RecordType } from '../schema/schema-registry';

/**
 * The type a folder's workspace-relative path says it holds: `docs/rfcs`, `rfc`, `text/rfcs` hold RFCs; `adr`,
 * `docs/adrs` hold ADRs; `exit-plans` exit plans. Undefined for a neutral name (`docs/decisions`).
 */
export function typeOfFolderName(relative: string): RecordType | undefined {
  // The folder's own name first, then its parent's (`rfcs/text`): the nearer name decides.
  for (const segment of relative.split('/').slice(-2).reverse()) {
    const words = segment.toLowerCase().split(/[-_. ]/);
    if (words.some((w) => w === 'rfc' || w === 'rfcs')) return 'rfc';
    if (words.includes('exit')) return 'exit-plan';
    if (words.some((w) => w === 'adr' || w === 'adrs')) return 'adr';
  }
  return undefined;
}

/**
 * The folders a new record of `type` may go to, best first: those `.legible.json` gives that type,
 * then those whose name says it, then neutral ones, then those for another type (an exit plan sits
 * with the ADRs). The order is otherwise the folders' own, so the first configured folder leads.
 */
export function rankFolders(type: RecordType, root: string, folders: readonly string[], settingsOf: (folder: string) => FolderSettings | undefined): string[] {
  const score = (folder: string): number => {
    const configured = settingsOf(folder)?.type;
    if (configured) return configured === type ? 0 : 3;
    const named = typeOfFolderName(relativePath(root, folder));
    if (named === type) return 1;
    if (!named || (type === 'exit-plan' && named === 'adr')) return 2;
    return 3;
  };
  return folders.map((folder, order) => ({ folder, order, score: score(folder) })).sort((a, b) => a.score - b.score || a.order - b.order).map((f) => f.folder);
}
