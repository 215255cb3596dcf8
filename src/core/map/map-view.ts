import { personKey } from '../knowledge/predicates';
import type { DecisionGraph, EdgeKind, MapNode, PersonNode, RecordNode } from './decision-graph';

/**
 * What the map shows of a graph: the filters a reader set, and grouping when too many records
 * remain to read (or lay out) one by one. Pure, so the webview, the HTML report and the tests
 * agree on which nodes a filter leaves.
 */

export interface MapFilter {
  /** Types shown; empty or absent: all. */
  readonly types?: readonly string[];
  readonly statuses?: readonly string[];
  /** Records naming this person as owner, decider, holder or successor. */
  readonly person?: string;
  readonly tag?: string;
  /** Only records that some knowledge-risk section names. */
  readonly onlyRisks?: boolean;
  /** Words matched (case-insensitively) against id, title, tags and people. */
  readonly search?: string;
  /** One group of a grouped view, opened. */
  readonly group?: string;
}

/** Many records drawn as one node: a type and status (and a slice of them when one group alone is too many). */
export interface GroupNode {
  readonly kind: 'group';
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly knowledgeRisks: number;
}

export type ViewNode = RecordNode | PersonNode | GroupNode;

export interface ViewEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** Links between groups: how many record links the line stands for. */
  readonly count?: number;
}

export interface MapView {
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
  /** Records the filters leave (before grouping). */
  readonly matching: number;
  readonly grouped: boolean;
}

/** More records than this are grouped: above it a picture is neither readable nor laid out in time. */
export const GROUP_ABOVE = 1500;

const STATUS_NONE = 'no status';

function words(search: string | undefined): string[] {
  return (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** True when the record passes every filter but the group. */
export function matches(record: RecordNode, filter: MapFilter): boolean {
  if (filter.types?.length && !filter.types.includes(record.type)) return false;
  if (filter.statuses?.length && !filter.statuses.includes(record.status ?? STATUS_NONE)) return false;
  if (filter.onlyRisks && !record.risks.length) return false;
  if (filter.tag && !record.tags.includes(filter.tag)) return false;
  const people = [...record.owners, ...record.deciders, ...record.holders, ...record.successors];
  if (filter.person) {
    const key = personKey(filter.person);
    if (!people.some((name) => personKey(name) === key)) return false;
  }
  const terms = words(filter.search);
  if (terms.length) {
    const text = [record.id, record.title, ...record.tags, ...people].join(' ').toLowerCase();
    if (!terms.every((term) => text.includes(term))) return false;
  }
  return true;
}

function groupKeyOf(record: RecordNode): string {
  return `g:${record.type}|${record.status ?? STATUS_NONE}`;
}

/**
 * The groups of `records`: by type and status; when that leaves one group (a filter or an opened
 * group narrowed it), slices of `limit` records in id order, so every level stays readable.
 */
export function groupsOf(records: readonly RecordNode[], limit: number): Map<string, { label: string; records: RecordNode[] }> {
  const groups = new Map<string, { label: string; records: RecordNode[] }>();
  for (const record of records) {
    const key = groupKeyOf(record);
    const group = groups.get(key) ?? { label: `${record.type} · ${record.status ?? STATUS_NONE}`, records: [] };
    group.records.push(record);
    groups.set(key, group);
  }
  if (groups.size > 1) return groups;
  const [only] = groups.values();
  const ordered = byId(only?.records ?? []);
  const slices = new Map<string, { label: string; records: RecordNode[] }>();
  for (let start = 0; start < ordered.length; start += limit) {
    const slice = ordered.slice(start, start + limit);
    slices.set(`${groupKeyOf(slice[0])}|${start / limit}`, { label: `${only.label} · ${slice[0].id}–${slice[slice.length - 1].id}`, records: slice });
  }
  return slices;
}

/** The records of one group key (`g:type|status`, or a slice of it: `g:type|status|n`). */
function openGroup(records: readonly RecordNode[], key: string, limit: number): readonly RecordNode[] {
  const [base, slice] = key.split(/\|(?=\d+$)/);
  const pool = records.filter((record) => groupKeyOf(record) === base);
  if (slice === undefined) return pool;
  return byId(pool).slice(Number(slice) * limit, (Number(slice) + 1) * limit);
}

const byId = (records: readonly RecordNode[]) => [...records].sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }) || a.path.localeCompare(b.path));

/** The nodes and edges to draw for `filter`. */
export function mapView(graph: DecisionGraph, filter: MapFilter = {}, limit = GROUP_ABOVE): MapView {
  const records = graph.nodes.filter((node): node is RecordNode => node.kind === 'record' && matches(node, filter));
  const shown = filter.group ? openGroup(records, filter.group, limit) : records;
  if (shown.length > limit) return groupedView(graph, shown, limit, records.length);

  const visible = new Set(shown.map((r) => r.key));
  const edges = graph.edges.filter((edge) => visible.has(edge.to) && (visible.has(edge.from) || edge.from.startsWith('p:') || edge.from.startsWith('o:')));
  const people = new Set(edges.map((edge) => edge.from).filter((key) => !visible.has(key)));
  const nodes: ViewNode[] = [...shown, ...graph.nodes.filter((node): node is PersonNode => node.kind === 'person' && people.has(node.key))];
  return { nodes, edges, matching: records.length, grouped: false };
}

function groupedView(graph: DecisionGraph, records: readonly RecordNode[], limit: number, matching: number): MapView {
  const groups = groupsOf(records, limit);
  const groupOf = new Map<string, string>();
  const nodes: GroupNode[] = [];
  for (const [key, group] of groups) {
    for (const record of group.records) groupOf.set(record.key, key);
    nodes.push({ kind: 'group', key, label: group.label, count: group.records.length, knowledgeRisks: group.records.filter((r) => r.risks.length).length });
  }
  // Record links between groups, counted: how much one group leans on another.
  const counts = new Map<string, ViewEdge>();
  for (const edge of graph.edges) {
    const from = groupOf.get(edge.from);
    const to = groupOf.get(edge.to);
    if (!from || !to || from === to) continue;
    const id = `${edge.kind}|${from}|${to}`;
    const known = counts.get(id);
    counts.set(id, { from, to, kind: edge.kind, count: (known?.count ?? 0) + 1 });
  }
  return { nodes, edges: [...counts.values()], matching, grouped: true };
}

/** Every node of a view a reader can find by key. */
export function nodeByKey(view: MapView): Map<string, ViewNode | MapNode> {
  return new Map(view.nodes.map((node) => [node.key, node]));
}
