import assert from 'node:assert/strict';
import * as path from 'node:path';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import Ajv from 'ajv';
import { cleanupTemps, REPO_ROOT, runCli, tempDir } from './cli-process';
import { addCommit, gitAs, lines, scriptedRepository } from '../evidence/history-repo';
import { AMIRA, JONAS, ledgerRecord } from '../support/evidence-repository';

/** amira wrote the ledger (both files) and the record; jonas, the successor, never touched it. */
async function ledgerRepository(): Promise<string> {
  const dir = await tempDir('legible-cli-evidence-');
  gitAs(dir, undefined, 'init', '--quiet', '--initial-branch=main');
  return scriptedRepository(
    [
      { ...AMIRA, date: '2026-06-01T10:00:00Z', files: { 'docs/decisions/0001-use-postgresql.md': ledgerRecord('amira', 'jonas'), 'src/ledger/a.ts': lines(20), 'src/ledger/b.ts': lines(20) } },
      { ...AMIRA, date: '2026-07-01T10:00:00Z', files: { 'src/ledger/a.ts': lines(22) } },
    ],
    dir,
  );
}

describe('evidence in the CLI: lint and affected read the history', function () {
  this.timeout(120_000);
  after(cleanupTemps);

  it('lint reports a successor who never touched the code and a truck factor of 1, at the name and at governs', async () => {
    const dir = await ledgerRepository();
    const run = await runCli(['lint', '--today', '2026-11-21', '--verbose', '--cache', '--format', 'json'], { cwd: dir });
    const findings = (JSON.parse(run.stdout) as Array<{ findings: Array<{ ruleId: string; line: number; message: string }> }>).flatMap((file) => file.findings);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.line]),
      [
        ['observed-single-point-of-knowledge', 10],
        ['successor-without-evidence', 14],
      ],
    );
    assert.ok(findings.some((f) => f.ruleId === 'successor-without-evidence' && /names jonas, who has no change to the 2 files this decision governs since 2025-11-21/.test(f.message)));
    assert.ok(findings.some((f) => f.ruleId === 'observed-single-point-of-knowledge' && /Amira is an author of 2 of its 2 files/.test(f.message)));
    assert.match(run.stderr, /evidence from 2 commits \(history read\), window since 2025-11-21/);
    // With --cache, the second run takes the history from beside the lint cache, in git's folder.
    const again = await runCli(['lint', '--today', '2026-11-21', '--verbose', '--cache', '--format', 'json'], { cwd: dir });
    assert.match(again.stderr, /evidence from 2 commits \(from the cache\)/);
    assert.equal(again.stdout, run.stdout);
  });

  /** The evidence rules' findings of `lint --format json`, as rule and line. */
  const evidenceFindings = (stdout: string) =>
    (JSON.parse(stdout) as Array<{ findings: Array<{ ruleId: string; line: number }> }>).flatMap((file) => file.findings.filter((f) => /evidence|knowledge|holder/.test(f.ruleId)).map((f) => `${f.ruleId}:${f.line}`));

  it('lint --cache reads the history again when .mailmap changes who wrote the commits, HEAD unmoved', async () => {
    const dir = await ledgerRepository();
    const lint = (...extra: string[]) => runCli(['lint', '--today', '2026-11-21', '--format', 'json', ...extra], { cwd: dir });
    assert.deepEqual(evidenceFindings((await lint('--cache')).stdout), ['observed-single-point-of-knowledge:10', 'successor-without-evidence:14']);
    // The team learns that "Amira" committed from jonas's laptop: git now names jonas the author.
    await writeFile(path.join(dir, '.mailmap'), 'Jonas <jonas@example.com> Amira <amira@example.com>\n');
    const plain = await lint();
    assert.ok(!evidenceFindings(plain.stdout).some((f) => f.startsWith('successor-without-evidence')), plain.stdout);
    assert.equal((await lint('--cache')).stdout, plain.stdout);
    // And back: the history of the earlier shape is read again, not the one kept for .mailmap.
    await writeFile(path.join(dir, '.mailmap'), '');
    const back = await lint();
    assert.equal((await lint('--cache')).stdout, back.stdout);
  });

  it('lint --cache reads the history again after git fetch --unshallow (HEAD unmoved, older commits added)', async () => {
    const origin = await ledgerRepository();
    // The successor did the work, long before the clone's one commit.
    await addCommit(origin, { ...JONAS, date: '2026-08-01T10:00:00Z', files: { 'src/ledger/b.ts': lines(30) } });
    await addCommit(origin, { ...AMIRA, date: '2026-09-01T10:00:00Z', files: { 'README.md': 'Ledger\n' } });
    const dir = path.join(await tempDir('legible-cli-shallow-'), 'clone');
    gitAs(path.dirname(dir), undefined, 'clone', '--quiet', '--depth', '1', `file://${origin}`, dir);
    const lint = (...extra: string[]) => runCli(['lint', '--today', '2026-11-21', '--format', 'json', ...extra], { cwd: dir });
    const shallow = await lint('--cache');
    assert.deepEqual(evidenceFindings(shallow.stdout), ['observed-single-point-of-knowledge:10', 'successor-without-evidence:14'], 'one commit, by amira: jonas has no change');
    gitAs(dir, undefined, 'fetch', '--quiet', '--unshallow');
    const whole = await lint();
    assert.ok(!evidenceFindings(whole.stdout).includes('successor-without-evidence:14'), whole.stdout);
    assert.equal((await lint('--cache')).stdout, whole.stdout);
    const kept = (await readdir(path.join(dir, '.git', 'legible'))).filter((name) => name.startsWith('lint-history-'));
    assert.equal(kept.length, 1, `one history kept, not one per shape: ${kept.join(', ')}`);
  });

  it('lint without git runs every other rule and says once, with --verbose, why the evidence rules did not', async () => {
    const dir = await ledgerRepository();
    const run = await runCli(['lint', '--today', '2026-11-21', '--verbose', '--format', 'json'], { cwd: dir, env: { PATH: await tempDir('legible-no-git-') } });
    assert.doesNotMatch(run.stdout, /successor-without-evidence|observed-single-point-of-knowledge/);
    assert.equal(run.stderr.match(/did not run/g)?.length, 1, run.stderr);
    assert.match(run.stderr, /git is not installed/);
  });

  it("affected says who alone changed the touched code and that the named successor has none there", async () => {
    const dir = await ledgerRepository();
    await writeFile(path.join(dir, 'src', 'ledger', 'b.ts'), lines(25));
    const run = await runCli(['affected', '--base', 'main', '--today', '2026-11-21'], { cwd: dir });
    assert.match(run.stdout, /Touches code only Amira has changed since 2025-11-21; the named successor jonas has no change there\. Observed truck factor 1: without Amira, most of this code would have no author left\./);
    assert.match(run.stdout, /`successor-without-evidence`/);
    const json = await runCli(['affected', '--base', 'main', '--today', '2026-11-21', '--format', 'json'], { cwd: dir });
    const decision = (JSON.parse(json.stdout) as { decisions: Array<{ observed: unknown }> }).decisions[0];
    assert.deepEqual(decision.observed, { since: '2025-11-21', changedBy: ['Amira'], successorsWithout: ['jonas'], historyKnowsCode: true, truckFactor: 1, truckFactorPeople: ['Amira'], gone: [] });
  });

  it('affected follows a rename out of the governed code: who changed the file under its old name has changed "there"', async () => {
    // The decision governs one file, which the change moves out of its glob: at the tip it governs
    // nothing the history knows, so successors are judged on the touched file under both names.
    const dir = await tempDir('legible-cli-evidence-');
    gitAs(dir, undefined, 'init', '--quiet', '--initial-branch=main');
    await scriptedRepository(
      [
        { ...AMIRA, date: '2026-06-01T10:00:00Z', files: { 'docs/decisions/0001-use-postgresql.md': ledgerRecord('amira', 'jonas\n    - tomas'), 'src/ledger/a.ts': lines(20) } },
        { ...JONAS, date: '2026-07-01T10:00:00Z', files: { 'src/ledger/a.ts': lines(22) } },
      ],
      dir,
    );
    gitAs(dir, undefined, 'mv', 'src/ledger', 'lib');
    const json = await runCli(['affected', '--base', 'main', '--today', '2026-11-21', '--format', 'json'], { cwd: dir });
    const decision = (JSON.parse(json.stdout) as { decisions: Array<{ files: Array<{ path: string; from?: string }>; observed: { changedBy: string[]; successorsWithout: string[]; historyKnowsCode: boolean } }> }).decisions[0];
    assert.deepEqual(decision.files, [{ kind: 'renamed', path: 'lib/a.ts', from: 'src/ledger/a.ts' }]);
    assert.deepEqual([...decision.observed.changedBy].sort(), ['Amira', 'Jonas']);
    assert.deepEqual(decision.observed.successorsWithout, ['tomas']);
    const run = await runCli(['affected', '--base', 'main', '--today', '2026-11-21'], { cwd: dir });
    assert.match(run.stdout, /the named successor tomas has no change there/);
    assert.doesNotMatch(run.stdout, /successors? [^.]*jonas[^.]*no change there/);
  });

  it('affected does not judge successors on code the history does not know', async () => {
    const dir = await ledgerRepository();
    await writeFile(path.join(dir, 'docs', 'decisions', '0002-queue.md'), ledgerRecord('amira', 'jonas').replace('src/ledger/**', 'src/queue/**').replace('Use PostgreSQL for the ledger', 'Use a queue'));
    gitAs(dir, undefined, 'add', '.');
    gitAs(dir, { ...AMIRA, date: '2026-08-01T10:00:00Z' }, 'commit', '--quiet', '--message', 'Queue decision');
    await mkdir(path.join(dir, 'src', 'queue'));
    await writeFile(path.join(dir, 'src', 'queue', 'new.ts'), lines(3));
    const json = await runCli(['affected', '--base', 'main', '--today', '2026-11-21', '--format', 'json'], { cwd: dir });
    const decisions = (JSON.parse(json.stdout) as { decisions: Array<{ id: string; observed: { changedBy: string[]; successorsWithout: string[]; historyKnowsCode: boolean } }> }).decisions;
    assert.deepEqual(decisions.map((d) => [d.id, d.observed.historyKnowsCode, d.observed.successorsWithout]), [['ADR-0002', false, []]]);
    const run = await runCli(['affected', '--base', 'main', '--today', '2026-11-21'], { cwd: dir });
    assert.match(run.stdout, /The history since 2025-11-21 knows none of this code \(new files, or renamed where it does not follow\), so it cannot say who holds it\./);
    assert.doesNotMatch(run.stdout, /no change there/);
  });

  it('report --evidence prints declared beside observed per decision, as Markdown and as JSON the schema describes', async () => {
    const dir = await ledgerRepository();
    const md = await runCli(['report', '--evidence', '--today', '2026-11-21'], { cwd: dir });
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^Repository truck factor: \*\*1\*\* over 3 files with an author \(Amira\)\.$/m);
    assert.match(md.stdout, /^- Declared: holders amira; successors jonas$/m);
    assert.match(md.stdout, /^- Observed truck factor: \*\*1\*\* \(Amira\) over 2 files \(2 with history\)$/m);
    assert.match(md.stdout, /^ {2}- Amira: author of 2 \(100%\); 2 commits, \+42 −0 in the window; last change 2026-07-01$/m);
    const json = await runCli(['report', '--evidence', '--format', 'json', '--today', '2026-11-21'], { cwd: dir });
    const data = JSON.parse(json.stdout) as Record<string, unknown>;
    const ajv = new Ajv({ strict: false });
    const valid = ajv.validate(JSON.parse(await readFile(path.join(REPO_ROOT, 'schemas', 'evidence-report.schema.json'), 'utf8')) as object, data);
    assert.ok(valid, JSON.stringify(ajv.errors));
    assert.deepEqual((data.decisions as Array<{ path: string; observed: unknown[] }>).map((d) => [d.path, d.observed.length]), [['docs/decisions/0001-use-postgresql.md', 1]]);
    const none = await runCli(['report', '--evidence'], { cwd: dir, env: { PATH: await tempDir('legible-no-git-') } });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /report --evidence reads the git history, and git is not installed/);
  });

  it('report --person adds the decisions and files the history shows they alone know', async () => {
    const dir = await ledgerRepository();
    const md = await runCli(['report', '--person', 'amira', '--today', '2026-11-21'], { cwd: dir });
    assert.match(md.stdout, /## What the history says they alone know\n\nLast commit 2026-07-01\.\n\n### Decisions whose code rests on them alone \(observed truck factor 1\)\n\n- \[ADR-0001\]\(docs\/decisions\/0001-use-postgresql\.md\) Use PostgreSQL for the ledger\n/);
    assert.match(md.stdout, /### Files only they are an author of \(3\)\n\n- `docs\/decisions\/0001-use-postgresql\.md`\n- `src\/ledger\/a\.ts`\n- `src\/ledger\/b\.ts`/);
    const json = JSON.parse((await runCli(['report', '--person', 'jonas', '--format', 'json', '--today', '2026-11-21'], { cwd: dir })).stdout) as { evidence: { known: boolean } };
    assert.equal(json.evidence.known, false);
  });
});
