import * as vscode from 'vscode';
import type { DecisionEntry } from '../../core/index/decision-entry';
import { emptySectionSentence, emptySectionWord, notJudgedSentence, knowledgeRisk, type Assessment, type OpenQuestion, type RecordRef } from '../../core/report/knowledge-risk';
import type { Models } from '../models';
import { toUri } from '../vscode-file-system';
import { shortTitle } from '../../core/views/tree-label';
import { observedRecords } from '../../core/views/observed-findings';
import { plural } from '../../core/text/plural';

type RiskNode =
  | { readonly kind: 'section'; readonly id: string; readonly label: string; readonly icon: string; readonly children: RiskNode[]; readonly assessment: Assessment; readonly open?: OpenQuestion }
  | { readonly kind: 'person'; readonly id: string; readonly person: string; readonly children: RiskNode[] }
  | { readonly kind: 'record'; readonly id: string; readonly ref: RecordRef; readonly detail: string; readonly children?: RiskNode[] }
  | { readonly kind: 'finding'; readonly id: string; readonly ruleId: string; readonly message: string; readonly severity: string };

/** The Knowledge Risk view: who alone holds what, overdue transfers and reviews, lone one-way doors. */
export class KnowledgeRiskTree implements vscode.TreeDataProvider<RiskNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<RiskNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly models: Models) {
    this.subscription = vscode.Disposable.from(
      models.onDidChangeIndex(() => this.emitter.fire(undefined)),
      // The evidence rules' findings come after a history read, which changes no record.
      models.onDidChangeEvidence(() => this.emitter.fire(undefined)),
    );
  }

  getChildren(node?: RiskNode): RiskNode[] {
    if (node) return node.kind === 'finding' ? [] : (node.children ?? []);
    const entries: DecisionEntry[] = this.models.entries();
    const today = this.models.all()[0]?.today() ?? '';
    const report = knowledgeRisk(entries, today);
    const record = (prefix: string, ref: RecordRef, detail: string): RiskNode => ({ kind: 'record', id: `${prefix}/${ref.path}`, ref, detail });
    // A legacy record (no Legible frontmatter) names no holders, dates or door: no section can find
    // it, so an empty section says "not assessed" rather than "none" for it (as `legible report` does).
    const { assessment } = report;
    return [
      {
        kind: 'section', id: 'sole', label: 'Decisions only one person holds', icon: 'person', assessment, open: { key: 'holders', count: report.open.holders },
        children: report.soleHolders.map((p) => ({ kind: 'person', id: `sole/${p.person}`, person: p.person, children: p.decisions.map((d) => record(`sole/${p.person}`, d, [d.risk && `risk ${d.risk}`, d.door].filter(Boolean).join(' · '))) })),
      },
      { kind: 'section', id: 'exit', label: 'Overdue exit plans', icon: 'calendar', assessment, open: { key: 'due', count: report.open.due }, children: report.overdueExitPlans.map((p) => record('exit', p, `due ${p.due}`)) },
      { kind: 'section', id: 'review', label: 'Overdue reviews', icon: 'history', assessment, open: { key: 'reviewBy', count: report.open.reviewBy }, children: report.overdueReviews.map((r) => record('review', r, `review by ${r.reviewBy}`)) },
      { kind: 'section', id: 'door', label: 'One-way doors decided alone', icon: 'debug-step-out', assessment, open: { key: 'door', count: report.open.door }, children: report.oneWayDoorsDecidedAlone.map((r) => record('door', r, `decided by ${r.decider}`)) },
      ...this.observed(assessment),
    ];
  }

  /**
   * What the history contradicts in the frontmatter (the evidence rules), per record; shown once
   * some folder's history was read and found something (no git, the web: no section).
   */
  private observed(assessment: Assessment): RiskNode[] {
    const children = this.models.all().flatMap((model) =>
      observedRecords(model.evidenceFindings(), (path) => model.decisions?.index.get(path)).map((observed): RiskNode => {
        const id = `observed/${observed.ref.path}`;
        const findings = observed.findings.map((f, i): RiskNode => ({ kind: 'finding', id: `${id}/${i}`, ruleId: f.ruleId, message: f.message, severity: f.severity }));
        return { kind: 'record', id, ref: observed.ref, detail: plural(findings.length, 'finding'), children: findings };
      }),
    );
    return children.length ? [{ kind: 'section', id: 'observed', label: 'Observed in history', icon: 'git-commit', assessment, children }] : [];
  }

  getTreeItem(node: RiskNode): vscode.TreeItem {
    if (node.kind === 'finding') {
      const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = node.ruleId;
      item.tooltip = `${node.message} (${node.ruleId})`;
      item.iconPath = new vscode.ThemeIcon(node.severity === 'error' ? 'error' : node.severity === 'warning' ? 'warning' : 'info');
      return item;
    }
    if (node.kind === 'record') {
      const item = new vscode.TreeItem(`${node.ref.id} ${shortTitle(node.ref.title)}`, node.children?.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = node.detail;
      item.tooltip = `${node.ref.id} ${node.ref.title}${node.detail ? ` — ${node.detail}` : ''}`;
      item.accessibilityInformation = { label: `${node.ref.id} ${node.ref.title}${node.detail ? `, ${node.detail}` : ''}` };
      item.resourceUri = toUri(node.ref.path);
      item.iconPath = new vscode.ThemeIcon('file-text');
      item.command = { command: 'vscode.open', title: 'Open', arguments: [toUri(node.ref.path)] };
      item.contextValue = 'legible.record';
      return item;
    }
    const count = node.kind === 'person' ? node.children.length : node.children.length;
    const label = node.kind === 'person' ? node.person : node.label;
    const item = new vscode.TreeItem(label, count ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    // VS Code keeps an item's first collapsible state for its id: a section that was empty (before
    // the first scan, or until something becomes overdue) gets a new id, so it opens once it fills.
    item.id = node.kind === 'section' && !count ? `${node.id}:empty` : node.id;
    item.description = node.kind === 'section' && !count ? emptySectionWord(node.assessment, node.open?.count) : String(count);
    // A section says in its tooltip what it could not judge: the open answers, the legacy records
    // (Markdown: the field names and commands in them are code).
    if (node.kind === 'section') {
      const open = count ? notJudgedSentence(node.open) : node.open?.count ? `${emptySectionSentence(node.assessment, node.open)} \`legible lint\` lists every open question.` : undefined;
      const tooltip = [open, node.assessment.advice].filter(Boolean).join('\n\n');
      if (tooltip) item.tooltip = new vscode.MarkdownString(tooltip);
    }
    item.iconPath = new vscode.ThemeIcon(node.kind === 'person' ? 'account' : node.icon, node.kind === 'section' && count ? new vscode.ThemeColor('charts.orange') : undefined);
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
