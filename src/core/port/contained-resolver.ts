import { OutsideWorkspaceError, type EntryKind } from './file-system';
import { normalizePath } from './paths';

/**
 * What the resolver asks of storage, always about a path with no link in its folders (a real
 * folder and one more name): what is there without following it, and a link's target as written.
 */
export interface LinkStorage {
  kindOf(path: string): Promise<EntryKind | undefined>;
  readLink(path: string): Promise<string>;
  /** Creates one folder in a real folder (for `createDirectory`); EEXIST is no error. */
  makeDirectory?(path: string): Promise<void>;
}

export interface ResolveOptions {
  /** Resolve a final link too (a read); else only the folders above the last name (a stat). */
  readonly followLast?: boolean;
  /** Create missing folders on the way (they are made inside real folders, so inside the root). */
  readonly create?: boolean;
}

/** More links than this in one path is a loop (Linux's own limit). */
const MAX_LINK_HOPS = 40;

class LinkLoopError extends Error {
  readonly code = 'ELOOP';
}

/**
 * Resolves paths the way the kernel does, one name at a time, but inside a workspace only: the
 * path so far is always a real path inside the real root, so the moment a `..` or a link target
 * would take it out, resolution stops with `OutsideWorkspaceError` — nothing outside is ever
 * looked up, so whether a file exists out there can never show. (A link that leaves the root and
 * comes back in, `../repo/docs`, counts as leaving: it names a place outside.) Shared by the Node
 * adapter and the in-memory one, so core tests see the very rule the CLI and the extension apply.
 */
export class ContainedResolver {
  constructor(
    /** The workspace root as the core spells it. */
    readonly root: string,
    /** The same folder with every link resolved: what containment is measured against. */
    readonly realRoot: string,
    private readonly storage: LinkStorage,
  ) {}

  /**
   * The real path of `path`: inside the real root, with no link in it (with `followLast: false`,
   * the last name may still be one). undefined when nothing is there, a folder on the way is a
   * file, or links loop. Rejects with `OutsideWorkspaceError` when the path leads outside.
   */
  async resolve(path: string, options: ResolveOptions = {}): Promise<string | undefined> {
    try {
      return await this.walk(path, options);
    } catch (error) {
      if (error instanceof LinkLoopError) return undefined;
      throw error;
    }
  }

  private async walk(path: string, options: ResolveOptions): Promise<string | undefined> {
    const normal = normalizePath(path);
    const tail = this.tail(normal);
    if (tail === undefined) throw new OutsideWorkspaceError(path);
    let done = this.realRoot;
    let pending = tail;
    let hops = 0;
    let link: string | undefined;
    const leave = (): never => {
      throw new OutsideWorkspaceError(path, link && this.shown(link));
    };
    while (pending.length) {
      const [segment, ...rest] = pending;
      pending = rest;
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (done === this.realRoot) leave();
        done = parentOf(done);
        continue;
      }
      const candidate = done.endsWith('/') ? `${done}${segment}` : `${done}/${segment}`;
      const last = !pending.some((s) => s !== '' && s !== '.');
      if (last && !options.followLast) return candidate;
      let kind = await this.storage.kindOf(candidate);
      if (kind === undefined && options.create && this.storage.makeDirectory) {
        await this.storage.makeDirectory(candidate);
        kind = await this.storage.kindOf(candidate);
      }
      if (kind === undefined) return undefined;
      if (kind === 'symlink') {
        if (++hops > MAX_LINK_HOPS) throw new LinkLoopError(`${path}: too many symbolic links`);
        link = candidate;
        const target = (await this.storage.readLink(candidate)).replace(/\\/g, '/');
        if (isAbsolute(target)) {
          const inside = this.tail(normalizePath(target));
          if (inside === undefined) leave();
          done = this.realRoot;
          pending = [...inside!, ...pending];
        } else {
          pending = [...target.split('/'), ...pending];
        }
        continue;
      }
      if (!last && kind !== 'directory') return undefined;
      done = candidate;
    }
    return done;
  }

  /** The names below the root, for a path under the root as given or as resolved; undefined outside. */
  private tail(path: string): string[] | undefined {
    for (const base of [this.root, this.realRoot]) {
      const prefix = base.replace(/\/+$/, '');
      if (path === prefix || path === base) return [];
      if (path.startsWith(`${prefix}/`)) return path.slice(prefix.length + 1).split('/');
    }
    return undefined;
  }

  /** A real path inside the real root as the core spells the root (for messages). */
  private shown(real: string): string {
    return real === this.realRoot ? this.root : real.startsWith(`${this.realRoot}/`) ? `${this.root.replace(/\/+$/, '')}${real.slice(this.realRoot.length)}` : real;
  }
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  if (i <= 0) return '/';
  // `C:/x` → `C:/`, not `C:`.
  return /^[A-Za-z]:$/.test(path.slice(0, i)) ? path.slice(0, i + 1) : path.slice(0, i);
}
