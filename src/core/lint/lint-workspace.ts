import type { DecisionIndex } from '../index/decision-index';
import { RULES } from '../rules/registry';
import type { Finding, Presence, WorkspaceRule } from '../rules/rule';
import { isDisabled } from '../parse/suppressions';
import { severityOf, type LintContext } from './lint-document';

export interface WorkspaceLintContext extends LintContext {
  presence(path: string): Promise<Presence>;
  /** Links the folder walk did not follow because they lead outside the workspace. */
  readonly outsideLinks?: readonly string[];
  /** The workspace root (absolute), where a link missing beside its record may have been written from. */
  readonly root?: string;
}

/** Cross-file rules over the index: duplicate numbers, references, supersession in both records. */
export async function lintIndex(index: DecisionIndex, context: WorkspaceLintContext): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (rule.scope !== 'workspace') continue;
    const severity = severityOf(rule, context.config);
    if (severity === 'off') continue;
    // A finding may carry its own severity (a warning from an error rule); the configuration's wins.
    const configured = context.config.severities[rule.id] !== undefined;
    await (rule as WorkspaceRule).check({
      index,
      config: context.config,
      today: context.today,
      presence: context.presence,
      outsideLinks: context.outsideLinks ?? [],
      root: context.root,
      report(path, report) {
        const entry = index.get(path);
        if (entry && isDisabled(entry.suppressed, rule.id)) return;
        findings.push({ ruleId: rule.id, severity: configured ? severity : (report.severity ?? severity), message: report.message, path, range: report.range, related: report.related, fix: report.fix });
      },
    });
  }
  return findings;
}
