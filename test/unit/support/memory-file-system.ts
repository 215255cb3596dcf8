import { ContainedResolver } from '../../../src/core/port/contained-resolver';
import type { DirectoryEntry, EntryKind, FileStat, FileSystemPort } from '../../../src/core/port/file-system';
import { basename, dirname, normalizePath } from '../../../src/core/port/paths';

/** Contents of an in-memory file: text (stored as UTF-8) or raw bytes. */
export type FileContent = string | Uint8Array;

export interface MemoryFileSystemOptions {
  /** Symbolic links: link path → target path (absolute, or relative to the link's folder). */
  readonly symlinks?: Readonly<Record<string, string>>;
  /** Empty folders to create; folders holding files exist without being listed here. */
  readonly directories?: readonly string[];
  /** Special files (FIFOs, sockets): listed and stat'ed as 'other'; reading one throws. */
  readonly others?: readonly string[];
  /**
   * The workspace root the port is confined to, as the CLI's and the extension's are: any access
   * whose real path lies outside it rejects with `OutsideWorkspaceError` (the same resolver).
   */
  readonly root?: string;
}

const encoder = new TextEncoder();
const MAX_LINK_HOPS = 40;

class FsError extends Error {
  constructor(
    readonly code: 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ELOOP' | 'EINVAL',
    path: string,
  ) {
    super(`${code}: ${path}`);
  }
}

/**
 * `FileSystemPort` over a Map of '/'-paths, for tests that run the real core without a disk.
 * Folders are implied by the files below them (or listed in `directories`); symbolic links are
 * resolved the way a POSIX file system resolves them, loops included (they end in ELOOP).
 * Every path is normalised ('.', '..', duplicate slashes) before use. With `root`, it is confined
 * the way the Node port is: links resolved by `ContainedResolver`, then the real path used.
 */
export class MemoryFileSystem implements FileSystemPort {
  private readonly files = new Map<string, Uint8Array>();
  private readonly links = new Map<string, string>();
  private readonly dirs = new Set<string>(['/']);
  private readonly specials = new Set<string>();
  private clock = 1;
  private readonly mtimes = new Map<string, number>();
  /** Every path read with readFile, in order: lets a test check what the core opened. */
  readonly reads: string[] = [];
  /** Every path the confined port looked up (an lstat or a readlink): none may lie outside the root. */
  readonly lookups: string[] = [];
  private readonly root: string | undefined;
  private resolver: ContainedResolver | undefined;

  constructor(files: Readonly<Record<string, FileContent>> = {}, options: MemoryFileSystemOptions = {}) {
    this.root = options.root === undefined ? undefined : normalizePath(options.root);
    for (const [path, content] of Object.entries(files)) this.put(path, content);
    for (const [link, target] of Object.entries(options.symlinks ?? {})) this.symlink(link, target);
    for (const dir of options.directories ?? []) this.mkdir(dir);
    for (const other of options.others ?? []) {
      const path = normalizePath(other);
      this.mkdir(dirname(path));
      this.specials.add(path);
    }
  }

  /** Adds or replaces a file (and the folders above it), without going through the port. */
  put(path: string, content: FileContent): void {
    const at = normalizePath(path);
    this.mkdir(dirname(at));
    this.files.set(at, typeof content === 'string' ? encoder.encode(content) : content);
    this.mtimes.set(at, this.clock++);
  }

  mkdir(path: string): void {
    let at = normalizePath(path);
    while (!this.dirs.has(at)) {
      this.dirs.add(at);
      at = dirname(at);
    }
  }

  symlink(path: string, target: string): void {
    const at = normalizePath(path);
    this.mkdir(dirname(at));
    this.links.set(at, target);
  }

  /** The text of a file, for assertions about what the core wrote. */
  text(path: string): string | undefined {
    const bytes = this.files.get(normalizePath(path));
    return bytes && new TextDecoder().decode(bytes);
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.reads.push(path);
    const real = await this.contained(path, 'follow');
    if (real === undefined) throw new FsError('ENOENT', path);
    return this.readReal(real, path);
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const real = await this.contained(path, 'follow');
    if (real === undefined) throw new FsError('ENOENT', path);
    return this.listReal(this.resolve(real, true), path);
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const at = await this.contained(path, 'parent');
    if (at === undefined) return undefined;
    let real: string;
    try {
      real = this.resolve(at, false);
    } catch {
      return undefined;
    }
    const kind = this.kindAt(real);
    if (!kind) return undefined;
    return { kind, size: this.files.get(real)?.length ?? 0, mtime: this.mtimes.get(real) ?? 0 };
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    let at = await this.contained(path, 'parent');
    if (at === undefined) throw new FsError('ENOENT', path);
    // A final link is written through only to its target inside the workspace.
    if (this.confined() && this.links.has(at)) at = await this.contained(path, 'follow');
    if (at === undefined) throw new FsError('ENOENT', path);
    const real = this.resolveForWrite(at);
    this.files.set(real, data.slice());
    this.mtimes.set(real, this.clock++);
  }

  /** Atomic, as the port requires: no await between the check and the write, so racers cannot interleave. */
  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    const checked = await this.contained(path, 'parent');
    if (checked === undefined) throw new FsError('ENOENT', path);
    const at = normalizePath(checked);
    let taken: boolean;
    try {
      taken = this.links.has(at) || this.kindAt(this.resolve(at, false)) !== undefined;
    } catch {
      taken = false;
    }
    if (taken) return false;
    const real = this.resolveForWrite(at);
    this.files.set(real, data.slice());
    this.mtimes.set(real, this.clock++);
    return true;
  }

  async delete(path: string): Promise<void> {
    const checked = await this.contained(path, 'parent');
    if (checked === undefined) return;
    const at = this.resolve(checked, false);
    this.files.delete(at);
    this.links.delete(at);
    this.specials.delete(at);
    this.mtimes.delete(at);
  }

  async createDirectory(path: string): Promise<void> {
    const resolver = this.confined();
    if (resolver) {
      const real = await resolver.resolve(path, { followLast: true, create: true });
      if (real === undefined || !this.dirs.has(real)) throw new FsError('ENOTDIR', path);
      return;
    }
    this.mkdir(this.resolve(path, true));
  }

  async realPath(path: string): Promise<string | undefined> {
    const resolver = this.confined();
    if (resolver) return resolver.resolve(path, { followLast: true });
    try {
      const real = this.resolve(path, true);
      return this.kindAt(real) ? real : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Confined: the real path of `path` (`follow`), or of its folder plus its last name (`parent`),
   * refused outside the root; undefined when missing. Unconfined: the path itself.
   */
  private async contained(path: string, how: 'follow' | 'parent'): Promise<string | undefined> {
    const resolver = this.confined();
    if (!resolver) return normalizePath(path);
    return resolver.resolve(path, { followLast: how === 'follow' });
  }

  /** The resolver, made on first use (the root's own real path is the machine's, resolved unconfined). */
  private confined(): ContainedResolver | undefined {
    if (this.root === undefined) return undefined;
    this.resolver ??= new ContainedResolver(this.root, this.resolve(this.root, true), {
      kindOf: async (path) => {
        this.lookups.push(path);
        return this.kindAt(path);
      },
      readLink: async (path) => {
        this.lookups.push(path);
        return this.links.get(path) ?? '';
      },
      makeDirectory: async (path) => this.mkdir(path),
    });
    return this.resolver;
  }

  private readReal(path: string, asked: string): Uint8Array {
    const real = this.resolve(path, true);
    const bytes = this.files.get(real);
    if (bytes) return bytes.slice();
    if (this.dirs.has(real)) throw new FsError('EISDIR', asked);
    if (this.specials.has(real)) throw new FsError('EINVAL', asked);
    throw new FsError('ENOENT', asked);
  }

  private listReal(real: string, asked: string): DirectoryEntry[] {
    if (!this.dirs.has(real)) throw new FsError(this.kindAt(real) ? 'ENOTDIR' : 'ENOENT', asked);
    const children = new Map<string, EntryKind>();
    const prefix = real === '/' ? '/' : `${real}/`;
    const collect = (paths: Iterable<string>, kind: EntryKind): void => {
      for (const candidate of paths) {
        if (candidate === real || !candidate.startsWith(prefix)) continue;
        const rest = candidate.slice(prefix.length);
        if (rest.includes('/')) continue;
        children.set(rest, kind);
      }
    };
    collect(this.dirs, 'directory');
    collect(this.files.keys(), 'file');
    collect(this.specials, 'other');
    collect(this.links.keys(), 'symlink');
    return [...children].map(([name, kind]) => ({ name, kind })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private kindAt(path: string): EntryKind | undefined {
    if (this.links.has(path)) return 'symlink';
    if (this.files.has(path)) return 'file';
    if (this.dirs.has(path)) return 'directory';
    if (this.specials.has(path)) return 'other';
    return undefined;
  }

  /** Resolves links in every folder of the path, and in its last segment when `followLast`. */
  private resolve(path: string, followLast: boolean): string {
    let hops = 0;
    let pending = normalizePath(path).split('/').filter(Boolean);
    let done = '/';
    while (pending.length) {
      const [segment, ...rest] = pending;
      const candidate = done === '/' ? `/${segment}` : `${done}/${segment}`;
      const target = this.links.get(candidate);
      if (target !== undefined && (rest.length || followLast)) {
        if (++hops > MAX_LINK_HOPS) throw new FsError('ELOOP', path);
        const absolute = target.startsWith('/') ? normalizePath(target) : normalizePath(`${done}/${target}`);
        pending = [...absolute.split('/').filter(Boolean), ...rest];
        done = '/';
        continue;
      }
      done = candidate;
      pending = rest;
    }
    return done;
  }

  private resolveForWrite(path: string): string {
    const at = normalizePath(path);
    const folder = this.resolve(dirname(at), true);
    if (!this.dirs.has(folder)) throw new FsError('ENOENT', path);
    const real = this.resolve(`${folder}/${basename(at)}`, true);
    if (this.dirs.has(real)) throw new FsError('EISDIR', path);
    return real;
  }
}
