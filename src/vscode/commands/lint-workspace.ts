import * as vscode from 'vscode';
import type { Models } from '../models';

/** Re-reads every decisions folder and shows the result; returns the number of findings. */
export async function lintWorkspace(models: Models): Promise<number> {
  const count = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Legible: linting decision records' }, async () => {
    await models.reload();
    await models.settle();
    return models.all().reduce((sum, model) => sum + model.allPaths().reduce((n, path) => n + model.findingsFor(path).length, 0), 0);
  });
  const records = models.entries().length;
  void vscode.window.setStatusBarMessage(`Legible: ${records} records, ${count} problem${count === 1 ? '' : 's'}`, 5000);
  return count;
}
