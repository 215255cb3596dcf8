import type { DecisionIndex } from '../index/decision-index';
import type { ResolvedConfig } from '../config/config';
import { RULES } from '../rules/registry';
import type { BaseRecords, BaseRule, Finding } from '../rules/rule';
import { isDisabled } from '../parse/suppressions';
import { severityOf } from './lint-document';

/**
 * The rules that compare this branch with the base it will be merged into (`number-collision`).
 * Run only when a base is given (`lint --base`, `affected`): without one there is nothing to compare.
 */
export function lintAgainstBase(index: DecisionIndex, config: ResolvedConfig, base: BaseRecords): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (rule.scope !== 'base') continue;
    const severity = severityOf(rule, config);
    if (severity === 'off') continue;
    (rule as BaseRule).check({
      index,
      config,
      base,
      report(path, report) {
        const entry = index.get(path);
        if (entry && isDisabled(entry.suppressed, rule.id)) return;
        findings.push({ ruleId: rule.id, severity, message: report.message, path, range: report.range, related: report.related, fix: report.fix });
      },
    });
  }
  return findings;
}
