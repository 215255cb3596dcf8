import { strict as assert } from 'node:assert';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { findExecutable, nodeExecutableSearch } from '../../../src/node/find-executable';
import { buildCli, cleanupTemps, exists, git, TODAY } from '../cli/cli-process';
import { hostileRepo, type HostileRepo } from './hostile-repo';

/**
 * Issue 12, processes: nothing the repository holds is run (a `git` planted at its root or in its
 * `node_modules/.bin`), and the root search adopts no `.legible.json` or `.git` from above the
 * repository that the user did not put there — stopped by the repository's own `.git`, by the
 * home, and never taken from a folder every user may write to.
 */
describe('hostile repositories: processes and the root search', function () {
  this.timeout(120_000);
  before(buildCli);
  after(cleanupTemps);

  const record = (title: string) => `---\ntype: adr\nid: ADR-0001\ntitle: ${title}\nstatus: accepted\ndate: 2026-01-05\nowners: [dana]\n---\n\n# ${title}\n`;

  /** A configuration beside the decoy, in the repository's parent: its folder and template are the decoy's. */
  async function plantConfigAbove(hostile: HostileRepo): Promise<void> {
    await writeFile(path.join(hostile.base, '.legible.json'), JSON.stringify({ folders: ['decoy/decisions'], templates: { adr: 'decoy/secret.md' } }));
  }

  /** lint, new and index in the repository: each confined to it, nothing from the decoy printed or written. */
  async function runConfined(hostile: HostileRepo, env: Readonly<Record<string, string | undefined>> = {}): Promise<string> {
    const lint = await hostile.run(['lint', '--today', TODAY, '--format', 'json'], { env });
    assert.ok(lint.code === 0 || lint.code === 1, lint.stderr);
    assert.deepEqual((JSON.parse(lint.stdout) as Array<{ path: string }>).map((file) => file.path), ['docs/decisions/0001-own.md']);
    const made = await hostile.run(['new', 'adr', 'Second', '--owner', 'dana', '--today', TODAY], { env });
    assert.equal(made.code, 0, made.stderr);
    assert.equal(made.stdout, 'docs/decisions/0002-second.md\n');
    const text = await readFile(path.join(hostile.repo, 'docs', 'decisions', '0002-second.md'), 'utf8');
    hostile.assertNoLeak(text);
    const index = await hostile.run(['index'], { env });
    assert.equal(index.code, 0, index.stderr);
    const stderr = lint.stderr + made.stderr + index.stderr;
    for (const output of [lint.stdout, stderr, made.stdout, index.stdout]) hostile.assertNoLeak(output);
    await hostile.assertDecoyUntouched();
    return stderr;
  }

  it('never runs a git planted in the repository, with `.`, an empty entry and the repository on PATH', async () => {
    const hostile = await hostileRepo();
    await hostile.write({ 'docs/decisions/0001-own.md': record('Own decision') });
    git(hostile.repo, 'init', '--quiet');
    // Each planted git would leave a file in the decoy (assertDecoyUntouched) and answer a name of its own.
    const witness = path.join(hostile.decoy, 'planted-git-ran');
    const planted = `#!/bin/sh\necho "$0" >> '${witness}'\necho Planted Owner\n`;
    for (const file of ['git', 'node_modules/.bin/git', 'docs/git']) {
      await mkdir(path.dirname(path.join(hostile.repo, file)), { recursive: true });
      await writeFile(path.join(hostile.repo, file), planted, { mode: 0o755 });
    }
    const realGit = await findExecutable('git', nodeExecutableSearch([], process.env));
    assert.ok(realGit, 'git is installed');
    const gitconfig = path.join(hostile.base, 'gitconfig');
    await writeFile(gitconfig, '[user]\n\tname = Real Git User\n');
    const PATH = ['.', '', 'node_modules/.bin', hostile.repo, path.join(hostile.repo, 'node_modules', '.bin'), path.dirname(realGit)].join(path.delimiter);
    const env = { PATH, GIT_CONFIG_GLOBAL: gitconfig };

    for (const cwd of [hostile.repo, path.join(hostile.repo, 'docs')]) {
      const made = await hostile.run(['new', 'adr', `From ${path.basename(cwd)}`, '--today', TODAY], { cwd, env });
      assert.equal(made.code, 0, made.stderr);
      const text = await readFile(path.resolve(cwd, made.stdout.trim()), 'utf8');
      assert.match(text, /\nowners:\n {2}- Real Git User\n/, 'the owner comes from the real git');
    }
    // supersede asks git too, for a record whose owner is still an open question (a named owner
    // would be carried over to the successor).
    await hostile.write({ 'docs/decisions/0001-own.md': record('Own decision').replace('owners: [dana]', 'owners: [<Who is accountable for this record?>]') });
    const superseded = await hostile.run(['supersede', '0001', 'Own decision, revised', '--today', TODAY], { env });
    assert.equal(superseded.code, 0, superseded.stderr);
    assert.match(await readFile(path.join(hostile.repo, superseded.stdout.split('\n')[0]), 'utf8'), /\nowners:\n {2}- Real Git User\n/);

    assert.equal(await exists(witness), false, 'a planted git ran');
    await hostile.assertDecoyUntouched();
  });

  it('stops at the repository\'s .git: a .legible.json in the folder above is never read', async () => {
    const hostile = await hostileRepo();
    await hostile.write({ 'docs/decisions/0001-own.md': record('Own decision') });
    git(hostile.repo, 'init', '--quiet');
    await plantConfigAbove(hostile);
    assert.equal(await runConfined(hostile), '');
  });

  it('stops at the home: without .git, a .legible.json above the home is never read', async () => {
    const hostile = await hostileRepo();
    await hostile.write({ 'docs/decisions/0001-own.md': record('Own decision') });
    await plantConfigAbove(hostile);
    assert.equal(await runConfined(hostile, { HOME: hostile.repo }), '');
  });

  for (const mode of [0o1777, 0o777]) {
    it(`ignores, with a warning, a .legible.json and a .git in a folder every user may write to (chmod ${mode.toString(8)}) above a folder without .git`, async () => {
      const hostile = await hostileRepo();
      await hostile.write({ 'docs/decisions/0001-own.md': record('Own decision') });
      await plantConfigAbove(hostile);
      await chmod(hostile.base, mode);
      try {
        const stderr = await runConfined(hostile);
        const warnings = stderr.split('\n').filter((line) => line.includes('ignored'));
        assert.equal(warnings.length, 3, stderr);
        const planted = path.join(hostile.base, '.legible.json');
        for (const line of warnings) assert.ok(line.startsWith(`legible: warning: ignored ${planted}: it lies`), line);
        for (const line of warnings) assert.match(line, /: it lies in a (shared temporary folder \(every user may write to it\)|folder every user may write to), so anyone could have put it there\. Is it yours\? Put it in the repository itself\.$/);

        // A .git there would get the lint cache: it is passed over as well.
        await mkdir(path.join(hostile.base, '.git'));
        const cached = await hostile.run(['lint', '--cache', '--today', TODAY], { env: { XDG_CACHE_HOME: path.join(hostile.repo, '.cache') } });
        assert.ok(cached.code === 0 || cached.code === 1, cached.stderr);
        hostile.assertNoLeak(cached.stdout + cached.stderr);
        assert.deepEqual(await readdir(path.join(hostile.base, '.git')), [], 'nothing written into the planted .git');

        // Run from `docs` of the shared folder itself, the folder above (`/tmp`, say) is not taken as the root either.
        const docs = path.join(hostile.base, 'docs');
        await mkdir(docs);
        const made = await hostile.run(['new', 'adr', 'In docs', '--owner', 'dana', '--today', TODAY], { cwd: docs });
        assert.equal(made.code, 0, made.stderr);
        assert.ok(path.resolve(docs, made.stdout.trim()).startsWith(docs + path.sep), made.stdout);
        hostile.assertNoLeak(made.stdout + made.stderr + (await readFile(path.resolve(docs, made.stdout.trim()), 'utf8')));
        await hostile.assertDecoyUntouched();
      } finally {
        await chmod(hostile.base, 0o700);
      }
    });
  }
});
