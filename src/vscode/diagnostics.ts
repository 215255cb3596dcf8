import * as vscode from 'vscode';
import type { Finding } from '../core/rules/rule';
import type { Models } from './models';
import { toDiagnostic } from './convert';
import { toUri } from './vscode-file-system';

/** Publishes each model's findings as diagnostics, touching only the files that changed. */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('legible');
  private readonly published = new Map<string, Finding[]>();
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
    for (const [path, findings] of this.published) if (toUri(path).toString() === uri.toString()) return findings;
    return [];
  }

  count(path: string): number {
    return this.published.get(path)?.length ?? 0;
  }

  private set(path: string, findings: Finding[]): void {
    if (!findings.length) {
      if (this.published.delete(path)) this.collection.delete(toUri(path));
      return;
    }
    this.published.set(path, findings);
    this.collection.set(toUri(path), findings.map(toDiagnostic));
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
