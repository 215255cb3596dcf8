import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import type { GovernsIndex } from '../code/governs-index';
import { fileAuthors, type FileAuthors } from './authorship';
import type { PeopleSettings } from './evidence-settings';
import { dayOf, daySeconds, windowStartDate } from './evidence-settings';
import type { FileHistory, History, PersonFile } from './history';
import { People } from './people';
import { truckFactorOf, type TruckFactor } from './truck-factor';

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
 * One file's history as `over` adds it up: each identity's work with its person's number
 * (Evidence.persons), and the numbers of the file's authors.
 */
interface FileSummary {
  readonly persons: readonly number[];
  readonly work: readonly PersonFile[];
  readonly authors: readonly number[];
}

/**
 * Observed knowledge, asked of one folded history (history.ts) with the configuration's people
 * and "today" from the caller: authorship per file is worked out once and kept.
 */
export class Evidence {
  readonly people: People;
  /** First day of the window, YYYY-MM-DD. */
  readonly since: string;
  private readonly authors = new Map<string, FileAuthors | undefined>();
  /**
   * Per file asked, what `over` adds up (null: the history does not know it). The same file is
   * asked once per record that governs it: a glob such as `*.go` in 40 decisions a change touches
   * was 640,000 look-ups into the history's files, each resolving every identity to its person again.
   */
  private readonly summaries = new Map<string, FileSummary | null>();
  /** Persons by number, and numbers by person: `over` adds up into arrays, not maps of names. */
  private readonly persons: string[] = [];
  private readonly personNumbers = new Map<string, number>();
  /** Git identities by their person's number: each resolved through `people` once, not once per file. */
  private readonly identityNumbers = new Map<string, number>();
  /**
   * Per commit ordinal, the `over` call that last counted it. A commit has one author, so counting
   * it once per call counts it once for its person: no set of commits per person and call.
   */
  private commitSeen = new Int32Array(0);
  private calls = 0;

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
    // Per person number, for the persons met in this call (`met`, in the order first met).
    const met: number[] = [];
    const at: number[] = [];
    const commits: number[] = [];
    const added: number[] = [];
    const removed: number[] = [];
    const first: number[] = [];
    const last: number[] = [];
    const authored: number[] = [];
    const authorLists: (readonly number[])[] = [];
    const call = ++this.calls;
    let withHistory = 0;
    let withAuthors = 0;
    for (const path of files) {
      const summary = this.summary(path);
      if (!summary) continue;
      withHistory++;
      const { persons, work } = summary;
      for (let k = 0; k < persons.length; k++) {
        const person = persons[k];
        const done = work[k];
        if (at[person] !== call) {
          at[person] = call;
          met.push(person);
          commits[person] = added[person] = removed[person] = first[person] = last[person] = authored[person] = 0;
        }
        for (const ordinal of done.w) {
          if (ordinal >= this.commitSeen.length) this.growCommits(ordinal);
          if (this.commitSeen[ordinal] === call) continue;
          this.commitSeen[ordinal] = call;
          commits[person]++;
        }
        added[person] += done.a;
        removed[person] += done.r;
        if (done.f) first[person] = first[person] ? Math.min(first[person], done.f) : done.f;
        last[person] = Math.max(last[person], done.l);
      }
      if (summary.authors.length) withAuthors++;
      for (const person of summary.authors) authored[person]++;
      authorLists.push(summary.authors);
    }
    const people = met
      .map((number): PersonEvidence => {
        const person = this.persons[number];
        return {
          person,
          name: this.people.nameOf(person),
          commits: commits[number],
          added: added[number],
          removed: removed[number],
          ...(first[number] && { first: dayOf(first[number]) }),
          ...(last[number] && { last: dayOf(last[number]) }),
          authored: authored[number],
          share: withAuthors ? authored[number] / withAuthors : 0,
        };
      })
      .sort((a, b) => b.authored - a.authored || b.commits - a.commits || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { files: files.length, withHistory, people, truckFactor: truckFactorOf(authorLists, this.persons) };
  }

  /** True when the history read knows the file (workspace-relative): `over` counts no other. */
  knows(path: string): boolean {
    return this.file(path) !== undefined;
  }

  private summary(path: string): FileSummary | undefined {
    let summary = this.summaries.get(path);
    if (summary === undefined) {
      const file = this.file(path);
      if (!file) summary = null;
      else {
        const persons: number[] = [];
        const work: PersonFile[] = [];
        for (const identity in file.by) {
          persons.push(this.identityNumber(identity));
          work.push(file.by[identity]);
        }
        summary = { persons, work, authors: (this.authorsOf(path)?.authors ?? []).map((person) => this.personNumber(person)) };
      }
      this.summaries.set(path, summary);
    }
    return summary ?? undefined;
  }

  private identityNumber(identity: string): number {
    let number = this.identityNumbers.get(identity);
    if (number === undefined) this.identityNumbers.set(identity, (number = this.personNumber(this.people.personOf(identity, this.history.identities[identity]))));
    return number;
  }

  private personNumber(person: string): number {
    let number = this.personNumbers.get(person);
    if (number === undefined) {
      number = this.persons.push(person) - 1;
      this.personNumbers.set(person, number);
    }
    return number;
  }

  private growCommits(ordinal: number): void {
    const grown = new Int32Array(Math.max(ordinal + 1, this.history.commits, this.commitSeen.length * 2));
    grown.set(this.commitSeen);
    this.commitSeen = grown;
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
  const others = plannedDecisions(entry, index);
  if (!others.length) return own;
  const files = new Set(own);
  for (const decision of others) for (const file of governs.records.get(decision.path)?.files ?? []) files.add(file);
  return [...files];
}

/** The decisions an exit plan plans the exit from (`decisions`), as the index resolves them; none for another record. */
export function plannedDecisions(entry: DecisionEntry, index: DecisionIndex): DecisionEntry[] {
  return entry.type === 'exit-plan' ? entry.decisions.flatMap((ref) => index.resolve(ref, entry)) : [];
}
