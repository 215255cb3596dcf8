import type { DecisionEntry } from '../index/decision-entry';

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

/**
 * The holders of an in-force decision whose exit path names no successor besides them and links no
 * exit plan; undefined when the knowledge has a way out (or no holders are named at all).
 */
export function soleHolders(entry: DecisionEntry): readonly string[] | undefined {
  if (!isInForce(entry) || entry.plan || !entry.holders.length) return undefined;
  if (entry.mechanisms.includes('simplification')) return undefined;
  const holders = new Set(entry.holders.map(personKey));
  return entry.successors.some((name) => !holders.has(personKey(name))) ? undefined : entry.holders;
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

export function isExitPlanOverdue(entry: DecisionEntry, today: string): boolean {
  return !entry.legacy && entry.type === 'exit-plan' && !EXIT_DONE.has(entry.status ?? '') && isDate(entry.due) && entry.due < today;
}
