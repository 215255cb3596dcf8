import * as vscode from 'vscode';
import type { DecisionEntry } from '../../core/index/decision-entry';
import type { CompiledPattern } from '../../core/port/regex-engine';
import { formatId } from '../../core/index/ids';
import type { GroupBy } from '../../core/views/decision-groups';
import { DEFAULT_PLACEHOLDER, isPlaceholder } from '../../core/config/placeholder-pattern';
import { plural } from '../../core/text/plural';
import { shortTitle } from '../../core/views/tree-label';
import { fieldInfo } from '../../core/schema/field-info';
import { toUri } from '../vscode-file-system';

/** How a status looks in the tree: an icon and a colour that read at a glance. */
const STATUS_ICONS: Record<string, [string, string?]> = {
  proposed: ['circle-large-outline', 'charts.blue'],
  draft: ['edit', 'charts.blue'],
  review: ['eye', 'charts.blue'],
  accepted: ['pass-filled', 'charts.green'],
  implemented: ['check-all', 'charts.green'],
  rejected: ['circle-slash', 'disabledForeground'],
  withdrawn: ['circle-slash', 'disabledForeground'],
  deprecated: ['archive', 'disabledForeground'],
  superseded: ['arrow-swap', 'disabledForeground'],
  planned: ['calendar', 'charts.blue'],
  'in-progress': ['sync', 'charts.yellow'],
  verified: ['verified-filled', 'charts.green'],
  abandoned: ['trash', 'disabledForeground'],
};

export function statusIcon(status: string | undefined, legacy: boolean): vscode.ThemeIcon {
  if (legacy && !status) return new vscode.ThemeIcon('history');
  const [icon, color] = STATUS_ICONS[status ?? ''] ?? ['question'];
  return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
}

/** The row's label: the id and the start of the title (the rest is in the tooltip). */
export function recordLabel(entry: DecisionEntry): string {
  return `${entry.id} ${shortTitle(entry.title)}`;
}

export function recordId(entry: DecisionEntry): string {
  return entry.number === undefined ? entry.id : formatId(entry.type, entry.number, entry.id.length);
}

/**
 * A value still as the template wrote it (`<What option are we preserving?>`, TODO…): not a fact to
 * show. The index leaves placeholders out already; the tradeoff answers are read from the file.
 */
function filled(value: string | undefined, placeholder: CompiledPattern): string | undefined {
  return value === undefined || isPlaceholder(value, placeholder) ? undefined : value;
}

/**
 * The tooltip: what a reviewer needs before opening — the tradeoff in the schema's own questions.
 * `tradeoffAnswers`: the record's business-tradeoff answers, read from the file when the tooltip opens;
 * `observed`: what the history says of its code (its truck factor), when it was read.
 */
export function recordTooltip(entry: DecisionEntry, problems: number, tradeoffAnswers: Readonly<Record<string, string>>, placeholder: CompiledPattern = DEFAULT_PLACEHOLDER, observed?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${recordId(entry)}** ${escape(entry.title)}\n\n`);
  const risk = filled(entry.risk, placeholder);
  const door = filled(entry.door, placeholder);
  const facts = [entry.status && `status **${escape(entry.status)}**`, risk && `risk **${escape(risk)}**`, door && `**${escape(door)}** door`, entry.date && `dated ${escape(entry.date)}`].filter(Boolean);
  if (facts.length) md.appendMarkdown(`${facts.join(' · ')}\n\n`);
  if (entry.owners.length) md.appendMarkdown(`Owners: ${escape(entry.owners.join(', '))}\n\n`);
  if (entry.holders.length) md.appendMarkdown(`Knowledge held by ${escape(entry.holders.join(', '))}${entry.successors.length ? `; successors ${escape(entry.successors.join(', '))}` : '; no successor named'}\n\n`);
  if (observed) md.appendMarkdown(`$(git-commit) ${escape(observed)}\n\n`);
  const tradeoff = Object.entries(tradeoffAnswers);
  if (tradeoff.length) {
    md.appendMarkdown('---\n\n');
    for (const [key, answer] of tradeoff) {
      const question = fieldInfo(entry.type, ['business-tradeoff', key])?.description ?? key;
      const given = filled(answer, placeholder);
      md.appendMarkdown(`*${escape(question)}* ${given ? escape(given) : '$(circle-large-outline) _not answered yet_'}\n\n`);
    }
  }
  if (entry.legacy) md.appendMarkdown(`_No Legible frontmatter (read as ${entry.legacy})._\n\n`);
  if (problems) md.appendMarkdown(`$(warning) ${plural(problems, 'problem')}\n`);
  return md;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/**
 * `status · risk · door`, without what the row's group already says (the status under a status
 * group, the risk under a risk group), so the facts that differ fit beside a long title.
 */
export function recordDescription(entry: DecisionEntry, groupedBy?: GroupBy, placeholder: CompiledPattern = DEFAULT_PLACEHOLDER): string {
  const inStatusGroup = entry.status !== undefined && (groupedBy === 'type' || groupedBy === 'status');
  const status = inStatusGroup ? undefined : entry.status ?? (entry.legacy ? 'legacy' : undefined);
  const shown = [status, groupedBy === 'risk' ? undefined : filled(entry.risk, placeholder), filled(entry.door, placeholder)];
  return shown.filter(Boolean).join(' · ');
}

export function recordItem(entry: DecisionEntry, problems: number, id: string, groupedBy?: GroupBy, placeholder: CompiledPattern = DEFAULT_PLACEHOLDER): vscode.TreeItem {
  const item = new vscode.TreeItem(recordLabel(entry), vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.description = recordDescription(entry, groupedBy, placeholder);
  item.iconPath = statusIcon(entry.status, entry.legacy !== undefined);
  // resourceUri lets VS Code decorate the item with the file's problem count and colour.
  item.resourceUri = toUri(entry.path);
  // The tooltip is left to DecisionsTree.resolveTreeItem: it reads the tradeoff from the file on hover.
  item.contextValue = entry.legacy ? 'legible.record.legacy' : 'legible.record';
  item.command = { command: 'vscode.open', title: 'Open', arguments: [toUri(entry.path)] };
  item.accessibilityInformation = { label: `${recordId(entry)} ${entry.title}, ${recordDescription(entry, undefined, placeholder)}${problems ? `, ${plural(problems, 'problem')}` : ''}` };
  return item;
}
