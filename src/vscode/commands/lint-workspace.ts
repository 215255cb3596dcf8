import * as vscode from 'vscode';
import type { Models } from '../models';
import { plural } from '../../core/text/plural';

/** Re-reads every decisions folder and shows the result; returns the number of findings. */
export async function lintWorkspace(models: Models): Promise<number> {
  const count = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Legible: linting decision records' }, async () => {
    await models.reload();
    await models.settle();
    return models.all().reduce((sum, model) => sum + model.allPaths().reduce((n, path) => n + model.findingsFor(path).length, 0), 0);
  });
  const records = models.entries().length;
  void vscode.window.setStatusBarMessage(`Legible: ${plural(records, 'record')}, ${plural(count, 'problem')}`, 5000);
  return count;
}
