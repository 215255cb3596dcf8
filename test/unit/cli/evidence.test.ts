import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { cleanupTemps, runCli, tempDir } from './cli-process';
import { gitAs, lines, scriptedRepository } from '../evidence/history-repo';

const AMIRA = { name: 'Amira', email: 'amira@example.com' };

function record(holders: string, successors: string): string {
  return `---
type: adr
title: Use PostgreSQL for the ledger
status: accepted
date: 2026-03-02
owners: [amira]
reversibility: {door: two-way}
risk: {level: low}
business-tradeoff: {reduces-risk: outage, preserves-option: exit, accepts-cost: cost, eases-later: scale, protects-outcome: revenue}
governs: [src/ledger/**]
knowledge-exit-path:
  holders: [${holders}]
  successors:
    - ${successors}
  mechanisms: [runbook]
---

# Use PostgreSQL for the ledger

## Context

C.

## Decision

D.

## Consequences

E.
`;
}

/** amira wrote the ledger (both files) and the record; jonas, the successor, never touched it. */
async function ledgerRepository(): Promise<string> {
  const dir = await tempDir('legible-cli-evidence-');
  gitAs(dir, undefined, 'init', '--quiet', '--initial-branch=main');
  return scriptedRepository(
    [
      { ...AMIRA, date: '2026-06-01T10:00:00Z', files: { 'docs/decisions/0001-use-postgresql.md': record('amira', 'jonas'), 'src/ledger/a.ts': lines(20), 'src/ledger/b.ts': lines(20) } },
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
    assert.deepEqual(decision.observed, { since: '2025-11-21', changedBy: ['Amira'], successorsWithout: ['jonas'], truckFactor: 1, truckFactorPeople: ['Amira'] });
  });
});
