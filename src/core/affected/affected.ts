import type { ResolvedConfig } from '../config/config';
import type { GoverningLookup } from '../code/governing';
import { summarizeRecord, type RecordSummary } from '../code/record-summary';
import type { ObservedChange } from '../evidence/observed-change';
import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import { lintAgainstBase } from '../lint/lint-base';
import { isInside, isMarkdownPath, joinPath } from '../port/paths';
import type { ChangedFile, RepositoryPort } from '../port/repository';
import type { BaseRecords, Finding } from '../rules/rule';
import { baseRecords, listBaseFolders } from './base-records';

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

/** What git says of a change: the files it changes, and the base's records once it is merged. */
export interface ChangeFromGit {
  readonly changed: readonly ChangedFile[];
  readonly before: BaseRecords;
}

export type AffectedGitInput = Pick<AffectedInput, 'repository' | 'base' | 'head' | 'repoRoot' | 'folders'>;

/** What the decisions are matched with: the index, how it is configured, which decisions govern a path. */
export type AffectedRecordsInput = Pick<AffectedInput, 'repoRoot' | 'folders' | 'index' | 'config' | 'governing'>;

/**
 * `legible affected` in the core: the files changed between the merge base of `base` and `head`
 * (or the working tree), the decisions that govern them (through the GoverningLookup seam), the
 * records the change adds or edits, and the records it adds whose number `base` already gives
 * another (`number-collision`). Two git questions per run plus one per decisions folder, asked
 * side by side, so it costs little more than `git diff --name-only` itself.
 */
export async function findAffected(input: AffectedInput): Promise<AffectedReport | AffectedFailure> {
  const change = await changeFromGit(input);
  return isAffectedFailure(change) ? change : affectedReport(input.base, input.head, change, input);
}

/** What findAffected asks git, on its own: a caller can index the records while git answers. */
export async function changeFromGit(input: AffectedGitInput): Promise<ChangeFromGit | AffectedFailure> {
  const { repository, base, head, repoRoot } = input;
  // Independent questions, asked side by side: the base's folders need not wait for the diff.
  const [changed, listed] = await Promise.all([repository.changedFiles(base, head), listBaseFolders(repository, base, repoRoot, input.folders)]);
  if (changed === undefined) return { asked: changedAsked(base, head) };
  if (listed === undefined) return { asked: `the decision records at ${base}` };
  return { changed, before: baseRecords(base, listed, changed, repoRoot) };
}

/** What was asked of git when the changed files could not be listed, for the message. */
export function changedAsked(base: string, head?: string): string {
  return `the files changed since the merge base of ${base} and ${head ?? 'HEAD'}`;
}

/** The report on what git said: the decisions governing the changed files, the records changed, the collisions. */
export function affectedReport(base: string, head: string | undefined, { changed, before }: ChangeFromGit, input: AffectedRecordsInput): AffectedReport {
  const { repoRoot } = input;
  const byDecision = new Map<DecisionEntry, ChangedFile[]>();
  const records: ChangedRecord[] = [];
  for (const file of changed) {
    const absolute = joinPath(repoRoot, file.path);
    if (input.folders.some((folder) => isInside(folder, absolute)) && isMarkdownPath(file.path)) {
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
  const findings = lintAgainstBase(input.index, input.config, before);
  return { base, head, changed, decisions, records, findings };
}

export function isAffectedFailure<T extends object>(result: T | AffectedFailure): result is AffectedFailure {
  return 'asked' in result;
}
