import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import type { GovernsIndex } from '../code/governs-index';
import { fileAuthors, type FileAuthors } from './authorship';
import type { PeopleSettings } from './evidence-settings';
import { dayOf, daySeconds, windowStartDate } from './evidence-settings';
import type { FileHistory, History } from './history';
import { People } from './people';
import { truckFactor, type TruckFactor } from './truck-factor';

/** One person's observed work on a set of files. */
export interface PersonEvidence {
  /** A `people` handle, or a git identity (an email). */
  readonly person: string;
  /** How to show them. */
  readonly name: string;
  /** Commits inside the window (one commit touching several of the files counts once). */
  readonly commits: number;
  readonly added: number;
  readonly removed: number;
  /** First change inside the window and last change ever, YYYY-MM-DD. */
  readonly first?: string;
  readonly last?: string;
  /** Files of the set this person is an author of (DOA), and their share of the files with authors. */
  readonly authored: number;
  readonly share: number;
}

export interface FilesEvidence {
  readonly files: number;
  /** Files the history read knows (changed at least once in it). */
  readonly withHistory: number;
  /** Everyone who changed the files, authors first (most files), then by commits. */
  readonly people: readonly PersonEvidence[];
  readonly truckFactor: TruckFactor;
}

export type Presence = 'active' | 'inactive' | 'left' | 'unknown';

/**
 * Observed knowledge, asked of one folded history (history.ts) with the configuration's people
 * and "today" from the caller: authorship per file is worked out once and kept.
 */
export class Evidence {
  readonly people: People;
  /** First day of the window, YYYY-MM-DD. */
  readonly since: string;
  private readonly authors = new Map<string, FileAuthors | undefined>();

  constructor(
    readonly history: History,
    readonly settings: PeopleSettings,
    readonly today: string,
    /** The workspace folder inside the repository (`services/api/`), when it is not the root: file paths are the workspace's. */
    private readonly prefix = '',
  ) {
    this.people = new People(settings, history.identities);
    this.since = windowStartDate(settings.evidence.since, today);
  }

  /** The window start these settings give on `today`, in Unix seconds: a history folded with another needs folding again. */
  static windowStart(settings: PeopleSettings, today: string): number {
    return daySeconds(windowStartDate(settings.evidence.since, today));
  }

  authorsOf(path: string): FileAuthors | undefined {
    if (this.authors.has(path)) return this.authors.get(path);
    const file = this.file(path);
    const found = file && fileAuthors(file, (identity) => this.people.personOf(identity, this.history.identities[identity]));
    this.authors.set(path, found);
    return found;
  }

  /** Who changed these files and who is an author of them; their truck factor. */
  over(files: readonly string[]): FilesEvidence {
    interface Tally {
      commits: Set<number>;
      added: number;
      removed: number;
      first: number;
      last: number;
      authored: number;
    }
    const tallies = new Map<string, Tally>();
    const authorLists: (readonly string[])[] = [];
    let withHistory = 0;
    for (const path of files) {
      const file = this.file(path);
      if (!file) continue;
      withHistory++;
      // for…in over a map without prototype: no array of entries per file (1,000 decisions × their files).
      for (const identity in file.by) {
        const work = file.by[identity];
        const person = this.people.personOf(identity, this.history.identities[identity]);
        let tally = tallies.get(person);
        if (!tally) tallies.set(person, (tally = { commits: new Set(), added: 0, removed: 0, first: 0, last: 0, authored: 0 }));
        for (const ordinal of work.w) tally.commits.add(ordinal);
        tally.added += work.a;
        tally.removed += work.r;
        if (work.f) tally.first = tally.first ? Math.min(tally.first, work.f) : work.f;
        tally.last = Math.max(tally.last, work.l);
      }
      const authors = this.authorsOf(path)?.authors ?? [];
      authorLists.push(authors);
      for (const person of authors) tallies.get(person)!.authored++;
    }
    const withAuthors = authorLists.filter((list) => list.length).length;
    const people = [...tallies]
      .map(([person, t]): PersonEvidence => ({
        person,
        name: this.people.nameOf(person),
        commits: t.commits.size,
        added: t.added,
        removed: t.removed,
        ...(t.first && { first: dayOf(t.first) }),
        ...(t.last && { last: dayOf(t.last) }),
        authored: t.authored,
        share: withAuthors ? t.authored / withAuthors : 0,
      }))
      .sort((a, b) => b.authored - a.authored || b.commits - a.commits || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { files: files.length, withHistory, people, truckFactor: truckFactor(authorLists) };
  }

  /** True when the history read knows the file (workspace-relative): `over` counts no other. */
  knows(path: string): boolean {
    return this.file(path) !== undefined;
  }

  private file(path: string): FileHistory | undefined {
    const key = this.prefix + path;
    return Object.prototype.hasOwnProperty.call(this.history.files, key) ? this.history.files[key] : undefined;
  }

  /** Whether a person is still around: `left` in `people`, no commit for `inactiveDays`, or unknown to git. */
  presence(person: string): Presence {
    const left = this.people.leftOn(person);
    if (left !== undefined && left <= this.today) return 'left';
    const last = this.people.lastCommit(person);
    if (last === undefined) return 'unknown';
    return daySeconds(this.today) - last > this.settings.evidence.inactiveDays * 86_400 ? 'inactive' : 'active';
  }
}

/**
 * The code a record answers for: its `governs` files; for an exit plan, also those of the
 * decisions it plans the exit from (`decisions`), each file once.
 */
export function decisionFiles(entry: DecisionEntry, index: DecisionIndex, governs: GovernsIndex): readonly string[] {
  const own = governs.records.get(entry.path)?.files ?? [];
  if (entry.type !== 'exit-plan' || !entry.decisions.length) return own;
  const files = new Set(own);
  for (const ref of entry.decisions) for (const decision of index.resolve(ref, entry)) for (const file of governs.records.get(decision.path)?.files ?? []) files.add(file);
  return [...files];
}
