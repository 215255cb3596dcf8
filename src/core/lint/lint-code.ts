import type { CodeFacts } from '../code/code-facts';
import type { ResolvedConfig } from '../config/config';
import type { DecisionIndex } from '../index/decision-index';
import { RULES } from '../rules/registry';
import type { CodeRule, Finding } from '../rules/rule';
import { severityOf } from './lint-document';
import { isDisabled } from '../parse/suppressions';

/**
 * The rules about records and code (`governs`, citations), over facts gathered once
 * (core/code/code-facts.ts). A finding in a record honours its `legible-disable` comments; one in a
 * code file is turned off by severity or `code.exclude`.
 */
export function lintCode(index: DecisionIndex, code: CodeFacts, config: ResolvedConfig): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (rule.scope !== 'code') continue;
    const severity = severityOf(rule, config);
    if (severity === 'off') continue;
    (rule as CodeRule).check({
      index,
      config,
      code,
      report(path, report) {
        const entry = index.get(path);
        if (entry && isDisabled(entry.suppressed, rule.id)) return;
        findings.push({ ruleId: rule.id, severity, message: report.message, path, range: report.range, related: report.related, fix: report.fix });
      },
    });
  }
  return findings;
}
