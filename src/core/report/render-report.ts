import { markdownHref, markdownLine as md } from '../text/markdown-text';
import { plural } from '../text/plural';
import { countsSentence, emptySectionSentence, notJudgedSentence, type Assessment, type DepartureImpact, type KnowledgeRiskReport, type OpenQuestion, type RecordRef } from './knowledge-risk';

/**
 * One record on one list line. Every value from the repository (id, title, names, dates, path)
 * goes through `md` or `markdownHref`: a title holding a newline or an escape sequence stays text
 * on this line, in the terminal and in the Markdown alike.
 */
function item(ref: RecordRef, base: string, extra = ''): string {
  return `- [${md(ref.id)}](${markdownHref(base, ref.path)}) ${md(ref.title)}${extra ? ` — ${extra}` : ''}`;
}

function section(title: string, question: string, lines: string[], assessment: Assessment, open?: OpenQuestion): string[] {
  const notJudged = lines.length ? notJudgedSentence(open) : undefined;
  return [`## ${title}`, '', `_${question}_`, '', ...(lines.length ? lines : [emptySectionSentence(assessment, open)]), '', ...(notJudged ? [notJudged, ''] : [])];
}

/** The advice on legacy records, as a quote under the summary line; nothing when every record is assessed. */
function advice(assessment: Assessment): string[] {
  return assessment.advice ? [`> ${assessment.advice}`, ''] : [];
}

/** The knowledge-risk report as Markdown, links relative to `base` (where the report is read). */
export function renderReportMarkdown(report: KnowledgeRiskReport, base: string): string {
  const lines = [
    '# Knowledge risk',
    '',
    `${countsSentence(report)}; as of ${report.today}.`,
    '',
    ...advice(report.assessment),
    ...section('Decisions only one person holds', 'Which accepted decisions would lose their only holder if that person left?',
      report.soleHolders.flatMap((p) => [`### ${md(p.person)} (${p.decisions.length})`, '', ...p.decisions.map((d) => item(d, base, [d.risk && `risk ${md(d.risk)}`, d.door && md(d.door)].filter(Boolean).join(', '))), '']), report.assessment, { key: 'holders', count: report.open.holders }),
    ...section('Overdue exit plans', 'Which knowledge transfers are past due and not verified?',
      report.overdueExitPlans.map((p) => item(p, base, `due ${md(p.due)}, ${p.status === undefined ? 'no status' : md(p.status)}; held by ${p.holders.map(md).join(', ') || 'no one named'}`)), report.assessment, { key: 'due', count: report.open.due }),
    ...section('Overdue reviews', 'Which decisions in force were due to be revisited?',
      report.overdueReviews.map((r) => item(r, base, `review by ${md(r.reviewBy)}`)), report.assessment, { key: 'reviewBy', count: report.open.reviewBy }),
    ...section('One-way doors decided alone', 'Which hard-to-reverse decisions rest on one person\'s judgment?',
      report.oneWayDoorsDecidedAlone.map((r) => item(r, base, `decided by ${md(r.decider)}`)), report.assessment, { key: 'door', count: report.open.door }),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '')}\n`;
}

export function renderDepartureMarkdown(impact: DepartureImpact, base: string): string {
  const lines = [
    `# If ${md(impact.person)} left today`,
    '',
    `${md(impact.person)} is named in ${plural(impact.involved, 'record')}.`,
    '',
    ...advice(impact.assessment),
    ...section('Knowledge only they hold', 'Which decisions in force would have no one left who understands them?', impact.loseOnlyHolder.map((r) => item(r, base)), impact.assessment),
    ...section('Records only they own', 'Which records would have no one accountable?', impact.loseOnlyOwner.map((r) => item(r, base)), impact.assessment),
    ...section('Open exit plans involving them', 'Which transfers are still under way?', impact.openExitPlans.map((r) => item(r, base)), impact.assessment),
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '')}\n`;
}
