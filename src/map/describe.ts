import type { RecordNode, RiskReason } from '../core/map/decision-graph';
import type { ViewNode } from '../core/map/map-view';

/** What a reader, sighted or not, is told of a node: its screen-reader label and hover lines. */

const REASONS: Record<RiskReason, string> = {
  'sole-holder': 'knowledge held by one person',
  'overdue-exit-plan': 'exit plan overdue',
  'overdue-review': 'review overdue',
  'one-way-door-decided-alone': 'one-way door decided alone',
};

export function reasonText(reason: RiskReason): string {
  return REASONS[reason];
}

const list = (names: readonly string[]) => (names.length ? names.join(', ') : 'none named');

/** The hover's lines, as label/value pairs: status, door, risk, holders, the business tradeoff. */
export function summaryLines(node: RecordNode): Array<[string, string]> {
  const lines: Array<[string, string]> = [
    ['Status', node.status ?? 'none'],
    ['Door', node.door ?? 'not said'],
    ['Risk', [node.risk, node.blastRadius].filter(Boolean).join(' · ') || 'not said'],
    ['Holders', list(node.holders)],
    ['Successors', list(node.successors)],
    ['Owners', list(node.owners)],
  ];
  if (node.risks.length) lines.push(['Knowledge risk', node.risks.map(reasonText).join('; ')]);
  for (const [field, answer] of Object.entries(node.tradeoff ?? {})) lines.push([`Tradeoff: ${field}`, answer]);
  if (node.legacy) lines.push(['Not assessed', 'no Legible frontmatter']);
  return lines;
}

/** One sentence for aria-label: what the node is and why it matters. */
export function ariaLabel(node: ViewNode): string {
  if (node.kind === 'group') return `${node.label}: ${node.count} records${node.knowledgeRisks ? `, ${node.knowledgeRisks} knowledge risks` : ''}. Press Enter to open the group.`;
  if (node.kind === 'person') return `${node.source === 'observed' ? 'Observed author' : 'Person'} ${node.name}${node.soleHolds ? `, sole holder of ${node.soleHolds} decisions` : ''}`;
  const parts = [`${node.type} ${node.id}: ${node.title}`, `status ${node.status ?? 'none'}`];
  if (node.door) parts.push(`${node.door} door`);
  if (node.risk) parts.push(`risk ${node.risk}`);
  if (node.holders.length) parts.push(`held by ${node.holders.join(', ')}`);
  if (node.risks.length) parts.push(`knowledge risk: ${node.risks.map(reasonText).join('; ')}`);
  return parts.join(', ');
}

/** A status's colour family: in force, still open, or closed. */
export function statusClass(status: string | undefined): string {
  if (!status) return 'status-none';
  if (['accepted', 'implemented', 'verified'].includes(status)) return 'status-in-force';
  if (['superseded', 'deprecated', 'rejected', 'abandoned'].includes(status)) return 'status-closed';
  return 'status-open';
}

/** A record path as a link target: a relative path that looks like a URL scheme (`javascript:x.md`) gets `./`. */
export function safeHref(path: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(path) ? `./${path}` : path;
}
