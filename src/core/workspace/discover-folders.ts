import type { FileSystemPort } from '../port/file-system';
import { joinPath } from '../port/paths';
import { containedPath } from './contained-path';
import type { ResolvedConfig } from '../config/config';

/** Where decision records usually live, in the order tools put them there. */
export const USUAL_FOLDERS = ['docs/decisions', 'doc/decisions', 'docs/adr', 'doc/adr', 'docs/adrs', 'docs/architecture/decisions', 'docs/rfcs', 'rfcs', 'adr'];

const decoder = new TextDecoder();

async function readSmall(fs: FileSystemPort, path: string): Promise<string | undefined> {
  const stat = await fs.stat(path);
  if (!stat || stat.kind !== 'file' || stat.size > 64 * 1024) return undefined;
  return decoder.decode(await fs.readFile(path));
}

/**
 * The decisions folders of a workspace, absolute: `.legible.json` folders when set, else what
 * adr-tools (`.adr-dir`) and log4brains (`adrFolder` in `.log4brains.yml`) point at, else the usual
 * places that exist. Configured paths that leave the workspace are dropped.
 */
export async function discoverFolders(fs: FileSystemPort, root: string, config: ResolvedConfig): Promise<string[]> {
  const candidates: string[] = [];
  if (config.folders.length) candidates.push(...config.folders);
  else {
    const adrDir = (await readSmall(fs, joinPath(root, '.adr-dir')))?.trim().split(/\r?\n/)[0]?.trim();
    if (adrDir) candidates.push(adrDir);
    const log4brains = await readSmall(fs, joinPath(root, '.log4brains.yml'));
    const adrFolder = log4brains && log4brainsFolder(log4brains);
    if (adrFolder) candidates.push(adrFolder);
    candidates.push(...USUAL_FOLDERS);
  }
  const found: string[] = [];
  for (const candidate of candidates) {
    const folder = await containedPath(fs, root, candidate);
    if (!folder || found.includes(folder)) continue;
    const stat = await fs.stat(folder);
    if (stat?.kind === 'directory') found.push(folder);
  }
  return found;
}

/**
 * `adrFolder: ./docs/adr` in `.log4brains.yml`, quotes and a trailing comment taken off. A line
 * scan: the pattern it replaces (`^\s*adrFolder…` with the m flag) was quadratic on a file of blank lines.
 */
export function log4brainsFolder(yaml: string): string | undefined {
  for (const line of yaml.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('adrFolder')) continue;
    const rest = trimmed.slice('adrFolder'.length).trimStart();
    if (!rest.startsWith(':')) continue;
    const hash = rest.indexOf('#');
    const value = (hash === -1 ? rest.slice(1) : rest.slice(1, hash)).trim().replace(/^["']|["']$/g, '').trim();
    if (value) return value;
  }
  return undefined;
}
