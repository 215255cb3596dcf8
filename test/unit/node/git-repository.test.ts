import { strict as assert } from 'node:assert';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { runGitReporting } from '../../../src/node/git-process';
import { NodeGitRepository, parseNameStatus, supportsEndOfOptions } from '../../../src/node/git-repository';
import { toPortable } from '../../../src/node/portable-path';
import { TreeSnapshotFileSystem } from '../../../src/core/port/tree-snapshot';
import { baseEnv, cleanupTemps, exists, git, tempDir } from '../cli/cli-process';

/**
 * A repository with two branches: main gains a file after `topic` forks; topic renames, edits and
 * adds. Authors and dates are scripted (cli-process's git()).
 */
async function twoBranches(): Promise<string> {
  const dir = await tempDir('legible-git-repo-');
  await mkdir(path.join(dir, 'docs', 'decisions'), { recursive: true });
  await mkdir(path.join(dir, 'src'), { recursive: true });
  await writeFile(path.join(dir, 'docs', 'decisions', '0001-use-postgres.md'), '# Use PostgreSQL\n');
  await writeFile(path.join(dir, 'src', 'ledger.ts'), 'export const ledger = 1;\n'.repeat(20));
  await writeFile(path.join(dir, 'src', 'old name.ts'), 'export const moved = 2;\n'.repeat(20));
  await writeFile(path.join(dir, '.gitignore'), 'build/\n');
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', 'Start');
  git(dir, 'checkout', '--quiet', '-b', 'topic');
  git(dir, 'mv', 'src/old name.ts', 'src/new\nname.ts');
  await writeFile(path.join(dir, 'src', 'ledger.ts'), 'export const ledger = 2;\n'.repeat(20));
  await writeFile(path.join(dir, 'docs', 'decisions', '0002-use-kafka.md'), '# Use Kafka\n');
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', 'Topic');
  git(dir, 'checkout', '--quiet', 'main');
  await writeFile(path.join(dir, 'docs', 'decisions', '0002-use-rabbitmq.md'), '# Use RabbitMQ\n');
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', 'Main');
  git(dir, 'checkout', '--quiet', 'topic');
  return dir;
}

describe('NodeGitRepository: the repository port on git', function () {
  this.timeout(60_000);
  after(cleanupTemps);
  let dir: string;
  let repo: NodeGitRepository;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    dir = await twoBranches();
    env = baseEnv(dir);
    repo = new NodeGitRepository(toPortable(dir), env);
  });

  it('lists the tracked files exactly, a newline in a name included', async () => {
    assert.deepEqual(await repo.trackedFiles(), ['.gitignore', 'docs/decisions/0001-use-postgres.md', 'docs/decisions/0002-use-kafka.md', 'src/ledger.ts', 'src/new\nname.ts']);
  });

  it('lists the changes since the merge base, renames followed, not what the base gained since', async () => {
    assert.deepEqual(await repo.changedFiles('main', 'topic'), [
      { kind: 'added', path: 'docs/decisions/0002-use-kafka.md' },
      { kind: 'modified', path: 'src/ledger.ts' },
      { kind: 'renamed', path: 'src/new\nname.ts', from: 'src/old name.ts' },
    ]);
  });

  it('without a head: the working tree, uncommitted edits and untracked files included, ignored ones not', async () => {
    const work = await twoBranches();
    await writeFile(path.join(work, 'src', 'ledger.ts'), 'changed, not committed\n');
    await writeFile(path.join(work, 'docs', 'decisions', '0003-untracked.md'), '# New\n');
    await mkdir(path.join(work, 'build'));
    await writeFile(path.join(work, 'build', 'out.js'), 'ignored\n');
    const port = new NodeGitRepository(toPortable(work), env);
    assert.deepEqual(await port.changedFiles('main'), [
      { kind: 'added', path: 'docs/decisions/0002-use-kafka.md' },
      { kind: 'modified', path: 'src/ledger.ts' },
      { kind: 'renamed', path: 'src/new\nname.ts', from: 'src/old name.ts' },
      { kind: 'added', path: 'docs/decisions/0003-untracked.md' },
    ]);
    // With a head, the working tree is not looked at.
    assert.equal((await port.changedFiles('main', 'HEAD'))?.length, 3);
  });

  it('one diff from a known merge base covers the commits, a staged rename, an unstaged edit and an untracked file', async () => {
    const work = await twoBranches();
    git(work, 'mv', 'src/ledger.ts', 'src/books.ts');
    await writeFile(path.join(work, 'src', 'books.ts'), `${'export const ledger = 1;\n'.repeat(20)}export const more = 3;\n`);
    await writeFile(path.join(work, 'docs', 'decisions', '0002-use-kafka.md'), '# Use Kafka, edited\n');
    await writeFile(path.join(work, 'src', 'fees.ts'), 'untracked\n');
    const port = new NodeGitRepository(toPortable(work), env);
    const mergeBase = await port.mergeBase('main', 'HEAD');
    assert.match(mergeBase ?? '', /^[0-9a-f]{40}$/);
    const expected = [
      { kind: 'added', path: 'docs/decisions/0002-use-kafka.md' },
      { kind: 'renamed', path: 'src/books.ts', from: 'src/ledger.ts' },
      { kind: 'renamed', path: 'src/new\nname.ts', from: 'src/old name.ts' },
      { kind: 'added', path: 'src/fees.ts' },
    ];
    assert.deepEqual(await port.changedSince(mergeBase!), expected);
    assert.deepEqual(await port.changedFiles('main'), expected);
    // With a head, the working tree is not looked at.
    assert.deepEqual(await port.changedSince(mergeBase!, 'HEAD'), await port.changedFiles('main', 'HEAD'));
    assert.equal(await port.changedSince('--output=x'), undefined);
    assert.match(port.problem ?? '', /starts with "-"/);
  });

  it('keeps the reason of a failed answer when another, asked beside it, succeeds', async () => {
    const port = new NodeGitRepository(toPortable(dir), env);
    const [failed, listed] = await Promise.all([port.filesAt('no-such-branch'), port.trackedFiles()]);
    assert.equal(failed, undefined);
    assert.ok(listed?.length);
    assert.match(port.problem ?? '', /no-such-branch/);
  });

  it('lists the files at a ref, in a folder or all', async () => {
    assert.deepEqual(await repo.filesAt('main', 'docs/decisions'), ['docs/decisions/0001-use-postgres.md', 'docs/decisions/0002-use-rabbitmq.md']);
    assert.equal((await repo.filesAt('main'))?.length, 5);
    assert.deepEqual(await repo.filesAt('main', 'nowhere'), []);
  });

  it('reads a text at a ref within a size limit', async () => {
    assert.equal(await repo.textAt('main', 'docs/decisions/0002-use-rabbitmq.md', 1000), '# Use RabbitMQ\n');
    assert.equal(await repo.textAt('main', 'docs/decisions/0002-use-rabbitmq.md', 5), undefined);
    assert.equal(await repo.textAt('main', 'docs/decisions/missing.md', 1000), undefined);
  });

  it("reads a ref's tree under folders: every file with its kind and size, the Markdown ones within the bound with their bytes", async () => {
    const work = await tempDir('legible-git-tree-');
    const big = `# Big\n${'x'.repeat(2000)}\n`;
    await mkdir(path.join(work, 'docs', 'decisions', 'sub'), { recursive: true });
    await writeFile(path.join(work, 'docs', 'decisions', '0001-a b.md'), '\ufeff# A, with a BOM and CRLF\r\n');
    await writeFile(path.join(work, 'docs', 'decisions', '0002-new\nline.md'), '# Two\n');
    await writeFile(path.join(work, 'docs', 'decisions', '0003-big.md'), big);
    await writeFile(path.join(work, 'docs', 'decisions', 'sub', '0004-deep.md'), '');
    await writeFile(path.join(work, 'docs', 'decisions', 'diagram.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    await symlink('0002-new\nline.md', path.join(work, 'docs', 'decisions', '0005-link.md'));
    await writeFile(path.join(work, 'src.ts'), 'outside the folders\n');
    git(work, 'init', '--quiet', '--initial-branch=main');
    git(work, 'add', '--all');
    git(work, 'commit', '--quiet', '--message', 'Tree');
    // The working tree moves on: the tree read is the commit's.
    await writeFile(path.join(work, 'docs', 'decisions', '0001-a b.md'), 'edited, not committed\n');
    const port = new NodeGitRepository(toPortable(work), baseEnv(work));
    const tree = await port.treeAt('main', ['docs/decisions'], 1000);
    assert.ok(tree, port.problem);
    const text = (bytes?: Uint8Array) => (bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8'));
    assert.deepEqual(tree.map((file) => [file.path, file.kind, file.size, text(file.bytes)]), [
      ['docs/decisions/0001-a b.md', 'file', 29, '\ufeff# A, with a BOM and CRLF\r\n'],
      ['docs/decisions/0002-new\nline.md', 'file', 6, '# Two\n'],
      ['docs/decisions/0003-big.md', 'file', Buffer.byteLength(big), undefined],
      ['docs/decisions/0005-link.md', 'symlink', 16, undefined],
      ['docs/decisions/diagram.png', 'file', 7, undefined],
      ['docs/decisions/sub/0004-deep.md', 'file', 0, ''],
    ]);
    assert.deepEqual(await port.treeAt('main', ['nowhere'], 1000), []);
    assert.equal(await port.treeAt('no-such-branch', [], 1000), undefined);
    assert.equal(await port.treeAt('--output=x', [], 1000), undefined);

    // As a file system: folders implied by the paths, links listed and never read, the bound kept.
    const fs = new TreeSnapshotFileSystem(toPortable(work), tree);
    const root = toPortable(work);
    assert.deepEqual((await fs.readDirectory(`${root}/docs/decisions`)).map((e) => `${e.name}:${e.kind}`).sort(), ['0001-a b.md:file', '0002-new\nline.md:file', '0003-big.md:file', '0005-link.md:symlink', 'diagram.png:file', 'sub:directory']);
    assert.deepEqual(await fs.readDirectory(root), [{ name: 'docs', kind: 'directory' }]);
    assert.deepEqual(await fs.stat(`${root}/docs/decisions/sub`), { kind: 'directory', size: 0, mtime: 0 });
    assert.equal(await fs.stat(`${root}/src.ts`), undefined, 'outside the folders asked');
    assert.equal(await fs.stat(`${path.dirname(root)}/elsewhere`), undefined);
    const bounded = await fs.readBounded(`${root}/docs/decisions/0003-big.md`, 1000);
    assert.deepEqual([bounded.bytes.length, bounded.size], [0, Buffer.byteLength(big)], 'too large: its size, no bytes');
    await assert.rejects(fs.readFile(`${root}/docs/decisions/0005-link.md`), /ENOENT/);
    await assert.rejects(fs.writeFile(`${root}/docs/decisions/0006-new.md`, new Uint8Array()), /read-only/);
  });

  it('refuses a ref git would read as an option, or shell syntax, before git runs', async () => {
    for (const ref of ['--output=x', '$(touch x)', '-p', 'main;touch x', '`touch x`']) {
      assert.equal(await repo.changedFiles(ref), undefined, ref);
      assert.match(repo.problem ?? '', /^the ref .* (starts with "-"|contains)/, ref);
      assert.equal(await repo.filesAt(ref), undefined, ref);
      assert.equal(await repo.changedFiles('main', ref), undefined, ref);
    }
    assert.equal(await exists(path.join(dir, 'x')), false);
  });

  it("answers undefined for a ref git does not know, with git's reason", async () => {
    assert.equal(await repo.changedFiles('no-such-branch'), undefined);
    assert.match(repo.problem ?? '', /no-such-branch/);
    assert.equal(repo.missing, false);
    assert.equal(await repo.filesAt('no-such-branch'), undefined);
  });

  it('without git on PATH: undefined, and says git is missing', async () => {
    const port = new NodeGitRepository(toPortable(dir), { ...env, PATH: '' });
    assert.equal(await port.available(), false);
    assert.equal(await port.changedFiles('main'), undefined);
    assert.equal(port.missing, true);
    assert.match(port.problem ?? '', /git is not installed/);
    assert.equal(await port.trackedFiles(), undefined);
  });

  it('outside a repository: not available', async () => {
    const plain = await tempDir('legible-no-repo-');
    const port = new NodeGitRepository(toPortable(plain), env);
    assert.equal(await port.available(), false);
    assert.equal(port.missing, false);
  });

  it("stops git at the output bound and says so (runGit's own default stays 64 KB)", async () => {
    const ran = await runGitReporting(['ls-files', '-z'], dir, env, { maxBytes: 10 });
    assert.deepEqual(ran, { ok: false, missing: false, problem: 'git printed more than 1 MB' });
  });
});

describe('git output parsing', () => {
  it('reads --name-status -z: one path per status, two for a rename or copy', () => {
    assert.deepEqual(parseNameStatus('M\0a b.ts\0R087\0old\0new\nname\0A\0c\0C100\0x\0y\0D\0gone\0T\0link\0U\0conflict\0'), [
      { kind: 'modified', path: 'a b.ts' },
      { kind: 'renamed', from: 'old', path: 'new\nname' },
      { kind: 'added', path: 'c' },
      { kind: 'copied', from: 'x', path: 'y' },
      { kind: 'deleted', path: 'gone' },
      { kind: 'type-changed', path: 'link' },
      { kind: 'modified', path: 'conflict' },
    ]);
    assert.deepEqual(parseNameStatus(''), []);
  });

  it('knows --end-of-options from git 2.24 on', () => {
    assert.equal(supportsEndOfOptions('git version 2.39.5'), true);
    assert.equal(supportsEndOfOptions('git version 2.24.0.windows.1'), true);
    assert.equal(supportsEndOfOptions('git version 2.23.4'), false);
    assert.equal(supportsEndOfOptions('git version 3.0.0'), true);
    assert.equal(supportsEndOfOptions('no version'), false);
  });
});
