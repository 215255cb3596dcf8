// The tests module of the web activation measure (web-activation.ts): runs in the browser's web
// worker host beside the extension, waits for its first diagnostics and writes its startup times
// beside the workspace folder, through vscode.workspace.fs (that host has no disk and no process).
import * as vscode from 'vscode';
import type { LegibleApi } from '../../src/vscode/extension';

const TIMEOUT_MS = 30_000;

// One bare look-up, made the moment the workbench loads this module (beside the extension's own
// start): when it returns says what any extension's first round trip costs at that moment, so the
// step list can tell the host's start-up from Legible's own work.
const bare = (() => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const asked = performance.now();
  const returned = folder ? Promise.resolve(vscode.workspace.fs.stat(folder.uri)).then(() => performance.now(), () => undefined) : Promise.resolve(undefined);
  return { asked, returned };
})();

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const extension = vscode.extensions.getExtension<LegibleApi>('legible.legible');
  if (!folder || !extension) throw new Error('no workspace folder, or Legible is not loaded');
  const api = await extension.activate();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    const check = () => {
      if (api.startup.firstDiagnostics === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const subscription = api.onDidChange(check);
    check();
  });
  // The whole load: every record indexed, and the body rules of each run (1,000 records: many
  // round trips more than the first diagnostics).
  await api.settle();
  const settled = performance.now();
  // What one look-up through vscode.workspace.fs costs here (worker → workbench → server and back),
  // after start-up: the first load makes a few dozen, most of them one after another.
  const stats: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await vscode.workspace.fs.stat(folder.uri);
    stats.push(performance.now() - started);
  }
  const bareReturned = await bare.returned;
  const steps = [...(api.startup.steps ?? []), { step: 'probe: bare stat asked', at: bare.asked }, ...(bareReturned === undefined ? [] : [{ step: 'probe: bare stat returned', at: bareReturned }])];
  const result = { ...api.startup, settled, steps, webWorker: typeof process === 'undefined', statMs: stats.sort((a, b) => a - b)[2] };
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, '..', 'web-activation.json'), new TextEncoder().encode(JSON.stringify(result)));
}
