import { ENDED_STATUSES } from '../code/cited-records';
import type { GovernsIndex } from '../code/governs-index';
import type { DecisionEntry, NamedPerson } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import type { Range } from '../text/position';
import { decisionFiles, type Evidence, type FilesEvidence } from './evidence';

/** A record's code and what the history says of it. */
export interface RecordEvidence {
  readonly entry: DecisionEntry;
  /** The files it answers for (decisionFiles): its governs, and for an exit plan its decisions'. */
  readonly files: readonly string[];
  readonly observed: FilesEvidence;
}

/** The evidence of each record, worked out once per lint and shared by the rules that ask. */
export class RecordEvidenceCache {
  private readonly cache = new Map<string, RecordEvidence>();
  /** Each record's evidence inputs, as `update` found them. */
  private readonly inputs = new Map<string, { readonly entry: DecisionEntry; readonly files: readonly string[] }>();

  constructor(
    readonly index: DecisionIndex,
    readonly governs: GovernsIndex,
    readonly evidence: Evidence,
  ) {}

  /**
   * A cache for the index and governs index as they are now (the editor's, after a change), which
   * keeps what `previous` worked out for each record whose evidence inputs are unchanged: the same
   * entry (its frontmatter), the same files (its `governs` matches, and for an exit plan its
   * decisions'). `changed` lists the paths of the others and of the records gone: what the
   * evidence rules must check again (or forget).
   */
  static update(previous: RecordEvidenceCache | undefined, index: DecisionIndex, governs: GovernsIndex, evidence: Evidence): { records: RecordEvidenceCache; changed: string[] } {
    const records = new RecordEvidenceCache(index, governs, evidence);
    const same = previous?.evidence === evidence ? previous : undefined;
    const changed: string[] = [];
    let stayed = 0;
    for (const entry of index.entries()) {
      const files = decisionFiles(entry, index, governs);
      records.inputs.set(entry.path, { entry, files });
      const before = same?.inputs.get(entry.path);
      if (before) stayed++;
      if (!before || before.entry !== entry || !sameFiles(before.files, files)) {
        changed.push(entry.path);
        continue;
      }
      const done = same!.cache.get(entry.path);
      if (done) records.cache.set(entry.path, done);
    }
    if (same && same.inputs.size > stayed) for (const path of same.inputs.keys()) if (!records.inputs.has(path)) changed.push(path);
    return { records, changed };
  }

  of(entry: DecisionEntry): RecordEvidence {
    let found = this.cache.get(entry.path);
    if (!found) {
      const known = this.inputs.get(entry.path);
      const files = known?.entry === entry ? known.files : decisionFiles(entry, this.index, this.governs);
      found = { entry, files, observed: this.evidence.over(files) };
      this.cache.set(entry.path, found);
    }
    return found;
  }

  /** The persons a name means, as `people` and git know them. */
  persons(name: string): readonly string[] {
    return this.evidence.people.named(name);
  }

  /**
   * Whether a named person is gone, as the history tells: every person the name means has left
   * (`people.<handle>.left`) or made no commit for `evidence.inactiveDays`; with the day they left
   * or their last commit (Unix seconds). Undefined when some is active, or git knows none: pairing,
   * reviews and people who never commit leave no history, so they are not judged.
   */
  departure(name: string): { readonly left?: string; readonly lastCommit: number } | undefined {
    const { evidence } = this;
    const persons = this.persons(name);
    if (!persons.length) return undefined;
    const states = persons.map((person) => ({ person, presence: evidence.presence(person) }));
    if (!states.every((state) => state.presence === 'left' || state.presence === 'inactive')) return undefined;
    const left = states.find((state) => state.presence === 'left');
    const lastCommit = Math.max(...persons.map((person) => evidence.people.lastCommit(person) ?? 0));
    return { ...(left && { left: evidence.people.leftOn(left.person) }), lastCommit };
  }

  /** True when one of the persons a name means changed the files: inside the window, or ever. */
  changed(record: RecordEvidence, name: string, ever = false): boolean {
    const persons = new Set(this.persons(name));
    return record.observed.people.some((p) => persons.has(p.person) && (ever ? p.last !== undefined : p.commits > 0));
  }
}

function sameFiles(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((file, i) => file === b[i]));
}

/** True for a record whose code the evidence rules look at: not ended (superseded, rejected, abandoned…). */
export function isLive(entry: DecisionEntry): boolean {
  return !entry.legacy && !(entry.status && ENDED_STATUSES.has(entry.status));
}

/** Where a person named in `field` is written; undefined for an entry cached without places. */
export function nameRange(entry: DecisionEntry, field: NamedPerson['field'], name: string): Range | undefined {
  return entry.named?.find((named) => named.field === field && named.name === name)?.range;
}

/** Where a finding about a record's code goes: its first `governs` glob, else its title. */
export function governsRange(entry: DecisionEntry): Range {
  return entry.governs?.[0]?.range ?? entry.anchor;
}

/** "12 months" as a message says it: "since 2025-07-01". */
export function windowWords(evidence: Evidence): string {
  return `since ${evidence.since}`;
}
