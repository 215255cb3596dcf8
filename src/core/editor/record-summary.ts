import type { DecisionEntry } from '../index/decision-entry';
import { formatId } from '../index/ids';
import { fieldInfo } from '../schema/field-info';
import { escapeMarkdown } from './field-words';

/**
 * A record as a reference to it shows it (hover on an id, documentation of an id completion):
 * its id, title, status, risk, door and file. The labels are the schema's field titles.
 */
export function recordSummaryMarkdown(entry: DecisionEntry): string {
  const id = formatId(entry.type, entry.number, /^\d+$/.test(entry.id) ? entry.id.length : undefined);
  const label = (path: string[], fallback: string): string => fieldInfo(entry.type, path)?.title ?? fallback;
  const facts = [
    entry.status && `${label(['status'], 'status')}: \`${escapeCode(entry.status)}\``,
    entry.risk && `${label(['risk', 'level'], 'risk')}: \`${escapeCode(entry.risk)}\``,
    entry.door && `${label(['reversibility', 'door'], 'door')}: \`${escapeCode(entry.door)}\``,
  ].filter((fact): fact is string => Boolean(fact));
  const parts = [`**${id}** ${escapeMarkdown(entry.title)}`];
  if (facts.length) parts.push(facts.join(' · '));
  parts.push(`\`${escapeCode(entry.path)}\``);
  return parts.join('\n\n');
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}
