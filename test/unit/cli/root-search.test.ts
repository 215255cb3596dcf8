import { strict as assert } from 'node:assert';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { toPortable } from '../../../src/node/portable-path';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { findRoot, rootWithoutMarker } from '../../../src/cli/open-workspace';
import { findRepository } from '../../../src/node/repository';
import { foldersUpward, sharedReason, type SearchBounds } from '../../../src/node/root-search';
import { cleanupTemps, tempDir } from './cli-process';

const ME = 1000;
const ALICE = 1001;
const BOB = 1002;

describe('the root search: bounded by the home, the first .git, and folders others write to', () => {
  describe('foldersUpward', () => {
    it('climbs to the home and stops there (inclusive) when the start lies in it', () => {
      assert.deepEqual(foldersUpward('/home/me/src/repo', { home: '/home/me', platform: 'linux' }), ['/home/me/src/repo', '/home/me/src', '/home/me']);
      assert.deepEqual(foldersUpward('/home/me', { home: '/home/me/', platform: 'linux' }), ['/home/me']);
    });

    it('climbs to the file system root from outside the home, or without one', () => {
      assert.deepEqual(foldersUpward('/tmp/x/repo', { home: '/home/me', platform: 'linux' }), ['/tmp/x/repo', '/tmp/x', '/tmp', '/']);
      assert.deepEqual(foldersUpward('/srv/repo', { platform: 'linux' }), ['/srv/repo', '/srv', '/']);
      // A sibling whose name starts like the home is not inside it.
      assert.deepEqual(foldersUpward('/home/me2/repo', { home: '/home/me', platform: 'linux' }), ['/home/me2/repo', '/home/me2', '/home', '/']);
    });

    it('matches the home without regard to case on Windows and macOS', () => {
      assert.deepEqual(foldersUpward('/Users/Me/repo', { home: '/users/me', platform: 'darwin' }), ['/Users/Me/repo', '/Users/Me']);
      assert.deepEqual(foldersUpward('/Users/Me/repo', { home: '/users/me', platform: 'linux' }), ['/Users/Me/repo', '/Users/Me', '/Users', '/']);
    });
  });

  describe('sharedReason', () => {
    const posix = { platform: 'linux' as const, uid: ME };

    it('refuses a folder every user may write to, sticky (/tmp) or not', () => {
      assert.match(sharedReason({ mode: 0o41777, uid: 0 }, { mode: 0o100644, uid: ME }, posix) ?? '', /shared temporary folder/);
      assert.match(sharedReason({ mode: 0o40777, uid: ME }, { mode: 0o100644, uid: ME }, posix) ?? '', /every user may write/);
      assert.match(sharedReason({ mode: 0o41777, uid: 0 }, undefined, posix) ?? '', /shared temporary folder/);
    });

    it('refuses a marker a third user owns, accepts one of the user, the folder\'s owner or root', () => {
      const groupFolder = { mode: 0o42775, uid: ALICE };
      assert.match(sharedReason(groupFolder, { mode: 0o100644, uid: BOB }, posix) ?? '', /another user \(uid 1002\)/);
      for (const uid of [ME, ALICE, 0]) assert.equal(sharedReason(groupFolder, { mode: 0o100644, uid }, posix), undefined, `uid ${uid}`);
      assert.equal(sharedReason({ mode: 0o40755, uid: ALICE }, { mode: 0o100644, uid: ALICE }, posix), undefined, "another user's own folder and file: theirs, not planted");
    });

    it('without a user id, only the folder\'s bits count; on Windows, neither (its access lists decide)', () => {
      assert.equal(sharedReason({ mode: 0o40755, uid: ALICE }, { mode: 0o100644, uid: BOB }, { platform: 'linux' }), undefined);
      assert.equal(sharedReason({ mode: 0o40666, uid: 0 }, { mode: 0o100666, uid: 0 }, { platform: 'win32' }), undefined);
    });
  });

  describe('on disk', () => {
    after(cleanupTemps);
    const fs = new NodeFileSystem();

    /** `<base>/repo` (no .git) below `<base>`, which holds `.legible.json`. */
    async function layout(): Promise<{ base: string; repo: string }> {
      const base = toPortable(await tempDir('legible-root-'));
      const repo = `${base}/repo`;
      await mkdir(repo);
      await writeFile(path.join(base, '.legible.json'), '{ "folders": ["elsewhere"] }\n');
      return { base, repo };
    }

    function bounds(home: string): SearchBounds & { warnings: string[] } {
      const warnings: string[] = [];
      return { home, platform: process.platform, uid: process.getuid?.(), warn: (message) => warnings.push(message), warnings };
    }

    it('adopts a .legible.json above a folder without .git in a folder only the user writes to', async () => {
      const { base, repo } = await layout();
      const within = bounds(base);
      assert.equal(await findRoot(fs, repo, within), base);
      assert.deepEqual(within.warnings, []);
    });

    it('ignores it, with a warning, in a folder every user may write to (chmod 1777 or 777)', async () => {
      const { base, repo } = await layout();
      for (const mode of [0o1777, 0o777]) {
        await chmod(base, mode);
        const within = bounds(base);
        assert.equal(await findRoot(fs, repo, within), repo);
        assert.equal(within.warnings.length, 1);
        assert.match(within.warnings[0], new RegExp(`^ignored ${base}/\\.legible\\.json: it lies in a (shared temporary folder|folder every user may write to).*Is it yours\\?`));
      }
      // The folder the search starts in is the user's choice, whatever its bits.
      const inside = bounds(base);
      assert.equal(await findRoot(fs, base, inside), base);
      assert.deepEqual(inside.warnings, []);
      await chmod(base, 0o700);
    });

    it('passes over a .git in a folder others write to, for the workspace and for the repository (where the lint cache goes)', async () => {
      const { base, repo } = await layout();
      await mkdir(path.join(base, '.git'));
      await chmod(base, 0o1777);
      assert.equal(await findRepository(repo, fs, bounds(base)), undefined);
      assert.equal(await findRoot(fs, repo, bounds(base)), repo);
      await chmod(base, 0o700);
      assert.deepEqual(await findRepository(repo, fs, bounds(base)), { root: base, gitDir: `${base}/.git` });
    });

    it('never looks above the home', async () => {
      const { base } = await layout();
      const home = `${base}/home`;
      const start = `${home}/notes`;
      await mkdir(start, { recursive: true });
      await mkdir(path.join(base, '.git'));
      assert.equal(await findRoot(fs, start, bounds(home)), start);
      assert.equal(await findRepository(start, fs, bounds(home)), undefined);
      // The home itself is looked in.
      await writeFile(path.join(home, '.legible.json'), '{}\n');
      assert.equal(await findRoot(fs, start, bounds(home)), home);
    });

    it('stops at the first .git: a .legible.json above a repository is never read', async () => {
      const { base, repo } = await layout();
      await mkdir(path.join(repo, '.git'));
      assert.equal(await findRoot(fs, repo, bounds(base)), repo);
    });

    it('docs/ without .git takes the folder above as root only where the search could have', async () => {
      const base = toPortable(await tempDir('legible-root-'));
      const docs = `${base}/docs`;
      await mkdir(docs);
      await mkdir(`${docs}/decisions`);
      const fromFolder = `${docs}/decisions`;
      const home = toPortable(path.dirname(base));
      assert.equal(await rootWithoutMarker(fs, docs, bounds(home)), base);
      assert.equal(await rootWithoutMarker(fs, fromFolder, bounds(home)), base);
      // Not above the home…
      assert.equal(await rootWithoutMarker(fs, docs, bounds(docs)), docs);
      // …nor into a folder every user may write to (`/tmp/docs`: `/tmp/.adr-dir` is anyone's).
      await chmod(base, 0o1777);
      assert.equal(await rootWithoutMarker(fs, docs, bounds(home)), docs);
      await chmod(base, 0o700);
    });
  });
});
