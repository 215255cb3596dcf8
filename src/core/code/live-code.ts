import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import type { FileSystemPort } from '../port/file-system';
import { relativePath } from '../port/paths';
import type { RegexEngine } from '../port/regex-engine';
import { Emitter, type Listen } from '../live/emitter';
import { SKIPPED_FOLDERS } from './code-files';
import { GovernsIndex } from './governs-index';
import { walkFiles } from './walk-files';

export interface LiveCodeOptions {
  readonly fs: FileSystemPort;
  /** Absolute, '/'-separated: what `governs` globs are relative to. */
  readonly root: string;
  readonly regexEngine?: RegexEngine;
  /** The folder's files, repository-relative; default: a walk of the folder (no git needed). */
  readonly listFiles?: () => Promise<readonly string[] | undefined>;
  /**
   * Of files and folders (repository-relative) that appeared after `listFiles` answered, the
   * files it would list now at or below them: with git, those it does not ignore. Asked only when
   * `listFiles` gave the list; undefined (git cannot answer) keeps what a walk finds there.
   */
  readonly listedAt?: (paths: readonly string[]) => Promise<readonly string[] | undefined>;
}

/**
 * The editor's live view of the code: the folder's file list and the GovernsIndex over it, so a
 * lens can say which decisions govern a file. Nothing is listed until first asked (activation
 * stays cheap); the index is built again only when the file list or some record's `governs`
 * changes, and `onDidChange` then tells the editor to ask again.
 */
export class LiveCode {
  private files: Set<string> | undefined;
  /** True when `listFiles` gave the list: a new file then joins it only as `listedAt` says. */
  private listedByPort = false;
  /** Paths that appeared, waiting for `listedAt`: one question for all that came meanwhile. */
  private readonly arrivals = new Map<string, () => Promise<readonly string[]>>();
  private admitting: Promise<void> | undefined;
  /** The arrivals `listedAt` is being asked about. */
  private askedAbout: Map<string, unknown> | undefined;
  /** Files `listedAt` left out (git ignores them): a lens asked for one does not ask again. */
  private readonly refused = new Set<string>();
  /** Counts `relist` calls: a list begun before one is dropped. */
  private generation = 0;
  private listing: Promise<void> | undefined;
  private index: DecisionIndex | undefined;
  private governsKey = '';
  private built: GovernsIndex | undefined;
  /** The file list as an array, kept until the list changes. */
  private snapshot: string[] | undefined;
  private readonly emitter = new Emitter<void>();
  readonly onDidChange: Listen<void> = this.emitter.event;
  private readonly listedEmitter = new Emitter<void>();
  /** The file list was made (first use, or after `relist`): what waited for a list, rather than making one, may go on. */
  readonly onDidList: Listen<void> = this.listedEmitter.event;

  constructor(private readonly options: LiveCodeOptions) {}

  /** The decision index changed: rebuilt (and announced) only when some record's `governs` did. */
  indexChanged(index: DecisionIndex | undefined): void {
    this.index = index;
    const key = governsKey(index);
    if (key === this.governsKey) return;
    this.governsKey = key;
    this.built = undefined;
    this.emitter.fire();
  }

  /** A file or folder appeared (absolute path); `isFolder` lists it again below. */
  async created(path: string, isFolder: () => Promise<boolean>): Promise<void> {
    const relative = this.relative(path);
    const files = relative === undefined ? undefined : await this.listed();
    if (!files) return;
    const found = async () => ((await isFolder()) ? (await walkFiles(this.options.fs, path)).files.map((file) => `${relative}/${file}`) : [relative!]);
    this.refused.delete(relative!);
    await this.arrived(relative!, found);
  }

  /**
   * A path that appeared (a file, or a folder `found` lists) joins the list: at once after a walk;
   * after a list from `listFiles`, as `listedAt` says, asked once for every path that arrived
   * while it was being asked (a build writing a thousand files is a few questions, not a thousand).
   */
  private async arrived(relative: string, found: () => Promise<readonly string[]>): Promise<void> {
    const listedAt = this.listedByPort ? this.options.listedAt : undefined;
    if (!listedAt) return this.add(await found());
    this.arrivals.set(relative, found);
    while (this.arrivals.has(relative)) {
      this.admitting ??= this.admit(listedAt).finally(() => (this.admitting = undefined));
      await this.admitting;
    }
  }

  /** Asks `listedAt` about the paths that arrived; a path deleted meanwhile is left out. */
  private async admit(listedAt: NonNullable<LiveCodeOptions['listedAt']>): Promise<void> {
    const asked = new Map(this.arrivals);
    this.arrivals.clear();
    this.askedAbout = asked;
    let listed: readonly string[] | undefined;
    try {
      listed = await listedAt([...asked.keys()]);
    } catch {
      listed = undefined;
    } finally {
      this.askedAbout = undefined;
    }
    const files = listed ?? (await Promise.all([...asked.values()].map((found) => found()))).flat();
    // `deleted` takes a path out of `asked` meanwhile: what lay at or below it is gone again.
    const kept = files.filter((file) => arrivedAs(file, asked));
    if (listed) {
      const answered = new Set(kept.flatMap((file) => arrivals(file)));
      for (const path of asked.keys()) if (!answered.has(path)) this.refused.add(path);
    }
    this.add(kept);
  }

  /** Files (repository-relative) join the list and the index; announced when one was new. */
  private add(added: readonly string[]): void {
    const files = this.files;
    if (!files) return;
    let changed = false;
    for (const file of added) {
      if (files.has(file)) continue;
      files.add(file);
      this.snapshot = undefined;
      // Matched alone against every record: the index is not built again for one file.
      this.built?.add(file);
      changed = true;
    }
    if (changed) this.emitter.fire();
  }

  /** A file or folder went away (absolute path): it and everything below it leave the list. */
  async deleted(path: string): Promise<void> {
    const relative = this.relative(path);
    const files = relative === undefined ? undefined : await this.listed();
    if (!files) return;
    const below = `${relative}/`;
    // An arrival still being asked about: it is not added once the answer comes.
    for (const pending of [this.arrivals, this.askedAbout]) for (const path of pending?.keys() ?? []) if (path === relative || path.startsWith(below)) pending!.delete(path);
    const removed = [...(files.has(relative!) ? [relative!] : []), ...[...files].filter((file) => file.startsWith(below))];
    if (!removed.length) return;
    this.snapshot = undefined;
    for (const file of removed) {
      files.delete(file);
      this.built?.remove(file);
    }
    this.emitter.fire();
  }

  /** The records governing a file (absolute path), in the index's order; lists the folder on first use. */
  async governing(path: string): Promise<DecisionEntry[]> {
    const relative = this.relative(path);
    const index = this.index;
    if (relative === undefined || !index || !this.governsKey) return [];
    const governs = await this.governsIndex();
    await this.opened(path);
    return (this.built ?? governs).governing(relative).flatMap((record) => index.get(record) ?? []);
  }

  /**
   * An editor opened a file (absolute path) the list may lack: created, and the watcher has not
   * said so yet, or never will (watchers drop events under load; a client may watch nothing). One
   * look settles it; nothing is asked of a listed file, nor before the first list.
   */
  async opened(path: string): Promise<void> {
    const relative = this.relative(path);
    if (relative === undefined || !this.files || this.files.has(relative) || this.refused.has(relative)) return;
    if ((await this.options.fs.stat(path).catch(() => undefined))?.kind === 'file') await this.arrived(relative, async () => [relative]);
  }

  /** The current file list (repository-relative), listed on first use: what `governs` completes and counts from. */
  async fileList(): Promise<readonly string[]> {
    // Again when `relist` dropped the list while this waited for it.
    while (!this.files) {
      this.listing ??= this.list();
      await this.listing;
    }
    this.snapshot ??= [...this.files];
    return this.snapshot;
  }

  /**
   * The list is made again when next asked for, and that is announced: what `listFiles` answers
   * has changed (the workspace was trusted, so git may now be asked where the folder was walked).
   */
  relist(): void {
    if (!this.files && !this.listing) return;
    this.generation++;
    this.files = undefined;
    this.listing = undefined;
    this.snapshot = undefined;
    this.built = undefined;
    this.listedByPort = false;
    this.refused.clear();
    this.emitter.fire();
  }

  /** True once the file list was made (and not dropped since): asking for the index then reads nothing. */
  get listedAlready(): boolean {
    return this.files !== undefined;
  }

  /** The index over the current file list, built when first asked after a change. */
  async governsIndex(): Promise<GovernsIndex> {
    if (this.built) return this.built;
    await this.fileList();
    // Built from the list as it is now, after the wait, in one synchronous step: a file created
    // while this waited (its `created` found no index to add it to) is in the list by now. Built
    // from the list as it was before the wait, that file had no lens until the next change.
    this.built ??= GovernsIndex.build(this.index?.entries() ?? [], (this.snapshot ??= [...(this.files ?? [])]), this.options.regexEngine);
    return this.built;
  }

  dispose(): void {
    this.emitter.dispose();
    this.listedEmitter.dispose();
  }

  /**
   * The file list once listed; undefined while never asked for (the first walk will see the
   * change). A change during the walk waits for it, so the walk cannot undo it.
   */
  private async listed(): Promise<Set<string> | undefined> {
    if (this.listing) await this.listing;
    return this.files;
  }

  private async list(): Promise<void> {
    const generation = this.generation;
    const listed = this.options.listFiles ? await this.options.listFiles() : undefined;
    const files = new Set(listed ?? (await walkFiles(this.options.fs, this.options.root)).files);
    // A list `relist` dropped while it was being made is not kept.
    if (generation !== this.generation) return;
    this.listedByPort = listed !== undefined;
    this.files = files;
    this.listedEmitter.fire();
  }

  /** Repository-relative, or undefined outside the folder or in a skipped folder (dependencies, build output). */
  private relative(path: string): string | undefined {
    const relative = relativePath(this.options.root, path);
    if (relative === '.' || relative === '' || relative.startsWith('../') || relative === '..') return undefined;
    return relative.split('/').some((name) => SKIPPED_FOLDERS.has(name)) ? undefined : relative;
  }
}

/** Every record's `governs` as one string: what the GovernsIndex depends on of the decisions. */
function governsKey(index: DecisionIndex | undefined): string {
  const parts: string[] = [];
  for (const entry of index?.entries() ?? []) if (entry.governs?.length) parts.push(`${entry.path}\u0000${entry.governs.map((ref) => ref.glob).join('\u0000')}`);
  return parts.join('\n');
}

/** True when `file` is one of the arrived paths, or lies below one (a folder that appeared). */
function arrivedAs(file: string, arrived: ReadonlyMap<string, unknown>): boolean {
  return arrivals(file).some((path) => arrived.has(path));
}

/** A file's path and the paths of its folders: what may have arrived for it to appear. */
function arrivals(file: string): string[] {
  const out: string[] = [];
  for (let at = file.length; at > 0; at = file.lastIndexOf('/', at - 1)) out.push(file.slice(0, at));
  return out;
}
