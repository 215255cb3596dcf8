import type { DecisionEntry, GlobRef } from '../index/decision-entry';
import type { RegexEngine } from '../port/regex-engine';
import { compileRepositoryGlob, listMatches, PathParts, type RepositoryGlob } from './repository-globs';

/** One `governs` glob of a record and what it matched. */
export interface GovernsGlob {
  readonly ref: GlobRef;
  /** Why the glob is never followed (absolute, `..`, refused by the compiler); undefined when it is. */
  readonly problem?: string;
  readonly problemKind?: 'escapes' | 'invalid';
  readonly exclude: boolean;
  /** Tracked files the glob matches on its own (before later `!` globs of the record). */
  readonly count: number;
}

export interface GovernsRecord {
  /** The record's path (absolute, as the index keys it). */
  readonly path: string;
  readonly globs: readonly GovernsGlob[];
  /** Repository-relative paths of the files the record governs, in the file list's order. */
  readonly files: readonly string[];
}

/**
 * Which decisions govern which files: every record's `governs` compiled once, matched against the
 * tracked file list in one pass (each file split once; each glob tested only where its literal
 * first folder allows). Built again when the file list or a record's `governs` changes.
 */
export class GovernsIndex {
  private constructor(
    readonly records: ReadonlyMap<string, GovernsRecord>,
    private readonly byFile: ReadonlyMap<string, readonly string[]>,
    /** How many files were matched against. */
    readonly fileCount: number,
  ) {}

  static build(entries: Iterable<Pick<DecisionEntry, 'path' | 'governs'>>, files: readonly string[], engine?: RegexEngine): GovernsIndex {
    interface Compiled {
      readonly path: string;
      readonly globs: RepositoryGlob[];
      readonly positions: number[];
      readonly written: GovernsGlob[];
      readonly counts: number[];
      readonly files: string[];
    }
    const compiled: Compiled[] = [];
    for (const entry of entries) {
      if (!entry.governs?.length) continue;
      const record: Compiled = { path: entry.path, globs: [], positions: [], written: [], counts: [], files: [] };
      for (const ref of entry.governs) {
        const result = compileRepositoryGlob(ref.glob, engine);
        if ('problem' in result) {
          record.written.push({ ref, problem: result.problem, problemKind: result.kind, exclude: ref.glob.startsWith('!'), count: 0 });
          continue;
        }
        record.positions.push(record.written.length);
        record.globs.push(result.glob);
        record.written.push({ ref, exclude: result.glob.exclude, count: 0 });
      }
      record.counts.push(...record.globs.map(() => 0));
      compiled.push(record);
    }
    const byFile = new Map<string, string[]>();
    for (const file of files) {
      const parts = new PathParts(file);
      for (const record of compiled) {
        if (!record.globs.length) continue;
        if (!listMatches(record.globs, parts, (i) => record.counts[i]++)) continue;
        record.files.push(file);
        const list = byFile.get(file);
        if (list) list.push(record.path);
        else byFile.set(file, [record.path]);
      }
    }
    const records = new Map<string, GovernsRecord>();
    for (const record of compiled) {
      record.positions.forEach((position, i) => (record.written[position] = { ...record.written[position], count: record.counts[i] }));
      records.set(record.path, { path: record.path, globs: record.written, files: record.files });
    }
    return new GovernsIndex(records, byFile, files.length);
  }

  /** The records (absolute paths) that govern a repository-relative file. */
  governing(file: string): readonly string[] {
    return this.byFile.get(file) ?? [];
  }

  get(recordPath: string): GovernsRecord | undefined {
    return this.records.get(recordPath);
  }
}
