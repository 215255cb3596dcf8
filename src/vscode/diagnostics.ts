import * as vscode from 'vscode';
import type { Finding } from '../core/rules/rule';
import type { Models } from './models';
import { toDiagnostic } from './convert';
import { toUri } from './vscode-file-system';

/** Publishes each model's findings as diagnostics, touching only the files that changed. */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('legible');
  private readonly published = new Map<string, Finding[]>();
  /** The same findings by URI string: code actions look them up on every light-bulb request. */
  private readonly byUri = new Map<string, Finding[]>();
  private readonly subscription: vscode.Disposable;

  constructor(models: Models) {
    this.subscription = models.onDidChangeFindings(({ model, paths }) => {
      const targets = paths ?? model.allPaths();
      if (!paths) {
        // A reload: files that left the folder (or the index) lose their diagnostics.
        for (const path of [...this.published.keys()]) if (model.contains(path) && !targets.includes(path)) this.set(path, []);
      }
      for (const path of targets) this.set(path, model.findingsFor(path));
    });
  }

  /** The findings behind the diagnostics of a file, for code actions. */
  findings(uri: vscode.Uri): readonly Finding[] {
    return this.byUri.get(uri.toString()) ?? [];
  }

  /** Whether any file has diagnostics now. */
  publishedAny(): boolean {
    return this.published.size > 0;
  }

  count(path: string): number {
    return this.published.get(path)?.length ?? 0;
  }

  private set(path: string, findings: Finding[]): void {
    const uri = toUri(path);
    if (!findings.length) {
      this.byUri.delete(uri.toString());
      if (this.published.delete(path)) this.collection.delete(uri);
      return;
    }
    this.published.set(path, findings);
    this.byUri.set(uri.toString(), findings);
    this.collection.set(uri, findings.map(toDiagnostic));
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
