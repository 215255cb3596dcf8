import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { isOutsideWorkspace, OutsideWorkspaceError, type FileSystemPort } from '../../../src/core/port/file-system';
import { MemoryFileSystem } from '../support/memory-file-system';

/**
 * The port's containment rule (src/core/port/file-system.ts), the same for the Node port the CLI
 * and the extension use on disk and for the in-memory port core tests run on: links inside the
 * workspace work as before; every read, listing, lookup and write that would lead outside is
 * refused with OutsideWorkspaceError, and what lies outside is never touched — not even looked up.
 *
 *   <base>/repo/     the workspace root
 *   <base>/outside/  secret.md, README.md: what a link in the repository would like read or overwritten
 */
interface Layout {
  readonly fs: FileSystemPort;
  readonly root: string;
  /** The text of a file outside the workspace, or undefined when it is not there. */
  outside(name: string): Promise<string | undefined>;
  /** The names below the outside folder, recursively, with a checksum of each file. */
  outsideState(): Promise<string[]>;
  /** What a path inside the workspace is: a link (with its target), a file (with its text) or nothing. */
  inside(relative: string): Promise<string | undefined>;
}

const REPO = {
  'docs/a.md': 'A',
  'docs/sub/b.md': 'B',
};

/** Links: repository-relative path → target (relative to the link's folder, or `<base>/…` for absolute). */
const LINKS: Record<string, string> = {
  'docs/in.md': 'a.md',
  'docs/in-abs.md': '<base>/repo/docs/a.md',
  'docs/in-folder': 'sub',
  'docs/out.md': '../../outside/secret.md',
  'docs/out-missing.md': '../../outside/nothing.md',
  'docs/out-abs.md': '<base>/outside/secret.md',
  'docs/roundtrip.md': '../../repo/docs/a.md',
  'docs/root': '/',
  'docs/loop-a': 'loop-b',
  'docs/loop-b': 'loop-a',
  shared: '../outside',
  'README.md': '../outside/README.md',
};

const OUTSIDE = { 'secret.md': 'SECRET', 'README.md': 'DECOY' };

async function onDisk(): Promise<Layout & { cleanup(): Promise<void> }> {
  const base = await mkdtemp(path.join(tmpdir(), 'legible-contain-'));
  const root = path.join(base, 'repo');
  for (const [name, text] of Object.entries(REPO)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
  await mkdir(path.join(base, 'outside'));
  for (const [name, text] of Object.entries(OUTSIDE)) await writeFile(path.join(base, 'outside', name), text);
  for (const [link, target] of Object.entries(LINKS)) await symlink(target.replace('<base>', base), path.join(root, link));
  const outsideState = async () => {
    const out: string[] = [];
    for (const name of (await readdir(path.join(base, 'outside'), { recursive: true })).sort()) {
      const full = path.join(base, 'outside', name);
      const stat = await lstat(full);
      out.push(stat.isFile() ? `${name} ${createHash('sha256').update(await readFile(full)).digest('hex')}` : name);
    }
    return out;
  };
  return {
    fs: new NodeFileSystem({ root }),
    root,
    outside: (name) => readFile(path.join(base, 'outside', name), 'utf8').catch(() => undefined),
    outsideState,
    async inside(relative) {
      const full = path.join(root, relative);
      const stat = await lstat(full).catch(() => undefined);
      if (!stat) return undefined;
      return stat.isSymbolicLink() ? `link ${await readlink(full)}` : `file ${await readFile(full, 'utf8')}`;
    },
    cleanup: () => rm(base, { recursive: true, force: true }),
  };
}

function inMemory(): Layout & { memory: MemoryFileSystem } {
  const base = '/base';
  const root = `${base}/repo`;
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(REPO)) files[`${root}/${name}`] = text;
  for (const [name, text] of Object.entries(OUTSIDE)) files[`${base}/outside/${name}`] = text;
  const symlinks: Record<string, string> = {};
  for (const [link, target] of Object.entries(LINKS)) symlinks[`${root}/${link}`] = target.replace('<base>', base);
  const memory = new MemoryFileSystem(files, { symlinks, root });
  return {
    fs: memory,
    memory,
    root,
    outside: async (name) => memory.text(`${base}/outside/${name}`),
    outsideState: async () => Object.keys(OUTSIDE).map((name) => `${name} ${memory.text(`${base}/outside/${name}`)}`),
    async inside(relative) {
      const at = `${root}/${relative}`;
      const stat = await memory.stat(at);
      if (!stat) return undefined;
      if (stat.kind === 'symlink') return `link ${LINKS[relative]?.replace('<base>', base)}`;
      return `file ${memory.text(at)}`;
    },
  };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Rejects with OutsideWorkspaceError naming the link that led out (when there is one). */
async function refused(promise: Promise<unknown>, link?: string): Promise<OutsideWorkspaceError> {
  let error: unknown;
  await promise.then(
    () => assert.fail('expected the port to refuse'),
    (e: unknown) => (error = e),
  );
  assert.ok(isOutsideWorkspace(error), `expected OutsideWorkspaceError, got ${String(error)}`);
  if (link !== undefined) assert.equal(error.link, link);
  return error;
}

for (const [name, make] of [
  ['the Node port (CLI, extension on disk)', onDisk],
  ['the in-memory port (core tests)', async () => ({ ...inMemory(), cleanup: async () => undefined })],
] as const) {
  describe(`containment: ${name}`, () => {
    let layout: Awaited<ReturnType<typeof make>>;
    let before: string[];
    beforeEach(async () => {
      layout = await make();
      before = await layout.outsideState();
    });
    afterEach(async () => {
      assert.deepEqual(await layout.outsideState(), before, 'nothing outside the workspace changed');
      await layout.cleanup();
    });

    const at = (relative: string) => `${layout.root}/${relative}`;

    it('follows links that stay inside: relative, absolute, to a folder', async () => {
      const { fs } = layout;
      assert.equal(text(await fs.readFile(at('docs/in.md'))), 'A');
      assert.equal(text(await fs.readFile(at('docs/in-abs.md'))), 'A');
      assert.equal(text(await fs.readFile(at('docs/in-folder/b.md'))), 'B');
      assert.deepEqual((await fs.readDirectory(at('docs/in-folder'))).map((e) => e.name), ['b.md']);
      assert.equal((await fs.stat(at('docs/in.md')))?.kind, 'symlink', 'stat does not follow a final link');
      assert.equal((await fs.stat(at('docs/in-folder/b.md')))?.kind, 'file');
      assert.equal(await fs.realPath!(at('docs/in.md')), await fs.realPath!(at('docs/a.md')));
      assert.equal((await fs.stat(layout.root))?.kind, 'directory', 'the root itself');
    });

    it('refuses to read through a link that leads out, relative or absolute, and names the link', async () => {
      const { fs } = layout;
      for (const link of ['docs/out.md', 'docs/out-abs.md']) {
        await refused(fs.readFile(at(link)), at(link));
        if (fs.readBounded) await refused(fs.readBounded(at(link), 10), at(link));
        if (fs.readFileHead) await refused(fs.readFileHead(at(link), 10), at(link));
        await refused(fs.realPath!(at(link)), at(link));
        assert.equal((await fs.stat(at(link)))?.kind, 'symlink', 'the link itself is inside: stat shows a link, nothing of its target');
      }
    });

    it('never tells whether a file outside exists: a link to a missing file is refused the same way', async () => {
      const { fs } = layout;
      const present = await refused(fs.realPath!(at('docs/out.md')));
      const missing = await refused(fs.realPath!(at('docs/out-missing.md')));
      assert.equal(missing.message.replace('out-missing', 'out'), present.message);
      await refused(fs.readFile(at('docs/out-missing.md')));
    });

    it('refuses a folder link that leads out: no listing, no lookup, no read below it', async () => {
      const { fs } = layout;
      await refused(fs.readDirectory(at('shared')), at('shared'));
      await refused(fs.readDirectory(at('docs/root')), at('docs/root'));
      await refused(fs.stat(at('shared/secret.md')), at('shared'));
      await refused(fs.readFile(at('shared/secret.md')), at('shared'));
      await refused(fs.realPath!(at('docs/root/etc')), at('docs/root'));
    });

    it('counts a link that leaves the root and comes back as leading out; a loop inside is no file', async () => {
      const { fs } = layout;
      await refused(fs.readFile(at('docs/roundtrip.md')), at('docs/roundtrip.md'));
      assert.equal(await fs.realPath!(at('docs/loop-a')), undefined);
      await assert.rejects(fs.readFile(at('docs/loop-a')));
    });

    it('refuses paths outside the root as written, without a link', async () => {
      const { fs } = layout;
      const outside = at('../outside/secret.md');
      const error = await refused(fs.readFile(outside));
      assert.equal(error.link, undefined);
      await refused(fs.stat(outside));
      await refused(fs.readDirectory(at('..')));
      await refused(fs.writeFile(outside, new TextEncoder().encode('x')));
    });

    it('writes through a link inside to its target and keeps the link; refuses one that leads out', async () => {
      const { fs } = layout;
      await fs.writeFile(at('docs/in.md'), new TextEncoder().encode('A2'));
      assert.equal(await layout.inside('docs/in.md'), 'link a.md');
      assert.equal(await layout.inside('docs/a.md'), 'file A2');
      await refused(fs.writeFile(at('README.md'), new TextEncoder().encode('INDEX')), at('README.md'));
      await refused(fs.writeFile(at('shared/README.md'), new TextEncoder().encode('INDEX')), at('shared'));
      assert.equal(await layout.outside('README.md'), 'DECOY');
      assert.equal(await layout.inside('README.md'), `link ../outside/README.md`);
    });

    it('creates only where nothing is, a link included; never in a folder that leads out', async () => {
      const { fs } = layout;
      const bytes = new TextEncoder().encode('NEW');
      assert.equal(await fs.createExclusive(at('docs/out-missing.md'), bytes), false, 'a dangling link is something there');
      assert.equal(await layout.outside('nothing.md'), undefined);
      await refused(fs.createExclusive(at('shared/0001-new.md'), bytes), at('shared'));
      assert.equal(await fs.createExclusive(at('docs/0001-new.md'), bytes), true);
      assert.equal(await layout.inside('docs/0001-new.md'), 'file NEW');
    });

    it('creates folders inside, through a link inside, and never through one that leads out', async () => {
      const { fs } = layout;
      await fs.createDirectory!(at('docs/decisions/adr'));
      assert.equal((await fs.stat(at('docs/decisions/adr')))?.kind, 'directory');
      await fs.createDirectory!(at('docs/in-folder/more'));
      assert.equal((await fs.stat(at('docs/sub/more')))?.kind, 'directory');
      await refused(fs.createDirectory!(at('shared/decisions')), at('shared'));
    });

    it('deletes a link itself, never its target; refuses below a link that leads out', async () => {
      const { fs } = layout;
      await fs.delete(at('docs/out.md'));
      assert.equal(await layout.inside('docs/out.md'), undefined);
      assert.equal(await layout.outside('secret.md'), 'SECRET');
      await refused(fs.delete(at('shared/secret.md')), at('shared'));
    });
  });
}

describe('containment: nothing outside is even looked up (in-memory port, which records every lookup)', () => {
  it('resolving, reading and listing through links that lead out asks storage only about paths inside the root', async () => {
    const { memory, root } = inMemory();
    for (const link of ['docs/out.md', 'docs/out-missing.md', 'docs/out-abs.md', 'docs/roundtrip.md', 'README.md']) {
      await memory.readFile(`${root}/${link}`).catch(() => undefined);
      await memory.realPath(`${root}/${link}`).catch(() => undefined);
    }
    await memory.readDirectory(`${root}/shared`).catch(() => undefined);
    await memory.readDirectory(`${root}/docs/root`).catch(() => undefined);
    await memory.stat(`${root}/shared/secret.md`).catch(() => undefined);
    assert.ok(memory.lookups.length > 0);
    assert.deepEqual(
      memory.lookups.filter((looked) => !looked.startsWith(`${root}/`)),
      [],
    );
  });
});
