// `legible lint` with paths in several workspaces of one repository: a monorepo whose projects each
// have a .legible.json, as its pre-commit hook passes the staged records of all of them at once.
import { strict as assert } from 'node:assert';
import { mkdir, realpath } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { parse } from 'yaml';
import { buildCli, cleanupTemps, EXAMPLES, git, gitRepository, readFile, REPO_ROOT, runCli, tempDir, TODAY, writeFile } from './cli-process';
import { sarifProblems } from './sarif-structure';

const EXAMPLE_RECORDS = path.join(EXAMPLES, 'docs', 'decisions');
/** Three placeholder warnings, nothing else (its `related` names a record neither project has). */
const WARNED = 'docs/decisions/0001-add-a-second-card-acquirer-for-failover.md';
/** One frontmatter-schema error; its governs match nothing, which project b's config turns off. */
const ERRED = 'docs/decisions/0014-use-uuids-for-public-payment-identifiers.md';

interface JsonFile {
  path: string;
  findings: Array<{ ruleId: string; severity: string }>;
}

/**
 * One git repository, two projects: `a` (a record with three warnings) and `b` (a record with an
 * error, and one with three warnings), each with its own .legible.json. b's turns
 * governs-matches-nothing off: linted with a's configuration, b's error record would warn too.
 */
async function monorepo(): Promise<string> {
  const repo = await tempDir('legible-monorepo-');
  const warned = (await readFile(path.join(EXAMPLE_RECORDS, '0013-add-a-second-card-acquirer-for-failover.md'), 'utf8')).replace(/^related: .*\n/m, '');
  const erred = await readFile(path.join(EXAMPLE_RECORDS, '0007-use-uuids-for-public-payment-identifiers.md'), 'utf8');
  for (const project of ['a', 'b']) await mkdir(path.join(repo, project, 'docs', 'decisions'), { recursive: true });
  await writeFile(path.join(repo, 'a', '.legible.json'), JSON.stringify({ folders: ['docs/decisions'] }));
  await writeFile(path.join(repo, 'b', '.legible.json'), JSON.stringify({ folders: ['docs/decisions'], rules: { 'governs-matches-nothing': 'off' } }));
  await writeFile(path.join(repo, 'a', WARNED), warned);
  await writeFile(path.join(repo, 'b', WARNED), warned);
  await writeFile(path.join(repo, 'b', ERRED), erred);
  gitRepository(repo);
  return repo;
}

const A_WARNED = `a/${WARNED}`;
const B_WARNED = `b/${WARNED}`;
const B_ERRED = `b/${ERRED}`;

function lint(args: readonly string[], cwd: string) {
  return runCli(['lint', '--today', TODAY, ...args], { cwd });
}

describe('legible lint with paths in several projects of a monorepo (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  it('stylish: one report of both projects, each linted with its own configuration; exit 1 for the error', async () => {
    const repo = await monorepo();
    const result = await lint([A_WARNED, B_ERRED], repo);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stderr, '');
    const blocks = result.stdout.split('\n\n').map((block) => block.trim()).filter(Boolean);
    assert.deepEqual(blocks.map((block) => block.split('\n')[0]), [A_WARNED, B_ERRED, '✖ 4 problems (1 error, 3 warnings)']);
    assert.ok(!result.stdout.includes('governs-matches-nothing'), result.stdout);
    // Paths stay relative to the current folder, in a project as at the root (and sorted as shown).
    const fromA = await lint([WARNED, `../${B_ERRED}`], path.join(repo, 'a'));
    assert.equal(fromA.code, 1, fromA.stderr);
    assert.deepEqual(fromA.stdout.split('\n\n').map((block) => block.trim().split('\n')[0]).filter(Boolean), [`../${B_ERRED}`, WARNED, '✖ 4 problems (1 error, 3 warnings)']);
  });

  it('json: one array of both projects\' files', async () => {
    const repo = await monorepo();
    const result = await lint(['--format', 'json', B_ERRED, A_WARNED, B_WARNED], repo);
    assert.equal(result.code, 1, result.stderr);
    const files = JSON.parse(result.stdout) as JsonFile[];
    assert.deepEqual(
      files.map((file) => [file.path, file.findings.map((finding) => `${finding.severity} ${finding.ruleId}`)]),
      [
        [A_WARNED, ['warning placeholder', 'warning placeholder', 'warning placeholder']],
        [B_WARNED, ['warning placeholder', 'warning placeholder', 'warning placeholder']],
        [B_ERRED, ['error frontmatter-schema']],
      ],
    );
  });

  it('sarif: one run with every result, located from the repository root (%SRCROOT%), run from a project', async () => {
    const repo = await monorepo();
    const result = await lint(['--format', 'sarif', WARNED, `../${B_ERRED}`], path.join(repo, 'a'));
    assert.equal(result.code, 1, result.stderr);
    const log = JSON.parse(result.stdout) as { runs: Array<{ originalUriBaseIds: Record<string, { uri: string }>; results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }> }> };
    assert.deepEqual(sarifProblems(log), []);
    assert.equal(log.runs.length, 1);
    const [run] = log.runs;
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(await realpath(repo)).href}/`);
    assert.deepEqual(
      run.results.map((r) => `${r.locations[0].physicalLocation.artifactLocation.uriBaseId} ${r.locations[0].physicalLocation.artifactLocation.uri} ${r.ruleId}`),
      // In the order stylish shows them from here: ../b before the project's own docs.
      [`%SRCROOT% ${B_ERRED} frontmatter-schema`, ...Array(3).fill(`%SRCROOT% ${A_WARNED} placeholder`)],
    );
  });

  it('github: one set of annotations, files named from the repository root', async () => {
    const repo = await monorepo();
    const result = await lint(['--format', 'github', `../a/${WARNED}`, ERRED], path.join(repo, 'b'));
    assert.equal(result.code, 1, result.stderr);
    const annotations = result.stdout.trimEnd().split('\n').map((line) => /^::(\w+) file=([^,]+),/.exec(line)?.slice(1).join(' '));
    assert.deepEqual(annotations, [...Array(3).fill(`warning ${A_WARNED}`), `error ${B_ERRED}`]);
  });

  it('exit codes: 0 on warnings alone; --max-warnings counts the warnings of every project together', async () => {
    const repo = await monorepo();
    const within = await lint([A_WARNED, B_WARNED, '--max-warnings', '6'], repo);
    assert.equal(within.code, 0, within.stdout + within.stderr);
    assert.match(within.stdout, /✖ 6 problems \(0 errors, 6 warnings\)\n/);
    // Each project has 3 warnings, within 5; together they have 6.
    const over = await lint([A_WARNED, B_WARNED, '--max-warnings', '5'], repo);
    assert.equal(over.code, 1, over.stdout);
    assert.equal(over.stderr, 'legible: warning: 6 warnings, more than --max-warnings 5 allows.\n');
  });

  it('--cache over both projects: a folder keeps a file per project, as results without it; one file named draws a warning', async () => {
    const repo = await monorepo();
    const plain = await lint(['--format', 'json', A_WARNED, B_ERRED], repo);
    for (let run = 0; run < 2; run++) {
      const cached = await lint(['--format', 'json', '--cache-location', '.cache/', A_WARNED, B_ERRED], repo);
      assert.equal(cached.stdout, plain.stdout, `run ${run + 1} with the cache differs from a run without it`);
      assert.equal(cached.stderr, '');
    }
    const oneFile = await lint(['--format', 'json', '--cache-location', '.cache/one.json', A_WARNED, B_ERRED], repo);
    assert.equal(oneFile.stdout, plain.stdout);
    assert.equal(oneFile.stderr, 'legible: warning: --cache-location names one file, but the paths lie in 2 workspaces: each writes it in turn, so it keeps only the last one\'s results. Name a folder (.cache/), which holds a cache file per workspace.\n');
  });

  it('as the pre-commit hook runs it: the staged records of both projects, blocked by the error', async () => {
    const repo = await monorepo();
    const [hook] = parse(await readFile(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ entry: string; files: string }>;
    for (const file of [A_WARNED, B_ERRED]) await writeFile(path.join(repo, file), `${await readFile(path.join(repo, file), 'utf8')}\nEdited.\n`);
    await writeFile(path.join(repo, 'b', 'notes.md'), '# Notes\n');
    git(repo, 'add', A_WARNED, B_ERRED, 'b/notes.md');
    const staged = git(repo, 'diff', '--cached', '--name-only').split('\n').filter((file) => file && new RegExp(hook.files).test(file));
    assert.deepEqual(staged, [A_WARNED, B_ERRED]);
    const [, ...entryArgs] = hook.entry.split(' ');
    const blocked = await runCli([...entryArgs, '--today', TODAY, ...staged], { cwd: repo });
    assert.equal(blocked.code, 1, blocked.stderr);
    assert.match(blocked.stdout, /✖ 4 problems \(1 error, 3 warnings\)\n/);
    // The error fixed (the record of a, with warnings only, staged beside it): the commit goes through.
    await writeFile(path.join(repo, B_ERRED), (await readFile(path.join(repo, B_ERRED), 'utf8')).replace('  door: one-way\n', '  door: one-way\n  how: A migration maps each UUID back to a sequence.\n'));
    git(repo, 'add', B_ERRED);
    const passed = await runCli([...entryArgs, '--today', TODAY, ...staged], { cwd: repo });
    assert.equal(passed.code, 0, passed.stdout + passed.stderr);
    assert.match(passed.stdout, /✖ 3 problems \(0 errors, 3 warnings\)\n/);
  });

  it('still refuses a path in another repository, with a clear error (exit 2)', async () => {
    const repo = await monorepo();
    const other = await monorepo();
    const result = await lint([A_WARNED, path.join(other, B_ERRED)], repo);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `legible: ${path.join(other, B_ERRED)} lies outside the repository of the first path (.); lint each repository on its own\n`);
  });
});

