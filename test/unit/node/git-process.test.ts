import { strict as assert } from 'node:assert';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { findExecutable, nodeExecutableSearch } from '../../../src/node/find-executable';
import { gitEnvironment } from '../../../src/node/git-process';
import { gitUserName } from '../../../src/node/git-user';
import { cleanupTemps, exists, git, tempDir } from '../cli/cli-process';

describe('git, run for a record\'s owner: by absolute path, in the repository Legible found', function () {
  this.timeout(30_000);
  after(cleanupTemps);

  describe('gitEnvironment', () => {
    it('drops what points git at another repository, keeps the user\'s configuration, fences the search at the work tree', () => {
      const env = gitEnvironment({ PATH: '/usr/bin', GIT_DIR: '/elsewhere/.git', GIT_WORK_TREE: '/elsewhere', GIT_INDEX_FILE: 'x', GIT_CEILING_DIRECTORIES: '/', GIT_CONFIG_GLOBAL: '/home/me/.gitconfig', GIT_CONFIG_COUNT: '1' }, '/work/repo', 'linux');
      assert.deepEqual(env, { PATH: '/usr/bin', GIT_CONFIG_GLOBAL: '/home/me/.gitconfig', GIT_CONFIG_COUNT: '1', GIT_CEILING_DIRECTORIES: '/work', GIT_TERMINAL_PROMPT: '0' });
    });

    it('on Windows, whatever the case of the variable\'s name', () => {
      const env = gitEnvironment({ Path: 'C:\\Git\\cmd', git_dir: 'C:\\elsewhere\\.git' }, 'C:/work/repo', 'win32');
      assert.deepEqual(env, { Path: 'C:\\Git\\cmd', GIT_CEILING_DIRECTORIES: 'C:/work', GIT_TERMINAL_PROMPT: '0' });
    });
  });

  describe('gitUserName', () => {
    /** No user or system configuration: the only names are those the test writes. */
    let clean: NodeJS.ProcessEnv;
    let realGit: string;

    before(async () => {
      const home = await tempDir('legible-git-home-');
      clean = { ...process.env, HOME: home, GIT_CONFIG_GLOBAL: path.join(home, 'no-gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
      for (const key of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CEILING_DIRECTORIES']) delete clean[key];
      const found = await findExecutable('git', nodeExecutableSearch([], process.env));
      assert.ok(found, 'git is installed');
      realGit = found;
    });

    async function repositoryNamed(name: string): Promise<string> {
      const dir = await tempDir('legible-git-');
      git(dir, 'init', '--quiet');
      git(dir, 'config', 'user.name', name);
      return dir;
    }

    it("reads the repository's own name from any folder below it (a monorepo's workspace)", async () => {
      const repo = await repositoryNamed('Monorepo Owner');
      await mkdir(path.join(repo, 'service', 'docs'), { recursive: true });
      assert.equal(await gitUserName(path.join(repo, 'service'), clean), 'Monorepo Owner');
    });

    it('ignores a GIT_DIR naming another repository (a hook\'s environment)', async () => {
      const repo = await repositoryNamed('This Repository');
      const other = await repositoryNamed('Other Repository');
      assert.equal(await gitUserName(repo, { ...clean, GIT_DIR: path.join(other, '.git'), GIT_WORK_TREE: other }), 'This Repository');
    });

    it('never reads a .git in a folder every user may write to above a folder without one', async () => {
      const shared = await repositoryNamed('Planted In Tmp');
      const folder = path.join(shared, 'x');
      await mkdir(folder);
      await chmod(shared, 0o1777);
      try {
        assert.equal(await gitUserName(folder, clean), undefined);
      } finally {
        await chmod(shared, 0o700);
      }
      // The same layout in a folder only the user writes to is a repository like any other.
      assert.equal(await gitUserName(folder, clean), 'Planted In Tmp');
    });

    it('never runs a git from the repository, whatever PATH says', async () => {
      const repo = await repositoryNamed('Real Git');
      const witness = path.join(await tempDir('legible-git-witness-'), 'ran');
      const planted = `#!/bin/sh\necho planted > '${witness}'\necho Planted Git\n`;
      for (const file of [path.join(repo, 'git'), path.join(repo, 'node_modules', '.bin', 'git')]) {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, planted, { mode: 0o755 });
      }
      const PATH = ['.', '', 'node_modules/.bin', repo, path.join(repo, 'node_modules', '.bin'), path.dirname(realGit)].join(path.delimiter);
      assert.equal(await gitUserName(repo, { ...clean, PATH }), 'Real Git');
      assert.equal(await exists(witness), false, 'the planted git ran');
      // With only the repository on PATH there is no git at all: no owner, and still nothing run.
      assert.equal(await gitUserName(repo, { ...clean, PATH: ['.', repo].join(path.delimiter) }), undefined);
      assert.equal(await exists(witness), false, 'the planted git ran');
    });
  });
});
