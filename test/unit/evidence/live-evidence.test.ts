import { strict as assert } from 'node:assert';
import { GovernsIndex } from '../../../src/core/code/governs-index';
import { defaultPeopleSettings } from '../../../src/core/evidence/evidence-settings';
import type { LogCommit } from '../../../src/core/evidence/git-log';
import { emptyHistory, foldCommit } from '../../../src/core/evidence/history';
import { LiveEvidence, type HistoryReader, type HistorySnapshot } from '../../../src/core/live/live-evidence';
import { cleanAdr, lintFiles, ROOT } from '../support/workspace';

const TODAY = '2026-11-21';

function commit(name: string, date: string, files: string[]): LogCommit {
  return { hash: `${name}${date}`.padEnd(40, '0'), name, email: `${name.toLowerCase()}@example.com`, time: Date.parse(`${date}T12:00:00Z`) / 1000, files: files.map((path) => ({ path, added: 5, removed: 1 })) };
}

/** A reader over scripted heads: each call answers the next, counting calls and what it was given. */
function scriptedReader(heads: LogCommit[][]): HistoryReader & { calls: Array<HistorySnapshot | undefined> } {
  const calls: Array<HistorySnapshot | undefined> = [];
  const read = (async (request) => {
    calls.push(request.previous);
    const commits = heads[Math.min(calls.length - 1, heads.length - 1)];
    if (!commits.length) return { problem: 'git is not installed (no git on PATH)' };
    const history = emptyHistory(request.windowStart);
    for (const c of [...commits].reverse()) foldCommit(history, c);
    return { history, head: String(calls.length), notes: [] };
  }) as HistoryReader & { calls: typeof calls };
  read.calls = calls;
  return read;
}

describe('LiveEvidence: the editor\'s evidence, refreshed on HEAD changes', () => {
  it('gives the tree its truck factor line and a person hover their evidence for the record', async () => {
    const ws = await lintFiles({ 'docs/decisions/0001-ledger.md': cleanAdr('Ledger', ['governs: [src/**]']), 'src/a.ts': 'a', 'src/b.ts': 'b' });
    const entry = ws.workspace.index.get(`${ROOT}/docs/decisions/0001-ledger.md`)!;
    const governs = GovernsIndex.build(ws.workspace.index.entries(), ['src/a.ts', 'src/b.ts']);
    const read = scriptedReader([[commit('Amira', '2026-10-01', ['src/a.ts', 'src/b.ts'])]]);
    const live = new LiveEvidence({ read, settings: defaultPeopleSettings, today: () => TODAY });
    assert.equal(live.truckFactorLine(entry, ws.workspace.index, governs), undefined, 'nothing before the first read');
    let changes = 0;
    live.onDidChange(() => changes++);
    await live.refresh();
    assert.equal(changes, 1);
    assert.equal(live.truckFactorLine(entry, ws.workspace.index, governs), 'Observed truck factor 1 (Amira) over 2 files with an author.');
    const amira = live.personHover(entry, 'amira', ws.workspace.index, governs)!;
    assert.match(amira, /\*\*amira\*\* in the history of the code this record governs \(since 2025-11-21\):/);
    assert.match(amira, /- author of 2 of 2 files \(100%\); 1 commit, \+10 −2 in the window; last change 2026-10-01/);
    assert.match(live.personHover(entry, 'bo', ws.workspace.index, governs)!, /git knows no commit under this name/);
  });

  it('runs one refresh at a time, one more for any asked meanwhile, and hands the last history back to update', async () => {
    const read = scriptedReader([[commit('Amira', '2026-10-01', ['src/a.ts'])], [commit('Amira', '2026-10-02', ['src/a.ts'])], []]);
    const live = new LiveEvidence({ read, settings: defaultPeopleSettings, today: () => TODAY });
    const first = live.refresh();
    void live.refresh();
    void live.refresh();
    await first;
    await live.whenIdle();
    assert.equal(read.calls.length, 2, 'the first, and one for the two asked while it ran');
    await live.refresh();
    await live.whenIdle();
    assert.equal(read.calls.length, 3);
    assert.equal(read.calls[0], undefined);
    assert.equal(read.calls[1]?.head, '1', 'the history read before is given back to update');
    assert.equal(live.problem, 'git is not installed (no git on PATH)');
    assert.equal(live.evidence, undefined);
  });
});
