import * as vscode from 'vscode';
import { isOutsideWorkspace } from '../../core/port/file-system';
import { relativePath } from '../../core/port/paths';
import { nextTocFileText, renderToc } from '../../core/toc/render-toc';
import { tocFile } from '../../core/toc/toc-file';
import { indexThroughLinkRefused } from '../../core/workspace/outside-messages';
import type { Models } from '../models';
import { toUri } from '../vscode-file-system';
import { pickDecisionsFolder } from './pick-folder';

// The byte order mark stays in the text, so the file written back keeps it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * Writes the table of contents into the folder's README.md (or its index.md) between markers,
 * keeping the rest. Through the folder's confined port: a README that is a link out of the
 * workspace is refused with a message, and nothing is read or written there.
 */
export async function generateIndex(models: Models, args: { folder?: string; open?: boolean } = {}): Promise<vscode.Uri | undefined> {
  const target = await pickDecisionsFolder(models, args.folder);
  if (!target?.model.decisions) return undefined;
  const { fs, root } = target.model;
  const entries = target.model.decisions.index.entries().filter((e) => e.folder === target.folder);
  const path = await tocFile(fs, target.folder);
  try {
    const stat = await fs.stat(path);
    const existing = stat ? decoder.decode(await fs.readFile(path)) : undefined;
    const next = nextTocFileText(existing, renderToc(entries, target.folder));
    if (next !== undefined) await fs.writeFile(path, encoder.encode(next));
  } catch (error) {
    if (!isOutsideWorkspace(error)) throw error;
    void vscode.window.showErrorMessage(`Legible: ${indexThroughLinkRefused(relativePath(root, path))}`);
    return undefined;
  }
  const uri = toUri(path);
  if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: true });
  return uri;
}
