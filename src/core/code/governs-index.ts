import type { DecisionEntry, GlobRef } from '../index/decision-entry';
import type { RegexEngine } from '../port/regex-engine';
import { NO_ENGINE } from '../text/repository-pattern';
import { compileRepositoryGlob, listMatches, PathParts, type RepositoryGlob } from './repository-globs';

/** The most `governs` globs of a repository that may run on RE2 (a segment such as `*a*b*`). */
export const MAX_ENGINE_GLOBS = 100;

/** One `governs` glob of a record and what it matched. */
export interface GovernsGlob {
  readonly ref: GlobRef;
  /** Why the glob is never followed (absolute, `..`, refused by the compiler); undefined when it is. */
  readonly problem?: string;
  readonly problemKind?: 'escapes' | 'invalid';
  readonly exclude: boolean;
  /**
   * Tracked files the glob matches on its own (before later `!` globs of the record); for an
   * exclusion, among the files the record's including globs can reach (see build).
   */
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
    // RE2's heap is a fixed 16 MB: past a budget of globs that need it, a glob is refused with a
    // problem instead of exhausting the engine (which would fail every repository pattern).
    let engineGlobs = 0;
    for (const entry of entries) {
      if (!entry.governs?.length) continue;
      const record: Compiled = { path: entry.path, globs: [], positions: [], written: [], counts: [], files: [] };
      for (const ref of entry.governs) {
        let result = compileRepositoryGlob(ref.glob, engineGlobs < MAX_ENGINE_GLOBS ? engine : undefined);
        if ('problem' in result && engine && result.problem.endsWith(NO_ENGINE)) {
          result = { problem: `is not used: ${MAX_ENGINE_GLOBS} globs already need the linear-time engine (RE2), whose memory is bounded; can this one do with one * per segment?`, kind: 'invalid' };
        }
        if ('glob' in result && result.glob.usesEngine) engineGlobs++;
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
    // A record whose every including glob starts with literal folders (`services/payments/**`)
    // can only match files at or below them: it is tried on those files alone, found by looking
    // up each folder of a file's path (a few map lookups per file). With 1,000 records over
    // 100,000 files, each record is tried on its own files, not on all of them.
    // A record whose globs have no literal folder but fix the last name (`README.md`, `*.go`) is
    // tried only on paths holding such a name (or extension): `**/README.md` in 200 records over
    // 100,000 files was 20 million tests. Only the rest are tried on every file.
    const anywhere: number[] = [];
    const byPrefix = new Map<string, number[]>();
    const byLastName = new Map<string, number[]>();
    const add = (map: Map<string, number[]>, key: string, i: number) => {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    };
    compiled.forEach((record, i) => {
      const including = record.globs.filter((glob) => !glob.exclude);
      if (!including.length) return;
      if (including.every((glob) => glob.literalPrefix !== undefined)) {
        for (const prefix of new Set(including.map((glob) => glob.literalPrefix!))) add(byPrefix, prefix, i);
      } else if (including.every((glob) => glob.literalPrefix !== undefined || glob.lastName !== undefined)) {
        // Each glob through its own key: its folder, else its last name ('name:…' or 'ext:…').
        for (const glob of including) {
          if (glob.literalPrefix !== undefined) add(byPrefix, glob.literalPrefix, i);
          else add(byLastName, 'name' in glob.lastName! ? `name:${glob.lastName.name}` : `ext:${glob.lastName!.extension}`, i);
        }
      } else {
        anywhere.push(i);
      }
    });
    const byFile = new Map<string, string[]>();
    const seen = new Int32Array(compiled.length).fill(-1);
    for (let f = 0; f < files.length; f++) {
      const file = files[f];
      const parts = new PathParts(file);
      const tried: number[] = [...anywhere];
      if (byPrefix.size) {
        const lower = file.toLowerCase();
        for (let slash = lower.indexOf('/'); ; slash = lower.indexOf('/', slash + 1)) {
          for (const i of byPrefix.get(slash === -1 ? lower : lower.slice(0, slash)) ?? []) {
            if (seen[i] === f) continue;
            seen[i] = f;
            tried.push(i);
          }
          if (slash === -1) break;
        }
      }
      if (byLastName.size) {
        for (const name of parts.names) {
          const lower = name.toLowerCase();
          const dot = lower.lastIndexOf('.');
          for (const key of dot >= 0 ? [`name:${lower}`, `ext:${lower.slice(dot)}`] : [`name:${lower}`]) {
            for (const i of byLastName.get(key) ?? []) {
              if (seen[i] === f) continue;
              seen[i] = f;
              tried.push(i);
            }
          }
        }
      }
      // The records' own order, whichever key found them.
      if (tried.length > anywhere.length) tried.sort((a, b) => a - b);
      for (const i of tried) {
        const record = compiled[i];
        if (!listMatches(record.globs, parts, (g) => record.counts[g]++)) continue;
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

  /** The records (absolute paths) that govern a repository-relative file, in the index's order. */
  governing(file: string): readonly string[] {
    return this.byFile.get(file) ?? [];
  }

  get(recordPath: string): GovernsRecord | undefined {
    return this.records.get(recordPath);
  }
}

