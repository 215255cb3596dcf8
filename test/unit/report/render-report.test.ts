import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { emptySectionWord, knowledgeRisk, legacyAdvice, whatIfLeaves } from '../../../src/core/report/knowledge-risk';
import { renderDepartureMarkdown, renderReportMarkdown } from '../../../src/core/report/render-report';
import { renderReportHtml } from '../../../src/core/report/render-html';
import { decisionGraph } from '../../../src/core/map/decision-graph';
import { cleanAdr, lintFiles, ROOT, TODAY } from '../support/workspace';

const EXAMPLE_DECISIONS = path.resolve(__dirname, '..', '..', '..', 'examples', 'workspace', 'docs', 'decisions');
/** An accepted decision with a successor and a second decider: in no section of the report. */
const CLEAN = readFileSync(path.join(EXAMPLE_DECISIONS, '0001-use-postgresql-as-the-system-of-record-for-the-payments-ledger.md'), 'utf8');
/** A record as adr-tools writes it: no frontmatter, so nothing the report asks is known. */
const legacy = (title: string) => `# ${title}\n\nDate: 2021-03-04\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n`;

async function entries(files: Record<string, string>) {
  const { workspace } = await lintFiles(Object.fromEntries(Object.entries(files).map(([name, text]) => [`docs/decisions/${name}`, text])));
  return workspace.index.entries();
}

/** The text under each `## ` heading of a Markdown report, by heading. */
function sections(markdown: string): Map<string, string> {
  return new Map(markdown.split(/\n## /).slice(1).map((part) => [part.slice(0, part.indexOf('\n')), part.slice(part.indexOf('\n')).trim()]));
}

describe('the knowledge-risk report on records it cannot assess', () => {
  it('says "None." only when every record has Legible frontmatter', async () => {
    const report = knowledgeRisk(await entries({ '0001-ledger.md': CLEAN }), TODAY);
    assert.deepEqual(report.assessment, { assessed: 1, notAssessed: 0 });
    const md = renderReportMarkdown(report, ROOT);
    assert.match(md, /^# Knowledge risk\n\n1 record, 1 in force; as of 2026-11-21\.\n\n## /);
    assert.ok(!md.includes('not assessed'), md);
    for (const [title, body] of sections(md)) assert.ok(body.endsWith('_\n\nNone.'), `${title}: ${body}`);
  });

  it('on legacy records only: how many, how to migrate them, and "not assessed" instead of "None."', async () => {
    const report = knowledgeRisk(await entries({ '0001-use-markdown.md': legacy('Use Markdown'), '0002-use-postgres.md': legacy('Use Postgres') }), TODAY);
    assert.deepEqual(report.assessment, { assessed: 0, notAssessed: 2, advice: legacyAdvice(2) });
    const md = renderReportMarkdown(report, ROOT);
    assert.ok(md.startsWith(`# Knowledge risk\n\n2 records: 0 with Legible frontmatter, 2 without (not assessed); as of 2026-11-21.\n\n> ${legacyAdvice(2)}\n\n## `), md);
    assert.ok(!md.includes('None.'), md);
    assert.equal(sections(md).size, 4);
    for (const [title, body] of sections(md)) assert.ok(body.endsWith('_\n\nNot assessed: none of the 2 records has Legible frontmatter.'), `${title}: ${body}`);
  });

  it('on a mix: the assessed records\' findings, and what "none" covers', async () => {
    const report = knowledgeRisk(await entries({ '0001-ledger.md': CLEAN, '0002-use-markdown.md': legacy('Use Markdown') }), TODAY);
    assert.deepEqual(report.assessment, { assessed: 1, notAssessed: 1, advice: legacyAdvice(1) });
    const md = renderReportMarkdown(report, ROOT);
    assert.match(md, /^# Knowledge risk\n\n2 records: 1 with Legible frontmatter \(1 in force\), 1 without \(not assessed\); as of 2026-11-21\.\n\n> 1 record is not assessed: without Legible frontmatter it cannot say /);
    for (const [title, body] of sections(md)) assert.ok(body.endsWith('_\n\nNone among the one record with Legible frontmatter; 1 not assessed.'), `${title}: ${body}`);
  });

  it('counts in force only the records with Legible frontmatter, and the HTML page says so as the Markdown does', async () => {
    const all = await entries({ '0001-ledger.md': CLEAN, '0002-use-markdown.md': legacy('Use Markdown') });
    assert.equal(all.find((e) => e.legacy)?.status, 'accepted', 'the legacy record says it is accepted');
    const report = knowledgeRisk(all, TODAY);
    assert.deepEqual(report.counts, { records: 2, inForce: 1, legacy: 1 });
    const html = renderReportHtml({ report, graph: decisionGraph(all, { today: TODAY, report }), departures: [], script: '', style: '', nonce: 'n', href: (p) => p });
    const summary = /<h1>[^<]*<\/h1>\n<p>([^<]*)<\/p>/.exec(html)?.[1];
    assert.equal(summary, '2 records: 1 with Legible frontmatter (1 in force), 1 without (not assessed); 3 people, 0 knowledge risks; as of 2026-11-21.');
    assert.ok(renderReportMarkdown(report, ROOT).includes('\n2 records: 1 with Legible frontmatter (1 in force), 1 without (not assessed); as of 2026-11-21.\n'));
  });

  it('the advice names the field questions, `legible migrate` and the editor\'s quick fix, in the singular and plural', () => {
    assert.match(legacyAdvice(1), /^1 record is not assessed: without Legible frontmatter it cannot say who holds the knowledge, .*`legible migrate` adds the frontmatter to every legacy record \(with `--dry-run`, it shows what it would change\); in the editor, the quick fix "Add Legible frontmatter" adds it to one\.$/);
    assert.match(legacyAdvice(648), /^648 records are not assessed: without Legible frontmatter they cannot say /);
  });

  it('the departure report says the same', async () => {
    const all = await entries({ '0001-use-markdown.md': legacy('Use Markdown') });
    const impact = whatIfLeaves(all, 'alice');
    assert.equal(impact.assessment.notAssessed, 1);
    const md = renderDepartureMarkdown(impact, ROOT);
    assert.ok(md.startsWith(`# If alice left today\n\nalice is named in 0 records.\n\n> ${legacyAdvice(1)}\n\n## `), md);
    for (const [title, body] of sections(md)) assert.ok(body.endsWith('_\n\nNot assessed: the one record has no Legible frontmatter.'), `${title}: ${body}`);
  });
});

describe('emptySectionWord: what an empty Knowledge Risk section says in a view', () => {
  it('says "none" only when every record was assessed', () => {
    assert.equal(emptySectionWord({ assessed: 3, notAssessed: 0 }), 'none');
    assert.equal(emptySectionWord({ assessed: 0, notAssessed: 0 }), 'none');
    assert.equal(emptySectionWord({ assessed: 0, notAssessed: 70, advice: legacyAdvice(70) }), 'not assessed');
    assert.equal(emptySectionWord({ assessed: 12, notAssessed: 4, advice: legacyAdvice(4) }), 'none of 12 · 4 not assessed');
  });
});

describe('the knowledge-risk report on records whose answers are still open', () => {
  /** As `legible migrate` leaves a record: Legible frontmatter whose answers are placeholders. */
  const migrated = (title: string, status: string) =>
    cleanAdr(title)
      .replace('status: accepted', `status: ${status}`)
      .replace('reversibility: {door: two-way}', 'reversibility: {door: <one-way | two-way>}')
      .replace('knowledge-exit-path: {holders: [amira], successors: [bo], mechanisms: [runbook]}', 'review-by: <When should this decision be revisited? (YYYY-MM-DD)>\nknowledge-exit-path: {holders: [<Who holds the knowledge?>], successors: [<Who takes over?>], mechanisms: [runbook]}');
  const soleHolder = cleanAdr('Held alone').replace('successors: [bo]', 'successors: []').replace('reversibility: {door: two-way}', 'reversibility: {door: one-way, how: Restore.}\ndeciders: [amira, bo]');

  it('counts them apart: a section says "None known" or "Not judged", never a bare "None."', async () => {
    const all = await entries({
        '0001-accepted.md': migrated('Accepted, nothing answered', 'accepted'),
        '0002-no-status.md': migrated('No status yet', '<proposed | accepted>'),
        '0003-held-alone.md': soleHolder,
      });
    const report = knowledgeRisk(all, TODAY);
    assert.deepEqual(report.open, { status: 1, holders: 1, door: 2, reviewBy: 1, due: 0 });
    const md = renderReportMarkdown(report, ROOT);
    assert.match(md, /^# Knowledge risk\n\n3 records, 2 in force, 1 with no status yet; as of 2026-11-21\.\n/);
    const by = sections(md);
    assert.ok(by.get('Decisions only one person holds')!.endsWith('Held alone — risk low, one-way\n\nNot judged: 1 decision in force has not answered who holds its knowledge (`knowledge-exit-path.holders`) yet.'), by.get('Decisions only one person holds'));
    assert.ok(by.get('Overdue exit plans')!.endsWith('_\n\nNone.'));
    assert.ok(by.get('Overdue reviews')!.endsWith('_\n\nNone known: 1 decision in force has not answered when to revisit it (`review-by`) yet.'), by.get('Overdue reviews'));
    assert.ok(by.get('One-way doors decided alone')!.endsWith('_\n\nNone known: 2 decisions have not answered how reversible each is, or who decided a one-way door (`reversibility.door`, `deciders`) yet.'), by.get('One-way doors decided alone'));
    const html = renderReportHtml({ report, graph: decisionGraph(all, { today: TODAY, report }), departures: [], script: '', style: '', nonce: 'n', href: (p) => p });
    assert.ok(html.includes('<p class="muted">None known: 1 decision in force has not answered when to revisit it (<code>review-by</code>) yet.</p>'), 'the HTML page says it too');
    assert.ok(html.includes('<p class="muted">Not judged: 1 decision in force has not answered who holds its knowledge (<code>knowledge-exit-path.holders</code>) yet.</p>'));
  });

  it('the tree\'s word for an empty section counts the unanswered apart from the unassessed', () => {
    assert.equal(emptySectionWord({ assessed: 3, notAssessed: 0 }, 2), 'none known · 2 unanswered');
    assert.equal(emptySectionWord({ assessed: 3, notAssessed: 0 }, 0), 'none');
    assert.equal(emptySectionWord({ assessed: 3, notAssessed: 4 }, 2), 'none of 3 · 2 unanswered · 4 not assessed');
    assert.equal(emptySectionWord({ assessed: 0, notAssessed: 4 }, 0), 'not assessed');
  });
});
