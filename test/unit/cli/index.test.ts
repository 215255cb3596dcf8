import { strict as assert } from 'node:assert';
import { cp, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { buildCli, cleanupTemps, copyExamples, DECISIONS, exists, readFile, REAL_WORLD, runCli, snapshot, tempDir, writeFile } from './cli-process';

const START = '<!-- legible:index:start -->';
const END = '<!-- legible:index:end -->';

describe('legible index (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  it('writes a table of every record into the folder README, and a second run changes no byte', async () => {
    const root = await copyExamples();
    const readme = path.join(root, DECISIONS, 'README.md');
    const first = await runCli(['index'], { cwd: root });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, 'docs/decisions/README.md\n');
    const text = await readFile(readme, 'utf8');
    const table = text.slice(text.indexOf(START), text.indexOf(END));
    const records = (await readdir(path.join(root, DECISIONS))).filter((name) => /^\d{4}-.*\.md$/.test(name));
    for (const name of records) assert.ok(table.includes(`](${name})`), `${name} is linked`);
    assert.match(table, /\| \[ADR-0003\]\(0003-hold-settlement-funds-at-a-single-partner-bank\.md\) \| Hold settlement funds at a single partner bank \| accepted \| critical \| one-way \| jonas \|/);
    assert.match(table, /\| \[EXIT-0011\]\(0011-[^)]+\) \|/);

    const before = await snapshot(root);
    const second = await runCli(['index'], { cwd: root });
    assert.equal(second.code, 0);
    assert.equal(second.stdout, first.stdout);
    assert.deepEqual(await snapshot(root), before);
  });

  it('keeps the hand-written text around the markers, and replaces only what lies between them', async () => {
    const root = await copyExamples();
    const readme = path.join(root, DECISIONS, 'README.md');
    const above = '# Our decisions\n\nWritten by hand, with a | pipe and a <!-- comment -->.\n\n';
    const below = '\n\n## How to propose one\n\nRun `legible new adr "Title"`.\n';
    await writeFile(readme, `${above}${START}\nstale table\n${END}${below}`);
    await runCli(['index'], { cwd: root });
    const once = await readFile(readme, 'utf8');
    assert.ok(once.startsWith(`${above}${START}\n| Id | Title |`), once.slice(0, 200));
    assert.ok(once.endsWith(`${END}${below}`));
    assert.ok(!once.includes('stale table'));
    await runCli(['index'], { cwd: root });
    assert.equal(await readFile(readme, 'utf8'), once);
  });

  it('appends the table to a README without markers, keeping its text', async () => {
    const root = await copyExamples();
    const readme = path.join(root, DECISIONS, 'README.md');
    await writeFile(readme, '# Decisions\r\n\r\nThe why behind the how.\r\n');
    await runCli(['index'], { cwd: root });
    const once = await readFile(readme, 'utf8');
    assert.ok(once.startsWith('# Decisions\r\n\r\nThe why behind the how.\r\n\r\n<!-- legible:index:start -->\r\n'), JSON.stringify(once.slice(0, 120)));
    assert.ok(!/[^\r]\n/.test(once), 'the file keeps its CRLF line endings');
    await runCli(['index'], { cwd: root });
    assert.equal(await readFile(readme, 'utf8'), once);
  });

  it('keeps a README\'s byte order mark, with CRLF or without', async () => {
    const root = await copyExamples();
    const readme = path.join(root, DECISIONS, 'README.md');
    for (const eol of ['\n', '\r\n']) {
      await writeFile(readme, `\ufeff# Decisions${eol}${eol}The why behind the how.${eol}`);
      await runCli(['index'], { cwd: root });
      const bytes = await readFile(readme);
      assert.deepEqual([...bytes.subarray(0, 5)], [0xef, 0xbb, 0xbf, 0x23, 0x20], 'one BOM, then the heading');
      const text = bytes.toString('utf8');
      assert.ok(text.includes(`The why behind the how.${eol}${eol}<!-- legible:index:start -->${eol}`), JSON.stringify(text.slice(0, 120)));
      await runCli(['index'], { cwd: root });
      assert.deepEqual(await readFile(readme), bytes, 'a second run changes nothing');
    }
  });

  it('--output writes one table to the named file, with links relative to it', async () => {
    const root = await copyExamples();
    const result = await runCli(['index', '--output', 'DECISIONS.md'], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'DECISIONS.md\n');
    const text = await readFile(path.join(root, 'DECISIONS.md'), 'utf8');
    assert.match(text, /^# Decision records\n\n<!-- legible:index:start -->\n/);
    assert.match(text, /\[ADR-0001\]\(docs\/decisions\/0001-use-postgresql-[a-z-]+\.md\)/);
  });

  it('exits 2 with one line when the file cannot be written, and shows the stack only with LEGIBLE_DEBUG', async () => {
    const root = await copyExamples();
    const result = await runCli(['index', '--output', 'missing/folder/INDEX.md'], { cwd: root });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^legible: error: ENOENT: no such file or directory, open '[^']*INDEX\.md'\n$/);
    const debug = await runCli(['index', '--output', 'missing/folder/INDEX.md'], { cwd: root, env: { LEGIBLE_DEBUG: '1' } });
    assert.equal(debug.code, 2);
    assert.match(debug.stderr, /^legible: error: ENOENT[^\n]*\nError: ENOENT[^\n]*\n {4}at /);
  });

  it('writes into the folder\'s index.md when it has no README.md, keeping its text, and creates no README', async () => {
    const root = await copyExamples();
    const index = path.join(root, DECISIONS, 'index.md');
    const page = '---\nparent: Decisions\nnav_order: 100\n---\n# Decisions\n\nThe site\'s page for this folder.\n';
    await writeFile(index, page);
    const first = await runCli(['index'], { cwd: root });
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, 'docs/decisions/index.md\n');
    assert.ok(!(await exists(path.join(root, DECISIONS, 'README.md'))), 'no second front page beside index.md');
    const text = await readFile(index, 'utf8');
    assert.ok(text.startsWith(`${page}\n${START}\n| Id | Title |`), text.slice(0, 300));
    assert.match(text, /\| \[ADR-0003\]\(0003-hold-settlement-funds-at-a-single-partner-bank\.md\) \|/);
    const before = await snapshot(root);
    await runCli(['index'], { cwd: root });
    assert.deepEqual(await snapshot(root), before, 'a second run changes nothing');

    // Once there is a README.md, it is the one written.
    await writeFile(path.join(root, DECISIONS, 'README.md'), '# Decisions\n');
    const third = await runCli(['index'], { cwd: root });
    assert.equal(third.stdout, 'docs/decisions/README.md\n');
    assert.equal(await readFile(index, 'utf8'), text, 'index.md is left as it was');
  });

  it('on a MADR folder (its own index.md, no README): the table joins index.md', async () => {
    const root = await tempDir();
    const folder = path.join(root, 'docs', 'decisions');
    await cp(path.join(REAL_WORLD, 'madr'), folder, { recursive: true });
    const original = await readFile(path.join(folder, 'index.md'), 'utf8');
    const result = await runCli(['index'], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'docs/decisions/index.md\n');
    const text = await readFile(path.join(folder, 'index.md'), 'utf8');
    assert.ok(text.startsWith(original.replace(/\s*$/, '')), 'the hand-written page is kept');
    assert.match(text, /\n\| \[ADR-0001\]\(0001-use-CC0-or-MIT-as-license\.md\) \| Dual License the Work \|/);
    assert.ok(!(await exists(path.join(folder, 'README.md'))));
  });

  it('rejects an unknown option with exit 2', async () => {
    const root = await copyExamples();
    const result = await runCli(['index', '--out'], { cwd: root });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^legible: unknown option --out/);
  });
});
