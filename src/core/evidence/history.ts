import type { LogCommit } from './git-log';

/**
 * What the history says of each file and each git identity, folded from `git log` (newest commit
 * first) into counts small enough to cache as JSON and to update when HEAD moves. An identity is
 * the author's email after `.mailmap` (lower case), or `name:<name>` when there is none; handles
 * from `.legible.json` `people` are joined to identities only when evidence is asked for
 * (people.ts), so a change to `people` needs no new pass over the history.
 */
export interface History {
  readonly version: 1;
  /** Window start (Unix seconds) the windowed counts were folded with. */
  readonly windowStart: number;
  /** Commits folded (merges excluded), and the oldest author time seen. */
  commits: number;
  oldest?: number;
  newest?: number;
  readonly identities: Record<string, IdentityHistory>;
  readonly files: Record<string, FileHistory>;
  /** A path before a rename → the path it has now: older commits touching it count for the file. */
  readonly renamed: Record<string, string>;
  /** Commits over `maxFilesPerCommit`: counted, not attributed. */
  readonly skipped: SkippedCommit[];
}

export interface SkippedCommit {
  readonly hash: string;
  readonly identity: string;
  readonly files: number;
}

export interface IdentityHistory {
  /** The latest name and email git gave for this identity. */
  name: string;
  email: string;
  /** First and last commit (Unix seconds), over the whole history. */
  first: number;
  last: number;
}

export interface FileHistory {
  /** The identity of the file's earliest commit (its creator, as far as history reaches). */
  creator: string;
  created: number;
  /** Commits to the file over the whole history, all identities. */
  changes: number;
  readonly by: Record<string, PersonFile>;
}

/** One identity's work on one file. */
export interface PersonFile {
  /** Deliveries: commits to the file over the whole history. */
  d: number;
  /** Commits inside the window, as ordinals of the fold (to count a commit once across files). */
  w: number[];
  /** Lines added and removed inside the window. */
  a: number;
  r: number;
  /** First change inside the window, last change ever (Unix seconds); first is 0 when none is inside. */
  f: number;
  l: number;
}

export function emptyHistory(windowStart: number): History {
  return { version: 1, windowStart, commits: 0, identities: dict(), files: dict(), renamed: dict(), skipped: [] };
}

/** The identity a commit's author is counted under. */
export function identityOf(name: string, email: string): string {
  const mail = email.trim().toLowerCase();
  return mail ? mail : `name:${name.trim()}`;
}

/** The path a file has now, following renames seen in newer commits. */
export function currentPath(history: Pick<History, 'renamed'>, path: string): string {
  // Bounded: a cycle (a→b, later b→a) cannot loop.
  let current = path;
  for (let i = 0; i < 64; i++) {
    const next = Object.prototype.hasOwnProperty.call(history.renamed, current) ? history.renamed[current] : undefined;
    if (next === undefined || next === current) return current;
    current = next;
  }
  return current;
}

/**
 * Folds one commit into `history`. Commits must come newest first (git log's order): a rename is
 * then seen before the older commits that touched the file under its old name, and the creator is
 * simply the last author seen.
 */
export function foldCommit(history: History, commit: LogCommit): void {
  const identity = identityOf(commit.name, commit.email);
  const time = commit.time;
  const known = history.identities[identity];
  if (known) {
    known.first = Math.min(known.first, time);
    known.last = Math.max(known.last, time);
  } else {
    history.identities[identity] = { name: commit.name, email: commit.email, first: time, last: time };
  }
  const ordinal = history.commits++;
  history.oldest = history.oldest === undefined ? time : Math.min(history.oldest, time);
  history.newest = history.newest === undefined ? time : Math.max(history.newest, time);
  if (commit.skipped !== undefined) {
    history.skipped.push({ hash: commit.hash, identity, files: commit.skipped });
    return;
  }
  const inWindow = time >= history.windowStart;
  for (const change of commit.files) {
    const path = currentPath(history, change.path);
    if (change.from !== undefined && change.from !== change.path) history.renamed[change.from] = path;
    const file = (history.files[path] ??= { creator: identity, created: time, changes: 0, by: dict() });
    file.changes++;
    if (time <= file.created) {
      file.creator = identity;
      file.created = time;
    }
    const mine = (file.by[identity] ??= { d: 0, w: [], a: 0, r: 0, f: 0, l: time });
    mine.d++;
    mine.l = Math.max(mine.l, time);
    if (inWindow) {
      mine.w.push(ordinal);
      mine.a += change.added;
      mine.r += change.removed;
      mine.f = mine.f === 0 ? time : Math.min(mine.f, time);
    }
  }
}

/**
 * The history up to a new HEAD: `newer` folded from `old..HEAD` alone, merged into `older`, the
 * history up to `old`, which is updated in place and returned (the caller's copy is consumed):
 * the work is that of the new commits and their renames, not of the whole history. Renames in
 * the new commits carry the older counts to the files' new paths; the creator stays the older
 * one. Both must share the window start.
 */
export function mergeHistories(newer: History, older: History): History {
  // The newer commits' ordinals come after the older ones'.
  const shift = older.commits;
  older.commits += newer.commits;
  older.oldest = min(newer.oldest, older.oldest);
  older.newest = max(newer.newest, older.newest);
  for (const [id, seen] of Object.entries(newer.identities)) {
    const known = older.identities[id];
    older.identities[id] = known ? { name: seen.name, email: seen.email, first: Math.min(known.first, seen.first), last: Math.max(known.last, seen.last) } : { ...seen };
  }
  // Only the paths the new commits renamed away move: each older path that now has another name.
  for (const from of Object.keys(newer.renamed)) {
    const file = own(older.files, from);
    if (!file) continue;
    delete older.files[from];
    const now = currentPath(newer, from);
    const into = own(older.files, now);
    if (into) addFile(into, file, 0);
    else older.files[now] = file;
  }
  for (const [path, file] of Object.entries(newer.files)) {
    const into = own(older.files, path);
    if (!into) {
      const by = dict<PersonFile>();
      for (const [id, work] of Object.entries(file.by)) by[id] = { ...work, w: work.w.map((n) => n + shift) };
      older.files[path] = { creator: file.creator, created: file.created, changes: file.changes, by };
    } else addFile(into, file, shift, true);
  }
  for (const [from, to] of Object.entries(older.renamed)) older.renamed[from] = currentPath(newer, to);
  for (const [from, to] of Object.entries(newer.renamed)) older.renamed[from] = to;
  older.skipped.unshift(...newer.skipped);
  return older;
}

/** Adds `file`'s counts to `into`; `newer` when `file` holds the later commits (its ordinals shifted). */
function addFile(into: FileHistory, file: FileHistory, shift: number, newer = false): void {
  into.changes += file.changes;
  if (file.created < into.created || (!newer && file.created === into.created)) {
    into.creator = file.creator;
    into.created = file.created;
  }
  for (const [id, work] of Object.entries(file.by)) {
    const w = shift ? work.w.map((n) => n + shift) : work.w;
    const mine = own(into.by, id);
    if (!mine) {
      into.by[id] = { ...work, w: [...w] };
      continue;
    }
    mine.d += work.d;
    mine.w = newer ? [...mine.w, ...w] : [...w, ...mine.w];
    mine.a += work.a;
    mine.r += work.r;
    mine.f = mine.f === 0 ? work.f : work.f === 0 ? mine.f : Math.min(mine.f, work.f);
    mine.l = Math.max(mine.l, work.l);
  }
}

function own<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** A map keyed by paths and emails: no prototype, so a file named `__proto__` is a file. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function min(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

function max(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/**
 * A history (or an object holding one under `history`) read back from JSON, its maps rebuilt
 * without prototypes, so a cached path named `constructor` or `__proto__` stays a path. Undefined
 * when the text is no JSON. (A reviver on every value took a second and a half on 4 MB.)
 */
export function historyFromJson(text: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const holder = parsed as { history?: Partial<History> } & Partial<History>;
  const history = holder && typeof holder === 'object' ? (holder.history ?? holder) : undefined;
  if (!history || typeof history !== 'object') return parsed;
  const rebuilt = <T>(map: unknown, each: (value: T) => T = (value) => value): Record<string, T> => {
    const out = dict<T>();
    if (map && typeof map === 'object') for (const [key, value] of Object.entries(map as Record<string, T>)) Object.defineProperty(out, key, { value: each(value), enumerable: true, writable: true, configurable: true });
    return out;
  };
  const writable = history as { identities: unknown; files: unknown; renamed: unknown };
  writable.identities = rebuilt(history.identities);
  writable.renamed = rebuilt(history.renamed);
  writable.files = rebuilt<FileHistory>(history.files, (file) => (file && typeof file === 'object' ? { ...file, by: rebuilt(file.by) } : file));
  return parsed;
}
