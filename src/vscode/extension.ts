import * as vscode from 'vscode';

// Placeholder activation until the extension issue fills the adapters in.
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Legible', { log: true });
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('legible.lintWorkspace', () => {
      output.info('Lint Workspace requested');
      return 'ok';
    }),
  );
}

export function deactivate(): void {}
