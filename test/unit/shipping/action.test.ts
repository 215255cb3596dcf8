// The GitHub Action's entry point (action.yml → dist/action.js) run as the runner runs it: `node
// dist/action.js` with INPUT_* for the inputs and GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY and
// GITHUB_OUTPUT set, against a fixture repository. dist/ is the release build that npm pack made
// (the CLI beside the entry is the one in the npm package).
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { capture, type Captured } from '../../harness/proc';
import { baseEnv, git, gitRepository } from '../cli/cli-process';
import { packedTarball, REPO } from './packages';

const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

/** A record whose every field is answered; `edit` changes its text. */
function record(title: string, edit: (text: string) => string = (text) => text): string {
  return edit(`---
type: adr
title: ${title}
status: accepted
date: 2026-03-02
owners: [amira]
deciders: [amira, bo]
reversibility: {door: two-way, how: dump and restore}
risk: {level: low, blast-radius: component, mitigation: backups}
business-tradeoff: {reduces-risk: outage, preserves-option: exit, accepts-cost: cost, eases-later: scale, protects-outcome: revenue}
knowledge-exit-path: {holders: [amira, bo], successors: [cy], mechanisms: [runbook], artifacts: [../runbook.md]}
---

# ${title}

## Context

C.

## Decision

D.

## Consequences

E.
`);
}

const GOOD = '0001-use-postgresql.md';
/** One warning: a placeholder on line 10 of a proposed record (on an accepted one it is an error: placeholder-in-force). */
const PLACEHOLDER = '0002-publish-events-through-kafka.md';
/** One error on line 9; a `|` in its name, which must not split a row of the summary's table. */
const INVALID = '0003-hold-funds|at-one-bank.md';

/** A repository with three records in `prefix`docs/decisions (and the runbook they link). */
async function fixtureRepository(prefix = ''): Promise<string> {
  const repo = await mkdtemp(path.join(tmpdir(), 'legible-action-repo-'));
  const decisions = path.join(repo, prefix, 'docs', 'decisions');
  await mkdir(decisions, { recursive: true });
  await writeFile(path.join(repo, prefix, 'docs', 'runbook.md'), '# Runbook\n');
  await writeFile(path.join(decisions, GOOD), record('Use PostgreSQL'));
  await writeFile(path.join(decisions, PLACEHOLDER), record('Publish events through Kafka', (text) => text.replace('status: accepted', 'status: proposed').replace('accepts-cost: cost', 'accepts-cost: TODO')));
  await writeFile(path.join(decisions, INVALID), record('Hold funds at one bank', (text) => text.replace('level: low', 'level: extreme')));
  // A monorepo's project says where its records are (the repository root has none of its own).
  if (prefix) await writeFile(path.join(repo, prefix, '.legible.json'), '{ "folders": ["docs/decisions"] }\n');
  gitRepository(repo);
  return repo;
}

interface ActionRun extends Captured {
  readonly summary: string;
  readonly outputs: Record<string, string>;
  /** The runner's temporary folder of the run (RUNNER_TEMP), and what the run left in it. */
  readonly runnerTemp: string;
  readonly leftInTemp: readonly string[];
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks as a map. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const end = lines.indexOf(match[2], i + 1);
    assert.ok(end > i, `output ${match[1]} has no closing delimiter`);
    outputs[match[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/** Runs the entry point in `workspace` with the given inputs, as the runner would. */
async function runAction(workspace: string, inputs: Record<string, string> = {}, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const { stage } = await packedTarball();
  const files = await mkdtemp(path.join(tmpdir(), 'legible-action-files-'));
  const summaryFile = path.join(files, 'step_summary.md');
  const outputFile = path.join(files, 'output');
  await writeFile(summaryFile, '');
  await writeFile(outputFile, '');
  const runnerTemp = path.join(files, 'runner-temp');
  await mkdir(runnerTemp);
  // action.yml's defaults, as the runner passes them when the workflow names no value.
  const defaults: Record<string, string> = { paths: '', 'max-warnings': '', format: 'github', sarif: '', 'working-directory': '.', affected: 'false', base: '' };
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(workspace),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/payments',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    RUNNER_TEMP: runnerTemp,
    ...extraEnv,
  };
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value;
  // The runner starts the entry in the workspace; the Action's files are elsewhere (action_path).
  const ran = await capture(process.execPath, [path.join(stage, 'dist', 'action.js')], { cwd: workspace, env });
  const leftInTemp = (await readdir(runnerTemp, { recursive: true })).sort();
  const result = { ...ran, summary: await readFile(summaryFile, 'utf8'), outputs: parseOutputs(await readFile(outputFile, 'utf8')), runnerTemp, leftInTemp };
  await rm(files, { recursive: true, force: true });
  return result;
}

/** The summary table's rows: its cells, split on unescaped `|`. */
function tableRows(summary: string): string[][] {
  return summary
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---') && !/^\| \| (Record|File) \|/.test(line))
    .map((line) => line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()));
}

describe('the GitHub Action (action.yml, dist/action.js)', function () {
  this.timeout(180_000);
  const repos: string[] = [];
  const fixture = async (prefix?: string) => {
    const repo = await fixtureRepository(prefix);
    repos.push(repo);
    return repo;
  };
  after(() => Promise.all(repos.map((repo) => rm(repo, { recursive: true, force: true }))));

  it('annotates each finding, fails on an error, and says which Legible ran', async () => {
    const ran = await runAction(await fixture());
    assert.equal(ran.code, 1, ran.stderr);
    const lines = ran.stdout.split('\n');
    assert.equal(lines[0], `Legible ${VERSION}: legible lint --format github --cache --cache-location ${path.join(ran.runnerTemp, 'legible-cache')}${path.sep}`);
    assert.deepEqual(
      lines.filter((line) => line.startsWith('::')).map((line) => line.replace(/,endLine.*?::/, '::').replace(/::[^:]*$/, '')),
      [`::warning file=docs/decisions/${PLACEHOLDER},line=10,col=81`, `::error file=docs/decisions/${INVALID},line=9,col=15`],
    );
    assert.deepEqual(ran.outputs, { errors: '1', warnings: '1', notices: '0', records: '3', 'sarif-file': '', version: VERSION });
  });

  it('writes a job summary: the verdict, and a row per finding linking to its line', async () => {
    const ran = await runAction(await fixture());
    assert.match(ran.summary, /^### ❌ Legible: 1 error, 1 warning in 3 decision records$/m);
    assert.match(ran.summary, /^\| \| Record \| Line \| Rule \| Finding \|$/m);
    const blob = 'https://github.com/acme/payments/blob/0123456789abcdef0123456789abcdef01234567';
    assert.deepEqual(tableRows(ran.summary), [
      ['⚠️', `docs/decisions/${PLACEHOLDER}`, `[10](${blob}/docs/decisions/${PLACEHOLDER}#L10)`, '[`placeholder`](https://github.com/legible-dev/legible/blob/main/README.md#rule-placeholder)', '`business-tradeoff.accepts-cost` is still a placeholder. What cost are we accepting?'],
      ['❌', 'docs/decisions/0003-hold-funds\\|at-one-bank.md', `[9](${blob}/docs/decisions/0003-hold-funds%7Cat-one-bank.md#L9)`, '[`frontmatter-schema`](https://github.com/legible-dev/legible/blob/main/README.md#rule-frontmatter-schema)', '`risk.level` is "extreme"; expected low, medium, high or critical. How bad would it be if this went wrong?'],
    ]);
    assert.match(ran.summary, new RegExp(`<sub>Legible ${VERSION.replace(/\./g, '\\.')}</sub>`));
  });

  it('lints only the paths given, and passes when they hold no error', async () => {
    const ran = await runAction(await fixture(), { paths: `docs/decisions/${GOOD}\ndocs/decisions/${PLACEHOLDER}\n` });
    assert.equal(ran.code, 0, ran.stdout);
    assert.deepEqual([ran.outputs.errors, ran.outputs.warnings, ran.outputs.records], ['0', '1', '2']);
    assert.match(ran.summary, /^### ✅ Legible: 0 errors, 1 warning in 2 decision records$/m);
  });

  it('counts records only: code files with findings, a Markdown runbook among them, are listed but not counted as records', async () => {
    const repo = await fixture();
    await mkdir(path.join(repo, 'services'));
    await writeFile(path.join(repo, 'services', 'events.ts'), '// Published as ADR-0099 says.\n');
    await writeFile(path.join(repo, 'docs', 'runbook.md'), '# Runbook\n\nRestore as ADR-0098 says.\n');
    git(repo, 'add', '-A');
    const ran = await runAction(repo);
    assert.equal(ran.code, 1, ran.stderr);
    assert.equal(ran.outputs.records, '3');
    assert.match(ran.summary, /^### ❌ Legible: 3 errors, 1 warning in 3 decision records$/m);
    assert.deepEqual(tableRows(ran.summary).map((row) => row[1]).filter((file) => !file.startsWith('docs/decisions/')), ['docs/runbook.md', 'services/events.ts']);
    assert.match(ran.summary, /^\| \| File \| Line \| Rule \| Finding \|$/m, 'code files have rows: the column is of files');
  });

  it('fails on more warnings than max-warnings, and says so in the summary', async () => {
    const repo = await fixture();
    const ran = await runAction(repo, { paths: `docs/decisions/${PLACEHOLDER}`, 'max-warnings': '0' });
    assert.equal(ran.code, 1);
    assert.match(ran.summary, /^More warnings than `max-warnings` allows \(0\)\.$/m);
    assert.equal((await runAction(repo, { paths: `docs/decisions/${PLACEHOLDER}`, 'max-warnings': '1' })).code, 0);
    // -1: no limit, as ESLint reads it (workflows copied from ESLint's pass it so).
    const unlimited = await runAction(repo, { paths: `docs/decisions/${PLACEHOLDER}`, 'max-warnings': '-1' });
    assert.equal(unlimited.code, 0, unlimited.stdout);
    assert.match(unlimited.summary, /^### ✅ Legible: 0 errors, 1 warning in 1 decision record$/m);
    assert.match((await runAction(repo, { 'max-warnings': '-2' })).stdout, /input max-warnings: '-2' is not a whole number of 0 or more, nor -1 \(no limit\)/);
  });

  it('writes SARIF for code scanning when asked, and names the file in its outputs', async () => {
    const repo = await fixture();
    const ran = await runAction(repo, { sarif: 'results/legible.sarif' });
    assert.equal(ran.code, 1);
    const file = path.join(repo, 'results', 'legible.sarif');
    assert.equal(ran.outputs['sarif-file'], file);
    const sarif = JSON.parse(await readFile(file, 'utf8')) as { version: string; runs: Array<{ tool: { driver: { version: string } }; results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.version, VERSION);
    assert.deepEqual(sarif.runs[0].results.map((result) => [result.ruleId, result.locations[0].physicalLocation.artifactLocation.uri]), [
      ['placeholder', `docs/decisions/${PLACEHOLDER}`],
      ['frontmatter-schema', 'docs/decisions/0003-hold-funds%7Cat-one-bank.md'],
    ]);
  });

  it("shares one --cache between its runs in the runner's temporary folder, and writes nothing into the workspace", async () => {
    const repo = await fixture();
    const ran = await runAction(repo);
    assert.equal(ran.code, 1, ran.stderr);
    // The lint's results and the history it read, for the later runs of the step.
    assert.deepEqual(
      ran.leftInTemp.map((name) => name.replace(/-[0-9a-f]{16}\./, '-<root>.')),
      ['legible-cache', path.join('legible-cache', 'lint-cache-<root>.json'), path.join('legible-cache', 'lint-history-<root>.json')],
    );
    assert.equal(git(repo, 'status', '--porcelain', '--ignored'), '');
    assert.equal(existsSync(path.join(repo, '.git', 'legible')), false);
  });

  it('prints a plain report instead of annotations with format: stylish', async () => {
    const ran = await runAction(await fixture(), { format: 'stylish' });
    assert.equal(ran.code, 1);
    assert.doesNotMatch(ran.stdout, /^::/m);
    assert.match(ran.stdout, /✖ 2 problems \(1 error, 1 warning\)/);
  });

  it('runs in working-directory, still naming files from the repository root', async () => {
    const repo = await fixture('services/payments');
    const ran = await runAction(repo, { 'working-directory': 'services/payments' });
    assert.equal(ran.code, 1);
    assert.match(ran.stdout, new RegExp(`^::warning file=services/payments/docs/decisions/${PLACEHOLDER},line=10,`, 'm'));
    assert.match(ran.summary, new RegExp(`\\| services/payments/docs/decisions/${PLACEHOLDER} \\| \\[10\\]\\(https://github\\.com/acme/payments/blob/[0-9a-f]+/services/payments/docs/decisions/${PLACEHOLDER}#L10\\)`));
  });

  it('refuses a wrong input with exit code 2, naming the input and what it asks', async () => {
    const repo = await fixture();
    const format = await runAction(repo, { format: 'xml' });
    assert.equal(format.code, 2);
    assert.match(format.stdout, /^::error title=Legible::input format: 'xml' is not one of github, stylish, json\. How should the findings reach the log\?$/m);
    const max = await runAction(repo, { 'max-warnings': 'many' });
    assert.equal(max.code, 2);
    assert.match(max.stdout, /input max-warnings: 'many' is not a whole number/);
    const cwd = await runAction(repo, { 'working-directory': 'nowhere' });
    assert.equal(cwd.code, 2);
    assert.match(cwd.stdout, /input working-directory: nowhere does not exist in the workspace/);
    assert.deepEqual([format.outputs, max.outputs, cwd.outputs], [{}, {}, {}]);
  });

  it("fails with exit code 2 and the CLI's message on a configuration error", async () => {
    const repo = await fixture();
    await writeFile(path.join(repo, '.legible.json'), '{ "folders": ["docs/missing"] }');
    const ran = await runAction(repo);
    assert.equal(ran.code, 2);
    assert.match(ran.stderr, /docs\/missing/);
    assert.match(ran.summary, /^### ❌ Legible could not lint$/m);
  });

  it('tells a workflow on a branch without dist/ to use a release tag', async () => {
    const ran = await runAction(await fixture(), {}, { LEGIBLE_ACTION_CLI: path.join(tmpdir(), 'no-such-legible', 'dist', 'cli.js') });
    assert.equal(ran.code, 2);
    assert.match(ran.stdout, /^::error title=Legible::this ref of the Legible Action has no built CLI .*Use a release tag/m);
  });

  describe('affected: `legible affected` in the summary', () => {
    /** A pull request event whose base is `sha`. */
    async function event(repo: string, sha: string): Promise<string> {
      const file = path.join(repo, '..', `${path.basename(repo)}-event.json`);
      repos.push(file);
      await writeFile(file, JSON.stringify({ pull_request: { base: { sha } } }));
      return file;
    }

    it("appends the decisions the pull request touches, once, after the lint's table", async () => {
      const repo = await fixture();
      const base = git(repo, 'rev-parse', 'HEAD').trim();
      git(repo, 'checkout', '--quiet', '-b', 'topic');
      await writeFile(path.join(repo, 'docs', 'decisions', '0004-use-kafka.md'), record('Use Kafka'));
      git(repo, 'add', '--all');
      git(repo, 'commit', '--quiet', '--message', 'Kafka');
      const ran = await runAction(repo, { affected: 'true' }, { GITHUB_EVENT_PATH: await event(repo, base) });
      assert.equal(ran.code, 1);
      assert.match(ran.summary, /^- `docs\/decisions\/0004-use-kafka\.md` \(added\): ADR-0004 Use Kafka \(accepted\)$/m);
      assert.equal(ran.summary.split('## Decisions this change touches').length, 2, ran.summary);
      assert.ok(ran.summary.indexOf('Decisions this change touches') > ran.summary.indexOf('| | Record'));
    });

    it('says so in the summary when there is no base to compare with, and keeps the lint verdict', async () => {
      const ran = await runAction(await fixture(), { affected: 'true' });
      assert.equal(ran.code, 1);
      assert.match(ran.stdout, /^::notice title=Legible::affected: true needs a base to compare with/m);
      assert.match(ran.summary, /no base to compare with/);
    });

    it('warns, and keeps the lint verdict, when git lacks the base (a shallow clone)', async () => {
      const repo = await fixture();
      const ran = await runAction(repo, { affected: 'true', base: 'origin/main' });
      assert.equal(ran.code, 1);
      assert.match(ran.stdout, /^::warning title=Legible::legible affected failed \(exit 2\): legible: git could not list .*fetch-depth: 0/m);
      assert.match(ran.summary, /`legible affected` failed \(exit 2\)/);
    });

    it('says in the summary when this Legible has no affected command', async () => {
      const repo = await fixture();
      const { stage } = await packedTarball();
      // An older Legible: the real CLI for everything but `affected`.
      const cli = path.join(repo, '..', `${path.basename(repo)}-cli.js`);
      repos.push(cli);
      await writeFile(cli, `const [command, ...rest] = process.argv.slice(2);
if (command === 'affected') { process.stderr.write("legible: unknown command 'affected'; expected lint\\n"); process.exitCode = 2; }
else { const r = require('node:child_process').spawnSync(process.execPath, [${JSON.stringify(path.join(stage, 'dist', 'cli.js'))}, command, ...rest], { stdio: 'inherit' }); process.exitCode = r.status; }
`);
      await chmod(cli, 0o755);
      const ran = await runAction(repo, { affected: 'true', base: 'b4se' }, { LEGIBLE_ACTION_CLI: cli });
      assert.equal(ran.code, 1);
      assert.match(ran.stdout, /^::notice title=Legible::legible \S+ has no 'affected' command yet/m);
      assert.match(ran.summary, /has no `affected` command yet; this summary shows the lint only/);
    });

    it('refuses a base input git would read as an option', async () => {
      const ran = await runAction(await fixture(), { affected: 'true', base: '--output=x' });
      assert.equal(ran.code, 2);
      assert.match(ran.stdout, /^::error title=Legible::input base: '--output=x' starts with "-"/m);
    });
  });

  describe('action.yml', () => {
    interface ActionYml {
      inputs: Record<string, { description: string; default?: string }>;
      outputs: Record<string, { description: string }>;
      runs: { using: string; main: string };
    }
    const readActionYml = async () => parse(await readFile(path.join(REPO, 'action.yml'), 'utf8')) as ActionYml;

    it('runs the bundled entry on a Node the runner has, with the inputs the entry reads', async () => {
      const yml = await readActionYml();
      assert.equal(yml.runs.using, 'node24');
      const { stage } = await packedTarball();
      await readFile(path.join(stage, yml.runs.main));
      assert.deepEqual(Object.keys(yml.inputs).sort(), ['affected', 'base', 'format', 'max-warnings', 'paths', 'sarif', 'working-directory']);
      for (const [name, input] of Object.entries(yml.inputs)) assert.ok(input.description.length > 20, name);
    });

    it('declares every output the entry writes', async () => {
      const ran = await runAction(await fixture());
      const yml = await readActionYml();
      assert.deepEqual(Object.keys(ran.outputs).sort(), Object.keys(yml.outputs).sort());
    });

    it("is documented in the README with a workflow that uses this version's tag and every input", async () => {
      const readme = await readFile(path.join(REPO, 'README.md'), 'utf8');
      assert.ok(readme.includes(`uses: legible-dev/legible@v${VERSION}\n`), `the README has no workflow with uses: legible-dev/legible@v${VERSION}`);
      const yml = await readActionYml();
      for (const name of Object.keys(yml.inputs)) assert.ok(readme.includes(`\`${name}\``), `the README does not document the input ${name}`);
    });
  });
});

