import * as vscode from 'vscode';
import { Models } from './models';
import { DiagnosticsPublisher } from './diagnostics';
import { DecisionsTree } from './tree/decisions-tree';
import { KnowledgeRiskTree } from './tree/knowledge-risk-tree';
import { registerCommands } from './commands/register-commands';
import { readSettings } from './settings';
import { output } from './output';
import { CodeActions, registerSelectPlaceholder } from './code-actions';
import { FrontmatterCompletions, FrontmatterHovers } from './language-features';
import { registerCodeFeatures } from './code-features';
import type { DecisionEntry } from '../core/index/decision-entry';
import type { LoadProgress } from './folder-model';
import type { HostAdapters } from './host';
import type { DecisionGraph } from '../core/map/decision-graph';
import { DecisionMapPanel } from './map/decision-map-panel';

/** What the extension exports: lets tests wait for settled results instead of sleeping. */
export interface LegibleApi {
  settle(): Promise<void>;
  entries(): DecisionEntry[];
  /**
   * Test seam: the rows of both views as the providers give them to VS Code (which offers no API
   * to read a tree), one string per row, indented two spaces per level: `label — description`.
   */
  treeSnapshot(): Promise<{ decisions: string[]; knowledgeRisk: string[] }>;
  /** Test seam: a record's tooltip in the Decisions view, as VS Code resolves it on hover (Markdown). */
  recordTooltip(uri: vscode.Uri): Promise<string | undefined>;
  /** Test seam: fires whenever the index, any file's findings (even to none) or what governs the code changed. */
  readonly onDidChange: vscode.Event<void>;
  /**
   * Test seam: a folder's load published its whole index with the frontmatter and cross-file
   * findings (`index`), then one more slice of body-rule findings (`bodies`), after the events
   * that published them.
   */
  readonly onDidLoadProgress: vscode.Event<{ folder: vscode.Uri } & LoadProgress>;
  /** Test seam: the graph the open decision map shows (undefined when none is open), and when it is sent again. */
  decisionMap(): DecisionGraph | undefined;
  readonly onDidUpdateDecisionMap: vscode.Event<void>;
  /**
   * Bench seam: when this activation began (its bundle started to load, where the host knows it;
   * activate was called; the first diagnostics were published), in performance.now() milliseconds.
   */
  readonly startup: StartupTimes;
  /**
   * Test seam: the MCP servers Legible offers agent mode, as its provider gives them to VS Code
   * (label, command, args); undefined where the host has no MCP server definition API (or no Node).
   */
  mcpServers(): Promise<Array<{ label: string; command: string; args: string[]; env: Record<string, string | number | null>; cwd?: string }> | undefined>;
}

export interface StartupTimes {
  readonly loaded?: number;
  readonly activated: number;
  firstDiagnostics?: number;
  /** The steps passed until the first diagnostics (activation's own, then each folder's load), in order. */
  readonly steps: Array<{ readonly step: string; readonly at: number }>;
}

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };
const ALL_FILES: vscode.DocumentSelector = { pattern: '**' };

/** What the web worker host cannot do, said once in the log rather than failing later. */
export const WEB_LIMITS =
  'On the web Legible reads and writes through VS Code only. Not available here: git (a new record\'s owner is not taken from git config; ' +
  'the CLI\'s affected and its git history are for a terminal; no evidence from the history either: a person\'s commits, a record\'s truck factor and the evidence rules ' +
  'need git, so a person\'s hover says so and `legible report --evidence` gives them), and the linear-time engine RE2, so a repository\'s own patterns ' +
  '(placeholderPattern, schema-extension patterns, globs that could backtrack) are refused with that reason instead of run.';

/**
 * The extension's activation in either host: the two entries (extension.ts on Node, web/extension.ts
 * in the browser) differ only in the adapters they pass.
 */
export function activateWith(context: vscode.ExtensionContext, host: HostAdapters): LegibleApi {
  const startup: StartupTimes = { loaded: host.loadedAt, activated: performance.now(), steps: [] };
  const trace = (step: string) => {
    if (startup.firstDiagnostics === undefined) startup.steps.push({ step, at: performance.now() });
  };
  // The same version as `legible --version` and the Action: all three ship from one package.json.
  output().info(`Legible ${String((context.extension.packageJSON as { version?: unknown }).version)}${host.kind === 'web' ? ' (web)' : ''}`);
  if (host.kind === 'web') output().info(WEB_LIMITS);
  trace('activate');
  const models = new Models(host, trace, context.workspaceState);
  const diagnostics = new DiagnosticsPublisher(models);
  // After the publisher's own listener (subscribed first): the findings are diagnostics by now.
  const firstDiagnostics = models.onDidChangeFindings(() => {
    if (!diagnostics.publishedAny()) return;
    startup.firstDiagnostics = performance.now();
    firstDiagnostics.dispose();
  });
  // The load starts before the views, commands and providers are registered: its first look-ups
  // (round trips through vscode.workspace.fs on the web) are then under way while they are, and
  // reach the workbench ahead of their registrations. Nothing it publishes comes before this
  // function returns, so every listener below still hears it. Not awaited: activation returns at
  // once; the index comes first, then the body rules in slices.
  const ready = models.reload();
  trace('reload');
  const decisionsTree = new DecisionsTree(models, diagnostics, readSettings().groupBy);
  const riskTree = new KnowledgeRiskTree(models);
  const changed = new vscode.EventEmitter<void>();
  const mcp = host.mcpServers?.(context) ?? { disposables: [] };
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
    changed,
    models.onDidChangeIndex(() => changed.fire()),
    models.onDidChangeFindings(() => changed.fire()),
    models.onDidChangeCode(() => changed.fire()),
    models.onDidChangeEvidence(() => changed.fire()),
    ...registerCommands({ models, decisionsTree, extensionUri: context.extensionUri }),
    // Every file: a code file's citations have fixes too (the successor of a superseded record).
    vscode.languages.registerCodeActionsProvider(ALL_FILES, new CodeActions(models, diagnostics), CodeActions.metadata),
    registerSelectPlaceholder(),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new FrontmatterCompletions(models), ':', ' ', '-', '[', ','),
    vscode.languages.registerHoverProvider(MARKDOWN, new FrontmatterHovers(models)),
    ...registerCodeFeatures(models),
    ...mcp.disposables,
  );
  context.subscriptions.push(firstDiagnostics);
  void vscode.commands.executeCommand('setContext', 'legible.groupBy', decisionsTree.grouping);
  trace('registered');
  void ready.then(updateContext);
  return {
    settle: () => models.settle(),
    entries: () => models.entries(),
    treeSnapshot: async () => ({ decisions: await treeRows(decisionsTree), knowledgeRisk: await treeRows(riskTree) }),
    recordTooltip: async (uri) => {
      const entry = models.entryFor(uri);
      if (!entry) return undefined;
      const node = { kind: 'record' as const, entry, parent: '' };
      const item = await decisionsTree.resolveTreeItem(decisionsTree.getTreeItem(node), node, new vscode.CancellationTokenSource().token);
      return typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
    },
    onDidChange: changed.event,
    onDidLoadProgress: models.onDidLoadProgress,
    decisionMap: () => DecisionMapPanel.open?.lastGraph,
    onDidUpdateDecisionMap: DecisionMapPanel.onDidUpdate,
    startup,
    mcpServers: async () => {
      if (!mcp.provider) return undefined;
      const definitions = (await mcp.provider.provideMcpServerDefinitions(new vscode.CancellationTokenSource().token)) ?? [];
      return definitions.map((d) => ({ label: d.label, command: d.command, args: d.args, env: d.env, cwd: d.cwd?.fsPath }));
    },
  };
}

/** Walks a tree provider depth-first (test seam of LegibleApi.treeSnapshot). */
async function treeRows<T>(provider: vscode.TreeDataProvider<T>, parent?: T, depth = 0): Promise<string[]> {
  const rows: string[] = [];
  for (const node of (await provider.getChildren(parent)) ?? []) {
    const item = await provider.getTreeItem(node);
    const label = typeof item.label === 'object' ? item.label.label : (item.label ?? '');
    const description = typeof item.description === 'string' && item.description ? ` — ${item.description}` : '';
    rows.push(`${'  '.repeat(depth)}${label}${description}`);
    rows.push(...(await treeRows(provider, node, depth + 1)));
  }
  return rows;
}
