import { ruleDocsUrl } from '../../core/rules/registry';
import { location, type LintOutput } from './lint-output';
import { printableJson } from '../../core/text/printable';

/**
 * Machine-readable findings: one entry per linted file, in path order, positions 1-based. `kind`
 * says whether the file is a record or code whose citations were checked: a count of records
 * cannot be read from the paths, since a runbook outside the decisions folders is Markdown too.
 */
export function formatJson(output: LintOutput): string {
  const files = output.files.map((file) => ({
    path: file.display,
    kind: file.kind,
    findings: file.findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      ...location(finding.range),
      docs: ruleDocsUrl(finding.ruleId),
      related: (finding.related ?? []).map((related) => ({ path: output.display(related.path), ...location(related.range), message: related.message })),
    })),
  }));
  // Exact values; DEL, C1 and bidi controls written as \u escapes, which parse back the same.
  return `${printableJson(JSON.stringify(files, null, 2))}\n`;
}
