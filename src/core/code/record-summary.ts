import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import { displayId } from '../index/ids';
import { fieldInfo } from '../schema/field-info';
import type { RecordType } from '../schema/schema-registry';
import { successorIds } from './cited-records';

/**
 * One record as every code feature shows it (`explain`, `affected`, the lens over a governed file,
 * the hover on a citation): enough to know whom to ask and how hard the change is to undo. One
 * shape, so the pull-request comment, the CLI and the editor say the same thing of a record.
 */
export interface RecordSummary {
  /** The id every output shows (displayId): `ADR-0007` for a numbered record; the file-name id otherwise. */
  readonly id: string;
  readonly type: RecordType;
  readonly title: string;
  /** Absolute; front-ends show it relative. */
  readonly path: string;
  readonly status?: string;
  readonly door?: string;
  readonly risk?: string;
  readonly owners: readonly string[];
  readonly holders: readonly string[];
  readonly successors: readonly string[];
  /** The records that replaced it, as ids (`ADR-0010`), when it names any. */
  readonly supersededBy: readonly string[];
  /**
   * The business-tradeoff answers by field (`reduces-risk` → its text), when the front-end read
   * them from the record (the index keeps no long texts): a hover shows them, a list does not.
   */
  readonly tradeoff?: Readonly<Record<string, string>>;
}

export function summarizeRecord(index: DecisionIndex, entry: DecisionEntry, tradeoff?: Readonly<Record<string, string>>): RecordSummary {
  const successors = successorIds(index, entry);
  return {
    id: displayId(entry),
    type: entry.type,
    title: entry.title,
    path: entry.path,
    status: entry.status,
    door: entry.door,
    risk: entry.risk,
    owners: entry.owners,
    holders: entry.holders,
    successors: entry.successors,
    supersededBy: successors ? successors.split(', ') : [],
    ...(tradeoff && { tradeoff }),
  };
}

/**
 * One record on one line, for the editor's lens over a governed file and its citation hovers:
 * `ADR-0007 · accepted · one-way · risk high · held by amira`. Only what the record says: a missing
 * status reads `no status`, other missing fields are left out.
 */
export function recordSummary(record: RecordSummary): string {
  return [
    record.id,
    record.status ?? 'no status',
    ...(record.door ? [record.door] : []),
    ...(record.risk ? [`risk ${record.risk}`] : []),
    ...(record.holders.length ? [`held by ${record.holders.join(', ')}`] : []),
  ].join(' · ');
}

/** The lens title over a file one record governs. */
export function governedByTitle(record: RecordSummary): string {
  return `Governed by ${recordSummary(record)}`;
}

/**
 * A record as hover Markdown: its id and title, then status, door, risk, the people to ask
 * (owners, holders, successors), what replaced it, and the business tradeoff in the schema's own
 * questions when it was read. `link` turns the record's path into a target.
 */
export function recordHoverMarkdown(record: RecordSummary, link: (path: string) => string): string {
  const facts = [
    record.status ?? 'no status',
    ...(record.door ? [`${record.door} door`] : []),
    ...(record.risk ? [`risk ${record.risk}`] : []),
  ];
  const people = [
    ...(record.owners.length ? [`owners ${record.owners.join(', ')}`] : []),
    ...(record.holders.length ? [`held by ${record.holders.join(', ')}`] : []),
    ...(record.successors.length ? [`successors ${record.successors.join(', ')}`] : []),
    ...(record.supersededBy.length ? [`superseded by ${record.supersededBy.join(', ')}`] : []),
  ].map(escapeMarkdown);
  const tradeoff = Object.entries(record.tradeoff ?? {}).map(([field, answer]) => `*${escapeMarkdown(fieldInfo(record.type, ['business-tradeoff', field])?.description ?? field)}* ${escapeMarkdown(answer)}`);
  return [
    `**[${record.id}](${link(record.path)})** ${escapeMarkdown(record.title)}`,
    facts.map(escapeMarkdown).join(' · '),
    ...(people.length ? [people.join(' · ')] : []),
    ...tradeoff,
  ].join('\n\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, '\\$&');
}
