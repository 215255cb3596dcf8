import * as vscode from 'vscode';
import { renderToc, updateToc } from '../../core/toc/render-toc';
import { tocFile } from '../../core/toc/toc-file';
import type { Models } from '../models';
import { toUri } from '../vscode-file-system';
import { pickDecisionsFolder } from './pick-folder';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Writes the table of contents into the folder's README.md (or its index.md) between markers, keeping the rest. */
export async function generateIndex(models: Models, args: { folder?: string; open?: boolean } = {}): Promise<vscode.Uri | undefined> {
  const target = await pickDecisionsFolder(models, args.folder);
  if (!target?.model.decisions) return undefined;
  const entries = target.model.decisions.index.entries().filter((e) => e.folder === target.folder);
  const path = await tocFile(models.fs, target.folder);
  const stat = await models.fs.stat(path);
  const existing = stat ? decoder.decode(await models.fs.readFile(path)) : undefined;
  const next = updateToc(existing, renderToc(entries, target.folder));
  if (next !== existing) await models.fs.writeFile(path, encoder.encode(next));
  const uri = toUri(path);
  if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: true });
  return uri;
}
