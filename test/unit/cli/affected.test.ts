import assert from 'node:assert/strict';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { RULES } from '../../../src/core/rules/registry';
import { cleanupTemps, exists, git, runCli, tempDir, TODAY } from './cli-process';
import { putFile as put } from '../support/put-file';

/** A record with every field answered; `extra` adds frontmatter lines (`governs`). */
function record(title: string, extra = '', people = 'holders: [amira], successors: [jonas]'): string {
  return `---
type: adr
title: ${title}
status: accepted
date: 2026-03-02
owners: [amira]
deciders: [amira, bo]
reversibility: {door: one-way, how: restore the dump}
risk: {level: high, blast-radius: component, mitigation: backups}
business-tradeoff: {reduces-risk: outage, preserves-option: exit, accepts-cost: cost, eases-later: scale, protects-outcome: revenue}
knowledge-exit-path: {${people}, mechanisms: [runbook]}
${extra}---

# ${title}

## Context

C.

## Decision

D.

## Consequences

E.
`;
}

const D = 'docs/decisions';
const EVIDENCE_RULES = RULES.filter((rule) => rule.scope === 'evidence').map((rule) => rule.id);

/**
 * main: ADR-0007 governs src/billing; topic (checked out) renames a governed file, edits another
 * and adds 0008-use-kafka.md, while main, after the fork, took 0008 for RabbitMQ.
 */
async function twoBranches(): Promise<string> {
  const dir = await tempDir('legible-affected-');
  // One scripted author wrote everything: the rules that weigh that history (test/unit/cli/evidence.test.ts) are off here.
  await put(dir, '.legible.json', JSON.stringify({ rules: Object.fromEntries(EVIDENCE_RULES.map((id) => [id, 'off'])) }));
  await put(dir, `${D}/0007-use-postgres.md`, record('Use PostgreSQL for the ledger', 'governs: [src/billing/**]\n'));
  await put(dir, 'src/billing/ledger.ts', 'export const ledger = 1;\n'.repeat(20));
  await put(dir, 'src/billing/old.ts', 'export const old = 1;\n'.repeat(20));
  await put(dir, 'README.md', '# Payments\n');
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', 'Start');
  git(dir, 'checkout', '--quiet', '-b', 'topic');
  git(dir, 'mv', 'src/billing/old.ts', 'src/billing/new.ts');
  await put(dir, 'src/billing/ledger.ts', 'export const ledger = 2;\n'.repeat(20));
  await put(dir, `${D}/0008-use-kafka.md`, record('Use Kafka for payment events'));
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', 'Topic');
  git(dir, 'checkout', '--quiet', 'main');
  await put(dir, `${D}/0008-use-rabbitmq.md`, record('Use RabbitMQ for payment events'));
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', 'Main');
  git(dir, 'checkout', '--quiet', 'topic');
  return dir;
}

const COLLISION = '0008-use-kafka.md takes number 8, which main already gives 0008-use-rabbitmq.md: renumber this record before merging (to 0009-use-kafka.md, the next free number)?';

describe('legible affected', function () {
  this.timeout(120_000);
  after(cleanupTemps);

  it('writes the pull-request comment: each governing decision, whom to ask, the records added, the collision; exit 1', async () => {
    const dir = await twoBranches();
    const result = await runCli(['affected', '--base', 'main', '--today', TODAY], { cwd: dir });
    assert.equal(result.code, 1, result.stderr);
    assert.equal(
      result.stdout,
      [
        '## Decisions this change touches',
        '',
        '3 files changed since the merge base of `main` and the working tree (uncommitted changes included).',
        '',
        '### ADR-0007 Use PostgreSQL for the ledger',
        '',
        'accepted · one-way door · risk high',
        '',
        'This change touches `src/billing/ledger.ts` (modified), `src/billing/old.ts` → `src/billing/new.ts` (renamed).',
        '',
        'Only amira holds this; successors: jonas — ask one of them to review.',
        '',
        'Touches code only Test Author has changed since 2025-11-21; the named successor jonas has no change there. Observed truck factor 1: without Test Author, most of this code would have no author left.',
        '',
        '### Records this change adds or edits',
        '',
        '- `docs/decisions/0008-use-kafka.md` (added): ADR-0008 Use Kafka for payment events (accepted)',
        '',
        '### ❌ 1 problem to settle before merging',
        '',
        `- \`docs/decisions/0008-use-kafka.md\` (\`number-collision\`): ${COLLISION}`,
        '',
      ].join('\n'),
    );
  });

  it('does not send the review to a holder who has left: asks the successor, and says why', async () => {
    const dir = await twoBranches();
    await put(dir, '.legible.json', JSON.stringify({ people: { amira: { emails: ['amira@example.com'], left: '2026-06-01' } }, rules: Object.fromEntries(EVIDENCE_RULES.map((id) => [id, 'off'])) }));
    const result = await runCli(['affected', '--base', 'main', '--today', TODAY], { cwd: dir });
    assert.ok(result.stdout.includes('\nOnly amira holds this; successors: jonas; amira has left or stopped committing — ask jonas to review.\n'), result.stdout);
    const json = JSON.parse((await runCli(['affected', '--base', 'main', '--today', TODAY, '--format', 'json'], { cwd: dir })).stdout) as { decisions: Array<{ observed: { gone: string[] } }> };
    assert.deepEqual(json.decisions.map((d) => d.observed.gone), [['amira']]);
  });

  it('includes uncommitted and untracked changes without --head, and only the commits with it', async () => {
    const dir = await twoBranches();
    await put(dir, 'src/billing/fees.ts', 'export const fee = 1;\n');
    await put(dir, 'README.md', '# Payments, edited\n');
    const working = JSON.parse((await runCli(['affected', '--base', 'main', '--format', 'json'], { cwd: dir })).stdout) as { changed: Array<{ path: string }>; decisions: Array<{ files: Array<{ path: string }> }> };
    assert.deepEqual(working.changed.map((file) => file.path).sort(), ['README.md', `${D}/0008-use-kafka.md`, 'src/billing/fees.ts', 'src/billing/ledger.ts', 'src/billing/new.ts']);
    assert.deepEqual(working.decisions[0].files.map((file) => file.path).sort(), ['src/billing/fees.ts', 'src/billing/ledger.ts', 'src/billing/new.ts']);
    const committed = await runCli(['affected', '--base', 'main', '--head', 'topic', '--format', 'json'], { cwd: dir });
    const json = JSON.parse(committed.stdout) as { head: string; changed: Array<{ kind: string; path: string; from?: string }>; findings: Array<{ ruleId: string; path: string; line: number; message: string }> };
    assert.equal(json.head, 'topic');
    assert.deepEqual(json.changed, [
      { kind: 'added', path: `${D}/0008-use-kafka.md` },
      { kind: 'modified', path: 'src/billing/ledger.ts' },
      { kind: 'renamed', path: 'src/billing/new.ts', from: 'src/billing/old.ts' },
    ]);
    assert.deepEqual(json.findings, [{ ruleId: 'number-collision', severity: 'error', message: COLLISION, path: `${D}/0008-use-kafka.md`, line: 3 }]);
  });

  it('with --head, reports on that commit whatever is checked out: its records, its collision, its history', async () => {
    const dir = await twoBranches();
    // A commit on topic by someone else: only topic's history knows Priya changed the governed code.
    await put(dir, 'src/billing/ledger.ts', 'export const ledger = 3;\n'.repeat(20));
    git(dir, 'commit', '--quiet', '--all', '--author', 'Priya <priya@example.com>', '--message', 'Priya on topic');
    const args = ['affected', '--base', 'main', '--head', 'topic', '--format', 'json', '--today', TODAY];
    const onTopic = await runCli(args, { cwd: dir });
    assert.equal(onTopic.code, 1, onTopic.stderr);
    const json = JSON.parse(onTopic.stdout) as { decisions: Array<{ title: string; observed: { changedBy: string[] } }>; records: Array<{ path: string; record: { title: string } | null }>; findings: Array<{ ruleId: string }> };
    assert.deepEqual(json.decisions.map((d) => [d.title, d.observed.changedBy]), [['Use PostgreSQL for the ledger', ['Test Author', 'Priya']]]);
    assert.deepEqual(json.records.map((r) => [r.path, r.record?.title]), [[`${D}/0008-use-kafka.md`, 'Use Kafka for payment events']]);
    assert.deepEqual(json.findings.map((f) => f.ruleId), ['number-collision']);
    // From main, with the governing record edited and not committed: the report is still topic's.
    git(dir, 'checkout', '--quiet', 'main');
    await put(dir, `${D}/0007-use-postgres.md`, record('Use MySQL instead', 'governs: [lib/**]\n'));
    const onMain = await runCli(args, { cwd: dir });
    assert.equal(onMain.code, 1, onMain.stderr);
    assert.equal(onMain.stdout, onTopic.stdout);
  });

  it('without --head, one diff covers a staged rename, an edit, a rename out of governed code and an untracked file', async () => {
    const dir = await twoBranches();
    git(dir, 'mv', 'src/billing/ledger.ts', 'src/billing/books.ts');
    await put(dir, 'src/billing/books.ts', `${'export const ledger = 1;\n'.repeat(20)}export const more = 2;\n`);
    await mkdir(path.join(dir, 'lib'));
    git(dir, 'mv', 'src/billing/new.ts', 'lib/new.ts');
    await put(dir, 'src/billing/fees.ts', 'export const fee = 1;\n');
    await put(dir, 'README.md', '# Payments, edited\n');
    const result = await runCli(['affected', '--base', 'main', '--format', 'json', '--today', TODAY], { cwd: dir });
    assert.equal(result.code, 1, result.stderr);
    const json = JSON.parse(result.stdout) as { changed: Array<{ kind: string; path: string; from?: string }>; decisions: Array<{ id: string; files: Array<{ path: string }>; observed?: unknown }> };
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
    assert.deepEqual([...json.changed].sort(byPath), [
      { kind: 'modified', path: 'README.md' },
      { kind: 'added', path: `${D}/0008-use-kafka.md` },
      { kind: 'renamed', path: 'lib/new.ts', from: 'src/billing/old.ts' },
      { kind: 'renamed', path: 'src/billing/books.ts', from: 'src/billing/ledger.ts' },
      { kind: 'added', path: 'src/billing/fees.ts' },
    ]);
    assert.deepEqual(json.changed.at(-1), { kind: 'added', path: 'src/billing/fees.ts' }, 'untracked files come after the diff');
    assert.deepEqual(json.decisions.map((d) => [d.id, d.files.map((file) => file.path).sort()]), [['ADR-0007', ['lib/new.ts', 'src/billing/books.ts', 'src/billing/fees.ts']]]);
    // The history knows the renamed files under their old names: the scripted author changed them; jonas never did.
    assert.deepEqual(json.decisions[0].observed, { since: '2025-11-21', changedBy: ['Test Author'], successorsWithout: ['jonas'], historyKnowsCode: true, truckFactor: 0, truckFactorPeople: [], gone: [] });
  });

  it('prints workflow annotations with --format github, and appends the Markdown to GITHUB_STEP_SUMMARY', async () => {
    const dir = await twoBranches();
    const summary = path.join(await tempDir('legible-summary-'), 'summary.md');
    await writeFile(summary, 'before\n');
    const result = await runCli(['affected', '--base', 'main', '--head', 'HEAD', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    assert.equal(result.code, 1);
    assert.deepEqual(result.stdout.trimEnd().split('\n'), [
      '::warning file=src/billing/ledger.ts,title=Legible%3A governed by ADR-0007::ADR-0007 Use PostgreSQL for the ledger governs this file (accepted · one-way door · risk high). Only amira holds this; successors: jonas — ask one of them to review.',
      '::warning file=src/billing/new.ts,title=Legible%3A governed by ADR-0007::ADR-0007 Use PostgreSQL for the ledger governs this file (accepted · one-way door · risk high). Only amira holds this; successors: jonas — ask one of them to review.',
      `::notice file=${D}/0008-use-kafka.md,title=Legible%3A record added::ADR-0008 Use Kafka for payment events (accepted) is added on this branch.`,
      `::error file=${D}/0008-use-kafka.md,line=3,col=8,title=Legible number-collision::${COLLISION}`,
    ]);
    const written = await readFile(summary, 'utf8');
    assert.ok(written.startsWith('before\n## Decisions this change touches\n'), written);
    assert.match(written, /Only amira holds this; successors: jonas/);
  });

  it('escapes a file name that would forge an annotation or a heading', async () => {
    const dir = await twoBranches();
    const name = `${D}/0009-x\n::error::forged\n## Heading.md`;
    await put(dir, name, record('Forged'));
    const github = await runCli(['affected', '--base', 'main', '--format', 'github'], { cwd: dir });
    assert.doesNotMatch(github.stdout, /^::error::forged/m);
    assert.match(github.stdout, /^::notice file=docs\/decisions\/0009-x%0A%3A%3Aerror%3A%3Aforged%0A## Heading\.md,title=Legible%3A record added::/m);
    const md = await runCli(['affected', '--base', 'main'], { cwd: dir });
    assert.doesNotMatch(md.stdout, /^(::error|## Heading)/m);
    assert.match(md.stdout, /^- `docs\/decisions\/0009-x\\u000a::error::forged\\u000a## Heading\.md` \(added\): ADR-0009 Forged \(accepted\)$/m);
  });

  it('passes (exit 0) when nothing collides, and says when no decision governs the change', async () => {
    const dir = await twoBranches();
    git(dir, 'mv', `${D}/0008-use-kafka.md`, `${D}/0009-use-kafka.md`);
    const result = await runCli(['affected', '--base', 'main'], { cwd: dir });
    assert.equal(result.code, 0, result.stdout);
    assert.doesNotMatch(result.stdout, /problem/);
    const other = await runCli(['affected', '--base', 'topic'], { cwd: dir });
    assert.equal(other.code, 0);
    assert.match(other.stdout, /^1 file changed since the merge base/m);
    assert.match(other.stdout, /^No decision governs the files this change touches\.$/m);
  });

  it('refuses a ref git would read as an option or a shell would run, before git sees it (exit 2)', async () => {
    const dir = await twoBranches();
    for (const ref of ['--output=x', '$(touch x)', '-p']) {
      const result = await runCli(['affected', `--base=${ref}`], { cwd: dir });
      assert.equal(result.code, 2, ref);
      assert.match(result.stderr, /^legible: --base ".*" (starts with "-"|contains a)/, ref);
      const head = await runCli(['affected', '--base', 'main', `--head=${ref}`], { cwd: dir });
      assert.equal(head.code, 2, ref);
      assert.match(head.stderr, /^legible: --head /);
    }
    assert.equal(await exists(path.join(dir, 'x')), false);
  });

  it('says which ref git does not know, and the shallow-clone cause (exit 2)', async () => {
    const dir = await twoBranches();
    const result = await runCli(['affected', '--base', 'origin/main'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^legible: git could not list the files changed since the merge base of origin\/main and HEAD: .*origin\/main.* Is origin\/main a branch, tag or commit of this repository\? \(A shallow clone lacks the history: in GitHub Actions, check out with fetch-depth: 0\.\)$/m);
  });

  it('with --cache, takes the records and the history from lint --cache, reports the same, and writes nothing', async () => {
    const dir = await twoBranches();
    // The evidence rules on: lint then reads the history, and keeps it beside its cache.
    await put(dir, '.legible.json', '{}');
    // A whole second, which utimes sets exactly (a file's own time may have more digits than it keeps).
    const file = path.join(dir, D, '0007-use-postgres.md');
    const time = 1_780_000_000;
    await utimes(file, time, time);
    const location = path.join(await tempDir('legible-affected-cache-'), 'lint-cache.json');
    const args = ['affected', '--base', 'main', '--today', TODAY];
    const fresh = await runCli(args, { cwd: dir });
    await runCli(['lint', '--cache-location', location, '--today', TODAY], { cwd: dir });
    const written = await readFile(location, 'utf8');
    const history = await readFile(`${location}.history.json`, 'utf8');
    const trace = path.join(path.dirname(location), 'git-trace');
    const cached = await runCli([...args, '--cache-location', location], { cwd: dir, env: { GIT_TRACE: trace } });
    assert.equal(cached.code, fresh.code, cached.stderr);
    assert.equal(cached.stdout, fresh.stdout);
    // HEAD has not moved since the lint: no `git log` for the history. The diff is still asked.
    const commands = (await readFile(trace, 'utf8')).split('\n').filter((line) => line.includes('built-in: git'));
    assert.ok(commands.some((line) => / git diff /.test(line)), commands.join('\n'));
    assert.ok(!commands.some((line) => / git log /.test(line)), commands.join('\n'));
    assert.equal(await readFile(location, 'utf8'), written);
    assert.equal(await readFile(`${location}.history.json`, 'utf8'), history);

    // A record edited with its size and time kept is taken from the cache, as lint --cache takes it.
    await writeFile(file, (await readFile(file, 'utf8')).replace('for the ledger', 'for the LEDGER'));
    await utimes(file, time, time);
    assert.match((await runCli([...args, '--cache-location', location], { cwd: dir })).stdout, /^### ADR-0007 Use PostgreSQL for the ledger$/m);
    assert.match((await runCli(args, { cwd: dir })).stdout, /^### ADR-0007 Use PostgreSQL for the LEDGER$/m);
  });

  it('needs --base, git and a repository: each missing one is exit 2 with a message', async () => {
    const dir = await twoBranches();
    const noBase = await runCli(['affected'], { cwd: dir });
    assert.equal(noBase.code, 2);
    assert.match(noBase.stderr, /affected needs --base <ref>/);
    const noGit = await runCli(['affected', '--base', 'main'], { cwd: dir, env: { PATH: '' } });
    assert.equal(noGit.code, 2);
    assert.match(noGit.stderr, /^legible: legible affected needs git, and git is not installed \(no git on PATH\)$/m);
    const plain = await tempDir('legible-no-repo-');
    await put(plain, `${D}/0001-a.md`, record('A'));
    const noRepo = await runCli(['affected', '--base', 'main'], { cwd: plain });
    assert.equal(noRepo.code, 2);
    assert.match(noRepo.stderr, /is not in a git repository: legible affected compares branches with git/);
    // Everything else still works without git.
    assert.equal((await runCli(['list'], { cwd: plain, env: { PATH: '' } })).code, 0);
  });
});

describe('legible lint --base', function () {
  this.timeout(120_000);
  after(cleanupTemps);

  it('adds number-collision to the findings; without --base it is not run', async () => {
    const dir = await twoBranches();
    const withBase = await runCli(['lint', '--base', 'main', '--format', 'json', '--today', TODAY], { cwd: dir });
    assert.equal(withBase.code, 1, withBase.stderr);
    const files = JSON.parse(withBase.stdout) as Array<{ path: string; findings: Array<{ ruleId: string; message: string }> }>;
    assert.deepEqual(
      files.flatMap((file) => file.findings.map((finding) => [file.path, finding.ruleId, finding.message])),
      [[`${D}/0008-use-kafka.md`, 'number-collision', COLLISION]],
    );
    const without = await runCli(['lint', '--today', TODAY], { cwd: dir });
    assert.equal(without.code, 0, without.stdout);
  });

  it('counts a record not yet committed as added on the branch', async () => {
    const dir = await twoBranches();
    git(dir, 'checkout', '--quiet', 'main');
    git(dir, 'checkout', '--quiet', '-b', 'second');
    git(dir, 'reset', '--quiet', '--hard', 'HEAD~1');
    await put(dir, `${D}/0008-hold-funds.md`, record('Hold funds at one bank'));
    const result = await runCli(['lint', '--base', 'main', '--today', TODAY], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /0008-hold-funds\.md takes number 8, which main already gives 0008-use-rabbitmq\.md: renumber this record before merging \(to 0009-hold-funds\.md, the next free number\)\?/);
  });

  it('refuses a bad ref and a missing git as affected does (exit 2)', async () => {
    const dir = await twoBranches();
    const bad = await runCli(['lint', '--base=--output=x'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--base "--output=x" starts with "-"/);
    const noGit = await runCli(['lint', '--base', 'main'], { cwd: dir, env: { PATH: '' } });
    assert.equal(noGit.code, 2);
    assert.match(noGit.stderr, /lint --base needs git/);
  });

  it('in a shallow clone that has the base branch but not where it parted, says to fetch the history, not to check the ref (exit 2)', async () => {
    const origin = await twoBranches();
    // As actions/checkout leaves a pull request's job (fetch-depth 1), with the base fetched as deep.
    const dir = path.join(await tempDir('legible-shallow-'), 'clone');
    git(path.dirname(dir), 'clone', '--quiet', '--depth', '1', '--branch', 'topic', `file://${origin}`, dir);
    git(dir, 'fetch', '--quiet', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');
    const result = await runCli(['lint', '--base', 'origin/main', '--today', TODAY], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr.trim(),
      'legible: git could not list the files changed since the merge base of origin/main and HEAD: origin/main and HEAD meet in no commit of this shallow clone: its history stops before they part. Fetch the history: in GitHub Actions, check out with fetch-depth: 0 (else git fetch --unshallow).',
    );
    git(dir, 'fetch', '--quiet', '--unshallow');
    assert.equal((await runCli(['lint', '--base', 'origin/main', '--today', TODAY], { cwd: dir })).code, 1, 'the collision, once the history is there');
  });

  it('asks whether the base is the right branch when it shares no history with this one (exit 2)', async () => {
    const dir = await twoBranches();
    git(dir, 'checkout', '--quiet', '--orphan', 'pages');
    git(dir, 'commit', '--quiet', '--message', 'Pages');
    git(dir, 'checkout', '--quiet', 'topic');
    const result = await runCli(['lint', '--base', 'pages', '--today', TODAY], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trim(), 'legible: git could not list the files changed since the merge base of pages and HEAD: pages and HEAD have no commit in common: their histories are unrelated. Is pages the branch this one will be merged into?');
    const unknown = await runCli(['lint', '--base', 'nowhere', '--today', TODAY], { cwd: dir });
    assert.match(unknown.stderr, /: nowhere names no commit in this repository\. Is nowhere a branch, tag or commit of this repository\?/);
  });
});
