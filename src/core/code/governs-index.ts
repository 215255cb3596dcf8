import type { DecisionEntry, GlobRef } from '../index/decision-entry';
import type { RegexEngine } from '../port/regex-engine';
import { NO_ENGINE } from '../text/repository-pattern';
import { compileRepositoryGlob, globMatches, nameGlobMatches, PathParts, type RepositoryGlob } from './repository-globs';

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

/** A tree of lower-case folder names: the records whose globs' literal folders end here. */
interface PrefixNode {
  readonly children: Map<string, PrefixNode>;
  records?: readonly number[];
}

interface Compiled {
  readonly path: string;
  readonly globs: RepositoryGlob[];
  /** Per glob: its pattern's number among the distinct patterns of every record (`!` aside). */
  readonly patterns: number[];
  /** Where each compiled glob sits among the record's written ones. */
  readonly positions: number[];
  readonly written: GovernsGlob[];
  readonly counts: number[];
  readonly files: string[];
}

/**
 * Which decisions govern which files: every record's `governs` compiled once, matched against the
 * tracked file list in one pass (each file split once; each record tried only on the files its
 * globs' literal folders or last names allow). Built again when some record's `governs` changes;
 * a file created or deleted is matched alone (`add`, `remove`), so the editor re-matches one file,
 * not the repository.
 */
export class GovernsIndex {
  private recordsView: Map<string, GovernsRecord> | undefined;
  /** Per record: the last visit that tried it, so a record found by two keys is tried once. */
  private readonly seen: Int32Array;
  private visits = 0;
  /** No record is tried by a name, an extension or everywhere: only files below some literal folder can match. */
  private readonly prefixOnly: boolean;
  /** Reused by every visit: the records to try on the current file. */
  private readonly tried: number[] = [];
  /** Per distinct pattern: the visit it was last tested in, and whether it matched then. */
  private readonly testedAt: Int32Array;
  private readonly tested: Uint8Array;
  /**
   * A glob without inner `/` (`**` + `/*payments*`) is tried on every name of every path, and most
   * names are folders the previous file lay in too (a sorted list): per distinct pattern, whether
   * the folders of the current one matched, and in which folder that was asked.
   */
  private folder = '';
  private folderStamp = 0;
  private readonly folderTestedAt: Int32Array;
  private readonly folderTested: Uint8Array;

  private constructor(
    private readonly compiled: readonly Compiled[],
    /** Records tried on every file: some including glob has neither a literal folder nor a fixed last name. */
    private readonly anywhere: readonly number[],
    /** Lower-case literal folders (`services` → `payments`) → the records whose globs start there. */
    private readonly byPrefix: PrefixNode,
    /** `readme.md` → the records whose globs need a path holding that name (lower case). */
    private readonly byName: ReadonlyMap<string, readonly number[]>,
    /** `.go` → the records whose globs need a name with that extension. */
    private readonly byExtension: ReadonlyMap<string, readonly number[]>,
    /** Repository-relative file → the records governing it, as indexes into `compiled`, in order. */
    private readonly byFile: Map<string, number[]>,
    private files: number,
    patterns: number,
  ) {
    this.seen = new Int32Array(compiled.length).fill(-1);
    this.testedAt = new Int32Array(patterns).fill(-1);
    this.tested = new Uint8Array(patterns);
    this.folderTestedAt = new Int32Array(patterns).fill(-1);
    this.folderTested = new Uint8Array(patterns);
    this.prefixOnly = anywhere.length === 0 && byName.size === 0 && byExtension.size === 0;
  }

  /** How many files were matched against. */
  get fileCount(): number {
    return this.files;
  }

  static build(entries: Iterable<Pick<DecisionEntry, 'path' | 'governs'>>, files: readonly string[], engine?: RegexEngine): GovernsIndex {
    const compiled: Compiled[] = [];
    // RE2's heap is a fixed 16 MB: past a budget of globs that need it, a glob is refused with a
    // problem instead of exhausting the engine (which would fail every repository pattern).
    let engineGlobs = 0;
    // The same glob written in many records (`*.go`, `services/**`) is tested once per file.
    const patterns = new Map<string, number>();
    for (const entry of entries) {
      if (!entry.governs?.length) continue;
      const record: Compiled = { path: entry.path, globs: [], patterns: [], positions: [], written: [], counts: [], files: [] };
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
        const pattern = result.glob.written.slice(result.glob.exclude ? 1 : 0).trim();
        if (!patterns.has(pattern)) patterns.set(pattern, patterns.size);
        record.patterns.push(patterns.get(pattern)!);
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
    const byName = new Map<string, number[]>();
    const byExtension = new Map<string, number[]>();
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
        // Each glob through its own key: its folder, else a name or extension it needs.
        for (const glob of including) {
          if (glob.literalPrefix !== undefined) add(byPrefix, glob.literalPrefix, i);
          else if ('name' in glob.lastName!) add(byName, glob.lastName.name, i);
          else add(byExtension, glob.lastName!.extension, i);
        }
      } else {
        anywhere.push(i);
      }
    });
    // The folders as a tree of names: a file's path walks it name by name, no substring per folder.
    const prefixes: PrefixNode = { children: new Map() };
    for (const [prefix, records] of byPrefix) {
      let node = prefixes;
      for (const name of prefix.split('/')) {
        let child = node.children.get(name);
        if (!child) node.children.set(name, (child = { children: new Map() }));
        node = child;
      }
      node.records = records;
    }
    const index = new GovernsIndex(compiled, anywhere, prefixes, byName, byExtension, new Map(), files.length, patterns.size);
    for (const file of files) index.visit(file, 1);
    return index;
  }

  /** Every record with `governs`, keyed by its path, with each glob's count and the files it governs. */
  get records(): ReadonlyMap<string, GovernsRecord> {
    if (!this.recordsView) {
      this.recordsView = new Map();
      for (const record of this.compiled) {
        const globs = [...record.written];
        record.positions.forEach((position, i) => (globs[position] = { ...globs[position], count: record.counts[i] }));
        this.recordsView.set(record.path, { path: record.path, globs, files: [...record.files] });
      }
    }
    return this.recordsView;
  }

  /** The records (absolute paths) that govern a repository-relative file, in the index's order. */
  governing(file: string): readonly string[] {
    return (this.byFile.get(file) ?? []).map((i) => this.compiled[i].path);
  }

  get(recordPath: string): GovernsRecord | undefined {
    return this.records.get(recordPath);
  }

  /** A file created (repository-relative, not yet in the list): matched alone against every record. */
  add(file: string): void {
    if (this.byFile.has(file)) return;
    this.files++;
    this.visit(file, 1);
  }

  /**
   * The records (absolute paths) that would govern a file the index may not hold (a path deleted,
   * renamed away or new: `affected`'s changed files), matched alone; the index is left as it was.
   */
  governingAlone(file: string): readonly string[] {
    if (this.byFile.has(file)) return this.governing(file);
    const found: number[] = [];
    this.visit(file, 0, found);
    return found.sort((a, b) => a - b).map((i) => this.compiled[i].path);
  }

  /** A file deleted (repository-relative, in the list): its matches and counts taken back. */
  remove(file: string): void {
    this.files--;
    this.visit(file, -1);
  }

  /**
   * Tries the records that can match `file` (its folders, its names, and the records tried
   * everywhere) and adds (`delta` 1) or takes back (-1) what they match: each glob's count, the
   * record's files, the file's records. With `delta` 0, only lists the matching records in `found`.
   */
  private visit(file: string, delta: 1 | -1 | 0, found?: number[]): void {
    const stamp = this.visits++;
    const { seen, tried, compiled } = this;
    // Counts may change even where no record ends up governing the file (an exclusion matched).
    if (delta !== 0) this.recordsView = undefined;
    // Every record tried only below its literal folders: a file whose first folder starts none is
    // tried by none, and is not split (a few decisions over 100,000 files: most files are such).
    if (this.prefixOnly) {
      const slash = file.indexOf('/');
      if (!this.byPrefix.children.has((slash < 0 ? file : file.slice(0, slash)).toLowerCase())) return;
    }
    tried.length = 0;
    for (const i of this.anywhere) {
      seen[i] = stamp;
      tried.push(i);
    }
    const parts = new PathParts(file);
    const slash = file.lastIndexOf('/');
    if (slash !== this.folder.length || !file.startsWith(this.folder)) {
      this.folder = file.slice(0, Math.max(0, slash));
      this.folderStamp++;
    }
    // The file's folders, and the file itself (a glob naming it: `services/payments/ledger.ts`).
    let node: PrefixNode | undefined = this.byPrefix;
    for (let k = 0; node && k < parts.lowerNames.length; k++) {
      node = node.children.get(parts.lowerNames[k]);
      if (node?.records) this.tryAll(node.records, stamp);
    }
    if (this.byName.size || this.byExtension.size) {
      for (const lower of parts.lowerNames) {
        const named = this.byName.get(lower);
        if (named) this.tryAll(named, stamp);
        const dot = this.byExtension.size ? lower.lastIndexOf('.') : -1;
        const extended = dot >= 0 ? this.byExtension.get(lower.slice(dot)) : undefined;
        if (extended) this.tryAll(extended, stamp);
      }
    }
    for (const i of tried) {
      const record = compiled[i];
      if (!this.matches(record, parts, stamp, delta)) continue;
      if (delta === 0) found?.push(i);
      else if (delta === 1) {
        record.files.push(file);
        // The records' own order, whichever key found them: the few governing a file, kept sorted.
        const list = this.byFile.get(file);
        if (!list) this.byFile.set(file, [i]);
        else {
          let at = list.length;
          while (at > 0 && list[at - 1] > i) at--;
          list.splice(at, 0, i);
        }
      } else {
        const at = record.files.lastIndexOf(file);
        if (at !== -1) record.files.splice(at, 1);
        this.byFile.delete(file);
      }
    }
  }

  /**
   * listMatches for one record, every glob tested (for its count), each distinct pattern at most
   * once per visit: .gitignore's reading, the last matching glob deciding.
   */
  private matches(record: Compiled, parts: PathParts, stamp: number, delta: 1 | -1 | 0): boolean {
    let inside = false;
    for (let g = 0; g < record.globs.length; g++) {
      const pattern = record.patterns[g];
      let hit: boolean;
      if (this.testedAt[pattern] === stamp) hit = this.tested[pattern] === 1;
      else {
        hit = record.globs[g].byName ? this.nameHit(record.globs[g], pattern, parts) : globMatches(record.globs[g], parts);
        this.testedAt[pattern] = stamp;
        this.tested[pattern] = hit ? 1 : 0;
      }
      if (!hit) continue;
      if (delta) record.counts[g] += delta;
      inside = !record.globs[g].exclude;
    }
    return inside;
  }

  /** globMatches for a glob without inner `/`: its answer for the file's folders asked once per folder. */
  private nameHit(glob: RepositoryGlob, pattern: number, parts: PathParts): boolean {
    if (this.folderTestedAt[pattern] !== this.folderStamp) {
      this.folderTested[pattern] = nameGlobMatches(glob, parts, 'folders') ? 1 : 0;
      this.folderTestedAt[pattern] = this.folderStamp;
    }
    return this.folderTested[pattern] === 1 || (!glob.foldersOnly && nameGlobMatches(glob, parts, 'file'));
  }

  private tryAll(records: readonly number[], stamp: number): void {
    for (const i of records) {
      if (this.seen[i] === stamp) continue;
      this.seen[i] = stamp;
      this.tried.push(i);
    }
  }
}
