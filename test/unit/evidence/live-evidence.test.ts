import { strict as assert } from 'node:assert';
import { GovernsIndex } from '../../../src/core/code/governs-index';
import { defaultPeopleSettings } from '../../../src/core/evidence/evidence-settings';
import type { LogCommit } from '../../../src/core/evidence/git-log';
import { emptyHistory, foldCommit } from '../../../src/core/evidence/history';
import { LiveEvidence, noEvidenceHover, type HistoryReader, type HistorySnapshot } from '../../../src/core/live/live-evidence';
import { observedRecords } from '../../../src/core/views/observed-findings';
import { ManualScheduler } from '../support/manual-scheduler';
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

describe('LiveEvidence in the editor: the rules\' findings, HEAD moves, failures', () => {
  const files = { 'docs/decisions/0001-ledger.md': cleanAdr('Ledger', ['governs: [src/**]']), 'src/a.ts': 'a' };

  it('gives the evidence rules\' findings, the same list until a record changes', async () => {
    const ws = await lintFiles(files);
    const governs = GovernsIndex.build(ws.workspace.index.entries(), ['src/a.ts']);
    const live = new LiveEvidence({ read: scriptedReader([[commit('Amira', '2026-10-01', ['src/a.ts'])]]), settings: defaultPeopleSettings, today: () => TODAY });
    assert.deepEqual(live.findings(ws.workspace.index, governs, ws.loaded.config), [], 'none before the history is read');
    await live.refresh();
    const first = live.findings(ws.workspace.index, governs, ws.loaded.config);
    assert.deepEqual(first.map((f) => f.ruleId).sort(), ['successor-without-evidence']);
    assert.match(first.find((f) => f.ruleId === 'successor-without-evidence')!.message, /names bo, who has no change to the file this decision governs/);
    assert.equal(live.findings(ws.workspace.index, governs, ws.loaded.config), first, 'the same list while nothing changed');
    live.changed();
    assert.equal(live.findings(ws.workspace.index, governs, ws.loaded.config), first, 'changed() with no record changed: the same list');
    ws.workspace.updateFrontmatter(`${ROOT}/docs/decisions/0001-ledger.md`, files['docs/decisions/0001-ledger.md'].replace('successors: [bo]', 'successors: [cy]'));
    live.changed();
    const again = live.findings(ws.workspace.index, governs, ws.loaded.config);
    assert.notEqual(again, first, 'worked out again after a change');
    assert.match(again[0].message, /names cy, who has no change/);
    assert.deepEqual(live.findings(ws.workspace.index, governs, { ...ws.loaded.config, code: { ...ws.loaded.config.code, enabled: false } }), [], 'code.enabled false turns them off, as in lint');
  });

  it('refreshes once for a burst of HEAD moves, after a short wait on the scheduler', async () => {
    const read = scriptedReader([[commit('Amira', '2026-10-01', ['src/a.ts'])]]);
    const scheduler = new ManualScheduler();
    const live = new LiveEvidence({ read, settings: defaultPeopleSettings, today: () => TODAY, scheduler });
    live.headMoved();
    live.headMoved();
    live.headMoved();
    assert.equal(read.calls.length, 0, 'nothing read while the moves may go on');
    scheduler.advance(1000);
    await live.whenIdle();
    assert.equal(read.calls.length, 1);
    live.headMoved();
    live.dispose();
    scheduler.advance(1000);
    assert.equal(read.calls.length, 1, 'a disposed engine reads nothing');
  });

  it('a reader that throws leaves a problem to show, not a rejection', async () => {
    const live = new LiveEvidence({ read: () => Promise.reject(new Error('spawn git EACCES')), settings: defaultPeopleSettings, today: () => TODAY });
    await live.refresh();
    assert.equal(live.problem, 'spawn git EACCES');
    assert.equal(live.evidence, undefined);
    assert.equal(noEvidenceHover('a_b', live.problem), '**a\\_b**: no evidence from the repository\'s history here: spawn git EACCES.');
  });

  it('groups the findings per record for the Knowledge Risk view, records by id', async () => {
    const ws = await lintFiles({ ...files, 'docs/decisions/0002-queue.md': cleanAdr('Queue', ['governs: [src/**]']) });
    const governs = GovernsIndex.build(ws.workspace.index.entries(), ['src/a.ts']);
    const live = new LiveEvidence({ read: scriptedReader([[commit('Amira', '2026-10-01', ['src/a.ts'])]]), settings: defaultPeopleSettings, today: () => TODAY });
    await live.refresh();
    const findings = live.findings(ws.workspace.index, governs, ws.loaded.config);
    const observed = observedRecords([...findings].reverse(), (path) => ws.workspace.index.get(path));
    assert.deepEqual(observed.map((o) => o.ref.title), ['Ledger', 'Queue']);
    for (const record of observed) assert.deepEqual(record.findings.map((f) => f.ruleId), findings.filter((f) => f.path === record.ref.path).map((f) => f.ruleId), record.ref.title);
    assert.deepEqual(observedRecords(findings, () => undefined), [], 'a record no longer indexed has no row');
  });
});
