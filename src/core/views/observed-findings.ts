import type { DecisionEntry } from '../index/decision-entry';
import { refOf, type RecordRef } from '../report/knowledge-risk';
import type { Finding } from '../rules/rule';

/** A record and what the evidence rules found on it: a row of the Knowledge Risk view's "Observed in history". */
export interface ObservedRecord {
  readonly ref: RecordRef;
  readonly findings: ReadonlyArray<Pick<Finding, 'ruleId' | 'message' | 'severity'>>;
}

/**
 * The evidence rules' findings grouped by the record they sit on, records by id: declared
 * knowledge the history contradicts, beside the sections that read the frontmatter alone.
 */
export function observedRecords(findings: readonly Finding[], entryOf: (path: string) => DecisionEntry | undefined): ObservedRecord[] {
  const byPath = new Map<string, Finding[]>();
  for (const finding of findings) byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
  const out: ObservedRecord[] = [];
  for (const [path, list] of byPath) {
    const entry = entryOf(path);
    if (entry) out.push({ ref: refOf(entry), findings: list.map(({ ruleId, message, severity }) => ({ ruleId, message, severity })) });
  }
  return out.sort((a, b) => a.ref.id.localeCompare(b.ref.id) || a.ref.path.localeCompare(b.ref.path));
}
