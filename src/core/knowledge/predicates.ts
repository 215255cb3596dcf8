import { isOpen, type DecisionEntry, type IdRef } from '../index/decision-entry';
import { DecisionIndex } from '../index/decision-index';
import { isStatusOf } from '../schema/statuses';

/**
 * The knowledge-risk questions, asked of index entries. The rules, the Knowledge Risk view and
 * `legible report` all ask them here, so the editor, the tree and CI never disagree.
 */

const IN_FORCE = new Set(['accepted', 'implemented']);
/** A decision taken (accepted, implemented) or a knowledge transfer done (verified): what the record says now holds. */
const IN_FORCE_STATUSES = new Set([...IN_FORCE, 'verified']);
const EXIT_DONE = new Set(['verified', 'abandoned']);

export function personKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * True for a status that puts a record of any type in force: `accepted`, `implemented`, `verified`.
 * Such a record should have no open questions left: Set Status asks first, and the
 * `placeholder-in-force` rule reports each one as an error.
 */
export function isInForceStatus(status: unknown): status is string {
  return typeof status === 'string' && IN_FORCE_STATUSES.has(status);
}

export function isInForce(entry: DecisionEntry): boolean {
  return !entry.legacy && entry.type !== 'exit-plan' && entry.status !== undefined && IN_FORCE.has(entry.status);
}

/** The records a reference names, as DecisionIndex.resolve finds them (the referring record's folder first). */
export interface RecordLookup {
  resolve(ref: Pick<IdRef, 'number' | 'prefix'>, from?: Pick<DecisionEntry, 'folder'>): readonly DecisionEntry[];
}

/**
 * A lookup over `entries`, built on its first question: the report and the views are handed the
 * entries, and most never follow a `plan`.
 */
export function lookupOf(entries: readonly DecisionEntry[]): RecordLookup {
  let index: DecisionIndex | undefined;
  return {
    resolve(ref, from) {
      if (!index) {
        index = new DecisionIndex();
        for (const entry of entries) index.set(entry);
      }
      return index.resolve(ref, from);
    },
  };
}

/**
 * True when an exit plan record still moves knowledge: its status is one of the exit-plan words of
 * the schema and not `abandoned` (planned, under way, or verified). A missing, misspelt or
 * placeholder status promises nothing yet.
 */
export function isLiveExitPlan(entry: DecisionEntry): boolean {
  return entry.type === 'exit-plan' && isStatusOf('exit-plan', entry.status) && entry.status !== 'abandoned';
}

/**
 * True when the decision's `knowledge-exit-path.plan` leads to a live exit plan (isLiveExitPlan).
 * A plan naming no record, a record of another type or an abandoned plan is no way out: writing
 * `plan:` is not moving the knowledge.
 */
export function hasLivePlan(entry: DecisionEntry, records: RecordLookup): boolean {
  return entry.plan !== undefined && records.resolve(entry.plan, entry).some(isLiveExitPlan);
}

/**
 * The holders of an in-force decision whose exit path names no successor besides them and does not
 * remove the knowledge (`simplification`); undefined otherwise, or when no holders are named.
 */
function heldAlone(entry: DecisionEntry): readonly string[] | undefined {
  if (!isInForce(entry) || !entry.holders.length) return undefined;
  if (entry.mechanisms.includes('simplification')) return undefined;
  const holders = new Set(entry.holders.map(personKey));
  return entry.successors.some((name) => !holders.has(personKey(name))) ? undefined : entry.holders;
}

/**
 * The holders of an in-force decision who alone hold its knowledge: no successor besides them and no
 * live exit plan (hasLivePlan). The one answer of `legible report`, the Knowledge Risk view, the
 * decision map and the MCP server's knowledge_risk; undefined when the knowledge has a way out.
 */
export function soleHolders(entry: DecisionEntry, records: RecordLookup): readonly string[] | undefined {
  const holders = heldAlone(entry);
  return holders && !hasLivePlan(entry, records) ? holders : undefined;
}

/**
 * The same question as the record alone answers it, for the `single-point-of-knowledge` rule, which
 * reads one document (as it is typed, and cached by its file): no successor besides the holders and
 * no `plan` written. Whether the plan leads to a live exit plan is the workspace's to say: a plan
 * that leads nowhere, or to an abandoned plan, is `reference-resolves`' finding.
 */
export function soleHoldersAsWritten(entry: DecisionEntry): readonly string[] | undefined {
  return entry.plan ? undefined : heldAlone(entry);
}

/** The one person who decided a one-way door, and the list that names them. */
export function singleDecider(entry: DecisionEntry): { person: string; field: 'deciders' | 'owners' } | undefined {
  if (entry.legacy || entry.door !== 'one-way') return undefined;
  const field = entry.deciders.length ? 'deciders' : 'owners';
  const people = entry[field];
  return new Set(people.map(personKey)).size === 1 ? { person: people[0], field } : undefined;
}

/** A real calendar date written YYYY-MM-DD: 2025-02-30 is the schema rule's finding, never "overdue". */
function isDate(value: string | undefined): value is string {
  const match = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1];
}

export function isReviewOverdue(entry: DecisionEntry, today: string): boolean {
  return isInForce(entry) && isDate(entry.reviewBy) && entry.reviewBy < today;
}

/**
 * What a record with Legible frontmatter leaves open that a knowledge-risk section would need: a
 * value that is still a placeholder, or absent. A record the section cannot judge is not "none":
 * the report counts these apart (a freshly migrated folder answers nothing yet).
 */
export interface OpenAnswers {
  /** No status yet: neither in force nor ended. */
  readonly status: boolean;
  /** In force, and no holder named: who alone holds it is unknown. */
  readonly holders: boolean;
  /** Not an exit plan, and the door (or, for a one-way door, who decided) unanswered. */
  readonly door: boolean;
  /** In force, and `review-by` still a placeholder. */
  readonly reviewBy: boolean;
  /** An exit plan under way whose `due` is unanswered. */
  readonly due: boolean;
}

export function openAnswers(entry: DecisionEntry): OpenAnswers | undefined {
  if (entry.legacy) return undefined;
  const inForce = isInForce(entry);
  return {
    status: entry.status === undefined,
    holders: inForce && !entry.holders.length,
    door: entry.type !== 'exit-plan' && (entry.door === undefined || (entry.door === 'one-way' && !entry.deciders.length && !entry.owners.length)),
    reviewBy: inForce && isOpen(entry, '/review-by'),
    due: entry.type === 'exit-plan' && !EXIT_DONE.has(entry.status ?? '') && entry.due === undefined,
  };
}

export function isExitPlanOverdue(entry: DecisionEntry, today: string): boolean {
  return !entry.legacy && entry.type === 'exit-plan' && !EXIT_DONE.has(entry.status ?? '') && isDate(entry.due) && entry.due < today;
}
