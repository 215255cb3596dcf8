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

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration('legible', scope);
  return {
    folders: config.get<string[]>('folders', []),
    rules: config.get<Record<string, Severity | 'off'>>('rules', {}),
    groupBy: config.get<GroupBy>('groupBy', 'type'),
    debounceMs: Math.max(0, config.get<number>('debounceMs', 300)),
  };
}
