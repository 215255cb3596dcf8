import { strict as assert } from 'node:assert';
import { mkdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { buildCli, cleanupTemps, copyExamples, DECISIONS, EXAMPLES, readFile, runCli, snapshot, tempDir, TODAY, writeFile } from './cli-process';

const RECORD_1 = `${DECISIONS}/0001-use-postgresql-as-the-system-of-record-for-the-payments-ledger.md`.split(path.sep).join('/');
const PLAN_11 = 'docs/decisions/0011-hand-over-settlement-bank-operations-from-jonas.md';
/** A complete, valid ADR of the examples, to copy under other names. */
const COMPLETE_ADR = path.join(EXAMPLES, DECISIONS, '0005-build-an-in-house-fx-rates-service.md');

/** The files whose bytes differ between two snapshots, and those added. */
function changes(before: Map<string, string>, after: Map<string, string>): { changed: string[]; added: string[] } {
  return { changed: [...before.keys()].filter((key) => after.get(key) !== before.get(key)), added: [...after.keys()].filter((key) => !before.has(key)) };
}

describe('legible status and legible supersede (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  describe('legible status <id|file> <status>', () => {
    it('sets the status by id, prints what changed, and leaves every other byte', async () => {
      const root = await copyExamples();
      const original = await readFile(path.join(root, RECORD_1), 'utf8');
      const before = await snapshot(root);
      const result = await runCli(['status', 'ADR-0001', 'deprecated'], { cwd: root });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `${RECORD_1}: status accepted → deprecated\n`);
      assert.deepEqual(changes(before, await snapshot(root)), { changed: [RECORD_1], added: [] });
      assert.equal(await readFile(path.join(root, RECORD_1), 'utf8'), original.replace('\nstatus: accepted\n', '\nstatus: deprecated\n'));
    });

    it('takes a plain number or a file path, from a subfolder too, and says when nothing changes', async () => {
      const root = await copyExamples();
      const byPath = await runCli(['status', 'decisions/0011-hand-over-settlement-bank-operations-from-jonas.md', 'verified'], { cwd: path.join(root, 'docs') });
      assert.equal(byPath.code, 0, byPath.stderr);
      assert.equal(byPath.stdout, 'decisions/0011-hand-over-settlement-bank-operations-from-jonas.md: status in-progress → verified\n');
      const before = await snapshot(root);
      const written = (await stat(path.join(root, PLAN_11))).mtimeMs;
      const again = await runCli(['status', '11', 'verified'], { cwd: root });
      assert.equal(again.code, 0, again.stderr);
      assert.equal(again.stdout, `${PLAN_11}: status is already verified\n`);
      assert.deepEqual(changes(before, await snapshot(root)), { changed: [], added: [] });
      assert.equal((await stat(path.join(root, PLAN_11))).mtimeMs, written, 'the file is not rewritten');
    });

    it('warns, naming the placeholders left, when it puts a record in force; writes the status all the same', async () => {
      const root = await copyExamples();
      const record = path.join(DECISIONS, '0015-draft.md');
      const text = ['---', 'type: adr', 'title: Draft', 'status: proposed', 'date: 2026-11-21', 'owners: [dana]', 'reversibility:', '  door: <one-way | two-way>', 'risk:', '  level: TBD', '---', '', '# Draft', ''].join('\n');
      await writeFile(path.join(root, record), text);
      const shown = record.split(path.sep).join('/');
      const result = await runCli(['status', '0015', 'accepted'], { cwd: root });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `${shown}: status proposed → accepted\n`);
      assert.equal(result.stderr, `legible: warning: ${shown}: \`reversibility.door\` and \`risk.level\` are still placeholders: 2 open questions for a record about to be accepted. Answer them, or \`legible lint\` reports each one (placeholder-in-force).\n`);
      assert.equal(await readFile(path.join(root, record), 'utf8'), text.replace('status: proposed', 'status: accepted'));
      const rejected = await runCli(['status', '0015', 'rejected'], { cwd: root });
      assert.equal(rejected.stderr, '', 'a status not in force asks nothing');
    });

    it('refuses a status outside the type\'s vocabulary, with the question and a did-you-mean, and writes nothing', async () => {
      const root = await copyExamples();
      const before = await snapshot(root);
      const typo = await runCli(['status', '0001', 'acepted'], { cwd: root });
      assert.equal(typo.code, 2);
      assert.equal(typo.stderr, `legible: ${RECORD_1}: \`status\`: "acepted" is not one of the adr statuses. Where is this ADR in its life cycle? (proposed, accepted, rejected, deprecated, superseded) Did you mean accepted?\n`);
      const other = await runCli(['status', '0011', 'accepted'], { cwd: root });
      assert.equal(other.code, 2);
      assert.match(other.stderr, /"accepted" is not one of the exit-plan statuses\. .+ \(planned, in-progress, verified, abandoned\)\n$/);
      assert.deepEqual(await snapshot(root), before);
    });

    it('names what is missing: an unknown id, a usage, an id two folders share', async () => {
      const root = await copyExamples();
      const unknown = await runCli(['status', '0099', 'accepted'], { cwd: root });
      assert.equal(unknown.code, 2);
      assert.equal(unknown.stderr, 'legible: no record has the id 0099 in docs/decisions; which record did you mean? (\'legible list\' shows every id)\n');
      assert.equal((await runCli(['status', '0001'], { cwd: root })).code, 2);
      assert.match((await runCli(['status', 'latest', 'accepted'], { cwd: root })).stderr, /neither an id \(0007, ADR-0007\) nor a Markdown file/);
      await mkdir(path.join(root, 'docs', 'rfcs'));
      await writeFile(path.join(root, 'docs', 'rfcs', '0001-split.md'), '---\ntype: rfc\ntitle: Split\nstatus: draft\n---\n');
      await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: ['docs/decisions', 'docs/rfcs'] }));
      const shared = await runCli(['status', '0001', 'accepted'], { cwd: root });
      assert.equal(shared.code, 2);
      assert.equal(shared.stderr, `legible: 0001 names 2 records (ADR-0001 ${RECORD_1}, RFC-0001 docs/rfcs/0001-split.md); name the file instead\n`);
      const typed = await runCli(['status', 'RFC-0001', 'review'], { cwd: root });
      assert.equal(typed.stdout, 'docs/rfcs/0001-split.md: status draft → review\n', 'the type prefix tells them apart');
    });

    it('keeps a BOM and CRLF line breaks: only the status value changes', async () => {
      const root = await tempDir();
      await mkdir(path.join(root, '.git'));
      await mkdir(path.join(root, DECISIONS), { recursive: true });
      const lf = `\uFEFF${await readFile(COMPLETE_ADR, 'utf8')}`;
      const crlf = lf.replace(/\n/g, '\r\n');
      await writeFile(path.join(root, DECISIONS, '0001-good.md'), lf);
      await writeFile(path.join(root, DECISIONS, '0002-crlf.md'), crlf);
      assert.equal((await runCli(['status', '1', 'deprecated'], { cwd: root })).code, 0);
      assert.equal((await runCli(['status', 'docs/decisions/0002-crlf.md', 'deprecated'], { cwd: root })).code, 0);
      assert.deepEqual(await readFile(path.join(root, DECISIONS, '0001-good.md')), Buffer.from(lf.replace('\nstatus: accepted\n', '\nstatus: deprecated\n'), 'utf8'));
      assert.deepEqual(await readFile(path.join(root, DECISIONS, '0002-crlf.md')), Buffer.from(crlf.replace('\r\nstatus: accepted\r\n', '\r\nstatus: deprecated\r\n'), 'utf8'));
    });

    it('refuses a record without Legible frontmatter', async () => {
      const root = await tempDir();
      await mkdir(path.join(root, '.git'));
      await mkdir(path.join(root, 'docs', 'adr'), { recursive: true });
      await writeFile(path.join(root, 'docs', 'adr', '0001-use-json.md'), '# 1. Use JSON\n\n## Status\n\nAccepted\n');
      const result = await runCli(['status', '1', 'deprecated'], { cwd: root });
      assert.equal(result.code, 2);
      assert.equal(result.stderr, 'legible: docs/adr/0001-use-json.md: this record has no Legible frontmatter, so it has no `status` to set; add Legible frontmatter first.\n');
    });
  });

  describe('legible supersede <id|file> "New title"', () => {
    it('creates the successor in the same folder and convention, links both ways, and marks the old one superseded', async () => {
      const root = await copyExamples();
      const original = await readFile(path.join(root, RECORD_1), 'utf8');
      const before = await snapshot(root);
      const result = await runCli(['supersede', '0001', 'Use CockroachDB for the payments ledger', '--owner', 'dana', '--today', TODAY], { cwd: root });
      assert.equal(result.code, 0, result.stderr);
      const created = 'docs/decisions/0015-use-cockroachdb-for-the-payments-ledger.md';
      assert.equal(result.stdout, `${created}\n${RECORD_1}: status accepted → superseded, superseded-by + ADR-0015\n`);
      assert.deepEqual(changes(before, await snapshot(root)), { changed: [RECORD_1], added: [created] });
      const text = await readFile(path.join(root, created), 'utf8');
      assert.match(text, /^---\ntype: adr\ntitle: Use CockroachDB for the payments ledger\nstatus: proposed\ndate: 2026-11-21\nowners:\n {2}- dana\n/);
      assert.match(text, /\nsupersedes: \[ADR-0001\]\n/);
      assert.equal(await readFile(path.join(root, RECORD_1), 'utf8'), original.replace('\nstatus: accepted\n', '\nstatus: superseded\n').replace('\nconsulted: [li.wei]\n', '\nconsulted: [li.wei]\nsuperseded-by: [ADR-0015]\n'));
      // Both sides agree: status-consistency and reference-resolves have nothing to say.
      const lint = await runCli(['lint', RECORD_1, created, '--format', 'json', '--today', TODAY], { cwd: root });
      const rules = (JSON.parse(lint.stdout) as Array<{ findings: Array<{ ruleId: string }> }>).flatMap((file) => file.findings.map((f) => f.ruleId));
      assert.ok(!rules.includes('status-consistency') && !rules.includes('reference-resolves'), rules.join(', '));
    });

    it('run again with the same title, says nothing changed and writes nothing: no second successor', async () => {
      const root = await copyExamples();
      const args = ['supersede', '0001', 'Use CockroachDB for the payments ledger', '--owner', 'dana', '--today', TODAY];
      assert.equal((await runCli(args, { cwd: root })).code, 0);
      const before = await snapshot(root);
      const written = (await stat(path.join(root, RECORD_1))).mtimeMs;
      const again = await runCli([...args.slice(0, 2), 'use cockroachdb for the  payments ledger', ...args.slice(3)], { cwd: root });
      assert.equal(again.code, 0, again.stderr);
      assert.equal(again.stdout, `${RECORD_1}: already superseded by ADR-0015, "Use CockroachDB for the payments ledger" (0015-use-cockroachdb-for-the-payments-ledger.md); nothing changed.\n`);
      assert.deepEqual(changes(before, await snapshot(root)), { changed: [], added: [] });
      assert.equal((await stat(path.join(root, RECORD_1))).mtimeMs, written, 'the old record is not rewritten');
    });

    it('carries the old record\'s people, risk and filing over, says so on stderr, and leaves the new decision\'s own answers open', async () => {
      const root = await copyExamples();
      const result = await runCli(['supersede', '0001', 'Use CockroachDB for the payments ledger', '--today', TODAY], { cwd: root });
      assert.equal(result.code, 0, result.stderr);
      const created = 'docs/decisions/0015-use-cockroachdb-for-the-payments-ledger.md';
      assert.match(result.stderr, /^legible: carried over from ADR-0001: owners, deciders, .*risk\.level.*knowledge-exit-path\.holders, knowledge-exit-path\.successors\n$/);
      const text = await readFile(path.join(root, created), 'utf8');
      assert.match(text, /\nowners:\n {2}- priya\n/, 'the old owners, not git\'s user');
      assert.match(text, /\n {2}door: <one-way \| two-way>\n/, 'the door is the new decision\'s own question');
      const list = await runCli(['list', '--json', '--today', TODAY], { cwd: root });
      const entries = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
      const [old, successor] = [entries.find((e) => e.number === 1)!, entries.find((e) => e.number === 15)!];
      for (const key of ['owners', 'deciders', 'holders', 'successors', 'risk', 'blastRadius', 'tags']) assert.deepEqual(successor[key], old[key], key);
    });

    it('in a date-named folder, names the successor for the day, in the folder\'s style', async () => {
      const root = await tempDir();
      await mkdir(path.join(root, '.git'));
      await mkdir(path.join(root, 'docs', 'adr'), { recursive: true });
      const old = 'docs/adr/20200924_use_json.md';
      await writeFile(path.join(root, old), '---\ntype: adr\ntitle: Use JSON\nstatus: accepted\ndate: 2020-09-24\n---\n\n# Use JSON\n');
      const result = await runCli(['supersede', old, 'Use YAML', '--owner', 'dana', '--today', TODAY], { cwd: root });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `docs/adr/20261121_use_yaml.md\n${old}: status accepted → superseded, superseded-by + ADR-20261121\n`);
      assert.equal(await readFile(path.join(root, old), 'utf8'), '---\ntype: adr\ntitle: Use JSON\nstatus: superseded\ndate: 2020-09-24\nsuperseded-by: [ADR-20261121]\n---\n\n# Use JSON\n');
      assert.match(await readFile(path.join(root, 'docs', 'adr', '20261121_use_yaml.md'), 'utf8'), /\nsupersedes: \[ADR-20200924\]\n/);
    });

    it('in a two-digit folder (01-x.md), links both records as ADR-0001 and ADR-0002, ids lint accepts', async () => {
      const root = await tempDir();
      await mkdir(path.join(root, '.git'));
      await mkdir(path.join(root, DECISIONS), { recursive: true });
      const old = 'docs/decisions/01-good.md';
      await writeFile(path.join(root, old), await readFile(COMPLETE_ADR, 'utf8'));
      await mkdir(path.join(root, 'docs', 'runbooks'));
      await writeFile(path.join(root, 'docs', 'runbooks', 'fx-rates-service.md'), '# Runbook\n');
      const result = await runCli(['supersede', '01', 'Better', '--owner', 'bob', '--today', TODAY], { cwd: root });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `docs/decisions/02-better.md\n${old}: status accepted → superseded, superseded-by + ADR-0002\n`);
      assert.match(await readFile(path.join(root, old), 'utf8'), /\nsuperseded-by: \[ADR-0002\]\n/);
      assert.match(await readFile(path.join(root, 'docs', 'decisions', '02-better.md'), 'utf8'), /\nsupersedes: \[ADR-0001\]\n/);
      const lint = await runCli(['lint', '--format', 'json', '--today', TODAY], { cwd: root });
      const rules = (JSON.parse(lint.stdout) as Array<{ findings: Array<{ ruleId: string }> }>).flatMap((file) => file.findings.map((f) => f.ruleId));
      assert.ok(!rules.includes('frontmatter-schema') && !rules.includes('status-consistency') && !rules.includes('reference-resolves'), rules.join(', '));
    });

    it('in a date-named folder, refuses to name a successor by an id another record of that day has, and writes nothing', async () => {
      const root = await tempDir();
      await mkdir(path.join(root, '.git'));
      await mkdir(path.join(root, DECISIONS), { recursive: true });
      const old = 'docs/decisions/20201103-use-lunr.md';
      await writeFile(path.join(root, old), await readFile(COMPLETE_ADR, 'utf8'));
      const kafka = await runCli(['new', 'adr', 'Use Kafka', '--owner', 'a', '--today', TODAY], { cwd: root });
      assert.equal(kafka.stdout, 'docs/decisions/20261121-use-kafka.md\n', kafka.stderr);
      const before = await snapshot(root);
      const result = await runCli(['supersede', '20201103', 'Use Algolia', '--owner', 'b', '--today', TODAY], { cwd: root });
      assert.equal(result.code, 2);
      assert.equal(
        result.stderr,
        `legible: ${old}: the new record would be ADR-20261121, which 20261121-use-kafka.md already is (records named for the same day share their id), so \`superseded-by: [ADR-20261121]\` would not say which record replaces this one. Nothing was written; supersede it on a day no other adr in this folder is named for.\n`,
      );
      assert.deepEqual(await snapshot(root), before, 'no record, no reservation left behind');
      // The day after, the id is the new record's alone.
      const later = await runCli(['supersede', old, 'Use Algolia', '--owner', 'b', '--today', '2026-11-22'], { cwd: root });
      assert.equal(later.code, 0, later.stderr);
      assert.match(await readFile(path.join(root, old), 'utf8'), /\nsuperseded-by: \[ADR-20261122\]\n/);
    });

    it('keeps a BOM and CRLF line breaks in the old record, as status does', async () => {
      const root = await tempDir();
      await mkdir(path.join(root, '.git'));
      await mkdir(path.join(root, DECISIONS), { recursive: true });
      const old = 'docs/decisions/0001-good.md';
      const original = `\uFEFF${(await readFile(COMPLETE_ADR, 'utf8')).replace(/\n/g, '\r\n')}`;
      await writeFile(path.join(root, old), original);
      const result = await runCli(['supersede', '1', 'Better', '--owner', 'bob', '--today', TODAY], { cwd: root });
      assert.equal(result.code, 0, result.stderr);
      const expected = original.replace('\r\nstatus: accepted\r\n', '\r\nstatus: superseded\r\n').replace('\r\ndeciders: [li.wei, priya]\r\n', '\r\ndeciders: [li.wei, priya]\r\nsuperseded-by: [ADR-0002]\r\n');
      assert.notEqual(expected, original);
      assert.deepEqual(await readFile(path.join(root, old)), Buffer.from(expected, 'utf8'));
    });

    it('refuses an exit plan, and needs a title; nothing is written', async () => {
      const root = await copyExamples();
      const before = await snapshot(root);
      const plan = await runCli(['supersede', '0011', 'Another plan', '--today', TODAY], { cwd: root });
      assert.equal(plan.code, 2);
      assert.equal(plan.stderr, `legible: ${PLAN_11}: an exit-plan is never superseded; which \`status\` says what became of it (planned, in-progress, verified, abandoned)?\n`);
      assert.equal((await runCli(['supersede', '0001'], { cwd: root })).code, 2);
      assert.deepEqual(await snapshot(root), before);
    });
  });

  it('both are in legible --help', async () => {
    const help = await runCli(['--help'], { cwd: await tempDir() });
    assert.match(help.stdout, /\n {2}status +Set a record's status/);
    assert.match(help.stdout, /\n {2}supersede +Replace a decision with a new record/);
    const status = await runCli(['status', '--help'], { cwd: await tempDir() });
    assert.match(status.stdout, /^Usage: legible status <id\|file> <status>\n/);
    assert.match(status.stdout, /\n {2}exit-plan: planned, in-progress, verified, abandoned\n/);
  });
});
