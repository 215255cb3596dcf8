import * as vscode from 'vscode';
import type { DecisionWorkspace } from '../core/workspace/decision-workspace';
import type { ReadResult } from '../core/workspace/read-text';
import { toCorePath } from './vscode-file-system';

/** The open editor document of a record, if any: its text is newer than the file's. */
export function openDocumentAt(path: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => toCorePath(d.uri) === path);
}

/** A record's text: the editor's when it is open, else the file's, read as the workspace reads it. */
export function readRecordText(workspace: DecisionWorkspace, path: string): Promise<ReadResult> {
  const open = openDocumentAt(path);
  return open ? Promise.resolve({ text: open.getText() }) : workspace.read(path);
}
