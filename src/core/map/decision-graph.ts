import type { DecisionEntry } from '../index/decision-entry';
import { DecisionIndex } from '../index/decision-index';
import { personKey } from '../knowledge/predicates';
import { knowledgeRisk, refOf, type KnowledgeRiskReport } from '../report/knowledge-risk';

/**
 * The decision map's data: one graph of records and people, built from the index and the
 * knowledge-risk report, shared by the VS Code webview and `legible report --format html`. Plain
 * JSON (no classes, no Maps) so it crosses postMessage and sits inside an HTML file as it is.
 */

/** Why a record is a knowledge risk, in the report's own words (one per section it appears in). */
export type RiskReason = 'sole-holder' | 'overdue-exit-plan' | 'overdue-review' | 'one-way-door-decided-alone';

/** The index's own fields, as it has them: title, path, status, date, door, risk, blast radius, tags and people. */
type EntryFields = Pick<DecisionEntry, 'title' | 'path' | 'status' | 'date' | 'door' | 'risk' | 'blastRadius' | 'tags' | 'owners' | 'deciders' | 'holders' | 'successors'>;

export interface RecordNode extends EntryFields {
  readonly kind: 'record';
  /** Unique in the graph: `r:` and the record's path. */
  readonly key: string;
  /** The id a reader knows (`ADR-0007`). */
  readonly id: string;
  readonly type: string;
  /** 1 (small) to 4 (large): the larger of risk level and blast radius, so the dangerous stand out. */
  readonly weight: number;
  readonly risks: readonly RiskReason[];
  /** Records without Legible frontmatter: no section could judge them. */
  readonly legacy: boolean;
  /** The business-tradeoff answers, when the caller read them (the index leaves them in the file). */
  readonly tradeoff?: Readonly<Record<string, string>>;
}

/**
 * A person. `declared` people are named in frontmatter; `observed` people will come from the
 * repository's history (who wrote and changed a record), drawn apart so a reader never mistakes
 * "committed to it" for "is accountable for it". No observed people are built yet: see `observed`
 * in GraphInput.
 */
export interface PersonNode {
  readonly kind: 'person';
  readonly key: string;
  readonly name: string;
  readonly source: 'declared' | 'observed';
  /** In-force decisions whose knowledge this person alone holds. */
  readonly soleHolds: number;
}

export type MapNode = RecordNode | PersonNode;

/** Record to record: as written in the newer record (supersedes) or the referring one; person to record: their role. */
export type EdgeKind = 'supersedes' | 'related' | 'plan' | 'decisions' | 'holds' | 'succeeds' | 'owns' | 'authored';

export interface MapEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

export interface GraphSummary {
  readonly records: number;
  readonly people: number;
  readonly knowledgeRisks: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly byStatus: Readonly<Record<string, number>>;
}

/** What the filters offer: every value present, sorted. */
export interface Facets {
  readonly types: readonly string[];
  readonly statuses: readonly string[];
  readonly people: readonly string[];
  readonly tags: readonly string[];
}

export interface DecisionGraph {
  readonly today: string;
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  readonly summary: GraphSummary;
  readonly facets: Facets;
}

export interface GraphInput {
  readonly today: string;
  /** A record's business-tradeoff answers, when the caller has them. */
  readonly tradeoff?: (entry: DecisionEntry) => Readonly<Record<string, string>> | undefined;
  /**
   * Hook for the evidence work: people seen in a record's history (path → names). They become
   * `observed` people with `authored` edges, distinct from the declared ones even when the name is the same.
   */
  readonly observed?: ReadonlyMap<string, readonly string[]>;
  /** The knowledge-risk report of the same entries, when the caller already has it. */
  readonly report?: KnowledgeRiskReport;
}

const RISK_WEIGHT: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };
const BLAST_WEIGHT: Record<string, number> = { component: 1, team: 2, 'cross-team': 3, org: 4 };

export const recordKey = (path: string): string => `r:${path}`;
export const personNodeKey = (name: string, source: PersonNode['source'] = 'declared'): string => `${source === 'declared' ? 'p' : 'o'}:${personKey(name)}`;

/** The knowledge-risk reasons of each record path, from the report's sections. */
function risksByPath(report: KnowledgeRiskReport): Map<string, RiskReason[]> {
  const out = new Map<string, RiskReason[]>();
  const add = (path: string, reason: RiskReason) => {
    const list = out.get(path) ?? [];
    if (!list.includes(reason)) list.push(reason);
    out.set(path, list);
  };
  for (const holder of report.soleHolders) for (const record of holder.decisions) add(record.path, 'sole-holder');
  for (const record of report.overdueExitPlans) add(record.path, 'overdue-exit-plan');
  for (const record of report.overdueReviews) add(record.path, 'overdue-review');
  for (const record of report.oneWayDoorsDecidedAlone) add(record.path, 'one-way-door-decided-alone');
  return out;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

function count(values: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const value of values) out[value] = (out[value] ?? 0) + 1;
  return out;
}

/** The map of `index` (or a list of entries): records, people and every link between them. */
export function decisionGraph(source: DecisionIndex | readonly DecisionEntry[], input: GraphInput): DecisionGraph {
  // A list gets an index of its own: references resolve the one way everywhere (folder first, then type).
  const index = source instanceof DecisionIndex ? source : new DecisionIndex();
  if (!(source instanceof DecisionIndex)) for (const entry of source) index.set(entry);
  const entries = index.entries();
  const resolve = (ref: Parameters<DecisionIndex['resolve']>[0], from: DecisionEntry) => index.resolve(ref, from);
  const report = input.report ?? knowledgeRisk(entries, input.today, index);
  const risks = risksByPath(report);
  const soleHolds = new Map(report.soleHolders.map((p) => [personKey(p.person), p.decisions.length]));

  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const seenEdges = new Set<string>();
  const edge = (from: string, to: string, kind: EdgeKind) => {
    if (from === to) return;
    // `A supersedes B` and `B superseded-by A` are one link; `related` runs both ways, so one line.
    const id = kind === 'related' ? `${kind}|${[from, to].sort().join('|')}` : `${kind}|${from}|${to}`;
    if (seenEdges.has(id)) return;
    seenEdges.add(id);
    edges.push({ from, to, kind });
  };
  const people = new Map<string, PersonNode>();
  const person = (name: string, source: PersonNode['source']): string => {
    const key = personNodeKey(name, source);
    if (!people.has(key)) people.set(key, { kind: 'person', key, name, source, soleHolds: source === 'declared' ? (soleHolds.get(personKey(name)) ?? 0) : 0 });
    return key;
  };

  for (const entry of entries) {
    const key = recordKey(entry.path);
    const tradeoff = input.tradeoff?.(entry);
    nodes.push({
      kind: 'record',
      key,
      id: refOf(entry).id,
      title: entry.title,
      path: entry.path,
      type: entry.type,
      status: entry.status,
      date: entry.date,
      door: entry.door,
      risk: entry.risk,
      blastRadius: entry.blastRadius,
      tags: entry.tags,
      owners: entry.owners,
      deciders: entry.deciders,
      holders: entry.holders,
      successors: entry.successors,
      weight: Math.max(1, RISK_WEIGHT[entry.risk ?? ''] ?? 1, BLAST_WEIGHT[entry.blastRadius ?? ''] ?? 1),
      risks: risks.get(entry.path) ?? [],
      legacy: entry.legacy !== undefined,
      ...(tradeoff && Object.keys(tradeoff).length ? { tradeoff } : {}),
    });
    for (const ref of entry.supersedes) for (const target of resolve(ref, entry)) edge(key, recordKey(target.path), 'supersedes');
    for (const ref of entry.supersededBy) for (const target of resolve(ref, entry)) edge(recordKey(target.path), key, 'supersedes');
    for (const ref of entry.related) for (const target of resolve(ref, entry)) edge(key, recordKey(target.path), 'related');
    for (const ref of entry.decisions) for (const target of resolve(ref, entry)) edge(key, recordKey(target.path), 'decisions');
    if (entry.plan) for (const target of resolve(entry.plan, entry)) edge(key, recordKey(target.path), 'plan');
    for (const name of entry.holders) edge(person(name, 'declared'), key, 'holds');
    for (const name of entry.successors) edge(person(name, 'declared'), key, 'succeeds');
    for (const name of entry.owners) edge(person(name, 'declared'), key, 'owns');
    for (const name of input.observed?.get(entry.path) ?? []) edge(person(name, 'observed'), key, 'authored');
  }
  const records = nodes as RecordNode[];
  const peopleNodes = [...people.values()].sort((a, b) => a.name.localeCompare(b.name) || a.source.localeCompare(b.source));
  return {
    today: input.today,
    nodes: [...records, ...peopleNodes],
    edges,
    summary: {
      records: records.length,
      people: peopleNodes.length,
      knowledgeRisks: records.filter((r) => r.risks.length).length,
      byType: count(records.map((r) => r.type)),
      byStatus: count(records.map((r) => r.status ?? 'none')),
    },
    facets: {
      types: sorted(records.map((r) => r.type)),
      statuses: sorted(records.flatMap((r) => (r.status ? [r.status] : []))),
      people: sorted(peopleNodes.filter((p) => p.source === 'declared').map((p) => p.name)),
      tags: sorted(records.flatMap((r) => r.tags)),
    },
  };
}
