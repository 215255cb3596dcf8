import { relativePath } from '../port/paths';
import type { DepartureImpact, KnowledgeRiskReport, RecordRef } from './knowledge-risk';

function item(ref: RecordRef, base: string, extra = ''): string {
  return `- [${ref.id}](${relativePath(base, ref.path)}) ${ref.title}${extra ? ` — ${extra}` : ''}`;
}

function section(title: string, question: string, lines: string[]): string[] {
  return [`## ${title}`, '', `_${question}_`, '', ...(lines.length ? lines : ['None.']), ''];
}

/** The knowledge-risk report as Markdown, links relative to `base` (where the report is read). */
export function renderReportMarkdown(report: KnowledgeRiskReport, base: string): string {
  const lines = [
    '# Knowledge risk',
    '',
    `${report.counts.records} records, ${report.counts.inForce} in force${report.counts.legacy ? `, ${report.counts.legacy} without Legible frontmatter (not assessed)` : ''}; as of ${report.today}.`,
    '',
    ...section('Decisions only one person holds', 'Which accepted decisions would lose their only holder if that person left?',
      report.soleHolders.flatMap((p) => [`### ${p.person} (${p.decisions.length})`, '', ...p.decisions.map((d) => item(d, base, [d.risk && `risk ${d.risk}`, d.door].filter(Boolean).join(', '))), ''])),
    ...section('Overdue exit plans', 'Which knowledge transfers are past due and not verified?',
      report.overdueExitPlans.map((p) => item(p, base, `due ${p.due}, ${p.status ?? 'no status'}; held by ${p.holders.join(', ') || 'no one named'}`))),
    ...section('Overdue reviews', 'Which decisions in force were due to be revisited?',
      report.overdueReviews.map((r) => item(r, base, `review by ${r.reviewBy}`))),
    ...section('One-way doors decided alone', 'Which hard-to-reverse decisions rest on one person\'s judgment?',
      report.oneWayDoorsDecidedAlone.map((r) => item(r, base, `decided by ${r.decider}`))),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '')}\n`;
}

export function renderDepartureMarkdown(impact: DepartureImpact, base: string): string {
  const lines = [
    `# If ${impact.person} left today`,
    '',
    `${impact.person} is named in ${impact.involved} record(s).`,
    '',
    ...section('Knowledge only they hold', 'Which decisions in force would have no one left who understands them?', impact.loseOnlyHolder.map((r) => item(r, base))),
    ...section('Records only they own', 'Which records would have no one accountable?', impact.loseOnlyOwner.map((r) => item(r, base))),
    ...section('Open exit plans involving them', 'Which transfers are still under way?', impact.openExitPlans.map((r) => item(r, base))),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '')}\n`;
}
