import * as vscode from 'vscode';
import type { DecisionEntry } from '../../core/index/decision-entry';
import { groupDecisions, type DecisionGroup, type GroupBy } from '../../core/views/decision-groups';
import type { Models } from '../models';
import type { DiagnosticsPublisher } from '../diagnostics';
import { recordItem, recordTooltip } from './record-item';
import { toUri } from '../vscode-file-system';
import { globItem, globNodes, type GlobNode } from './governed-rows';

export type DecisionNode =
  | { readonly kind: 'folder'; readonly name: string; readonly entries: readonly DecisionEntry[] }
  | { readonly kind: 'group'; readonly group: DecisionGroup; readonly parent: string }
  | { readonly kind: 'record'; readonly entry: DecisionEntry; readonly parent: string }
  | GlobNode;

function countOf(group: DecisionGroup): number {
  return (group.entries?.length ?? 0) + (group.groups ?? []).reduce((sum, g) => sum + countOf(g), 0);
}

/** The Decisions view: records grouped by type then status (or status, owner, risk). */
export class DecisionsTree implements vscode.TreeDataProvider<DecisionNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<DecisionNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly models: Models,
    private readonly diagnostics: DiagnosticsPublisher,
    private groupBy: GroupBy,
  ) {
    // The index changes after the debounced lint (and on load), not on every keystroke: rebuilding
    // the tree per keystroke would regroup every record while the user types.
    // The file list changing (a code file created, renamed, deleted) changes the globs' counts.
    this.subscriptions = [models.onDidChangeIndex(() => this.refresh()), models.onDidChangeCode(() => this.refresh())];
  }

  get grouping(): GroupBy {
    return this.groupBy;
  }

  setGroupBy(by: GroupBy): void {
    this.groupBy = by;
    this.refresh();
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(node?: DecisionNode): DecisionNode[] | Promise<DecisionNode[]> {
    if (!node) {
      const withRecords = this.models.all().filter((m) => m.decisions?.index.size);
      // Multi-root: one node per workspace folder, so equal numbers in two repositories stay apart.
      if (withRecords.length > 1) return withRecords.map((m) => ({ kind: 'folder', name: m.folder.name, entries: m.decisions!.index.entries() }));
      return this.groups(withRecords[0]?.decisions?.index.entries() ?? [], '');
    }
    if (node.kind === 'folder') return this.groups(node.entries, node.name);
    if (node.kind === 'group') {
      const key = `${node.parent}/${node.group.key}`;
      return [
        ...(node.group.groups ?? []).map((group) => ({ kind: 'group' as const, group, parent: key })),
        ...(node.group.entries ?? []).map((entry) => ({ kind: 'record' as const, entry, parent: key })),
      ];
    }
    // A record's `governs` globs, each with how many files it matches.
    if (node.kind === 'record') return globNodes(this.models, node.entry, node.parent);
    return [];
  }

  private groups(entries: readonly DecisionEntry[], parent: string): DecisionNode[] {
    return groupDecisions(entries, this.groupBy).map((group) => ({ kind: 'group', group, parent }));
  }

  getTreeItem(node: DecisionNode): vscode.TreeItem {
    if (node.kind === 'record') {
      const placeholder = this.models.modelFor(toUri(node.entry.path))?.config?.placeholder;
      const item = recordItem(node.entry, this.diagnostics.count(node.entry.path), `${node.parent}/${node.entry.path}`, this.groupBy, placeholder);
      if (node.entry.governs?.length) {
        item.collapsibleState = vscode.TreeItemCollapsibleState.Collapsed;
        item.contextValue = `${item.contextValue}.governs`;
      }
      return item;
    }
    if (node.kind === 'glob') return globItem(node);
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `folder:${node.name}`;
      item.iconPath = new vscode.ThemeIcon('root-folder');
      item.description = `${node.entries.length}`;
      return item;
    }
    const count = countOf(node.group);
    const item = new vscode.TreeItem(node.group.label, node.group.groups ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${node.parent}/${node.group.key}`;
    item.description = String(count);
    item.contextValue = 'legible.group';
    return item;
  }

  /** On hover: the tooltip, with the record's tradeoff answers read from its file (or open editor). */
  async resolveTreeItem(item: vscode.TreeItem, node: DecisionNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.kind !== 'record') return item;
    const { path } = node.entry;
    const model = this.models.modelFor(toUri(path));
    const tradeoff = (await model?.tradeoff(path)) ?? {};
    const observed = await model?.truckFactorLine(node.entry);
    if (token.isCancellationRequested) return item;
    item.tooltip = recordTooltip(node.entry, this.diagnostics.count(path), tradeoff, model?.config?.placeholder, observed);
    return item;
  }

  getParent(): undefined {
    return undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
