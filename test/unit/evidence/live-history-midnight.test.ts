// The evidence rules' window of history moves with the date: at midnight the live engine lints
// for the new day without a reload (a clock port), and the history is read again for the window
// that day gives, so a commit that fell out of it no longer counts. Shared by the extension, the
// language server and the MCP server (LiveHistory on LiveWorkspace).
import { strict as assert } from 'node:assert';
import { LiveCode } from '../../../src/core/code/live-code';
import type { LogCommit } from '../../../src/core/evidence/git-log';
import { emptyHistory, foldCommit } from '../../../src/core/evidence/history';
import type { HistoryReader } from '../../../src/core/live/live-evidence';
import { LiveHistory } from '../../../src/core/live/live-history';
import { LiveWorkspace } from '../../../src/core/live/live-workspace';
import { re2RegexEngine } from '../../../src/node/re2-regex-engine';
import { ManualClock, ManualScheduler } from '../support/manual-scheduler';
import { MemoryFileSystem } from '../support/memory-file-system';
import { cleanAdr, ROOT, TODAY } from '../support/workspace';

const RECORD = `${ROOT}/docs/decisions/0001-ledger.md`;

function commit(name: string, at: string, files: string[]): LogCommit {
  return { hash: `${name}${at}`.padEnd(40, '0'), name, email: `${name.toLowerCase()}@example.com`, time: Date.parse(at) / 1000, files: files.map((path) => ({ path, added: 5, removed: 1 })) };
}

describe('LiveHistory at midnight: the history window moves with the date', () => {
  it('reads the history again for the new day\'s window: a successor\'s commit that fell out of it no longer counts', async () => {
    const fs = new MemoryFileSystem({}, { root: ROOT });
    fs.put(RECORD, cleanAdr('Ledger', ['governs: [src/**]']));
    fs.put(`${ROOT}/src/a.ts`, 'a');
    // The window is 12 months: on 2026-11-21 it starts 2025-11-21, the day bo (the successor) last changed the code.
    const commits = [commit('Amira', '2026-10-01T12:00:00Z', ['src/a.ts']), commit('Bo', '2025-11-21T12:00:00Z', ['src/a.ts'])];
    const windows: number[] = [];
    const read: HistoryReader = async ({ windowStart }) => {
      windows.push(windowStart);
      const history = emptyHistory(windowStart);
      for (const c of [...commits].reverse()) foldCommit(history, c);
      return { history, head: 'HEAD', notes: [] };
    };
    const scheduler = new ManualScheduler();
    const clock = new ManualClock(TODAY, 60_000);
    const live = new LiveWorkspace({ fs, root: ROOT, name: 'ws', scheduler, clock, regexEngine: re2RegexEngine, settings: () => ({ debounceMs: 10 }) });
    const code = new LiveCode({ fs, root: ROOT, regexEngine: re2RegexEngine });
    live.onDidChangeIndex(() => code.indexChanged(live.decisions?.index));
    const history = new LiveHistory({ live, code, source: { read, gitDir: () => undefined }, allowed: () => true, report: (context, error) => assert.fail(`${context}: ${String(error)}`) });
    const settled = async () => {
      await live.settle();
      await history.whenIdle();
    };
    const rules = () => history.findings().map((f) => f.ruleId);
    // As every front-end does: the history is read once the records are loaded.
    await live.load();
    history.refresh();
    await settled();
    assert.deepEqual(rules(), [], 'bo changed the code within the window');
    assert.equal(windows.length, 1);
    // Midnight: the engine lints for 2026-11-22 without a reload by the front-end.
    clock.date = '2026-11-22';
    clock.msToMidnight = 86_400_000;
    scheduler.advance(60_000);
    await settled();
    assert.equal(live.decisions?.options.today, '2026-11-22');
    assert.equal(windows.length, 2, 'the history is read again for the new window');
    assert.equal(windows[1] - windows[0], 86_400, 'the window starts a day later');
    assert.deepEqual(rules(), ['successor-without-evidence']);
    history.dispose();
    code.dispose();
    live.dispose();
  });
});
