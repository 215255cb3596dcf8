import { strict as assert } from 'node:assert';
import { readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCli, cleanupTemps, copyExamples, DECISIONS, exists, git, gitRepository, runCli, snapshot, tempDir, TODAY } from './cli-process';

/** Enough records (numbered copies of the examples) for the lint to use worker threads. */
async function manyRecords(copies: number): Promise<string> {
  const root = await copyExamples();
  const folder = path.join(root, DECISIONS);
  const originals = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  let number = originals.length;
  for (let i = 1; i < copies; i++) {
    for (const name of originals) {
      const text = await readFile(path.join(folder, name), 'utf8');
      await writeFile(path.join(folder, `${String(++number).padStart(4, '0')}${name.slice(4)}`), text);
    }
  }
  return root;
}

describe('legible lint on many records: workers and --cache (process)', () => {
  let root: string;
  let serial: string;
  before(async () => {
    await buildCli();
    root = await manyRecords(25);
    serial = (await runCli(['lint', '--format', 'json', '--today', TODAY], { cwd: root, env: { LEGIBLE_WORKERS: '0' } })).stdout;
  });
  after(cleanupTemps);

  it('finds exactly the same on two worker threads as on the main thread alone', async () => {
    const parsed = JSON.parse(serial) as unknown[];
    assert.ok(parsed.length > 300, `expected over 300 files with findings, got ${parsed.length}`);
    const parallel = await runCli(['lint', '--format', 'json', '--today', TODAY], { cwd: root, env: { LEGIBLE_WORKERS: '2' } });
    assert.equal(parallel.code, 1);
    assert.equal(parallel.stdout, serial);
  });

  it('--cache gives the same results cold and warm, and re-reads a changed file', async () => {
    // Not a git repository: the cache goes to the user's cache folder, never into the work tree.
    const env = { XDG_CACHE_HOME: await tempDir('legible-xdg-') };
    const before = await snapshot(root);
    const cold = await runCli(['lint', '--cache', '--format', 'json', '--today', TODAY], { cwd: root, env });
    assert.equal(cold.stdout, serial);
    assert.deepEqual(await snapshot(root), before, 'nothing written into the work tree');
    const [cacheFile] = await readdir(path.join(env.XDG_CACHE_HOME, 'legible'));
    assert.match(cacheFile, /^lint-cache-[0-9a-f]{16}\.json$/);
    const location = path.join(env.XDG_CACHE_HOME, 'legible', cacheFile);
    const written = await stat(location);
    const warm = await runCli(['lint', '--cache', '--format', 'json', '--today', TODAY], { cwd: root, env });
    assert.equal(warm.stdout, serial);
    assert.equal((await stat(location)).mtimeMs, written.mtimeMs, 'nothing changed, so the cache is not rewritten');

    // Fill the placeholders of one record: its findings must go, whatever the cache held.
    const name = (await readdir(path.join(root, DECISIONS))).find((n) => n.startsWith('0013-'))!;
    const file = path.join(root, DECISIONS, name);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/<[^<>\n]+>/g, 'Filled in.'));
    const after = await runCli(['lint', '--cache', '--format', 'json', '--today', TODAY], { cwd: root, env });
    const reported = (JSON.parse(after.stdout) as Array<{ path: string; findings: Array<{ ruleId: string }> }>).find((f) => f.path.endsWith(name));
    assert.ok(!reported?.findings.some((f) => f.ruleId === 'placeholder'), 'the edited file was linted again');
  });

  it('--cache starts afresh on another day (overdue rules depend on it)', async () => {
    const env = { XDG_CACHE_HOME: await tempDir('legible-xdg-') };
    await runCli(['lint', '--cache', '--format', 'json', '--today', TODAY], { cwd: root, env });
    const early = await runCli(['lint', '--cache', '--format', 'json', '--today', '2024-01-01'], { cwd: root, env });
    assert.ok(!early.stdout.includes('review-overdue'), 'no review is overdue on 2024-01-01');
    assert.ok(serial.includes('review-overdue'));
  });
});

/** The files of a folder, or none when it does not exist. */
async function filesIn(folder: string): Promise<string[]> {
  return (await exists(folder)) ? (await readdir(folder)).sort() : [];
}

describe('where lint --cache keeps its file (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  const lint = (cwd: string, extra: string[] = [], env: Record<string, string | undefined> = {}) => runCli(['lint', '--format', 'json', '--today', TODAY, ...extra], { cwd, env });

  it('in a git repository: inside .git, so `git status --porcelain` stays clean', async () => {
    const root = await copyExamples();
    gitRepository(root);
    const plain = await lint(root);
    const cold = await lint(root, ['--cache']);
    assert.deepEqual([cold.code, cold.stdout, cold.stderr], [plain.code, plain.stdout, plain.stderr]);
    assert.equal(git(root, 'status', '--porcelain', '--ignored'), '', 'no untracked or ignored file in the work tree');
    const [name] = await filesIn(path.join(root, '.git', 'legible'));
    assert.match(name, /^lint-cache-[0-9a-f]{16}\.json$/);
    const written = await stat(path.join(root, '.git', 'legible', name));
    const warm = await lint(path.join(root, DECISIONS), ['--cache']);
    assert.equal(warm.code, plain.code);
    assert.equal((await stat(path.join(root, '.git', 'legible', name))).mtimeMs, written.mtimeMs, 'the same cache, found from a subfolder, and still valid');
    assert.equal(git(root, 'status', '--porcelain', '--ignored'), '');
  });

  it('in a git worktree (a .git file): inside the worktree\'s own git folder', async () => {
    const main = await copyExamples();
    gitRepository(main);
    const worktree = path.join(await tempDir(), 'feature');
    git(main, 'worktree', 'add', '--quiet', '-b', 'feature', worktree);
    const result = await lint(worktree, ['--cache']);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stderr, '');
    assert.equal(git(worktree, 'status', '--porcelain', '--ignored'), '');
    const gitDir = path.resolve(worktree, git(worktree, 'rev-parse', '--git-dir').trim());
    // Beside the lint cache: the git history the evidence rules read (lint-history-….json).
    assert.match((await filesIn(path.join(gitDir, 'legible'))).join(), /^lint-cache-[0-9a-f]{16}\.json,lint-history-[0-9a-f]{16}\.json$/);
    assert.deepEqual(await filesIn(path.join(main, '.git', 'legible')), [], 'not the main work tree\'s cache');
  });

  it('outside a repository: $XDG_CACHE_HOME/legible, else ~/.cache/legible, one file per workspace root', async () => {
    const first = await copyExamples();
    const second = await copyExamples();
    const xdg = await tempDir('legible-xdg-');
    await lint(first, ['--cache'], { XDG_CACHE_HOME: xdg });
    await lint(second, ['--cache'], { XDG_CACHE_HOME: xdg });
    assert.equal((await filesIn(path.join(xdg, 'legible'))).length, 2, 'two workspaces never share a cache file');

    const home = await tempDir('legible-home-');
    const before = await snapshot(first);
    await lint(first, ['--cache'], { XDG_CACHE_HOME: undefined, HOME: home });
    assert.equal((await filesIn(path.join(home, '.cache', 'legible'))).length, 1);
    // A relative XDG_CACHE_HOME is to be ignored (XDG Base Directory spec), not resolved in the work tree.
    await lint(first, ['--cache'], { XDG_CACHE_HOME: 'relative-cache', HOME: home });
    assert.deepEqual(await snapshot(first), before, 'nothing written into the work tree');
  });

  it('refuses a default cache folder that is a symbolic link: warns, and lints as without --cache', async () => {
    const root = await copyExamples();
    gitRepository(root);
    const elsewhere = await tempDir('legible-elsewhere-');
    await symlink(elsewhere, path.join(root, '.git', 'legible'));
    const plain = await lint(root);
    const result = await lint(root, ['--cache']);
    assert.equal(result.code, plain.code);
    assert.equal(result.stdout, plain.stdout);
    assert.match(result.stderr, /^legible: warning: --cache is not used: \S+\/\.git\/legible is a symbolic link; name another place with --cache-location\.\n$/);
    assert.deepEqual(await filesIn(elsewhere), [], 'nothing written through the link');
  });

  it('--cache-location names the file, or a folder to put it in (as ESLint reads it)', async () => {
    const root = await copyExamples();
    const file = path.join(await tempDir(), 'my-cache.json');
    const plain = await lint(root);
    const named = await lint(root, ['--cache-location', file]);
    assert.equal(named.stdout, plain.stdout, '--cache-location alone turns the cache on');
    assert.ok((JSON.parse(await readFile(file, 'utf8')) as { key: string }).key);

    const folder = await tempDir();
    await lint(root, ['--cache', '--cache-location', folder]);
    assert.match((await filesIn(folder)).join(), /^lint-cache-[0-9a-f]{16}\.json$/);
    const fresh = path.join(await tempDir(), 'new-folder');
    await lint(root, ['--cache', '--cache-location', `${fresh}/`]);
    assert.match((await filesIn(fresh)).join(), /^lint-cache-[0-9a-f]{16}\.json$/, 'a path ending in a separator is a folder, created');
  });

  it('a cache that cannot be written is a warning, not a failure', async () => {
    const root = await copyExamples();
    const blocker = path.join(await tempDir(), 'a-file');
    await writeFile(blocker, 'not a folder');
    const plain = await lint(root);
    const result = await lint(root, ['--cache-location', path.join(blocker, 'cache.json')]);
    assert.equal(result.code, plain.code);
    assert.equal(result.stdout, plain.stdout);
    assert.match(result.stderr, /^legible: warning: the lint cache could not be written to \S+a-file\/cache\.json: E[A-Z]+\b[^\n]*\n$/);
  });
});
