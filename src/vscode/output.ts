import * as vscode from 'vscode';

/** One output channel: every failure is logged here, never swallowed. */
let channel: vscode.LogOutputChannel | undefined;

export function output(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Legible', { log: true });
  return channel;
}

/** Logs an error and tells the user once, with a way to see the details. */
export function reportError(context: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  output().error(`${context}: ${error instanceof Error && error.stack ? error.stack : message}`);
  void vscode.window.showErrorMessage(`Legible: ${context}: ${message}`, 'Show Log').then((choice) => {
    if (choice) output().show(true);
  });
}
