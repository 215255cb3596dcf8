import type { DecisionEntry, IdRef } from './decision-entry';
import { typeOfPrefix } from './ids';

/**
 * Every record Legible knows, by path and by number. Updated one entry at a time (an edit, a
 * watcher event) so the tree and cross-file rules never rebuild from scratch.
 */
export class DecisionIndex {
  private readonly byPath = new Map<string, DecisionEntry>();
  private byNumberCache: Map<number, DecisionEntry[]> | undefined;
  private version = 0;

  get size(): number {
    return this.byPath.size;
  }

  /** Bumps on every change, so views can tell whether they are stale. */
  get revision(): number {
    return this.version;
  }

  set(entry: DecisionEntry): void {
    this.byPath.set(entry.path, entry);
    this.byNumberCache = undefined;
    this.version++;
  }

  delete(path: string): boolean {
    const removed = this.byPath.delete(path);
    if (removed) {
      this.byNumberCache = undefined;
      this.version++;
    }
    return removed;
  }

  get(path: string): DecisionEntry | undefined {
    return this.byPath.get(path);
  }

  entries(): DecisionEntry[] {
    return [...this.byPath.values()];
  }

  withNumber(number: number): readonly DecisionEntry[] {
    if (!this.byNumberCache) {
      this.byNumberCache = new Map();
      for (const entry of this.byPath.values()) {
        if (entry.number === undefined) continue;
        const list = this.byNumberCache.get(entry.number) ?? [];
        list.push(entry);
        this.byNumberCache.set(entry.number, list);
      }
    }
    return this.byNumberCache.get(number) ?? [];
  }

  /**
   * The records a reference names: same number, matching type when the reference has a prefix,
   * preferring the referring record's own folder (each folder has its own number sequence).
   */
  resolve(ref: Pick<IdRef, 'number' | 'prefix'>, from?: Pick<DecisionEntry, 'folder'>): DecisionEntry[] {
    if (ref.number === undefined) return [];
    const type = ref.prefix ? typeOfPrefix(ref.prefix) : undefined;
    const candidates = this.withNumber(ref.number).filter((entry) => !type || entry.type === type);
    const local = from ? candidates.filter((entry) => entry.folder === from.folder) : [];
    return local.length ? local : candidates;
  }

  /** Everyone named as owner, decider, holder or successor, for completion and the report. */
  people(): string[] {
    const names = new Set<string>();
    for (const entry of this.byPath.values()) for (const name of [...entry.owners, ...entry.deciders, ...entry.holders, ...entry.successors]) names.add(name);
    return [...names].sort((a, b) => a.localeCompare(b));
  }
}
