// The payments ledger: one balanced journal entry per money movement (ADR-0001).
// Amounts are integer minor units; the journal is plain SQL, with no stored procedures,
// so it can be replayed into another store (the one-way door ADR-0001 describes).

export interface JournalLine {
  readonly account: string;
  /** Minor units; debits positive, credits negative. */
  readonly amount: bigint;
}

/** A journal entry balances, or it is not written (ADR-0001). */
export function balanced(lines: readonly JournalLine[]): boolean {
  return lines.reduce((sum, line) => sum + line.amount, 0n) === 0n;
}
