import { markdownHref, markdownLine as md } from '../text/markdown-text';
import { plural } from '../text/plural';
import { codeSpan } from '../affected/render-affected';
import type { EvidenceReport, ObservedPerson, PersonEvidenceReport } from './evidence-report';

const PRESENCE: Record<ObservedPerson['presence'], string> = { active: '', inactive: ' (inactive)', left: ' (left)', unknown: '' };

function names(list: readonly string[]): string {
  return list.length ? list.map(md).join(', ') : '—';
}

function person(p: ObservedPerson): string {
  const share = p.authored ? `author of ${p.authored} (${Math.round(p.share * 100)}%)` : 'no file authored';
  return `${md(p.name)}${PRESENCE[p.presence]}: ${share}; ${plural(p.commits, 'commit')}, +${p.added} −${p.removed} in the window; last change ${p.last ? md(p.last) : 'never'}`;
}

/**
 * `legible report --evidence` as Markdown: per decision, the declared holders and successors
 * beside the observed authors and the truck factor. Links are relative to `base`.
 */
export function renderEvidenceMarkdown(report: EvidenceReport, base: string): string {
  const lines = [
    '# Knowledge in evidence',
    '',
    `From ${plural(report.commits, 'commit')}${report.oldest ? ` since ${report.oldest}` : ''}${report.head ? ` up to ${report.head.slice(0, 12)}` : ''}; commits and lines count from ${report.since}, as of ${report.today}. History is a proxy for knowledge: pairing and reviews leave no commits.`,
    '',
    ...report.notes.map((note) => `> ${md(note)}`),
    ...(report.notes.length ? [''] : []),
    `Repository truck factor: **${report.repository.truckFactor}** over ${plural(report.repository.files, 'file')} with an author${report.repository.truckFactorPeople.length ? ` (${names(report.repository.truckFactorPeople)})` : ''}.`,
    '',
  ];
  if (!report.decisions.length) lines.push('No decision in force names the code it governs (`governs`).', '');
  for (const d of report.decisions) {
    lines.push(`## [${md(d.id)}](${markdownHref(base, d.path)}) ${md(d.title)}`, '');
    lines.push(`- Declared: holders ${names(d.holders)}; successors ${names(d.successors)}`);
    lines.push(`- Observed truck factor: **${d.truckFactor}**${d.truckFactorPeople.length ? ` (${names(d.truckFactorPeople)})` : ''} over ${plural(d.files, 'file')} (${d.filesWithHistory} with history)`);
    for (const p of d.observed.slice(0, 10)) lines.push(`  - ${person(p)}`);
    if (d.observed.length > 10) lines.push(`  - and ${plural(d.observed.length - 10, 'more person', 'more people')}`);
    lines.push('');
  }
  if (report.skipped.length) lines.push(`${plural(report.skipped.length, 'commit')} touched more files than \`evidence.maxFilesPerCommit\`: counted, not attributed (${report.skipped.slice(0, 5).map((c) => c.hash.slice(0, 10)).join(', ')}${report.skipped.length > 5 ? ', …' : ''}).`, '');
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** The evidence part of `report --person X`. */
export function renderPersonEvidenceMarkdown(report: PersonEvidenceReport, base: string): string {
  const lines = ['## What the history says they alone know', ''];
  if (!report.known) {
    lines.push(`Git knows no commit by ${md(report.person)} (no \`people\` entry, author name or email matches).`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`Last commit ${report.lastCommit ? md(report.lastCommit) : 'never'}${PRESENCE[report.presence]}.`, '');
  lines.push('### Decisions whose code rests on them alone (observed truck factor 1)', '');
  lines.push(...(report.decisionsAlone.length ? report.decisionsAlone.map((d) => `- [${md(d.id)}](${markdownHref(base, d.path)}) ${md(d.title)}`) : ['None.']), '');
  lines.push(`### Files only they are an author of (${report.filesAloneCount})`, '');
  lines.push(...(report.filesAlone.length ? report.filesAlone.map((file) => `- ${codeSpan(file)}`) : ['None.']));
  if (report.filesAloneCount > report.filesAlone.length) lines.push(`- and ${report.filesAloneCount - report.filesAlone.length} more`);
  return `${lines.join('\n')}\n`;
}
