import { strict as assert } from 'node:assert';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { toPortable } from '../../../src/node/portable-path';
import { trackedFilesBelow } from '../../../src/node/tracked-files';
import { cleanupTemps, git, tempDir } from '../cli/cli-process';

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
  });

  it('undefined outside a repository: the caller walks the folder', async () => {
    const dir = await tempDir('legible-untracked-');
    await writeFile(path.join(dir, 'a.ts'), 'export {};\n');
    assert.equal(await trackedFilesBelow(toPortable(dir)), undefined);
  });
});
