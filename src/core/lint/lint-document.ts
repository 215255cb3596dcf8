import type { DecisionDocument } from '../document/decision-document';
import type { DecisionEntry } from '../index/decision-entry';
import type { ResolvedConfig } from '../config/config';
import { loadMarkdownParser } from '../parse/markdown';
import { markdownBlockLines } from '../parse/markdown-work';
import { isRecordType } from '../schema/schema-registry';
import type { SchemaValidator } from '../schema/validator';
import { RULES } from '../rules/registry';
import type { BodyRule, DocumentRule, Finding, Report, Rule, Severity } from '../rules/rule';
import { isDisabled, type Suppressed } from '../parse/suppressions';

export interface LintContext {
  readonly config: ResolvedConfig;
  readonly validator: SchemaValidator;
  /** YYYY-MM-DD. */
  readonly today: string;
}

export function severityOf(rule: Rule, config: ResolvedConfig): Severity | 'off' {
  return config.severities[rule.id] ?? rule.defaultSeverity;
}

export interface ActiveRule<T extends Rule> {
  readonly rule: T;
  readonly severity: Severity;
}

// Most files disable nothing: their active rules depend on the configuration alone.
const undisabled = new WeakMap<ResolvedConfig, Map<Rule['scope'], ReadonlyArray<ActiveRule<Rule>>>>();

export function activeRules<T extends Rule>(scope: T['scope'], config: ResolvedConfig, disabled: Suppressed): ReadonlyArray<ActiveRule<T>> {
  if (disabled !== 'all' && disabled.length === 0) {
    let byScope = undisabled.get(config);
    if (!byScope) undisabled.set(config, (byScope = new Map()));
    let rules = byScope.get(scope);
    if (!rules) byScope.set(scope, (rules = selectRules<T>(scope, config, disabled)));
    return rules as ReadonlyArray<ActiveRule<T>>;
  }
  return selectRules<T>(scope, config, disabled);
}

function selectRules<T extends Rule>(scope: T['scope'], config: ResolvedConfig, disabled: Suppressed): Array<ActiveRule<T>> {
  const out: Array<ActiveRule<T>> = [];
  for (const rule of RULES) {
    if (rule.scope !== scope || isDisabled(disabled, rule.id)) continue;
    const severity = severityOf(rule, config);
    if (severity !== 'off') out.push({ rule: rule as T, severity });
  }
  return out;
}

function collector(doc: DecisionDocument, ruleId: string, severity: Severity, out: Finding[]): (report: Report) => void {
  return (report) => {
    const range = report.range ?? (report.span ? doc.lines.range(report.span.start, report.span.end) : doc.lines.lineRange(0));
    out.push({ ruleId, severity, message: report.message, path: doc.path, range, related: report.related, fix: report.fix });
  };
}

/** Rules that read the frontmatter only: cheap enough for every keystroke. */
export function lintFrontmatter(doc: DecisionDocument, entry: DecisionEntry, context: LintContext): Finding[] {
  const findings: Finding[] = [];
  const disabled = entry.suppressed;
  const type = isRecordType(doc.data?.type) ? doc.data.type : undefined;
  // One context per document, its report pointed at each rule in turn: this runs for every file
  // of a scan and on every keystroke.
  let ruleId = '';
  let ruleSeverity: Severity = 'error';
  const report = (found: Report) => collector(doc, ruleId, ruleSeverity, findings)(found);
  const ruleContext = { ...context, doc, entry, type, report };
  for (const { rule, severity } of activeRules<DocumentRule>('document', context.config, disabled)) {
    ruleId = rule.id;
    ruleSeverity = severity;
    rule.check(ruleContext);
  }
  return findings;
}

/** True when some body rule would run on this document, so the Markdown parse is worth it. */
export function needsBody(doc: DecisionDocument, entry: DecisionEntry, config: ResolvedConfig): boolean {
  return doc.legible && isRecordType(doc.data?.type) && activeRules<BodyRule>('body', config, entry.suppressed).length > 0;
}

/** Rules that need the Markdown tree. Bodies over the size limit are skipped, and say so once. */
export async function lintBody(doc: DecisionDocument, entry: DecisionEntry, context: LintContext): Promise<Finding[]> {
  if (!needsBody(doc, entry, context.config)) return [];
  const findings: Finding[] = [];
  const bodyBytes = doc.text.length - doc.bodyStart;
  const rules = activeRules<BodyRule>('body', context.config, entry.suppressed);
  if (bodyBytes > context.config.limits.maxBodyBytes) {
    findings.push({
      ruleId: rules[0].rule.id,
      severity: 'info',
      message: `The body is ${bodyBytes} characters; body rules read at most ${context.config.limits.maxBodyBytes}, so its sections were not checked. Could this record be split?`,
      path: doc.path,
      range: doc.lines.lineRange(doc.lines.position(doc.bodyStart).line),
    });
    return findings;
  }
  const type = isRecordType(doc.data?.type) ? doc.data.type : undefined;
  // Each rule first tries without the tree, reporting for real; a rule that cannot be sure reports
  // nothing there and runs on the tree.
  const unproven = rules.filter(({ rule, severity }) => !rule.withoutTree?.({ ...context, doc, entry, type, report: collector(doc, rule.id, severity, findings) }));
  if (!unproven.length) return findings;
  // Checked only now: a body the line scan settles never needs the parse, however it is built.
  const blockLines = markdownBlockLines(doc.text, doc.bodyStart);
  if (blockLines > context.config.limits.maxBlockLines) {
    findings.push({
      ruleId: unproven[0].rule.id,
      severity: 'info',
      message: `The body's lists, quotes and setext headings take as long to parse as one block of ${blockLines} lines (list and quote markers count as lines); body rules parse at most ${context.config.limits.maxBlockLines}, so its sections were not checked. Could blank lines or headings break them up?`,
      path: doc.path,
      range: doc.lines.lineRange(doc.lines.position(doc.bodyStart).line),
    });
    return findings;
  }
  const parse = await loadMarkdownParser();
  const tree = parse(doc.text);
  for (const { rule, severity } of unproven) rule.check({ ...context, doc, entry, type, tree, report: collector(doc, rule.id, severity, findings) });
  return findings;
}
