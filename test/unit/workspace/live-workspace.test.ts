import assert from 'node:assert/strict';
import { LiveWorkspace, type FindingsChange, type LoadProgress } from '../../../src/core/live/live-workspace';
import type { FileSystemPort } from '../../../src/core/port/file-system';
import { re2RegexEngine } from '../../../src/node/re2-regex-engine';
import { MemoryFileSystem } from '../support/memory-file-system';
import { ManualClock, ManualScheduler, turn } from '../support/manual-scheduler';
import { cleanAdr, ROOT, TODAY } from '../support/workspace';

const D = `${ROOT}/docs/decisions`;
const A = `${D}/0001-a.md`;
const B = `${D}/0002-b.md`;
const DEBOUNCE = 300;

/** A clean record, or one whose review fell due before TODAY (review-overdue). */
const clean = (title: string) => cleanAdr(title);
const overdue = (title: string) => cleanAdr(title, ['review-by: 2026-01-01']);
/** No sections: a body rule (required-sections) has something to say. */
const bodiless = (title: string) => cleanAdr(title, [], '');

interface Setup {
  readonly fs: MemoryFileSystem;
  readonly engine: LiveWorkspace;
  readonly scheduler: ManualScheduler;
  readonly clock: ManualClock;
  readonly findingsEvents: FindingsChange[];
  readonly progress: LoadProgress[];
  indexEvents: number;
  /** The rules with findings in a file, sorted. */
  rules(path: string): string[];
}

/** An engine on the in-memory file system, with a scheduler and a clock the test steps. */
function setup(files: Readonly<Record<string, string>>, wrap: (fs: MemoryFileSystem) => FileSystemPort = (fs) => fs): Setup {
  const fs = new MemoryFileSystem({}, { root: ROOT });
  for (const [path, text] of Object.entries(files)) fs.put(path, text);
  const scheduler = new ManualScheduler();
  const clock = new ManualClock(TODAY);
  const engine = new LiveWorkspace({ fs: wrap(fs), root: ROOT, name: 'ws', scheduler, clock, regexEngine: re2RegexEngine, settings: () => ({ debounceMs: DEBOUNCE }) });
  const out: Setup = {
    fs,
    engine,
    scheduler,
    clock,
    findingsEvents: [],
    progress: [],
    indexEvents: 0,
    rules: (path) => [...new Set(engine.findingsFor(path).map((f) => f.ruleId))].sort(),
  };
  engine.onDidChangeFindings((change) => out.findingsEvents.push(change));
  engine.onDidChangeIndex(() => out.indexEvents++);
  engine.onDidLoadProgress((p) => out.progress.push(p));
  return out;
}

/** A port that runs `during(path)` after a file's bytes were read and before the reader gets them. */
function intercepted(fs: MemoryFileSystem, during: (path: string) => void): FileSystemPort {
  return new Proxy(fs, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (key !== 'readFile') return typeof value === 'function' ? value.bind(target) : value;
      return async (path: string) => {
        const bytes = await target.readFile(path);
        during(path);
        return bytes;
      };
    },
  });
}

describe('LiveWorkspace', () => {
  it('load: publishes the index with frontmatter findings first, then the body rules', async () => {
    const t = setup({ [A]: overdue('A'), [B]: bodiless('B') });
    await t.engine.load();
    assert.equal(t.engine.decisions?.index.size, 2);
    assert.deepEqual(t.rules(A), ['review-overdue']);
    assert.deepEqual(t.progress[0], { phase: 'index', records: 2, bodiesDone: 0 });
    await t.engine.bodiesLinted();
    assert.deepEqual(t.rules(B), ['required-sections']);
    assert.equal(t.progress.at(-1)?.bodiesDone, 2);
    assert.equal(t.indexEvents, 1);
    assert.deepEqual(t.findingsEvents[0], {});
  });

  it('the first load shows an open record\'s own findings before it reads the folder; cross-file ones come with the index', async () => {
    const twin = `${D}/0001-twin.md`;
    const t = setup({ [A]: clean('A'), [twin]: clean('Twin'), [B]: clean('B') });
    // An editor (or a language server's client) opened A before the engine loaded: its text wins.
    t.engine.open(A, overdue('A'));
    const seen: Array<{ index: number; rules: string[]; b: string[] }> = [];
    t.engine.onDidChangeFindings(() => seen.push({ index: t.indexEvents, rules: t.rules(A), b: t.rules(B) }));
    await t.engine.load();
    // First event: A alone, its own rule (from the editor's text), no index yet, and not yet the
    // duplicate number that only the whole folder shows.
    assert.deepEqual(seen[0], { index: 0, rules: ['review-overdue'], b: [] });
    assert.deepEqual(t.findingsEvents[0], { paths: [A] });
    assert.deepEqual(t.rules(A), ['duplicate-id', 'review-overdue']);
    assert.equal(t.indexEvents, 1);
  });

  it('publishes another engine\'s findings with its own, announcing only the files whose findings changed', async () => {
    const t = setup({ [A]: overdue('A'), [B]: clean('B') });
    await t.engine.load();
    await t.engine.settle();
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const finding = (path: string, message: string) => ({ ruleId: 'holder-departed', severity: 'warning' as const, message, path, range });
    t.findingsEvents.length = 0;
    t.engine.setFindingsOf('evidence', [finding(A, 'gone'), finding(B, 'gone too')]);
    assert.deepEqual(t.rules(A), ['holder-departed', 'review-overdue']);
    assert.deepEqual(t.findingsEvents, [{ paths: [A, B] }]);
    t.engine.setFindingsOf('evidence', [finding(A, 'gone'), finding(B, 'gone too')]);
    assert.equal(t.findingsEvents.length, 1, 'the same findings again announce nothing');
    t.engine.setFindingsOf('evidence', [finding(A, 'gone')]);
    assert.deepEqual(t.findingsEvents.at(-1), { paths: [B] });
    assert.deepEqual(t.rules(B), []);
    assert.deepEqual(t.engine.findingsOf('evidence').map((f) => f.path), [A]);
    assert.ok(t.engine.allPaths().includes(A));
  });

  it('an edit on disk, one in an editor and a new file during the load are in the published results', async () => {
    const t = setup({ [A]: clean('A'), [B]: clean('B'), [`${D}/0003-c.md`]: clean('C') });
    t.scheduler.hold = true;
    const loading = t.engine.load();
    await t.scheduler.sliceReached();
    // The scan has read ahead: both texts it holds are now out of date.
    t.fs.put(A, overdue('A'));
    t.engine.fileChanged(A);
    t.engine.open(B, bodiless('B'), 1);
    t.fs.put(`${D}/0004-d.md`, overdue('D'));
    t.engine.fileCreated(`${D}/0004-d.md`);
    t.scheduler.hold = false;
    t.scheduler.release();
    await loading;
    await t.engine.settle();
    assert.deepEqual(t.rules(A), ['review-overdue']);
    assert.deepEqual(t.rules(B), ['required-sections']);
    assert.deepEqual(t.rules(`${D}/0004-d.md`), ['review-overdue'], 'created after the folder was listed');
    assert.equal(t.engine.versionOf(B), 1);
  });

  it('a file deleted while a load reads it leaves the index once the load is published', async () => {
    const t = setup({ [A]: clean('A'), [B]: overdue('B') });
    t.scheduler.hold = true;
    const loading = t.engine.load();
    await t.scheduler.sliceReached();
    await t.fs.delete(B);
    t.engine.fileDeleted(B);
    t.scheduler.hold = false;
    t.scheduler.release();
    await loading;
    await t.engine.settle();
    assert.equal(t.engine.decisions?.index.get(B), undefined);
    assert.deepEqual(t.rules(B), []);
    assert.deepEqual(t.engine.allPaths(), [A]);
  });

  it('a file deleted (and its delete event come and gone) while a re-read reads it is no record', async () => {
    let deleteOnRead = false;
    const t: Setup = setup({ [A]: clean('A'), [B]: clean('B') }, (fs) =>
      intercepted(fs, (path) => {
        if (!deleteOnRead || path !== B) return;
        deleteOnRead = false;
        void fs.delete(B);
        t.engine.fileDeleted(B);
      }),
    );
    await t.engine.load();
    await t.engine.settle();
    t.fs.put(B, overdue('B'));
    deleteOnRead = true;
    t.engine.fileChanged(B);
    await t.engine.settle();
    assert.equal(deleteOnRead, false, 'the re-read happened');
    assert.equal(t.engine.decisions?.index.get(B), undefined);
    assert.deepEqual(t.rules(B), []);
  });

  it('two loads at once: only the later one publishes, and its results are whole', async () => {
    const t = setup({ [A]: clean('A'), [B]: clean('B') });
    t.scheduler.hold = true;
    const first = t.engine.load();
    await t.scheduler.sliceReached();
    t.fs.put(B, overdue('B'));
    const second = t.engine.load();
    t.scheduler.hold = false;
    t.scheduler.release();
    await Promise.all([first, second]);
    await t.engine.settle();
    assert.equal(t.indexEvents, 1, 'the first load, overtaken, published nothing');
    assert.equal(t.findingsEvents.filter((e) => e.paths === undefined).length, 1);
    assert.equal(t.engine.decisions?.index.size, 2);
    assert.deepEqual(t.rules(B), ['review-overdue']);
    assert.equal(t.progress.filter((p) => p.phase === 'index').length, 1);
  });

  it('an open editor\'s text wins over the file until it closes; closing reverts to the file', async () => {
    const t = setup({ [A]: clean('A') });
    await t.engine.load();
    await t.engine.settle();
    t.engine.open(A, overdue('A'), 1);
    assert.deepEqual(t.rules(A), ['review-overdue'], 'frontmatter rules at once');
    // The file changes underneath the editor: the editor's text still wins.
    t.fs.put(A, bodiless('A'));
    t.engine.fileChanged(A);
    await t.engine.settle();
    assert.deepEqual(t.rules(A), ['review-overdue']);
    // A reload reads the open text too.
    await t.engine.load();
    await t.engine.settle();
    assert.deepEqual(t.rules(A), ['review-overdue']);
    t.engine.close(A);
    await t.engine.settle();
    assert.deepEqual(t.rules(A), ['required-sections']);
    assert.equal(t.engine.textOf(A), undefined);
  });

  it('debounces body and cross-file rules: many keystrokes, one run after the pause', async () => {
    const t = setup({ [A]: clean('A'), [B]: clean('B') });
    await t.engine.load();
    await t.engine.settle();
    t.indexEvents = 0;
    const idle = t.scheduler.pending; // the midnight timer
    t.engine.open(B, clean('B'), 1);
    for (let i = 2; i <= 6; i++) t.engine.change(B, i === 6 ? bodiless('B') : cleanAdr(`B${i}`, ['related: [0042]']), i);
    assert.deepEqual(t.rules(B), [], 'body and cross-file rules wait');
    assert.equal(t.scheduler.pending, idle + 1, 'one timer, reset by each keystroke');
    t.engine.change(B, cleanAdr('B', ['related: [0042]'], ''), 7);
    t.scheduler.advance(DEBOUNCE - 1);
    await turn();
    assert.equal(t.indexEvents, 0);
    t.scheduler.advance(1);
    await t.engine.settle();
    assert.deepEqual(t.rules(B), ['reference-resolves', 'required-sections']);
    assert.equal(t.scheduler.pending, idle);
  });

  it('at midnight the new date applies without a reload: a review falls due', async () => {
    const t = setup({ [A]: cleanAdr('A', ['review-by: 2026-11-22']) });
    t.clock.msToMidnight = 5_000;
    await t.engine.load();
    await t.engine.settle();
    assert.deepEqual(t.rules(A), []);
    t.scheduler.advance(4_999);
    assert.deepEqual(t.rules(A), []);
    t.clock.date = '2026-11-22';
    t.clock.msToMidnight = 86_400_000;
    t.scheduler.advance(1);
    await t.engine.settle();
    assert.deepEqual(t.rules(A), [], 'due today is not overdue');
    t.clock.date = '2026-11-23';
    t.scheduler.advance(86_400_000);
    await t.engine.settle();
    assert.equal(t.engine.decisions?.options.today, '2026-11-23');
    assert.deepEqual(t.rules(A), ['review-overdue']);
    assert.equal(t.engine.today(), '2026-11-23');
  });

  it('a load that starts before midnight and ends after it is followed by one for the new date', async () => {
    const t = setup({ [A]: cleanAdr('A', ['review-by: 2026-11-22']), [B]: clean('B') });
    t.scheduler.hold = true;
    const loading = t.engine.load();
    await t.scheduler.sliceReached();
    t.clock.date = '2026-11-23';
    t.scheduler.hold = false;
    t.scheduler.release();
    await loading;
    assert.equal(t.engine.decisions?.options.today, TODAY, 'linted for the day it started on');
    t.scheduler.advance(0);
    await t.engine.settle();
    assert.equal(t.engine.decisions?.options.today, '2026-11-23');
    assert.deepEqual(t.rules(A), ['review-overdue']);
  });

  it('a late midnight timer (the machine slept) is caught up by the next event', async () => {
    const t = setup({ [A]: cleanAdr('A', ['review-by: 2026-11-22']), [B]: clean('B') });
    await t.engine.load();
    await t.engine.settle();
    t.clock.date = '2026-11-23';
    t.engine.change(B, clean('B2'), 2);
    await t.engine.settle();
    assert.deepEqual(t.rules(A), ['review-overdue']);
  });

  it('fires one findings event per change, and one more when the debounced rules have run', async () => {
    const t = setup({ [A]: clean('A'), [B]: clean('B') });
    await t.engine.load();
    await t.engine.settle();
    t.findingsEvents.length = 0;
    t.indexEvents = 0;
    t.engine.change(A, overdue('A'), 2);
    assert.deepEqual(t.findingsEvents, [{ paths: [A] }]);
    t.scheduler.advance(DEBOUNCE);
    await t.engine.settle();
    assert.deepEqual(t.findingsEvents, [{ paths: [A] }, { paths: [A] }]);
    assert.equal(t.indexEvents, 1);
    // A file outside the decisions folders is kept as an open text but is no record: no event.
    t.engine.open(`${ROOT}/README.md`, '# Readme\n', 1);
    t.engine.fileDeleted(`${ROOT}/notes.md`);
    assert.equal(t.findingsEvents.length, 2);
    // A record deleted: one event for it now, and the index event once the cross-file rules ran.
    await t.fs.delete(B);
    t.engine.fileDeleted(B);
    assert.deepEqual(t.findingsEvents.slice(2), [{ paths: [B] }]);
    t.scheduler.advance(DEBOUNCE);
    await t.engine.settle();
    assert.equal(t.findingsEvents.length, 3, 'no finding of another file changed');
    assert.equal(t.indexEvents, 2);
  });

  it('a file created on disk joins the index; dispose stops the timers', async () => {
    const t = setup({ [A]: clean('A') });
    await t.engine.load();
    await t.engine.settle();
    t.fs.put(B, overdue('B'));
    t.engine.fileCreated(B);
    await t.engine.settle();
    assert.deepEqual(t.rules(B), ['review-overdue']);
    t.engine.change(A, overdue('A'), 2);
    t.engine.dispose();
    assert.equal(t.scheduler.pending, 0);
  });
});
