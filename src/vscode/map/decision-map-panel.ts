import * as vscode from 'vscode';
import { businessTradeoff } from '../../core/document/business-tradeoff';
import { parseDecisionDocument } from '../../core/document/decision-document';
import type { DecisionEntry } from '../../core/index/decision-entry';
import { decisionGraph, type DecisionGraph } from '../../core/map/decision-graph';
import { MAP_ROOT_ID, type FromMap, type ToMap } from '../../core/map/map-messages';
import type { Models } from '../models';
import { reportError } from '../output';
import { toCorePath, toUri } from '../vscode-file-system';

/** Index changes come in bursts (a folder loading, a rename): one new graph per pause. */
const UPDATE_DELAY_MS = 250;

/**
 * Legible: Show Decision Map. One panel; its page loads dist/map.js (never part of the
 * extension's bundle) and gets the graph by message, again whenever the index changes.
 */
export class DecisionMapPanel implements vscode.Disposable {
  private static current: DecisionMapPanel | undefined;
  private static readonly updated = new vscode.EventEmitter<void>();
  /** Test seam: a graph was sent to the page. */
  static readonly onDidUpdate = DecisionMapPanel.updated.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Tradeoff answers per entry object: the index replaces an entry when its file changes, so a changed record is read again. */
  private readonly tradeoffs = new WeakMap<DecisionEntry, Readonly<Record<string, string>>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private pendingFocus: string | undefined;
  /** Test seam: the last graph sent. */
  lastGraph: DecisionGraph | undefined;

  static show(models: Models, extensionUri: vscode.Uri, focus?: string): DecisionMapPanel {
    const existing = DecisionMapPanel.current;
    if (existing) {
      existing.panel.reveal();
      if (focus) existing.focus(focus);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel('legible.decisionMap', 'Decision Map', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')],
    });
    DecisionMapPanel.current = new DecisionMapPanel(panel, models, extensionUri, focus);
    return DecisionMapPanel.current;
  }

  static get open(): DecisionMapPanel | undefined {
    return DecisionMapPanel.current;
  }

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly models: Models, extensionUri: vscode.Uri, focus?: string) {
    this.pendingFocus = focus;
    panel.webview.html = page(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromMap) => void this.receive(message)),
      models.onDidChangeIndex(() => this.schedule()),
    );
  }

  focus(path: string): void {
    if (this.ready) void this.post({ type: 'focus', path });
    else this.pendingFocus = path;
  }

  dispose(): void {
    if (DecisionMapPanel.current === this) DecisionMapPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }

  private async receive(message: FromMap): Promise<void> {
    try {
      if (message.type === 'ready') {
        this.ready = true;
        await this.update();
      } else if (message.type === 'open') await this.openRecord(message.path);
    } catch (error) {
      reportError('the decision map failed', error);
    }
  }

  /** Opens a record the page names, but only one the index knows inside a workspace folder: the page is never trusted with a path. */
  private async openRecord(path: string): Promise<void> {
    if (typeof path !== 'string') return;
    const uri = toUri(path);
    if (!vscode.workspace.getWorkspaceFolder(uri) || !this.models.entryFor(uri)) return;
    await vscode.window.showTextDocument(uri, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  private schedule(): void {
    if (!this.ready) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.update().catch((error) => reportError('the decision map failed', error));
    }, UPDATE_DELAY_MS);
  }

  private async update(): Promise<void> {
    await this.models.whenReady();
    const entries = this.models.entries();
    await this.readTradeoffs(entries);
    const today = this.models.all()[0]?.today() ?? '';
    const graph = decisionGraph(entries, { today, tradeoff: (entry) => this.tradeoffs.get(entry) });
    this.lastGraph = graph;
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    await this.post({ type: 'graph', graph, ...(focus ? { focus } : {}) });
    DecisionMapPanel.updated.fire();
  }

  private async readTradeoffs(entries: readonly DecisionEntry[]): Promise<void> {
    for (const entry of entries) {
      if (entry.legacy || this.tradeoffs.has(entry)) continue;
      const model = this.models.modelFor(toUri(entry.path));
      const workspace = model?.decisions;
      if (!workspace) continue;
      const read = await model.readText(entry.path).catch(() => undefined);
      if (read) this.tradeoffs.set(entry, businessTradeoff(parseDecisionDocument(entry.path, read.text, workspace.options.config.limits)));
    }
  }

  private post(message: ToMap): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }
}

/** The page: a nonce'd script and the style, both from dist/, nothing remote, no inline handlers. */
function page(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'map.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'map-style.css'));
  const csp = [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`, `font-src ${webview.cspSource}`].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="stylesheet" href="${style.toString()}">`,
    '<title>Decision Map</title>',
    '</head>',
    '<body>',
    `<div id="${MAP_ROOT_ID}"></div>`,
    `<script nonce="${nonce}" src="${script.toString()}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** The record a command names (tree node, Uri, path), as a path, for the map to centre on. */
export function focusPathOf(models: Models, arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg instanceof vscode.Uri) return models.entryFor(arg) ? toCorePath(arg) : undefined;
  if (arg && typeof arg === 'object' && 'entry' in arg) return (arg as { entry: DecisionEntry }).entry.path;
  return undefined;
}
