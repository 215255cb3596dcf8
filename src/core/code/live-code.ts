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
    if (await isFolder()) {
      const below = await walkFiles(this.options.fs, path);
      for (const file of below.files) files.add(`${relative}/${file}`);
    } else files.add(relative!);
    this.built = undefined;
    this.emitter.fire();
  }

  /** A file or folder went away (absolute path): it and everything below it leave the list. */
  async deleted(path: string): Promise<void> {
    const relative = this.relative(path);
    const files = relative === undefined ? undefined : await this.listed();
    if (!files) return;
    let removed = files.delete(relative!);
    for (const file of files) if (file.startsWith(`${relative}/`)) removed = files.delete(file) || removed;
    if (!removed) return;
    this.built = undefined;
    this.emitter.fire();
  }

  /** The records governing a file (absolute path), in the index's order; lists the folder on first use. */
  async governing(path: string): Promise<DecisionEntry[]> {
    const relative = this.relative(path);
    const index = this.index;
    if (relative === undefined || !index || !this.governsKey) return [];
    const governs = await this.governsIndex();
    return governs.governing(relative).flatMap((record) => index.get(record) ?? []);
  }

  /** The index over the current file list, built when first asked after a change. */
  async governsIndex(): Promise<GovernsIndex> {
    if (!this.files) {
      this.listing ??= this.list();
      await this.listing;
    }
    this.built ??= GovernsIndex.build(this.index?.entries() ?? [], [...(this.files ?? [])], this.options.regexEngine);
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
