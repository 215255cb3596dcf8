import { strict as assert } from 'node:assert';
import { LiveCode } from '../../../src/core/code/live-code';
import { Evidence } from '../../../src/core/evidence/evidence';
import { defaultPeopleSettings, type PeopleSettings } from '../../../src/core/evidence/evidence-settings';
import type { LogCommit } from '../../../src/core/evidence/git-log';
import { emptyHistory, foldCommit } from '../../../src/core/evidence/history';
import { LiveEvidence, type HistoryReader } from '../../../src/core/live/live-evidence';
import { lintEvidence } from '../../../src/core/lint/lint-evidence';
import type { Finding } from '../../../src/core/rules/rule';
import { re2RegexEngine } from '../../../src/node/re2-regex-engine';
import { cleanExitPlan, lintFiles, ROOT, type TestWorkspace } from '../support/workspace';

const TODAY = '2026-11-21';
const DIR = 'docs/decisions';

function commit(name: string, date: string, files: string[]): LogCommit {
  return { hash: `${name}${date}${files.join()}`.padEnd(40, '0').slice(0, 40), name, email: `${name.toLowerCase()}@example.com`, time: Date.parse(`${date}T12:00:00Z`) / 1000, files: files.map((path) => ({ path, added: 5, removed: 1 })) };
}

function adr(title: string, governs: string, holders: string[], successors: string[], status = 'accepted'): string {
  return [
    '---',
    'type: adr',
    `title: ${title}`,
    `status: ${status}`,
    'date: 2026-03-02',
    'owners: [amira]',
    `governs: ["${governs}"]`,
    'reversibility: {door: two-way}',
    'risk: {level: low}',
    'business-tradeoff: {reduces-risk: a, preserves-option: b, accepts-cost: c, eases-later: d, protects-outcome: e}',
    `knowledge-exit-path: {holders: [${holders.join(', ')}], successors: [${successors.join(', ')}], mechanisms: [runbook]}`,
    '---',
    '',
    `# ${title}`,
    '',
    '## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nC.\n',
  ].join('\n');
}

function exitPlan(title: string, status: string, decisions: number[], holders: string[], successors: string[]): string {
  return cleanExitPlan(title, { status, due: '2027-03-01', holders: `[${holders.join(', ')}]`, successors: `[${successors.join(', ')}]`, decisions: `[${decisions.join(', ')}]` });
}

const CODE = ['src/ledger/a.ts', 'src/ledger/b.ts', 'src/ledger/c.ts', 'src/queue/a.ts', 'src/queue/b.ts', 'src/api/x.ts', 'src/api/y.ts'];

/** Newest first, as git log gives them: Cy's last commit is over 180 days old (inactive). */
const HISTORY = [
  commit('Dee', '2026-10-05', ['src/api/x.ts', 'src/api/y.ts']),
  commit('Bo', '2026-10-01', ['src/ledger/c.ts']),
  commit('Amira', '2026-09-01', ['src/ledger/a.ts', 'src/ledger/b.ts', 'src/queue/b.ts']),
  commit('Cy', '2026-01-10', ['src/queue/a.ts', 'src/queue/b.ts']),
];

function reader(heads: LogCommit[][]): HistoryReader {
  let calls = 0;
  return async (request) => {
    const commits = heads[Math.min(calls++, heads.length - 1)];
    const history = emptyHistory(request.windowStart);
    for (const c of [...commits].reverse()) foldCommit(history, c);
    return { history, head: String(calls), notes: [] };
  };
}

/** A workspace of four decisions and two exit plans, its live code (governs) and live evidence, as the editor holds them. */
async function editor(heads: LogCommit[][] = [HISTORY], settings: () => PeopleSettings = defaultPeopleSettings) {
  const files: Record<string, string> = {
    [`${DIR}/0001-ledger.md`]: adr('Ledger', 'src/ledger/**', ['amira'], ['bo']),
    [`${DIR}/0002-queue.md`]: adr('Queue', 'src/queue/**', ['cy'], ['cy']),
    [`${DIR}/0003-api.md`]: adr('Api', 'src/api/**', ['bo'], ['amira']),
    [`${DIR}/0004-hand-over-the-ledger.md`]: exitPlan('Hand over the ledger', 'verified', [1], ['amira'], ['jonas']),
    [`${DIR}/0005-hand-over-the-queue.md`]: exitPlan('Hand over the queue', 'in-progress', [2], ['cy'], ['eve']),
  };
  for (const file of CODE) files[file] = 'export {};\n';
  const ws = await lintFiles(files);
  const code = new LiveCode({ fs: ws.fs, root: ROOT, regexEngine: re2RegexEngine, listFiles: async () => CODE });
  code.indexChanged(ws.workspace.index);
  const live = new LiveEvidence({ read: reader(heads), settings, today: () => TODAY });
  await live.refresh();
  return { ws, code, live, files };
}

/** What a run from scratch gives: a new Evidence over the same history, the rules over every record. */
async function fromScratch(ws: TestWorkspace, code: LiveCode, live: LiveEvidence): Promise<Finding[]> {
  const evidence = live.evidence!;
  return lintEvidence(ws.workspace.index, await code.governsIndex(), new Evidence(evidence.history, evidence.settings, TODAY), ws.loaded.config);
}

/** The editor after a change: the index changed (the code hears of it), the evidence is told, the findings asked. */
async function incremental(ws: TestWorkspace, code: LiveCode, live: LiveEvidence): Promise<Finding[]> {
  code.indexChanged(ws.workspace.index);
  live.changed();
  return live.findings(ws.workspace.index, await code.governsIndex(), ws.loaded.config);
}

describe('LiveEvidence after an edit: the rules check again only the records whose evidence inputs changed', () => {
  it('gives after each edit of a sequence the findings a run from scratch gives', async () => {
    let people: PeopleSettings = defaultPeopleSettings();
    const { ws, code, live, files } = await editor([HISTORY, [commit('Jonas', '2026-11-20', ['src/ledger/a.ts', 'src/api/x.ts']), ...HISTORY]], () => people);
    const path = (name: string) => `${ROOT}/${DIR}/${name}`;
    const edit = (name: string, text: string) => void ws.workspace.updateFrontmatter(path(name), text);
    const steps: Array<[string, () => void | Promise<void>]> = [
      ['the first run', () => undefined],
      ['a successor renamed', () => edit('0001-ledger.md', files[`${DIR}/0001-ledger.md`].replace('successors: [bo]', 'successors: [jonas]'))],
      ['a keystroke in a body', () => edit('0003-api.md', `${files[`${DIR}/0003-api.md`]}\nMore.\n`)],
      ['a decision deprecated', () => edit('0002-queue.md', adr('Queue', 'src/queue/**', ['cy'], ['cy'], 'deprecated'))],
      ['a decision governs other code', () => edit('0003-api.md', adr('Api', 'src/queue/**', ['bo'], ['amira']))],
      ['an exit plan covers another decision', () => edit('0004-hand-over-the-ledger.md', exitPlan('Hand over the ledger', 'verified', [3], ['amira'], ['jonas']))],
      ['the decision it covers governs other code again', () => edit('0003-api.md', adr('Api', 'src/api/**', ['bo'], ['amira']))],
      ['a code file created', () => code.created(`${ROOT}/src/ledger/d.ts`, async () => false)],
      ['a holder added', () => edit('0002-queue.md', adr('Queue', 'src/queue/**', ['cy', 'amira'], ['cy']))],
      ['a record added', () => edit('0006-search.md', adr('Search', 'src/**', ['dee'], ['bo']))],
      ['a record deleted', () => ws.workspace.remove(path('0001-ledger.md'))],
      ['a plan verified', () => edit('0005-hand-over-the-queue.md', exitPlan('Hand over the queue', 'verified', [2], ['cy'], ['eve']))],
      [
        'HEAD moved',
        async () => {
          await live.refresh();
          assert.equal(live.evidence?.history.commits, 5);
        },
      ],
      [
        'people changed',
        async () => {
          people = { ...people, people: [{ handle: 'dee', names: ['Dee'], emails: ['dee@example.com'], left: '2026-11-01' }] };
          await live.refresh();
        },
      ],
    ];
    const seen = new Set<string>();
    for (const [step, run] of steps) {
      await run();
      const found = await incremental(ws, code, live);
      assert.deepEqual(found, await fromScratch(ws, code, live), step);
      seen.add(JSON.stringify(found.map((f) => [f.ruleId, f.path, f.message])));
    }
    assert.ok(seen.size >= 8, `the edits change the findings (${seen.size} different lists)`);
  });

  it('checks only the record edited, and the exit plan covering a decision whose code changed', async () => {
    const { ws, code, live, files } = await editor();
    const first = await incremental(ws, code, live);
    assert.deepEqual([...new Set(first.map((f) => f.ruleId))].sort(), ['exit-plan-verified-without-evidence', 'holder-departed', 'observed-single-point-of-knowledge', 'successor-without-evidence', 'undeclared-knowledge-holder']);
    // Spies on the evidence port the rules ask: `over` per record looked at, `presence` per holder.
    const evidence = live.evidence!;
    const over: string[][] = [];
    const presence: string[] = [];
    const { over: realOver, presence: realPresence } = evidence;
    evidence.over = (list) => (over.push([...list]), realOver.call(evidence, list));
    evidence.presence = (person) => (presence.push(person), realPresence.call(evidence, person));

    ws.workspace.updateFrontmatter(`${ROOT}/${DIR}/0002-queue.md`, files[`${DIR}/0002-queue.md`].replace('holders: [cy]', 'holders: [cy, bo]'));
    const second = await incremental(ws, code, live);
    assert.deepEqual(over, [['src/queue/a.ts', 'src/queue/b.ts']], 'the evidence of the edited record alone');
    assert.deepEqual(presence.sort(), ['bo@example.com', 'cy@example.com'], 'its holders alone');
    assert.deepEqual(second, await fromScratch(ws, code, live));

    over.length = presence.length = 0;
    assert.equal(await incremental(ws, code, live), second, 'nothing changed: nothing checked, the same list');
    assert.deepEqual([over, presence], [[], []]);

    // A new file under src/queue/: the queue decision and the plan covering it, nothing else.
    await code.created(`${ROOT}/src/queue/c.ts`, async () => false);
    const third = await incremental(ws, code, live);
    assert.deepEqual(over, [['src/queue/a.ts', 'src/queue/b.ts', 'src/queue/c.ts'], ['src/queue/a.ts', 'src/queue/b.ts', 'src/queue/c.ts']]);
    assert.deepEqual(presence.sort(), ['bo@example.com', 'cy@example.com', 'cy@example.com']);
    assert.deepEqual(third, await fromScratch(ws, code, live));
  });
});
