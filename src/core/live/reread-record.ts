import type { FileSystemPort } from '../port/file-system';
import type { DecisionWorkspace } from '../workspace/decision-workspace';

/**
 * What a re-read found: a link that leads outside the workspace (never read, now reported as one),
 * the record read again, or no file (renamed or deleted, perhaps while it was being read).
 */
export type Reread = 'outside' | 'read' | 'gone';

/** Reads a record's file again into `workspace` (after an event: a save, a closed editor, the watcher). */
export async function rereadRecord(workspace: DecisionWorkspace, fs: FileSystemPort, path: string): Promise<Reread> {
  if (await workspace.leadsOutside(path)) {
    // Never read: reported by link-outside-repository, as the folder walk would have.
    workspace.markOutside(path);
    return 'outside';
  }
  // A path under a link that leads out is refused by the port: for the index, it is not there.
  const present = () => fs.stat(path).catch(() => undefined);
  if (await present()) {
    await workspace.update(path);
    // Deleted while it was read? Then the delete event may already have come and gone.
    if (await present()) return 'read';
  }
  return 'gone';
}
