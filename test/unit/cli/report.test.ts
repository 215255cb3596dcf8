import { strict as assert } from 'node:assert';
import { cp, readdir, readFile } from 'node:fs/promises';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as path from 'node:path';
import { buildCli, cleanupTemps, copyExamples, exampleIntent, REAL_WORLD, runCli, tempDir, TODAY } from './cli-process';

interface Ref { id: string; title: string; path: string; status?: string }
interface Report {
  today: string;
  soleHolders: Array<{ person: string; decisions: Ref[] }>;
  overdueExitPlans: Array<Ref & { due: string; holders: string[] }>;
  overdueReviews: Array<Ref & { reviewBy: string }>;
  oneWayDoorsDecidedAlone: Array<Ref & { decider: string }>;
  counts: { records: number; inForce: number; legacy: number };
  assessment: { assessed: number; notAssessed: number; advice?: string };
}

/** The record id the report uses for an example file, e.g. ADR-0005 for docs/decisions/0005-….md. */
function idOf(file: string, type = 'ADR'): string {
  return `${type}-${/\/(\d{4})-/.exec(file)![1]}`;
}

/** The example rows meant to trigger a rule, from examples/README.md. */
async function intended(rule: string): Promise<Array<{ file: string; text: string }>> {
  const rows = [...(await exampleIntent())].filter(([, row]) => row.rules.includes(rule)).map(([file, row]) => ({ file, text: row.text }));
  assert.ok(rows.length, `examples/README.md names a record for ${rule}`);
  return rows;
}

describe('legible report (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  it('names, as JSON, the people and records examples/README.md means to be at risk', async () => {
    const root = await copyExamples();
    const result = await runCli(['report', '--format', 'json', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as Report;
    assert.equal(report.today, TODAY);
    assert.deepEqual(report.counts, { records: 14, inForce: 8, legacy: 1 });
    // The one legacy record (0010, MADR) is counted, and the way to assess it is said.
    assert.equal(report.assessment.assessed, 13);
    assert.equal(report.assessment.notAssessed, 1);
    assert.match(report.assessment.advice ?? '', /^1 record is not assessed: .*`legible migrate`.*"Add Legible frontmatter"/);

    // single-point-of-knowledge: li.wei alone holds ADR-0005.
    const [spok] = await intended('single-point-of-knowledge');
    assert.ok(spok.text.includes('`li.wei`'));
    assert.deepEqual(report.soleHolders.map((h) => [h.person, h.decisions.map((d) => d.id)]), [['li.wei', [idOf(spok.file)]]]);
    assert.equal(report.soleHolders[0].decisions[0].path, spok.file);

    // exit-plan-overdue: EXIT-0011, held by jonas, due 2025-06-30.
    const [overdue] = await intended('exit-plan-overdue');
    assert.deepEqual(report.overdueExitPlans.map((p) => [p.id, p.due, p.holders]), [[idOf(overdue.file, 'EXIT'), '2025-06-30', ['jonas']]]);
    assert.ok(overdue.text.includes('2025-06-30'));

    // review-overdue: ADR-0004, review by 2024-10-15.
    const [review] = await intended('review-overdue');
    assert.deepEqual(report.overdueReviews.map((r) => [r.id, r.reviewBy]), [[idOf(review.file), '2024-10-15']]);
    assert.ok(review.text.includes('2024-10-15'));

    // one-way-door-single-decider: ADR-0003, decided by jonas alone.
    const [door] = await intended('one-way-door-single-decider');
    assert.deepEqual(report.oneWayDoorsDecidedAlone.map((r) => [r.id, r.decider]), [[idOf(door.file), 'jonas']]);
    assert.ok(door.text.includes('`jonas`'));
  });

  it('says the same in Markdown, with links relative to the current folder', async () => {
    const root = await copyExamples();
    const result = await runCli(['report', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.match(md, /^# Knowledge risk\n\n14 records: 13 with Legible frontmatter \(8 in force\), 1 without \(not assessed\); as of 2026-11-21\.\n\n> 1 record is not assessed: .*`legible migrate` adds the frontmatter to every legacy record.*"Add Legible frontmatter"/);
    const section = (title: string) => md.slice(md.indexOf(`## ${title}`)).split(/\n## /)[0];
    const [spok] = await intended('single-point-of-knowledge');
    assert.match(section('Decisions only one person holds'), new RegExp(`### li\\.wei \\(1\\)\\n\\n- \\[ADR-0005\\]\\(${spok.file}\\) `));
    assert.match(section('Overdue exit plans'), /- \[EXIT-0011\]\(docs\/decisions\/0011-[a-z-]+\.md\) .* due 2025-06-30, in-progress; held by jonas/);
    assert.match(section('Overdue reviews'), /- \[ADR-0004\]\(docs\/decisions\/0004-[a-z-]+\.md\) .* review by 2024-10-15/);
    assert.match(section('One-way doors decided alone'), /- \[ADR-0003\]\(docs\/decisions\/0003-[a-z-]+\.md\) .* decided by jonas/);
  });

  it('on a folder of legacy records says how many are not assessed and how to migrate them, never "None."', async () => {
    const root = await tempDir();
    await cp(path.join(REAL_WORLD, 'madr'), path.join(root, 'docs', 'decisions'), { recursive: true });
    const records = (await readdir(path.join(root, 'docs', 'decisions'))).filter((name) => /^\d{4}-.*\.md$/.test(name)).length;
    assert.ok(records > 5);

    const md = await runCli(['report', '--today', TODAY], { cwd: root });
    assert.equal(md.code, 0, md.stderr);
    assert.ok(md.stdout.startsWith(`# Knowledge risk\n\n${records} records: 0 with Legible frontmatter, ${records} without (not assessed); as of 2026-11-21.\n\n> ${records} records are not assessed: `), md.stdout);
    assert.match(md.stdout, /`legible migrate` adds the frontmatter to every legacy record \(with `--dry-run`, it shows what it would change\); in the editor, the quick fix "Add Legible frontmatter" adds it to one\.\n/);
    assert.ok(!md.stdout.includes('None.'), md.stdout);
    assert.equal(md.stdout.split(`\n\nNot assessed: none of the ${records} records has Legible frontmatter.\n`).length - 1, 4, 'each of the four sections says it could not look');

    const json = await runCli(['report', '--format', 'json', '--today', TODAY], { cwd: root });
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as Report;
    assert.deepEqual(report.counts, { records, inForce: 0, legacy: records });
    assert.equal(report.assessment.assessed, 0);
    assert.equal(report.assessment.notAssessed, records);
    assert.match(report.assessment.advice ?? '', new RegExp(`^${records} records are not assessed: .*\`legible migrate\``));

    const person = await runCli(['report', '--person', 'nobody', '--today', TODAY], { cwd: root });
    assert.match(person.stdout, new RegExp(`\n\n> ${records} records are not assessed: `));
    assert.ok(!person.stdout.includes('None.'), person.stdout);
  });

  it('--person shows what would be orphaned if that person left', async () => {
    const root = await copyExamples();
    const json = await runCli(['report', '--person', 'li.wei', '--format', 'json', '--today', TODAY], { cwd: root });
    assert.equal(json.code, 0, json.stderr);
    const impact = JSON.parse(json.stdout) as { person: string; loseOnlyHolder: Ref[]; loseOnlyOwner: Ref[]; openExitPlans: Ref[]; involved: number };
    assert.equal(impact.person, 'li.wei');
    assert.deepEqual(impact.loseOnlyHolder.map((r) => r.id), ['ADR-0005']);
    assert.ok(impact.involved >= 1);

    const md = await runCli(['report', '--person', 'jonas', '--today', TODAY], { cwd: root });
    assert.match(md.stdout, /^# If jonas left today\n/);
    assert.match(md.stdout, /## Open exit plans involving them\n\n_[^_]+_\n\n(- .*\n)*- \[EXIT-0011\]/);
  });

  it('warns when no record names the person, listing who is named', async () => {
    const root = await copyExamples();
    const result = await runCli(['report', '--person', 'nobody', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 0);
    assert.match(result.stderr, /^legible: warning: no record names "nobody"; the people named are .*\bjonas\b.*\bli\.wei\b/);
    assert.match(result.stdout, /nobody is named in 0 records/);
  });

  it('rejects a bad --format with exit 2', async () => {
    const root = await copyExamples();
    const result = await runCli(['report', '--format', 'pdf'], { cwd: root });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, "legible: unknown format 'pdf'; expected md, json or html\n");
  });

  it('writes JSON that schemas/report.schema.json describes, with and without --person', async () => {
    const root = await copyExamples();
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(path.join(__dirname, '..', '..', '..', 'schemas', 'report.schema.json'), 'utf8')) as object);
    for (const args of [[], ['--person', 'li.wei']]) {
      const result = await runCli(['report', '--format', 'json', '--today', TODAY, ...args], { cwd: root });
      assert.equal(result.code, 0, result.stderr);
      assert.ok(validate(JSON.parse(result.stdout)), JSON.stringify(validate.errors));
    }
    assert.ok(!validate({ today: TODAY, soleHolders: [] }), 'a report without its sections is not valid');
  });

  it('writes the HTML page to --output, with record links relative to it, and says where', async () => {
    const root = await copyExamples();
    const result = await runCli(['report', '--format', 'html', '--output', 'docs/report.html', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'docs/report.html\n');
    const html = await readFile(path.join(root, 'docs', 'report.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes('href="decisions/0005-build-an-in-house-fx-rates-service.md"'));
    // Self-contained: no src= or stylesheet link that a browser would fetch.
    assert.doesNotMatch(html, /<script[^>]*\ssrc=|<link[^>]*stylesheet/);
    assert.ok(html.includes('id="legible-map-data"'));
  });
});
