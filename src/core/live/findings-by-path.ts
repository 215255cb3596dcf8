import type { Finding } from '../rules/rule';

/** Findings per file, in the order given. */
export function group(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const finding of findings) out.set(finding.path, [...(out.get(finding.path) ?? []), finding]);
  return out;
}

/** The files whose findings differ between two groupings: only they are announced to the front-ends. */
export function changedPaths(before: ReadonlyMap<string, readonly Finding[]>, after: ReadonlyMap<string, readonly Finding[]>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((path) => signature(before.get(path)) !== signature(after.get(path)));
}

function signature(findings: readonly Finding[] | undefined): string {
  return JSON.stringify(findings?.map((f) => [f.ruleId, f.message, f.range]) ?? []);
}
