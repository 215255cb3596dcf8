import type { DecisionEntry } from '../index/decision-entry';
import { RECORD_SCHEMAS, RECORD_TYPES, type JsonSchema, type RecordType } from '../schema/schema-registry';
import { childFields } from '../schema/field-info';
import { statusesOf } from '../schema/statuses';

export type GroupBy = 'type' | 'status' | 'owner' | 'risk';
export const GROUP_BY: readonly GroupBy[] = ['type', 'status', 'owner', 'risk'];

/** A node of the Decisions tree, independent of any UI toolkit. */
export interface DecisionGroup {
  readonly key: string;
  readonly label: string;
  readonly groups?: readonly DecisionGroup[];
  readonly entries?: readonly DecisionEntry[];
}

const byNumber = (a: DecisionEntry, b: DecisionEntry) => (a.number ?? Infinity) - (b.number ?? Infinity) || a.title.localeCompare(b.title);

/** Statuses in life-cycle order, as the schemas list them. */
export function statusOrder(type?: RecordType): string[] {
  const types = type ? [type] : RECORD_TYPES;
  return [...new Set(types.flatMap((t) => statusesOf(t)))];
}

/** The plural label of a record type, from its schema's title. */
export function typeLabel(type: RecordType): string {
  const title = String((RECORD_SCHEMAS[type] as JsonSchema).title ?? type);
  return type === 'adr' ? 'ADRs' : type === 'rfc' ? 'RFCs' : `${title}s`;
}

function bucket(entries: readonly DecisionEntry[], keysOf: (entry: DecisionEntry) => string[], order: readonly string[], none: string, prefix: string): DecisionGroup[] {
  const buckets = new Map<string, DecisionEntry[]>();
  for (const entry of entries) {
    const keys = keysOf(entry);
    for (const key of keys.length ? keys : ['']) buckets.set(key, [...(buckets.get(key) ?? []), entry]);
  }
  const rank = (key: string) => (key === '' ? Infinity : order.includes(key) ? order.indexOf(key) : order.length);
  return [...buckets.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((key) => ({ key: `${prefix}:${key}`, label: key || none, entries: buckets.get(key)!.sort(byNumber) }));
}

export function groupDecisions(entries: readonly DecisionEntry[], by: GroupBy): DecisionGroup[] {
  switch (by) {
    case 'status':
      return bucket(entries, (e) => (e.status ? [e.status] : []), statusOrder(), 'No status', 'status');
    // The index leaves placeholders out (an owner `<Who is accountable…>` is no owner yet), so
    // an open question never becomes a group of its own.
    case 'owner': {
      const owners = (e: DecisionEntry) => [...new Set(e.owners.length ? e.owners : e.deciders)];
      return bucket(entries, owners, [], 'No owner yet', 'owner');
    }
    case 'risk': {
      const levels = childFields('adr', ['risk']).find((f) => f.name === 'level')?.enum?.map(String) ?? [];
      return bucket(entries, (e) => (e.risk ? [e.risk] : []), [...levels].reverse(), 'No risk level yet', 'risk');
    }
    case 'type':
    default:
      return RECORD_TYPES.map((type) => ({ type, list: entries.filter((e) => e.type === type) }))
        .filter(({ list }) => list.length)
        .map(({ type, list }) => ({
          key: `type:${type}`,
          label: typeLabel(type),
          groups: bucket(list, (e) => (e.status ? [e.status] : []), statusOrder(type), 'No status', `type:${type}:status`),
        }));
  }
}
