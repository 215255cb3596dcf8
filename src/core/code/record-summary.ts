import type { ExplainedRecord } from './explain';

/**
 * One record on one line, for the editor's lens over a governed file and its citation hovers:
 * `ADR-0007 · accepted · one-way · risk high · held by amira`. Only what the record says: a missing
 * status reads `no status`, other missing fields are left out.
 */
export function recordSummary(record: ExplainedRecord): string {
  return [
    record.id,
    record.status ?? 'no status',
    ...(record.door ? [record.door] : []),
    ...(record.risk ? [`risk ${record.risk}`] : []),
    ...(record.holders.length ? [`held by ${record.holders.join(', ')}`] : []),
  ].join(' · ');
}

/** The lens title over a file one record governs. */
export function governedByTitle(record: ExplainedRecord): string {
  return `Governed by ${recordSummary(record)}`;
}

/**
 * A record as hover Markdown: its id and title, then status, door, risk and the people to ask
 * (owners, holders, successors) and what replaced it. `link` turns the record's path into a target.
 */
export function recordHoverMarkdown(record: ExplainedRecord, link: (path: string) => string): string {
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
  ];
  return [`**[${record.id}](${link(record.path)})** ${escapeMarkdown(record.title)}`, facts.join(' · '), ...(people.length ? [people.join(' · ')] : [])].join('\n\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, '\\$&');
}
