import * as vscode from 'vscode';
import type { Severity } from '../core/rules/rule';

export type GroupBy = 'type' | 'status' | 'owner' | 'risk';

/** The `legible.*` settings, read in one place. */
export interface Settings {
  readonly folders: readonly string[];
  readonly rules: Readonly<Record<string, Severity | 'off'>>;
  readonly groupBy: GroupBy;
  readonly debounceMs: number;
}

/**
 * `folders` and `rules` are resource-scoped (per workspace folder, read for `scope`), `groupBy` and
 * `debounceMs` window-scoped (read without one): VS Code logs a warning for each read in the wrong scope.
 */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const resource = vscode.workspace.getConfiguration('legible', scope ?? null);
  const window = vscode.workspace.getConfiguration('legible');
  return {
    folders: resource.get<string[]>('folders', []),
    rules: resource.get<Record<string, Severity | 'off'>>('rules', {}),
    groupBy: window.get<GroupBy>('groupBy', 'type'),
    debounceMs: Math.max(0, window.get<number>('debounceMs', 300)),
  };
}
