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

  constructor(
    readonly index: DecisionIndex,
    readonly governs: GovernsIndex,
    readonly evidence: Evidence,
  ) {}

  of(entry: DecisionEntry): RecordEvidence {
    let found = this.cache.get(entry.path);
    if (!found) {
      const files = decisionFiles(entry, this.index, this.governs);
      found = { entry, files, observed: this.evidence.over(files) };
      this.cache.set(entry.path, found);
    }
    return found;
  }

  /** The persons a name means, as `people` and git know them. */
  persons(name: string): readonly string[] {
    return this.evidence.people.named(name);
  }

  /** True when one of the persons a name means changed the files: inside the window, or ever. */
  changed(record: RecordEvidence, name: string, ever = false): boolean {
    const persons = new Set(this.persons(name));
    return record.observed.people.some((p) => persons.has(p.person) && (ever ? p.last !== undefined : p.commits > 0));
  }
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
