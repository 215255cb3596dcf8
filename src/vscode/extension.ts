import * as vscode from 'vscode';
import { Models } from './models';
import { DiagnosticsPublisher } from './diagnostics';
import { DecisionsTree } from './tree/decisions-tree';
import { KnowledgeRiskTree } from './tree/knowledge-risk-tree';
import { registerCommands } from './commands/register-commands';
import { readSettings } from './settings';
import { output } from './output';
import { CodeActions } from './code-actions';
import { FrontmatterCompletions, FrontmatterHovers } from './language-features';
import type { DecisionEntry } from '../core/index/decision-entry';

/** What the extension exports: lets tests wait for settled results instead of sleeping. */
export interface LegibleApi {
  settle(): Promise<void>;
  entries(): DecisionEntry[];
}

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export function activate(context: vscode.ExtensionContext): LegibleApi {
  const models = new Models();
  const diagnostics = new DiagnosticsPublisher(models);
  const decisionsTree = new DecisionsTree(models, diagnostics, readSettings().groupBy);
  const riskTree = new KnowledgeRiskTree(models);
  const updateContext = () => void vscode.commands.executeCommand('setContext', 'legible.state', models.entries().length ? 'ready' : 'empty');
  context.subscriptions.push(
    output(),
    models,
    diagnostics,
    decisionsTree,
    riskTree,
    vscode.window.createTreeView('legible.decisions', { treeDataProvider: decisionsTree, showCollapseAll: true }),
    vscode.window.createTreeView('legible.knowledgeRisk', { treeDataProvider: riskTree, showCollapseAll: true }),
    models.onDidChangeIndex(updateContext),
    ...registerCommands({ models, decisionsTree }),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new CodeActions(models, diagnostics), CodeActions.metadata),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new FrontmatterCompletions(models), ':', ' ', '-', '[', ','),
    vscode.languages.registerHoverProvider(MARKDOWN, new FrontmatterHovers(models)),
  );
  void vscode.commands.executeCommand('setContext', 'legible.groupBy', decisionsTree.grouping);
  // Not awaited: activation returns at once; the first lint runs in the background, in slices.
  void models.reload().then(updateContext);
  return { settle: () => models.settle(), entries: () => models.entries() };
}

export function deactivate(): void {}
