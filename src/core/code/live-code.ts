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
}

/**
 * The editor's live view of the code: the folder's file list and the GovernsIndex over it, so a
 * lens can say which decisions govern a file. Nothing is listed until first asked (activation
 * stays cheap); the index is built again only when the file list or some record's `governs`
 * changes, and `onDidChange` then tells the editor to ask again.
 */
export class LiveCode {
  private files: Set<string> | undefined;
  private listing: Promise<void> | undefined;
  private index: DecisionIndex | undefined;
  private governsKey = '';
  private built: GovernsIndex | undefined;
  /** The file list as an array, kept until the list changes. */
  private snapshot: string[] | undefined;
  private readonly emitter = new Emitter<void>();
  readonly onDidChange: Listen<void> = this.emitter.event;

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
    const added = (await isFolder()) ? (await walkFiles(this.options.fs, path)).files.map((file) => `${relative}/${file}`) : [relative!];
    this.add(added);
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
    // Asked of a file the list lacks (an editor opened it): created, and the watcher has not said
    // so yet, or never will (watchers drop events under load). One look settles it.
    if (this.files && !this.files.has(relative) && (await this.options.fs.stat(path).catch(() => undefined))?.kind === 'file') this.add([relative]);
    return (this.built ?? governs).governing(relative).flatMap((record) => index.get(record) ?? []);
  }

  /** The current file list (repository-relative), listed on first use: what `governs` completes and counts from. */
  async fileList(): Promise<readonly string[]> {
    if (!this.files) {
      this.listing ??= this.list();
      await this.listing;
    }
    this.snapshot ??= [...(this.files ?? [])];
    return this.snapshot;
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
    const listed = this.options.listFiles ? await this.options.listFiles() : undefined;
    this.files = new Set(listed ?? (await walkFiles(this.options.fs, this.options.root)).files);
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
