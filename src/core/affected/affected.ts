import type { ResolvedConfig } from '../config/config';
import type { GoverningLookup } from '../code/governing';
import { summarizeRecord, type RecordSummary } from '../code/record-summary';
import type { ObservedChange } from '../evidence/observed-change';
import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import { lintAgainstBase } from '../lint/lint-base';
import { isInside, joinPath } from '../port/paths';
import type { ChangedFile, RepositoryPort } from '../port/repository';
import type { Finding } from '../rules/rule';
import { readBaseRecords } from './base-records';

export interface AffectedInput {
  readonly repository: RepositoryPort;
  /** The branch the change will be merged into, as the user gave it (checked with `refProblem`). */
  readonly base: string;
  /** The change's tip; undefined: the working tree, uncommitted changes included. */
  readonly head?: string;
  /** Absolute: the work tree's top folder, where the port's paths start. */
  readonly repoRoot: string;
  /** Absolute decisions folders. */
  readonly folders: readonly string[];
  readonly index: DecisionIndex;
  readonly config: ResolvedConfig;
  readonly governing: GoverningLookup;
}

/** A decision whose governed code the change touches. */
export interface AffectedDecision {
  readonly record: RecordSummary;
  /** The changed files it governs (a rename counts when either side is governed). */
  readonly files: readonly ChangedFile[];
}

/** A record in a decisions folder that the change adds, edits, renames or deletes. */
export interface ChangedRecord {
  readonly change: ChangedFile;
  /** What the index knows of it now; undefined for a deleted record. */
  readonly record?: RecordSummary;
}

export interface AffectedReport {
  readonly base: string;
  readonly head?: string;
  /** Every changed file, repository-relative, in git's order. */
  readonly changed: readonly ChangedFile[];
  /** The decisions that govern some changed file, in the index's order. */
  readonly decisions: readonly AffectedDecision[];
  readonly records: readonly ChangedRecord[];
  /** Findings of the base-scoped rules (`number-collision`). */
  readonly findings: readonly Finding[];
  /** What the history says of each decision touched (by record path), when git history was read. */
  readonly observed?: ReadonlyMap<string, ObservedChange>;
}

/** Git could not answer: `asked` says what was asked, for the message (the adapter says why). */
export interface AffectedFailure {
  readonly asked: string;
}

/**
 * `legible affected` in the core: the files changed between the merge base of `base` and `head`
 * (or the working tree), the decisions that govern them (through the GoverningLookup seam), the
 * records the change adds or edits, and the records it adds whose number `base` already gives
 * another (`number-collision`). Two git questions per run plus one per decisions folder, so it
 * costs little more than `git diff --name-only` itself.
 */
export async function findAffected(input: AffectedInput): Promise<AffectedReport | AffectedFailure> {
  const { repository, base, head, repoRoot } = input;
  const changed = await repository.changedFiles(base, head);
  if (changed === undefined) return { asked: `the files changed since the merge base of ${base} and ${head ?? 'HEAD'}` };
  const baseRecords = await readBaseRecords(repository, base, changed, repoRoot, input.folders);
  if (baseRecords === undefined) return { asked: `the decision records at ${base}` };

  const byDecision = new Map<DecisionEntry, ChangedFile[]>();
  const records: ChangedRecord[] = [];
  for (const file of changed) {
    const absolute = joinPath(repoRoot, file.path);
    if (input.folders.some((folder) => isInside(folder, absolute)) && /\.md$/i.test(file.path)) {
      const entry = file.kind === 'deleted' ? undefined : input.index.get(absolute);
      records.push({ change: file, record: entry && summarizeRecord(input.index, entry) });
      continue;
    }
    const governing = new Set([...input.governing.governing(file.path), ...(file.from !== undefined ? input.governing.governing(file.from) : [])]);
    for (const entry of governing) {
      const files = byDecision.get(entry);
      if (files) files.push(file);
      else byDecision.set(entry, [file]);
    }
  }
  const order = new Map(input.index.entries().map((entry, i) => [entry.path, i]));
  const decisions = [...byDecision]
    .sort(([a], [b]) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0) || (a.path < b.path ? -1 : 1))
    .map(([entry, files]) => ({ record: summarizeRecord(input.index, entry), files }));
  const findings = lintAgainstBase(input.index, input.config, baseRecords);
  return { base, head, changed, decisions, records, findings };
}

export function isAffectedFailure(result: AffectedReport | AffectedFailure): result is AffectedFailure {
  return 'asked' in result;
}
