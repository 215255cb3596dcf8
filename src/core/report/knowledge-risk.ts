import type { DecisionEntry } from '../index/decision-entry';
import { formatId } from '../index/ids';
import { isExitPlanOverdue, isInForce, isReviewOverdue, personKey, singleDecider, soleHolders } from '../knowledge/predicates';

/** A record as the report names it. */
export interface RecordRef {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly status?: string;
  readonly risk?: string;
  readonly door?: string;
}

export interface KnowledgeRiskReport {
  readonly today: string;
  /** People → the in-force decisions they alone hold (no other successor, no exit plan). */
  readonly soleHolders: ReadonlyArray<{ readonly person: string; readonly decisions: readonly RecordRef[] }>;
  readonly overdueExitPlans: ReadonlyArray<RecordRef & { readonly due: string; readonly holders: readonly string[] }>;
  readonly overdueReviews: ReadonlyArray<RecordRef & { readonly reviewBy: string }>;
  readonly oneWayDoorsDecidedAlone: ReadonlyArray<RecordRef & { readonly decider: string }>;
  readonly counts: { readonly records: number; readonly inForce: number; readonly legacy: number };
}

export function refOf(entry: DecisionEntry): RecordRef {
  const id = entry.number === undefined ? entry.id : formatId(entry.type, entry.number, entry.id.length);
  return { id, title: entry.title, path: entry.path, status: entry.status, risk: entry.risk, door: entry.door };
}

const byId = (a: RecordRef, b: RecordRef) => a.id.localeCompare(b.id);

export function knowledgeRisk(entries: readonly DecisionEntry[], today: string): KnowledgeRiskReport {
  const people = new Map<string, { person: string; decisions: RecordRef[] }>();
  for (const entry of entries) {
    for (const holder of soleHolders(entry) ?? []) {
      const key = personKey(holder);
      const slot = people.get(key) ?? { person: holder, decisions: [] };
      slot.decisions.push(refOf(entry));
      people.set(key, slot);
    }
  }
  return {
    today,
    soleHolders: [...people.values()].map((p) => ({ ...p, decisions: p.decisions.sort(byId) })).sort((a, b) => b.decisions.length - a.decisions.length || a.person.localeCompare(b.person)),
    overdueExitPlans: entries.filter((e) => isExitPlanOverdue(e, today)).map((e) => ({ ...refOf(e), due: e.due!, holders: e.holders })).sort(byId),
    overdueReviews: entries.filter((e) => isReviewOverdue(e, today)).map((e) => ({ ...refOf(e), reviewBy: e.reviewBy! })).sort(byId),
    oneWayDoorsDecidedAlone: entries.flatMap((e) => {
      const decider = singleDecider(e);
      return decider ? [{ ...refOf(e), decider: decider.person }] : [];
    }).sort(byId),
    counts: { records: entries.length, inForce: entries.filter(isInForce).length, legacy: entries.filter((e) => e.legacy).length },
  };
}

export interface DepartureImpact {
  readonly person: string;
  /** In-force decisions whose knowledge only this person holds (no other holder or successor, no plan). */
  readonly loseOnlyHolder: readonly RecordRef[];
  /** Records this person alone owns: no one is left accountable. */
  readonly loseOnlyOwner: readonly RecordRef[];
  /** Exit plans not yet verified that move knowledge from or to this person. */
  readonly openExitPlans: readonly RecordRef[];
  /** Records that name the person anywhere, for context. */
  readonly involved: number;
}

/** What would lose its only holder or owner if `person` left today. */
export function whatIfLeaves(entries: readonly DecisionEntry[], person: string): DepartureImpact {
  const key = personKey(person);
  const named = (list: readonly string[]) => list.some((p) => personKey(p) === key);
  const onlyThem = (list: readonly string[]) => list.length > 0 && list.every((p) => personKey(p) === key);
  const loseOnlyHolder = entries.filter((e) => {
    if (!isInForce(e) || !named(e.holders)) return false;
    const others = [...e.holders, ...e.successors].filter((p) => personKey(p) !== key);
    return others.length === 0 && !e.plan;
  });
  return {
    person,
    loseOnlyHolder: loseOnlyHolder.map(refOf).sort(byId),
    loseOnlyOwner: entries.filter((e) => !e.legacy && onlyThem(e.owners) && e.status !== 'superseded' && e.status !== 'rejected').map(refOf).sort(byId),
    openExitPlans: entries.filter((e) => e.type === 'exit-plan' && e.status !== 'verified' && e.status !== 'abandoned' && (named(e.holders) || named(e.successors))).map(refOf).sort(byId),
    involved: entries.filter((e) => named([...e.owners, ...e.deciders, ...e.holders, ...e.successors])).length,
  };
}
