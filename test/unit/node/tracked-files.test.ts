import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { toPortable } from '../../../src/node/portable-path';
import { historyRepository, trackedFilesBelow, workingFilesAt, workingFilesBelow } from '../../../src/node/tracked-files';
import { pathspecRuns } from '../../../src/node/git-repository';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { workspaceFiles } from '../../../src/node/workspace-files';
import { cleanupTemps, git, gitRepository, tempDir } from '../cli/cli-process';

/** A repository that ignores `cache/`, with a workspace holding one file inside it: its path. */
async function ignoredWorkspace(prefix: string): Promise<string> {
  const dir = await tempDir(prefix);
  await mkdir(path.join(dir, 'cache', 'workspace'), { recursive: true });
  await writeFile(path.join(dir, '.gitignore'), 'cache/\n');
  await writeFile(path.join(dir, 'cache', 'workspace', 'a.ts'), 'export {};\n');
  gitRepository(dir);
  return `${toPortable(dir)}/cache/workspace`;
}

describe('trackedFilesBelow: the code files of a folder as git tracks them', function () {
  this.timeout(60_000);
  after(cleanupTemps);

  it('relative to the folder, also one below the repository root; an untracked file is not listed (the editor adds it when it is created)', async () => {
    const dir = await tempDir('legible-tracked-');
    await mkdir(path.join(dir, 'app', 'src'), { recursive: true });
    await writeFile(path.join(dir, 'app', 'src', 'ledger.ts'), 'export {};\n');
    await writeFile(path.join(dir, 'app', 'README.md'), '# App\n');
    await writeFile(path.join(dir, 'top.ts'), 'export {};\n');
    git(dir, 'init', '--quiet', '--initial-branch=main');
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '--message', 'Start');
    await writeFile(path.join(dir, 'app', 'src', 'untracked.ts'), 'export {};\n');
    const root = toPortable(dir);
    assert.deepEqual(await trackedFilesBelow(root), ['app/README.md', 'app/src/ledger.ts', 'top.ts']);
    assert.deepEqual(await trackedFilesBelow(`${root}/app`), ['README.md', 'src/ledger.ts']);
    // The editor's list: an untracked file too, an ignored one not.
    await writeFile(path.join(dir, '.gitignore'), 'build/\n');
    await mkdir(path.join(dir, 'app', 'build'), { recursive: true });
    await writeFile(path.join(dir, 'app', 'build', 'out.js'), '');
    assert.deepEqual([...((await workingFilesBelow(`${root}/app`)) ?? [])].sort(), ['README.md', 'src/ledger.ts', 'src/untracked.ts']);
  });

  it('workingFilesAt: of paths that appeared, the files the list would hold (not the ignored), names taken literally', async () => {
    const dir = await tempDir('legible-working-at-');
    await mkdir(path.join(dir, 'app', 'src'), { recursive: true });
    await writeFile(path.join(dir, '.gitignore'), '*.log\nbuild/\n');
    await writeFile(path.join(dir, 'app', 'src', 'ledger.ts'), 'export {};\n');
    gitRepository(dir);
    // After the list: a file, an ignored one, a folder with an ignored folder inside, and names a
    // pathspec would read as globs or magic.
    await mkdir(path.join(dir, 'app', 'src', 'new', 'build'), { recursive: true });
    for (const name of ['refunds.ts', 'debug.log', '[a].ts', '*.ts', ':(glob)x.ts', 'new/b.ts', 'new/build/out.js']) await writeFile(path.join(dir, 'app', 'src', name), '');
    const app = `${toPortable(dir)}/app`;
    const asked = ['src/refunds.ts', 'src/debug.log', 'src/[a].ts', 'src/*.ts', 'src/:(glob)x.ts', 'src/new', 'src/ledger.ts', 'src/gone.ts'];
    assert.deepEqual([...((await workingFilesAt(app, asked)) ?? [])].sort(), ['src/*.ts', 'src/:(glob)x.ts', 'src/[a].ts', 'src/ledger.ts', 'src/new/b.ts', 'src/refunds.ts']);
    assert.deepEqual(await workingFilesAt(app, []), []);
    // Many paths: asked in several runs, each a command line git can take.
    const many = Array.from({ length: 3000 }, (_, i) => `src/${'n'.repeat(20)}${i}.ts`);
    assert.deepEqual(await workingFilesAt(app, [...many, 'src/refunds.ts']), ['src/refunds.ts']);
    assert.ok(pathspecRuns(many.map((file) => `app/${file}`)).length > 1);
  });

  it('nothing for a folder git lists nothing of (inside an ignored folder): the caller walks it, and knows git tracks nothing there', async () => {
    const workspace = await ignoredWorkspace('legible-ignored-');
    assert.equal(await workingFilesBelow(workspace), undefined);
    assert.deepEqual(await trackedFilesBelow(workspace), []);
    const listed = await workspaceFiles(new NodeFileSystem({ root: workspace }), workspace, process.env);
    assert.deepEqual(listed, { files: ['a.ts'], complete: true, tracked: false });
  });

  it('the history asks git nothing the listing already answered: that the repository tracks files in the folder, or none', async () => {
    const workspace = await ignoredWorkspace('legible-history-known-');
    // No git on this PATH: an answer can only come from the listing.
    const noGit = { ...process.env, PATH: '' };
    const told = await historyRepository(workspace, noGit, async () => false);
    assert.ok('problem' in told && /tracks no file in the workspace/.test(told.problem), JSON.stringify(told));
    const trusted = await historyRepository(workspace, noGit, async () => true);
    assert.ok(!('problem' in trusted), JSON.stringify(trusted));
    // The listing cannot tell, and git cannot be asked: the repository's history is read.
    const unknown = await historyRepository(workspace, noGit, async () => undefined);
    assert.ok(!('problem' in unknown), JSON.stringify(unknown));
    // With git, it is asked, and says.
    const asked = await historyRepository(workspace, process.env, async () => undefined);
    assert.ok('problem' in asked && /tracks no file in the workspace/.test(asked.problem), JSON.stringify(asked));
  });

  it('the history of a folder is its repository\'s, unless that repository tracks nothing there (an ignored folder has no history of its own)', async () => {
    const dir = await tempDir('legible-history-root-');
    await mkdir(path.join(dir, 'cache', 'workspace'), { recursive: true });
    await mkdir(path.join(dir, 'app'), { recursive: true });
    await writeFile(path.join(dir, '.gitignore'), 'cache/\n');
    await writeFile(path.join(dir, 'cache', 'workspace', 'a.ts'), 'export {};\n');
    await writeFile(path.join(dir, 'app', 'b.ts'), 'export {};\n');
    git(dir, 'init', '--quiet', '--initial-branch=main');
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '--message', 'Start');
    const root = toPortable(dir);
    const ignored = await historyRepository(`${root}/cache/workspace`);
    assert.ok('problem' in ignored && /tracks no file in the workspace/.test(ignored.problem), JSON.stringify(ignored));
    const tracked = await historyRepository(`${root}/app`);
    assert.ok(!('problem' in tracked) && toPortable(tracked.root) === root, JSON.stringify(tracked));
    const top = await historyRepository(root);
    assert.ok(!('problem' in top) && toPortable(top.root) === root, JSON.stringify(top));
  });

  it('undefined outside a repository: the caller walks the folder', async () => {
    const dir = await tempDir('legible-untracked-');
    await writeFile(path.join(dir, 'a.ts'), 'export {};\n');
    assert.equal(await trackedFilesBelow(toPortable(dir)), undefined);
  });
});
