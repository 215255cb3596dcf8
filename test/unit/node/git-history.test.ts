import { strict as assert } from 'node:assert';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { Evidence } from '../../../src/core/evidence/evidence';
import { defaultPeopleSettings } from '../../../src/core/evidence/evidence-settings';
import { readHistory, type HistoryResult, type ReadHistory } from '../../../src/node/git-history';
import { toPortable } from '../../../src/node/portable-path';
import { baseEnv, cleanupTemps, tempDir } from '../cli/cli-process';
import { addCommit, gitAs, lines, scriptedRepository, type ScriptedCommit } from '../evidence/history-repo';

const AMIRA = { name: 'Amira', email: 'amira@example.com' };
const JONAS = { name: 'Jonas', email: 'jonas@example.com' };
const TODAY = '2026-07-01';

const SCRIPT: ScriptedCommit[] = [
  { ...AMIRA, date: '2026-01-10T10:00:00Z', files: { 'src/a.ts': lines(10) } },
  { ...JONAS, date: '2026-02-01T10:00:00Z', files: { 'src/a.ts': lines(11) } },
  { ...AMIRA, date: '2026-03-01T10:00:00Z', files: { 'src/b.ts': lines(3) } },
];

function read(result: HistoryResult): ReadHistory {
  if ('problem' in result) assert.fail(`no history: ${result.problem}`);
  return result;
}

describe('readHistory: one streamed git log, cached by HEAD and updated from old..HEAD', function () {
  this.timeout(60_000);
  after(cleanupTemps);
  const windowStart = Evidence.windowStart(defaultPeopleSettings(), TODAY);

  it('reads the whole history once, reuses it while HEAD stays, and folds only the new commit after one', async () => {
    const dir = await scriptedRepository(SCRIPT);
    const cacheFile = path.join(await tempDir('legible-history-cache-'), 'history.json');
    const env = baseEnv(dir);
    const first = read(await readHistory({ root: toPortable(dir), windowStart, maxFilesPerCommit: 1000, env, cacheFile }));
    assert.equal(first.how, 'full');
    assert.equal(first.history.commits, 3);
    const again = read(await readHistory({ root: toPortable(dir), windowStart, maxFilesPerCommit: 1000, env, cacheFile }));
    assert.equal(again.how, 'cached');
    assert.deepEqual(again.history.files['src/a.ts'].by['jonas@example.com'].d, 1);
    await addCommit(dir, { ...JONAS, date: '2026-04-01T10:00:00Z', files: { 'src/c.ts': { from: 'src/a.ts' } } });
    const moved = read(await readHistory({ root: toPortable(dir), windowStart, maxFilesPerCommit: 1000, env, cacheFile }));
    assert.equal(moved.how, 'incremental');
    assert.equal(moved.history.commits, 4);
    assert.equal(moved.history.files['src/c.ts'].by['jonas@example.com'].d, 2);
    assert.equal(moved.history.files['src/c.ts'].creator, 'amira@example.com');
    // The editor keeps the last answer in memory instead of a file.
    const inMemory = read(await readHistory({ root: toPortable(dir), windowStart, maxFilesPerCommit: 1000, env, previous: moved }));
    assert.equal(inMemory.how, 'cached');
  });

  it('without line counts: the same commits, every line count 0, and nothing written to the cache a later run would read whole', async () => {
    const dir = await scriptedRepository(SCRIPT);
    const cacheFile = path.join(await tempDir('legible-history-cache-'), 'history.json');
    const env = baseEnv(dir);
    const uncounted = read(await readHistory({ root: toPortable(dir), windowStart, maxFilesPerCommit: 1000, env, cacheFile, lines: false }));
    assert.equal(uncounted.how, 'full');
    assert.equal(uncounted.lines, false);
    assert.equal(uncounted.history.commits, 3);
    const jonas = uncounted.history.files['src/a.ts'].by['jonas@example.com'];
    assert.deepEqual([jonas.d, jonas.w.length, jonas.a, jonas.r], [1, 1, 0, 0]);
    const counted = read(await readHistory({ root: toPortable(dir), windowStart, maxFilesPerCommit: 1000, env, cacheFile }));
    assert.equal(counted.how, 'full', 'the read without lines left no cache');
    assert.equal(counted.lines, undefined);
    assert.equal(counted.history.files['src/a.ts'].by['amira@example.com'].a, 10);
    // A whole cache serves a read without lines as it is.
    const fromCache = read(await readHistory({ root: toPortable(dir), windowStart, maxFilesPerCommit: 1000, env, cacheFile, lines: false }));
    assert.equal(fromCache.how, 'cached');
  });

  it('reads the whole history again when HEAD was rewritten (the old HEAD is no ancestor), or the window moved', async () => {
    const dir = await scriptedRepository(SCRIPT);
    const env = baseEnv(dir);
    const first = read(await readHistory({ root: toPortable(dir), windowStart, maxFilesPerCommit: 1000, env }));
    gitAs(dir, undefined, 'reset', '--quiet', '--hard', 'HEAD~1');
    await addCommit(dir, { ...JONAS, date: '2026-05-01T10:00:00Z', files: { 'src/d.ts': lines(2) } });
    const rewritten = read(await readHistory({ root: toPortable(dir), windowStart, maxFilesPerCommit: 1000, env, previous: first }));
    assert.equal(rewritten.how, 'full');
    assert.equal(rewritten.history.files['src/b.ts'], undefined);
    const otherWindow = read(await readHistory({ root: toPortable(dir), windowStart: windowStart + 86_400, maxFilesPerCommit: 1000, env, previous: rewritten }));
    assert.equal(otherWindow.how, 'full');
  });

  it('says so for an empty repository, a shallow clone, a detached HEAD and a malformed .mailmap', async () => {
    const empty = await tempDir('legible-history-empty-');
    gitAs(empty, undefined, 'init', '--quiet');
    const none = read(await readHistory({ root: toPortable(empty), windowStart, maxFilesPerCommit: 1000, env: baseEnv(empty) }));
    assert.deepEqual([none.how, none.history.commits], ['empty', 0]);
    assert.match(none.notes.join('\n'), /no commit yet/);

    const dir = await scriptedRepository(SCRIPT);
    const clone = path.join(await tempDir('legible-history-shallow-'), 'clone');
    gitAs(dir, undefined, 'clone', '--quiet', '--depth', '2', `file://${dir}`, clone);
    const shallow = read(await readHistory({ root: toPortable(clone), windowStart, maxFilesPerCommit: 1000, env: baseEnv(clone) }));
    assert.equal(shallow.history.commits, 2);
    assert.match(shallow.notes.join('\n'), /shallow clone: its history, and so the evidence, starts at 2026-02-01/);

    gitAs(dir, undefined, 'checkout', '--quiet', '--detach', 'HEAD~1');
    await writeFile(path.join(dir, '.mailmap'), 'Amira <amira@example.com> <a@old.example>\nthis is not a mailmap line\n');
    const detached = read(await readHistory({ root: toPortable(dir), windowStart, maxFilesPerCommit: 1000, env: baseEnv(dir) }));
    assert.equal(detached.history.commits, 2);
    assert.deepEqual(detached.notes, ['.mailmap line 2 is not a form git reads ("this is not a mailmap line"): git skips it, so the commits it meant to join stay apart.']);
  });

  it('answers a problem, never a crash, outside a repository and without git', async () => {
    const plain = await tempDir('legible-history-plain-');
    const outside = await readHistory({ root: toPortable(plain), windowStart, maxFilesPerCommit: 1000, env: baseEnv(plain) });
    assert.ok('problem' in outside && !outside.missing, JSON.stringify(outside));
    const noGit = await readHistory({ root: toPortable(plain), windowStart, maxFilesPerCommit: 1000, env: { ...baseEnv(plain), PATH: plain } });
    assert.ok('problem' in noGit && noGit.missing);
  });

  it('stops at the signal: an aborted read is a problem, and writes no cache', async () => {
    const dir = await scriptedRepository(SCRIPT);
    const cacheFile = path.join(await tempDir('legible-history-cache-'), 'history.json');
    const stop = new AbortController();
    stop.abort();
    const stopped = await readHistory({ root: toPortable(dir), windowStart, maxFilesPerCommit: 1000, env: baseEnv(dir), cacheFile, signal: stop.signal });
    assert.ok('problem' in stopped && !stopped.missing, JSON.stringify(stopped));
    const after = read(await readHistory({ root: toPortable(dir), windowStart, maxFilesPerCommit: 1000, env: baseEnv(dir), cacheFile, signal: new AbortController().signal }));
    assert.equal(after.how, 'full');
    assert.equal(after.history.commits, 3);
  });

  it('reads a submodule as one entry of the superproject, its own history not mixed in', async () => {
    const inner = await scriptedRepository([{ ...JONAS, date: '2026-01-01T10:00:00Z', files: { 'inner.ts': lines(2) } }]);
    const outer = await scriptedRepository([{ ...AMIRA, date: '2026-01-02T10:00:00Z', files: { 'top.ts': lines(2) } }]);
    gitAs(outer, { ...AMIRA, date: '2026-01-03T10:00:00Z' }, '-c', 'protocol.file.allow=always', 'submodule', '--quiet', 'add', `file://${inner}`, 'vendor/inner');
    gitAs(outer, { ...AMIRA, date: '2026-01-03T10:00:00Z' }, 'commit', '--quiet', '--message', 'submodule');
    const result = read(await readHistory({ root: toPortable(outer), windowStart, maxFilesPerCommit: 1000, env: baseEnv(outer) }));
    assert.deepEqual(Object.keys(result.history.files).sort(), ['.gitmodules', 'top.ts', 'vendor/inner']);
    assert.deepEqual(Object.keys(result.history.identities), ['amira@example.com']);
  });
});
