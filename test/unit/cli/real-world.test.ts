import { strict as assert } from 'node:assert';
import { cp, readdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseRecordName } from '../../../src/core/numbering/record-name';
import { REAL_WORLD_FOLDERS } from '../support/real-world';
import { buildCli, cleanupTemps, exists, gitRepository, REAL_WORLD, REPO_ROOT, runCli, tempDir, TODAY } from './cli-process';

const CORPORA = REAL_WORLD_FOLDERS;

interface JsonFile {
  path: string;
  findings: Array<{ ruleId: string; severity: string; line: number }>;
}

/** Real decision folders from public repositories, none written for Legible: each record is legacy. */
describe('legible lint on real-world legacy folders (process)', function () {
  this.timeout(60_000);
  before(async function () {
    if (!(await exists(REAL_WORLD))) {
      throw new Error(`The real-world corpus is missing: expected ${REAL_WORLD} (test/fixtures/real-world in the repository) with ${CORPORA.join(', ')}.`);
    }
    await buildCli();
  });
  after(cleanupTemps);

  for (const corpus of CORPORA) {
    it(`${corpus}: one frontmatter-missing per record, no crash; exit 0, and 1 with --max-warnings 0`, async () => {
      const folder = path.join(REAL_WORLD, corpus);
      assert.ok(await exists(folder), `missing corpus folder ${folder}`);
      const relative = path.relative(REPO_ROOT, folder).split(path.sep).join('/');
      const records = (await readdir(folder)).filter((name) => parseRecordName(name) !== undefined).sort();
      assert.ok(records.length > 5, `${folder} holds records`);

      const json = await runCli(['lint', relative, '--today', TODAY, '--format', 'json'], { cwd: REPO_ROOT });
      assert.equal(json.stderr, '');
      assert.equal(json.code, 0, 'legacy records are warnings, not errors');
      const files = JSON.parse(json.stdout) as JsonFile[];
      assert.deepEqual(files.map((f) => f.path), records.map((name) => `${relative}/${name}`), 'every record is linted; templates and index files are not');
      for (const file of files) {
        assert.deepEqual(file.findings.map((f) => `${f.ruleId} ${f.severity}`), ['frontmatter-missing warning'], file.path);
      }

      const strict = await runCli(['lint', relative, '--today', TODAY, '--max-warnings', '0'], { cwd: REPO_ROOT });
      assert.equal(strict.code, 1);
      assert.equal(strict.stderr, `legible: warning: ${records.length} warnings, more than --max-warnings 0 allows.\n`);
      // The summary, then the way out: migrate gives every one of them frontmatter.
      assert.ok(strict.stdout.endsWith(`✖ ${records.length} problems (0 errors, ${records.length} warnings)\n${records.length} records without Legible frontmatter: \`legible migrate\` writes it into every one, keeping the rest of each file (\`--dry-run\` shows the change first).\n\n`), strict.stdout.slice(-300));
      assert.equal(strict.stdout.match(/ frontmatter-missing$/gm)?.length, records.length);
    });
  }

  it('the README\'s adoption recipes pass on day one: frontmatter-missing as info, or --max-warnings at today\'s count', async () => {
    const root = await tempDir();
    await cp(path.join(REAL_WORLD, 'jabref'), path.join(root, 'docs', 'decisions'), { recursive: true });
    gitRepository(root);
    const records = (await readdir(path.join(root, 'docs', 'decisions'))).filter((name) => /^\d{4,}-.*\.md$/.test(name)).length;
    const recipe = ['lint', '--format', 'github', '--today', TODAY];

    const dayOne = await runCli([...recipe, '--max-warnings', '0'], { cwd: root });
    assert.equal(dayOne.code, 1, 'the plain recipe fails on a legacy folder: why the README has this section');

    // Ratchet: the cap at today's count passes, one fewer fails.
    assert.equal((await runCli([...recipe, '--max-warnings', String(records)], { cwd: root })).code, 0);
    assert.equal((await runCli([...recipe, '--max-warnings', String(records - 1)], { cwd: root })).code, 1);

    // Lenient: the legacy finding as a notice, and --max-warnings 0 holds.
    await writeFile(path.join(root, '.legible.json'), JSON.stringify({ rules: { 'frontmatter-missing': 'info' } }));
    const lenient = await runCli([...recipe, '--max-warnings', '0'], { cwd: root });
    assert.equal(lenient.code, 0, lenient.stderr);
    const lines = lenient.stdout.trimEnd().split('\n');
    assert.equal(lines.length, records);
    for (const line of lines) assert.match(line, /^::notice file=docs\/decisions\/\d{4}-[^,]+\.md,line=\d+,.*title=Legible frontmatter-missing::/);
  });

  it('lists and reports on a legacy folder without failing', async () => {
    const relative = path.relative(REPO_ROOT, path.join(REAL_WORLD, 'log4brains')).split(path.sep).join('/');
    const list = await runCli(['list', relative], { cwd: REPO_ROOT });
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^ADR-20200924 +accepted +- +- +Use Markdown Architectural Decision Records {2}\(/m);
    const report = await runCli(['report', relative, '--today', TODAY], { cwd: REPO_ROOT });
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /^9 records: 0 with Legible frontmatter, 9 without \(not assessed\); as of 2026-11-21\.$/m);
    assert.match(report.stdout, /^> 9 records are not assessed: .*`legible migrate` adds the frontmatter to every legacy record/m);
    assert.ok(!report.stdout.includes('None.'), 'an empty section on records it could not assess is not "None."');
  });
});
