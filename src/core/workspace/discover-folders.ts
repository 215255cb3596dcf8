import type { DirectoryEntry, FileSystemPort } from '../port/file-system';
import { isInside, joinPath } from '../port/paths';
import { containment, type Containment } from './contained-path';
import type { ResolvedConfig } from '../config/config';
import { readSmallFile } from './read-small';

/** Where decision records usually live, in the order tools put them there. */
export const USUAL_FOLDERS = ['docs/decisions', 'doc/decisions', 'docs/adr', 'doc/adr', 'docs/adrs', 'docs/architecture/decisions', 'docs/rfcs', 'rfcs', 'adr'];

const decoder = new TextDecoder();

/** A hint file's text, or undefined when it is missing, not a file or unreadable: read at once, no look beforehand. */
async function readSmall(fs: FileSystemPort, path: string): Promise<string | undefined> {
  return readSmallFile(fs, path, 64 * 1024).then(
    (bytes) => decoder.decode(bytes),
    () => undefined,
  );
}

export interface DiscoverOptions {
  /**
   * Told once of each symbolic link (workspace-relative) through which a configured or usual
   * folder would lead outside the workspace: the folder is not used.
   */
  readonly onLinkOutside?: (link: string) => void;
  /** Look-ups started earlier (see `folderLookup`): each is asked of storage once. */
  readonly lookup?: FolderLookup;
}

interface LookedUp {
  readonly contained: Containment;
  readonly directory?: boolean;
}

/**
 * What discovery asks of storage, each question asked once: the hint files and each candidate
 * folder. A load starts it before `.legible.json` is read (`prefetch`), so on vscode.workspace.fs
 * (a remote, the web worker host), where every look-up is a round trip, discovery does not wait
 * for the configuration to start its own.
 */
export interface FolderLookup {
  /** `.adr-dir`'s and `.log4brains.yml`'s texts. */
  hints(): Promise<readonly [string | undefined, string | undefined]>;
  candidate(relative: string): Promise<LookedUp>;
  /**
   * Starts the look-ups discovery makes when the configuration names no folders (`fallback`: the
   * front-end's own), and the listing of each of those folders, in case it is one.
   */
  prefetch(fallback?: readonly string[]): void;
  /** A folder's listing (absolute path) that `prefetch` started, handed over once. */
  listing(path: string): Promise<DirectoryEntry[]> | undefined;
}

/** `onListed`: told of each listing `prefetch` started, as it comes (a read-ahead starts from it). */
export function folderLookup(fs: FileSystemPort, root: string, onListed?: (folder: string, entries: readonly DirectoryEntry[]) => void): FolderLookup {
  let hints: Promise<readonly [string | undefined, string | undefined]> | undefined;
  const candidates = new Map<string, Promise<LookedUp>>();
  const listings = new Map<string, Promise<DirectoryEntry[]>>();
  const list = (candidate: string) => {
    const path = joinPath(root, candidate);
    // Only inside as written; a confined port refuses a link that leads out, as it does any read.
    if (!isInside(root, path) || listings.has(path)) return;
    const listed = fs.readDirectory(path);
    listed.then((entries) => onListed?.(path, entries), () => undefined);
    listings.set(path, listed);
  };
  const lookup: FolderLookup = {
    hints: () => (hints ??= Promise.all([readSmall(fs, joinPath(root, '.adr-dir')), readSmall(fs, joinPath(root, '.log4brains.yml'))])),
    candidate(relative) {
      let found = candidates.get(relative);
      if (!found) candidates.set(relative, (found = lookUp(fs, root, relative)));
      return found;
    },
    prefetch(fallback = []) {
      // Failures are discovery's to handle when it asks: here nothing waits, so nothing may reject unheard.
      const folders = fallback.length ? fallback : USUAL_FOLDERS;
      if (!fallback.length) lookup.hints().catch(() => undefined);
      for (const candidate of folders) {
        lookup.candidate(candidate).catch(() => undefined);
        list(candidate);
      }
    },
    listing(path) {
      const listed = listings.get(path);
      listings.delete(path);
      return listed;
    },
  };
  return lookup;
}

/** Where a candidate lies and whether it is a folder (through a link that stays inside). */
async function lookUp(fs: FileSystemPort, root: string, candidate: string): Promise<LookedUp> {
  const contained = await containment(fs, root, candidate);
  if (!('path' in contained)) return { contained };
  const real = (await fs.realPath?.(contained.path).catch(() => undefined)) ?? contained.path;
  const stat = await fs.stat(real).catch(() => undefined);
  return { contained, directory: stat?.kind === 'directory' };
}

/**
 * The decisions folders of a workspace, absolute: `.legible.json` folders when set, else what
 * adr-tools (`.adr-dir`) and log4brains (`adrFolder` in `.log4brains.yml`) point at, else the usual
 * places that exist. Configured paths that leave the workspace, as written or through a link, are
 * dropped. A folder that is a link to another folder inside the workspace is used.
 */
export async function discoverFolders(fs: FileSystemPort, root: string, config: ResolvedConfig, options: DiscoverOptions = {}): Promise<string[]> {
  const lookup = options.lookup ?? folderLookup(fs, root);
  const candidates: string[] = [];
  if (config.folders.length) candidates.push(...config.folders);
  else {
    const [adrDirText, log4brains] = await lookup.hints();
    const adrDir = adrDirText?.trim().split(/\r?\n/)[0]?.trim();
    if (adrDir) candidates.push(adrDir);
    const adrFolder = log4brains && log4brainsFolder(log4brains);
    if (adrFolder) candidates.push(adrFolder);
    candidates.push(...USUAL_FOLDERS);
  }
  // Every candidate looked up at once: on vscode.workspace.fs (a remote or the web worker host)
  // each look-up is a round trip, and a dozen of them one after another held up the first load.
  // Decided in the candidates' order, as before.
  const looked = await Promise.all(candidates.map((candidate) => lookup.candidate(candidate)));
  const found: string[] = [];
  const links = new Set<string>();
  for (const { contained, directory } of looked) {
    if (!('path' in contained)) {
      // Inside as written, outside once links are resolved: the repository holds a link out.
      if (contained.link !== undefined && !links.has(contained.link)) {
        links.add(contained.link);
        options.onLinkOutside?.(contained.link);
      }
      continue;
    }
    if (directory && !found.includes(contained.path)) found.push(contained.path);
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
