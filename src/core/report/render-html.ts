import type { DecisionGraph, RecordNode } from '../map/decision-graph';
import { layoutView, positionsOf } from '../map/layout';
import { MAP_DATA_ID, MAP_ROOT_ID, type ReportMapData } from '../map/map-messages';
import { mapView } from '../map/map-view';
import { escapeHtml as h, inlineAsset, jsonForScript } from '../text/html-escape';
import { plural } from '../text/plural';
import { countsSentence, emptySectionSentence, notJudgedSentence, type Assessment, type DepartureImpact, type KnowledgeRiskReport, type OpenQuestion, type RecordRef } from './knowledge-risk';

export interface HtmlReportInput {
  readonly report: KnowledgeRiskReport;
  readonly graph: DecisionGraph;
  /** "What if X leaves", for each person the records name. */
  readonly departures: readonly DepartureImpact[];
  /** The map's script and style (dist/map.js, dist/map-style.css), inlined. */
  readonly script: string;
  readonly style: string;
  /** A fresh value per report: the page's Content Security Policy lets only these two elements run. */
  readonly nonce: string;
  /** A record path as a link from where the report is read (already URL-encoded and relative). */
  readonly href: (path: string) => string;
}

function link(ref: Pick<RecordRef, 'id' | 'title' | 'path'>, href: HtmlReportInput['href']): string {
  return `<a href="${h(href(ref.path))}">${h(ref.id)}</a> ${h(ref.title)}`;
}

/** A sentence of the Markdown report as a muted paragraph, its `field` names as code. */
function muted(sentence: string): string {
  return `<p class="muted">${h(sentence).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`;
}

function nothing(assessment: Assessment, open?: OpenQuestion): string {
  return muted(emptySectionSentence(assessment, open));
}

/** A section's items, with what it could not judge under them; or why it is empty. */
function list(items: readonly string[], assessment: Assessment, open?: OpenQuestion): string {
  return items.length ? `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>${notJudged(open)}` : nothing(assessment, open);
}

function notJudged(open?: OpenQuestion): string {
  const sentence = notJudgedSentence(open);
  return sentence ? muted(sentence) : '';
}

function section(id: string, title: string, question: string, body: string): string {
  return `<section id="${id}"><h2>${h(title)}</h2><p><em>${h(question)}</em></p>${body}</section>`;
}

function riskSections(input: HtmlReportInput): string {
  const { report, href } = input;
  const extra = (r: RecordRef) => [r.risk && `risk ${r.risk}`, r.door].filter(Boolean).join(', ');
  return [
    section('sole-holders', 'Decisions only one person holds', 'Which accepted decisions would lose their only holder if that person left?',
      report.soleHolders.length
        ? report.soleHolders.map((p) => `<h3>${h(p.person)} (${p.decisions.length})</h3><ul>${p.decisions.map((d) => `<li>${link(d, href)}${extra(d) ? ` — ${h(extra(d))}` : ''}</li>`).join('')}</ul>`).join('') + notJudged({ key: 'holders', count: report.open.holders })
        : nothing(report.assessment, { key: 'holders', count: report.open.holders })),
    section('overdue-exit-plans', 'Overdue exit plans', 'Which knowledge transfers are past due and not verified?',
      list(report.overdueExitPlans.map((p) => `${link(p, href)} — due ${h(p.due)}, ${h(p.status ?? 'no status')}; held by ${h(p.holders.join(', ') || 'no one named')}`), report.assessment, { key: 'due', count: report.open.due })),
    section('overdue-reviews', 'Overdue reviews', 'Which decisions in force were due to be revisited?',
      list(report.overdueReviews.map((r) => `${link(r, href)} — review by ${h(r.reviewBy)}`), report.assessment, { key: 'reviewBy', count: report.open.reviewBy })),
    section('one-way-doors', 'One-way doors decided alone', 'Which hard-to-reverse decisions rest on one person\'s judgment?',
      list(report.oneWayDoorsDecidedAlone.map((r) => `${link(r, href)} — decided by ${h(r.decider)}`), report.assessment, { key: 'door', count: report.open.door })),
  ].join('\n');
}

function departureSection(input: HtmlReportInput): string {
  const people = input.departures.filter((d) => d.loseOnlyHolder.length || d.loseOnlyOwner.length || d.openExitPlans.length);
  const rows = people.map((d) => {
    const refs = (list: readonly RecordRef[]) => (list.length ? list.map((r) => link(r, input.href)).join('<br>') : '<span class="muted">none</span>');
    return `<tr><th scope="row">${h(d.person)}</th><td>${refs(d.loseOnlyHolder)}</td><td>${refs(d.loseOnlyOwner)}</td><td>${refs(d.openExitPlans)}</td><td>${d.involved}</td></tr>`;
  });
  const table = rows.length
    ? `<table><thead><tr><th scope="col">Person</th><th scope="col">Knowledge only they hold</th><th scope="col">Records only they own</th><th scope="col">Open exit plans involving them</th><th scope="col">Records naming them</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p class="muted">No one\'s departure would leave a decision without a holder or an owner.</p>';
  return section('what-if', 'What if someone leaves', 'What would lose its only holder or owner if this person left today?', table);
}

/** Decisions by month, newest first, each with its status: how the team's judgment built up. */
function timeline(input: HtmlReportInput): string {
  const records = input.graph.nodes.filter((n): n is RecordNode => n.kind === 'record');
  const months = new Map<string, RecordNode[]>();
  for (const record of records) {
    const month = /^\d{4}-\d{2}/.test(record.date ?? '') ? record.date!.slice(0, 7) : 'undated';
    months.set(month, [...(months.get(month) ?? []), record]);
  }
  const order = [...months.keys()].sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : b.localeCompare(a)));
  const body = order.map((month) => {
    const items = months.get(month)!.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
    return `<h3>${h(month)}</h3><ul>${items.map((r) => `<li>${h(r.date ?? '')} <strong>${h(r.status ?? 'no status')}</strong> ${link(r, input.href)}</li>`).join('')}</ul>`;
  });
  return section('timeline', 'Timeline', 'When was each decision taken, and where does it stand?', body.join('') || '<p class="muted">No records.</p>');
}

/**
 * `legible report --format html`: one file, every asset inline, nothing fetched. The map's data is
 * JSON in a script element (escaped for it); every record text elsewhere is escaped HTML.
 */
export function renderReportHtml(input: HtmlReportInput): string {
  const { report, graph, nonce } = input;
  // The first view's layout goes with the data: a reader's browser draws the map at once instead
  // of simulating it while the page opens (seconds for 1,000 records on a slow machine), and every
  // reader sees the picture this run computed.
  const first = mapView(graph);
  const data: ReportMapData = {
    ...graph,
    nodes: graph.nodes.map((node) => (node.kind === 'record' ? { ...node, path: input.href(node.path) } : node)),
    positions: positionsOf(layoutView(first.nodes, first.edges)),
  };
  const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en" class="legible-report">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${h(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>Decision map and knowledge risk — ${h(report.today)}</title>`,
    `<style nonce="${h(nonce)}">${inlineAsset(input.style, 'style')}</style>`,
    '</head>',
    '<body>',
    '<h1>Decisions and knowledge risk</h1>',
    `<p>${h(countsSentence(report))}; ${h(plural(graph.summary.people, 'person', 'people'))}, ${h(plural(graph.summary.knowledgeRisks, 'knowledge risk'))}; as of ${h(report.today)}.</p>`,
    report.assessment.advice ? `<blockquote>${h(report.assessment.advice)}</blockquote>` : '',
    '<nav aria-label="Sections"><a href="#map">Map</a> · <a href="#sole-holders">Sole holders</a> · <a href="#overdue-exit-plans">Overdue exit plans</a> · <a href="#overdue-reviews">Overdue reviews</a> · <a href="#one-way-doors">One-way doors</a> · <a href="#what-if">What if someone leaves</a> · <a href="#timeline">Timeline</a></nav>',
    `<section id="map"><h2>Decision map</h2><div id="${MAP_ROOT_ID}"></div></section>`,
    // The map's data and script right after its element: it draws while the browser still reads the long lists below.
    `<script type="application/json" id="${MAP_DATA_ID}">${jsonForScript(data)}</script>`,
    `<script nonce="${h(nonce)}">${inlineAsset(input.script, 'script')}</script>`,
    riskSections(input),
    departureSection(input),
    timeline(input),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
