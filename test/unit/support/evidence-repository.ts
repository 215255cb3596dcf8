import { tempDir } from '../cli/cli-process';
import { gitAs, lines, scriptedRepository } from '../evidence/history-repo';

export const AMIRA = { name: 'Amira', email: 'amira@example.com' };
export const JONAS = { name: 'Jonas', email: 'jonas@example.com' };

export const LEDGER_RECORD = 'docs/decisions/0001-use-postgresql.md';

/** A record governing src/ledger/**, held by `holders` with `successors` (amira and jonas by default). */
export function ledgerRecord(holders = 'amira', successors = 'jonas'): string {
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

/** ISO date-time `days` before now (the servers without --today judge the window from the clock). */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
}

/**
 * A repository where amira wrote the ledger (both files) and the record, and jonas, the named
 * successor, never touched it: `legible lint` reports successor-without-evidence and
 * observed-single-point-of-knowledge on the record. `dates`: the two commits' (ISO).
 */
export async function ledgerRepository(dates: readonly [string, string] = ['2026-06-01T10:00:00Z', '2026-07-01T10:00:00Z'], prefix = 'legible-evidence-'): Promise<string> {
  const dir = await tempDir(prefix);
  gitAs(dir, undefined, 'init', '--quiet', '--initial-branch=main');
  return scriptedRepository(
    [
      { ...AMIRA, date: dates[0], files: { [LEDGER_RECORD]: ledgerRecord(), 'src/ledger/a.ts': lines(20), 'src/ledger/b.ts': lines(20) } },
      { ...AMIRA, date: dates[1], files: { 'src/ledger/a.ts': lines(22) } },
    ],
    dir,
  );
}
