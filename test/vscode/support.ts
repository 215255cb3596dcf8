// Helpers shared by the in-host tests: the extension's API, records written into the run's fresh
// workspace copy (and removed again), and waiting on VS Code's own events instead of sleeping.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LegibleApi } from '../../src/vscode/extension';

export const EXTENSION_ID = 'legible.legible';

/**
 * The quick picks New ADR / New RFC ask after the title, answered as command arguments: a test that
 * is not about those questions passes these, so the command never waits on a quick pick.
 */
export const TWO_WAY_LOW = { 'reversibility.door': 'two-way', 'risk.level': 'low', 'risk.blast-radius': 'team' } as const;
/** Generous: the debounce is 300 ms, but a loaded CI machine may be slow to deliver file events. */
const WAIT_MS = 10_000;

let api: LegibleApi | undefined;

/** The activated extension's exported API (settle, entries, treeSnapshot). */
export async function legible(): Promise<LegibleApi> {
  if (api) return api;
  const extension = vscode.extensions.getExtension<LegibleApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this extension host`);
  // VS Code 1.139 defaults files.autoSave to afterDelay: a dirty document would be saved a second
  // later, in the middle of a test (and a record the test deleted written back). The run's fresh
  // profile pins it off, so what is saved is what a test saves.
  await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  api = await extension.activate();
  // VS Code's own Markdown extension activates on the first Markdown document and registers its
  // code-action providers then; a code-action request that is running while the provider registry
  // changes is cancelled (and returns nothing). Activate it up front, as a long session would have.
  await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
  await api.settle();
  return api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

/** The fixture's decisions folder (a fresh copy per run, see test/harness/run-vscode-tests.ts). */
export function decisionsFolder(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), 'docs', 'decisions');
}

export function recordUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(decisionsFolder(), name);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function readText(uri: vscode.Uri): Promise<string> {
  return decoder.decode(await vscode.workspace.fs.readFile(uri));
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves with the first truthy value of `probe`, checked now and after each of `events`;
 * rejects after a deadline with what the probe last saw. Never a fixed delay.
 */
export function waitFor<T>(
  description: string,
  probe: () => T | undefined | false | null | Promise<T | undefined | false | null>,
  events: ReadonlyArray<vscode.Event<unknown>> = [vscode.languages.onDidChangeDiagnostics],
  timeoutMs = WAIT_MS,
  explain: () => string = () => '',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (error: Error | undefined, value?: T) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      if (error) reject(error);
      else resolve(value as T);
    };
    const check = async () => {
      try {
        const value = await probe();
        if (value) finish(undefined, value);
      } catch (error) {
        finish(error as Error);
      }
    };
    const timer = setTimeout(() => {
      const detail = explain();
      finish(new Error(`timed out after ${timeoutMs} ms waiting for ${description}${detail ? `\n${detail}` : ''}`));
    }, timeoutMs);
    for (const event of events) subscriptions.push(event(() => void check()));
    void check();
  });
}

export function legibleDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'legible');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const list = legibleDiagnostics(uri);
  if (!list.length) return `  (no legible diagnostics on ${vscode.workspace.asRelativePath(uri)})`;
  return list.map((d) => `  ${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1} [${ruleOf(d)}] ${d.message}`).join('\n');
}

/** Waits until the file's Legible diagnostics satisfy `predicate`; returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, description: string, predicate: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${description} on ${vscode.workspace.asRelativePath(uri)}`,
    () => {
      const list = legibleDiagnostics(uri);
      return predicate(list) ? list : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics],
    WAIT_MS,
    () => `diagnostics now:\n${describeDiagnostics(uri)}`,
  );
}

/** Waits for exactly one diagnostic of `rule` on the file (after flushing the debounce). */
export async function waitForRule(uri: vscode.Uri, rule: string, matching: (d: vscode.Diagnostic) => boolean = () => true): Promise<vscode.Diagnostic> {
  await (await legible()).settle();
  const list = await waitForDiagnostics(uri, `a ${rule} diagnostic`, (all) => all.some((d) => ruleOf(d) === rule && matching(d)));
  const found = list.filter((d) => ruleOf(d) === rule && matching(d));
  assert.equal(found.length, 1, `expected one ${rule} diagnostic:\n${describeDiagnostics(uri)}`);
  return found[0];
}

/** Waits until the file has no diagnostic of `rule` (after flushing the debounce). */
export async function waitForNoRule(uri: vscode.Uri, rule: string): Promise<vscode.Diagnostic[]> {
  await (await legible()).settle();
  return waitForDiagnostics(uri, `no ${rule} diagnostic`, (all) => !all.some((d) => ruleOf(d) === rule));
}

/** Waits until the extension's index holds (or no longer holds) a record at `uri`. */
export async function waitForIndexed(uri: vscode.Uri, present = true): Promise<void> {
  const extension = await legible();
  const path = uri.path;
  await waitFor(
    `${vscode.workspace.asRelativePath(uri)} to be ${present ? 'in' : 'out of'} the index`,
    // No settle() in here: it fires onDidChange itself. The index changes before findings are published.
    () => extension.entries().some((e) => e.path.endsWith(path)) === present,
    [extension.onDidChange],
    WAIT_MS,
    () => `diagnostics now:\n${describeDiagnostics(uri)}`,
  );
}

/** Records a test wrote, removed again by `cleanUp` so each test starts from the fixture. */
const created = new Set<string>();

/** Writes a file through vscode.workspace.fs (the extension hears of it through its watcher). */
export async function writeFile(uri: vscode.Uri, text: string): Promise<vscode.Uri> {
  created.add(uri.toString());
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
  return uri;
}

/** Writes a record into the decisions folder and waits until the extension has indexed it. */
export async function writeRecord(name: string, text: string): Promise<vscode.Uri> {
  const uri = await writeFile(recordUri(name), text);
  await waitForIndexed(uri);
  return uri;
}

/** Remembers a file a command created, so `cleanUp` removes it. */
export function track(uri: vscode.Uri): vscode.Uri {
  created.add(uri.toString());
  return uri;
}

/**
 * Closes every editor without saving: each dirty document (shown or only edited in the background,
 * as a WorkspaceEdit leaves it) is shown and reverted, so no "Save?" dialog blocks the host.
 */
export async function closeAllEditors(): Promise<void> {
  for (let guard = 0; guard < 50; guard++) {
    const dirty = vscode.workspace.textDocuments.find((d) => d.isDirty);
    if (!dirty) break;
    await vscode.window.showTextDocument(dirty);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Closes editors, deletes the files the test created and waits until the index has let them go. */
export async function cleanUp(): Promise<void> {
  await closeAllEditors();
  const uris = [...created].map((s) => vscode.Uri.parse(s));
  created.clear();
  for (const uri of uris) {
    if (await exists(uri)) await vscode.workspace.fs.delete(uri, { useTrash: false });
  }
  for (const uri of uris) if (uri.path.endsWith('.md')) await waitForIndexed(uri, false);
  await (await legible()).settle();
}

/** Applies a WorkspaceEdit and fails loudly when VS Code refuses it. */
export async function applyEdit(edit: vscode.WorkspaceEdit): Promise<void> {
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'VS Code refused the edit');
}

/** The `lines` joined with '\n' and a final newline. */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** A complete, clean ADR (no findings), numbered and titled as asked; `edit` rewrites parts of it. */
export function cleanAdr(title: string, edit: (text: string) => string = (t) => t): string {
  return edit(
    lines(
      '---',
      'type: adr',
      `title: ${title}`,
      'status: accepted',
      'date: 2026-01-05',
      'owners: [alice]',
      'review-by: 2030-01-05',
      'deciders: [alice, bob]',
      'reversibility:',
      '  door: two-way',
      'risk:',
      '  level: low',
      '  blast-radius: team',
      'business-tradeoff:',
      '  reduces-risk: Losing the reasons behind decisions.',
      '  preserves-option: Changing the format later.',
      '  accepts-cost: A few minutes per decision.',
      '  eases-later: Onboarding and audits.',
      '  protects-outcome: Delivery that does not depend on one memory.',
      'knowledge-exit-path:',
      '  holders: [alice]',
      '  successors: [bob]',
      '  mechanisms: [documentation]',
      '---',
      '',
      `# ${title}`,
      '',
      '## Context',
      '',
      'Why this matters.',
      '',
      '## Decision',
      '',
      'What we do.',
      '',
      '## Consequences',
      '',
      'What follows.',
    ),
  );
}

/** The range of the first match of `text` in a document (for positions in assertions and requests). */
export function rangeOf(document: vscode.TextDocument, text: string, from = 0): vscode.Range {
  const offset = document.getText().indexOf(text, from);
  assert.ok(offset >= 0, `${JSON.stringify(text)} is not in ${vscode.workspace.asRelativePath(document.uri)}`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
}
