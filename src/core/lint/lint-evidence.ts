import type { GovernsIndex } from '../code/governs-index';
import type { ResolvedConfig } from '../config/config';
import type { Evidence } from '../evidence/evidence';
import { RecordEvidenceCache } from '../evidence/record-evidence';
import type { DecisionIndex } from '../index/decision-index';
import { isDisabled } from '../parse/suppressions';
import { RULES } from '../rules/registry';
import type { EvidenceRule, Finding } from '../rules/rule';
import { severityOf } from './lint-document';

/**
 * The rules that set declared knowledge against the history (core/evidence/), over one folded
 * history and `governs` matched once. A finding honours the record's `legible-disable` comments.
 */
export function lintEvidence(index: DecisionIndex, governs: GovernsIndex, evidence: Evidence, config: ResolvedConfig, records = new RecordEvidenceCache(index, governs, evidence)): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (rule.scope !== 'evidence') continue;
    const severity = severityOf(rule, config);
    if (severity === 'off') continue;
    const configured = config.severities[rule.id] !== undefined;
    (rule as EvidenceRule).check({
      index,
      config,
      records,
      report(path, report) {
        const entry = index.get(path);
        if (entry && isDisabled(entry.suppressed, rule.id)) return;
        findings.push({ ruleId: rule.id, severity: configured ? severity : (report.severity ?? severity), message: report.message, path, range: report.range, related: report.related, fix: report.fix });
      },
    });
  }
  return findings;
}
