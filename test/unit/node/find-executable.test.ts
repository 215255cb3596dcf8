import { strict as assert } from 'node:assert';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { findExecutable, nodeExecutableSearch, type ExecutableSearch } from '../../../src/node/find-executable';
import { cleanupTemps, tempDir } from '../cli/cli-process';

/** A search over a made-up disk: `files` are the executables that exist; `asked` records every file looked at. */
function fake(over: Partial<ExecutableSearch> & { files: readonly string[] }): ExecutableSearch & { asked: string[] } {
  const asked: string[] = [];
  const exists = new Set(over.files);
  return {
    platform: 'linux',
    path: '',
    untrusted: [],
    ...over,
    asked,
    isExecutable: async (file) => {
      asked.push(file);
      return exists.has(file);
    },
  };
}

describe('findExecutable: a program by absolute path from PATH, never from the current folder or the repository', () => {
  it('POSIX: skips empty, `.` and relative entries, the current folder and everything inside the repository', async () => {
    const search = fake({
      path: ':.:bin:./tools:../up:/work/repo:/work/repo/node_modules/.bin:/work/cwd:/usr/local/bin:/usr/bin',
      current: '/work/cwd',
      untrusted: ['/work/repo'],
      files: ['git', './git', 'bin/git', '/work/repo/git', '/work/repo/node_modules/.bin/git', '/work/cwd/git', '/usr/bin/git'],
    });
    assert.equal(await findExecutable('git', search), '/usr/bin/git');
    // Only absolute entries outside the repository and the current folder were looked in.
    assert.deepEqual(search.asked, ['/usr/local/bin/git', '/usr/bin/git']);
  });

  it('POSIX: the first trusted entry wins, a folder below the current one is not the current one, and a sibling sharing a prefix is not inside', async () => {
    const search = fake({ path: '/work/repo2/bin:/work/cwd/bin:/opt/git/bin', current: '/work/cwd', untrusted: ['/work/repo'], files: ['/work/repo2/bin/git', '/opt/git/bin/git'] });
    assert.equal(await findExecutable('git', search), '/work/repo2/bin/git');
    assert.deepEqual(search.asked, ['/work/repo2/bin/git']);
  });

  it('POSIX: entries are normalised before they are compared, so `/work/repo/../repo/bin` is still the repository', async () => {
    const search = fake({ path: '/work/repo/../repo/bin:/work/./cwd/:/usr/bin', current: '/work/cwd', untrusted: ['/work/repo/'], files: ['/work/repo/bin/git', '/work/cwd/git', '/usr/bin/git'] });
    assert.equal(await findExecutable('git', search), '/usr/bin/git');
    assert.deepEqual(search.asked, ['/usr/bin/git']);
  });

  it('undefined when no trusted entry holds it, or PATH is unset', async () => {
    assert.equal(await findExecutable('git', fake({ path: '.::/work/repo', untrusted: ['/work/repo'], files: ['/work/repo/git'] })), undefined);
    assert.equal(await findExecutable('git', fake({ path: undefined, files: [] })), undefined);
  });

  it('Windows: PATHEXT in its order, only what starts without a shell (.com, .exe), drive and UNC paths only', async () => {
    const search = fake({
      platform: 'win32',
      // `.` , an empty entry, `\tools` (the current drive's root) and `C:tools` (relative to the drive's current folder) are all relative.
      path: '.;;\\tools;C:tools;C:\\repo;c:\\REPO\\node_modules\\.bin;"C:\\Program Files\\Git\\cmd";\\\\server\\share\\bin',
      pathext: '.BAT;.CMD;.EXE;.COM;.JS',
      current: 'C:\\work',
      untrusted: ['C:/repo'],
      files: ['git.exe', '.\\git.exe', '\\tools\\git.exe', 'C:tools\\git.exe', 'C:\\repo\\git.exe', 'c:\\REPO\\node_modules\\.bin\\git.exe', 'C:\\Program Files\\Git\\cmd\\git.bat', 'C:\\Program Files\\Git\\cmd\\git.com', 'C:\\Program Files\\Git\\cmd\\git.exe'],
    });
    // PATHEXT puts .EXE before .COM; the quotes around an entry are Windows', not the folder's.
    assert.equal(await findExecutable('git', search), 'C:\\Program Files\\Git\\cmd\\git.exe');
    assert.deepEqual(search.asked, ['C:\\Program Files\\Git\\cmd\\git.exe']);
  });

  it('Windows: the repository and the current folder are recognised whatever the case and separators', async () => {
    const search = fake({
      platform: 'win32',
      path: 'c:\\work;C:/Repo/tools;C:\\Windows\\System32;\\\\server\\share\\bin',
      pathext: '',
      current: 'C:\\Work\\',
      untrusted: ['C:/repo'],
      files: ['c:\\work\\git.exe', 'C:\\Repo\\tools\\git.exe', '\\\\server\\share\\bin\\git.exe'],
    });
    assert.equal(await findExecutable('git', search), '\\\\server\\share\\bin\\git.exe');
    // An empty PATHEXT means Windows' default (.COM;.EXE;.BAT;.CMD), of which .COM and .EXE are tried.
    assert.deepEqual(search.asked, ['C:\\Windows\\System32\\git.com', 'C:\\Windows\\System32\\git.exe', '\\\\server\\share\\bin\\git.com', '\\\\server\\share\\bin\\git.exe']);
  });

  it('Windows: a name with its extension is looked for as given, and a .cmd never', async () => {
    const exe = fake({ platform: 'win32', path: 'C:\\Git\\cmd', pathext: '.EXE', untrusted: [], files: ['C:\\Git\\cmd\\git.exe'] });
    assert.equal(await findExecutable('git.exe', exe), 'C:\\Git\\cmd\\git.exe');
    assert.deepEqual(exe.asked, ['C:\\Git\\cmd\\git.exe']);
    const cmd = fake({ platform: 'win32', path: 'C:\\Git\\cmd', pathext: '.CMD', untrusted: [], files: ['C:\\Git\\cmd\\git.cmd'] });
    assert.equal(await findExecutable('git.cmd', cmd), undefined);
    assert.equal(await findExecutable('git', cmd), undefined);
    assert.deepEqual(cmd.asked, []);
  });

  it('macOS: compares folders without regard to case, as its default file system does', async () => {
    const search = fake({ platform: 'darwin', path: '/Users/me/Repo/bin:/usr/bin', untrusted: ['/users/me/repo'], files: ['/Users/me/Repo/bin/git', '/usr/bin/git'] });
    assert.equal(await findExecutable('git', search), '/usr/bin/git');
  });

  describe('on this machine (nodeExecutableSearch)', () => {
    after(cleanupTemps);

    it('needs a regular file with an execute bit (POSIX), and reads Path in any case on Windows', async () => {
      const dir = await tempDir('legible-which-');
      await mkdir(path.join(dir, 'plain'));
      await mkdir(path.join(dir, 'exec'));
      await mkdir(path.join(dir, 'folder', 'git'), { recursive: true });
      await writeFile(path.join(dir, 'plain', 'git'), '#!/bin/sh\n');
      await writeFile(path.join(dir, 'exec', 'git'), '#!/bin/sh\n');
      await chmod(path.join(dir, 'exec', 'git'), 0o755);
      const PATH = ['folder', 'plain', 'exec'].map((name) => path.join(dir, name)).join(':');
      assert.equal(await findExecutable('git', nodeExecutableSearch([], { PATH }, 'linux')), path.join(dir, 'exec', 'git'));
      const windows = nodeExecutableSearch([], { Path: 'C:\\Git\\cmd', PathExt: '.EXE' }, 'win32');
      assert.equal(windows.path, 'C:\\Git\\cmd');
      assert.equal(windows.pathext, '.EXE');
    });
  });
});
