import * as vscode from 'vscode';
import type { FileSystemPort } from '../core/port/file-system';
import type { ResolvedConfig } from '../core/config/config';
import { readDecisionText, type ReadResult } from '../core/workspace/read-text';
import { toCorePath } from './vscode-file-system';

/** The open editor document of a record, if any: its text is newer than the file's. */
export function openDocumentAt(path: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => toCorePath(d.uri) === path);
}

/** A record's text: the editor's when it is open, else the file's, read as the workspace reads it. */
export async function readRecordText(fs: FileSystemPort, path: string, config: ResolvedConfig): Promise<ReadResult> {
  const open = openDocumentAt(path);
  if (open) return { text: open.getText() };
  try {
    return await readDecisionText(fs, path, config.limits);
  } catch (error) {
    return { text: '', problem: `This file could not be read: ${(error as Error).message}` };
  }
}
