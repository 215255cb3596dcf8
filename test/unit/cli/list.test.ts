import { strict as assert } from 'node:assert';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { buildCli, cleanupTemps, copyExamples, DECISIONS, runCli, TODAY, writeFile } from './cli-process';

describe('legible list (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  it('prints one aligned line per record, in number order', async () => {
    const root = await copyExamples();
    const result = await runCli(['list', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    const names = (await readdir(path.join(root, DECISIONS))).filter((name) => /^\d{4}-.*\.md$/.test(name)).sort();
    assert.equal(lines.length, names.length);
    assert.ok(lines.every((line, i) => line.endsWith(`  (docs/decisions/${names[i]})`)), 'sorted by number, each with its path');
    assert.match(lines[2], /^ADR-0003 +accepted +critical +one-way +Hold settlement funds at a single partner bank {2}\(/);
    assert.match(lines[10], /^EXIT-0011 +in-progress +- +- +Hand over settlement bank operations from Jonas {2}\(/);
    assert.match(lines[8], /^ADR-0009 +accepted +- +- +Use Terraform for cloud infrastructure {2}\(/, 'a legacy record shows what it carries');
    // Aligned: every column starts at the same offset on each line.
    const columnStarts = (line: string) => [...line.matchAll(/ {2,}(?=\S)/g)].slice(0, 4).map((m) => m.index! + m[0].length);
    assert.equal(new Set(lines.map((line) => columnStarts(line).join(','))).size, 1, result.stdout);
  });

  it('--json prints every record\'s data: no ranges, sets as arrays, paths relative', async () => {
    const root = await copyExamples();
    const result = await runCli(['list', '--json', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    const entries = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    assert.equal(entries.length, 14);
    assert.deepEqual(entries.map((e) => e.number), Array.from({ length: 14 }, (_, i) => i + 1));
    const text = result.stdout;
    assert.ok(!/"(range|anchor|statusRange)"/.test(text), 'no editor ranges');
    assert.ok(!text.includes(root), 'no absolute paths');
    const first = entries[0];
    assert.equal(first.path, 'docs/decisions/0001-use-postgresql-as-the-system-of-record-for-the-payments-ledger.md');
    assert.equal(first.folder, 'docs/decisions');
    assert.equal(first.type, 'adr');
    assert.deepEqual(first.owners, ['priya']);
    assert.deepEqual(first.plan, { raw: 'EXIT-0012', number: 12, prefix: 'EXIT' });
    assert.deepEqual(first.artifacts, [{ target: '../runbooks/ledger-reconciliation.md', resolved: 'docs/runbooks/ledger-reconciliation.md' }]);
    assert.match(String((first.tradeoff as Record<string, string>)['reduces-risk']), /\S/, 'the business-tradeoff answers, read from the file');
    assert.deepEqual(Object.keys(first.tradeoff as object).sort(), ['accepts-cost', 'eases-later', 'preserves-option', 'protects-outcome', 'reduces-risk']);
    assert.ok(entries.every((e) => Array.isArray(e.suppressed) || e.suppressed === 'all'), 'suppressed rules as an array');
    const legacy = entries.find((e) => e.number === 9)!;
    assert.equal(legacy.legacy, 'nygard');
  });

  it('shows `?` where a status, risk or door is still a placeholder (`-` where none is written), never the placeholder itself', async () => {
    const root = await copyExamples();
    const draft = ['---', 'type: adr', 'title: Add a second acquirer', 'status: <proposed | accepted>', 'date: 2026-11-21', 'owners: [<Who is accountable for this record?>]', 'reversibility:', '  door: <one-way | two-way>', 'risk: TBD', '---', '', '# Add a second acquirer', ''].join('\n');
    await writeFile(path.join(root, DECISIONS, '0015-add-a-second-acquirer.md'), draft);
    const result = await runCli(['list', '--today', TODAY], { cwd: root });
    const line = result.stdout.split('\n').find((l) => l.startsWith('ADR-0015'));
    assert.match(line ?? '', /^ADR-0015 +\? +\? +\? +Add a second acquirer {2}\(/, result.stdout);
    const json = JSON.parse((await runCli(['list', '--json', '--today', TODAY], { cwd: root })).stdout) as Array<Record<string, unknown>>;
    const entry = json.find((e) => e.number === 15)!;
    assert.deepEqual([entry.status, entry.risk, entry.door, entry.owners], [undefined, undefined, undefined, []]);
    assert.deepEqual(entry.placeholders, ['/status', '/owners/0', '/reversibility/door', '/risk']);
    assert.ok(!JSON.stringify(json).includes('<Who is accountable'), 'no placeholder posing as a name');
  });

  it('lists a folder named on the command line', async () => {
    const root = await copyExamples();
    const result = await runCli(['list', DECISIONS, '--today', TODAY], { cwd: path.join(root) });
    assert.equal(result.stdout.trimEnd().split('\n').length, 14);
    const missing = await runCli(['list', 'nowhere'], { cwd: root });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'legible: no such folder: nowhere\n');
  });
});
