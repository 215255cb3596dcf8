// The first scan of a folder: the whole index with its frontmatter findings is published before any
// body rule (a Markdown parse per record) runs; the body findings follow in slices. Runs in the
// multi-root pass, where a folder can be added (a first scan) without reopening the window.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LegibleApi } from '../../src/vscode/extension';
import { cleanAdr, legible, legibleDiagnostics, ruleOf, waitFor } from './support';

const RECORDS = 40;

interface Seen {
  readonly phase: 'index' | 'bodies';
  readonly records: number;
  readonly bodiesDone: number;
  /** What a user could see at that moment: */
  readonly indexed: number;
  readonly schemaProblem: boolean;
  readonly withSections: number;
  readonly tree?: Promise<{ decisions: string[] }>;
}

describe('First scan of a folder @multiroot', () => {
  let api: LegibleApi;
  let gamma: vscode.Uri;
  const record = (n: number) => vscode.Uri.joinPath(gamma, 'docs', 'decisions', `${String(n).padStart(4, '0')}-record-${n}.md`);
  const records = () => Array.from({ length: RECORDS }, (_, i) => record(i + 1));
  const hasRule = (uri: vscode.Uri, rule: string) => legibleDiagnostics(uri).some((d) => ruleOf(d) === rule);
  // The folder as VS Code resolves it from the .code-workspace file: compare by its path.
  const isGamma = (uri: vscode.Uri) => uri.scheme === 'file' && uri.path === gamma.path;

  before(async () => {
    api = await legible();
    const alpha = vscode.workspace.workspaceFolders?.find((f) => f.name === 'alpha');
    assert.ok(alpha, 'no workspace folder named alpha');
    gamma = vscode.Uri.joinPath(alpha.uri, '..', 'gamma');
    // Every record lacks its Consequences section (a body rule); record 7 also has a bad risk level.
    for (const uri of records()) {
      const n = Number(/(\d{4})-/.exec(uri.path)![1]);
      const withoutConsequences = (t: string) => t.replace(/## Consequences[\s\S]*$/, '');
      const text = cleanAdr(`Record ${n}`, n === 7 ? (t) => withoutConsequences(t).replace('level: low', 'level: hgh') : withoutConsequences);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    }
  });

  after(async () => {
    const index = vscode.workspace.workspaceFolders?.findIndex(isGammaFolder) ?? -1;
    if (index >= 0) {
      const removed = waitFor('gamma to leave the workspace', () => !vscode.workspace.workspaceFolders?.some(isGammaFolder), [vscode.workspace.onDidChangeWorkspaceFolders]);
      assert.ok(vscode.workspace.updateWorkspaceFolders(index, 1));
      await removed;
    }
    await vscode.workspace.fs.delete(gamma, { recursive: true, useTrash: false });
    await api.settle();
  });

  function isGammaFolder(folder: vscode.WorkspaceFolder): boolean {
    return isGamma(folder.uri);
  }

  it('publishes the index and frontmatter findings first, then the body findings slice by slice', async () => {
    const seen: Seen[] = [];
    const inGamma = () => api.entries().filter((e) => e.path.includes('/gamma/')).length;
    const subscription = api.onDidLoadProgress((progress) => {
      if (!isGamma(progress.folder)) return;
      // Read synchronously, in the event: nothing else has run since the load published.
      seen.push({
        phase: progress.phase,
        records: progress.records,
        bodiesDone: progress.bodiesDone,
        indexed: inGamma(),
        schemaProblem: hasRule(record(7), 'frontmatter-schema'),
        withSections: records().filter((uri) => hasRule(uri, 'required-sections')).length,
        tree: progress.phase === 'index' ? api.treeSnapshot() : undefined,
      });
    });
    try {
      const count = vscode.workspace.workspaceFolders?.length ?? 0;
      assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: gamma, name: 'gamma' }));
      await waitFor('the body phase of gamma to finish', () => seen.some((s) => s.phase === 'bodies' && s.bodiesDone === RECORDS), [api.onDidLoadProgress], 20_000,
        () => JSON.stringify(seen.map(({ tree: _tree, ...rest }) => rest)));
      await api.settle();
    } finally {
      subscription.dispose();
    }
    const summary = JSON.stringify(seen.map(({ tree: _tree, ...rest }) => rest));

    // Published first: every record indexed, the frontmatter finding shown, no body rule run yet.
    const [index, ...rest] = seen;
    assert.equal(index.phase, 'index', summary);
    assert.deepEqual([index.records, index.indexed, index.bodiesDone, index.schemaProblem, index.withSections], [RECORDS, RECORDS, 0, true, 0], summary);
    const { decisions } = await index.tree!;
    assert.ok(decisions.includes(`gamma — ${RECORDS}`), decisions.join('\n'));

    // Then the body rules, published in more than one slice, each slice's findings with it.
    assert.ok(rest.every((s) => s.phase === 'bodies'), `a second load started: ${summary}`);
    assert.ok(rest.length >= 2, summary);
    assert.ok(rest.some((s) => s.bodiesDone > 0 && s.bodiesDone < RECORDS), summary);
    for (let i = 0; i < rest.length; i++) {
      assert.ok(i === 0 || rest[i].bodiesDone >= rest[i - 1].bodiesDone, summary);
      assert.equal(rest[i].withSections, rest[i].bodiesDone, summary);
    }

    // Settled: every record has its body finding, the frontmatter one is still there.
    assert.equal(records().filter((uri) => hasRule(uri, 'required-sections')).length, RECORDS);
    assert.ok(hasRule(record(7), 'frontmatter-schema'));
  });

  it('on a reload (Refresh), keeps showing the body findings until the body rules have run again', async () => {
    assert.ok(vscode.workspace.workspaceFolders?.some(isGammaFolder), 'gamma was not added by the test before');
    const atIndex: number[] = [];
    const subscription = api.onDidLoadProgress((progress) => {
      if (isGamma(progress.folder) && progress.phase === 'index') atIndex.push(records().filter((uri) => hasRule(uri, 'required-sections')).length);
    });
    try {
      await vscode.commands.executeCommand('legible.refresh');
      await api.settle();
    } finally {
      subscription.dispose();
    }
    // No flicker: the Problems panel does not lose the 40 warnings while the bodies are re-read.
    assert.deepEqual(atIndex, [RECORDS]);
    assert.equal(records().filter((uri) => hasRule(uri, 'required-sections')).length, RECORDS);
  });
});
