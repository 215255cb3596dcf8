import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { collectDecisionFiles } from '../../../src/core/workspace/collect-files';
import { DecisionWorkspace } from '../../../src/core/workspace/decision-workspace';
import { loadConfig } from '../../../src/core/workspace/load-config';
import { brief, TODAY } from '../support/workspace';
import { bounded, cleanAdr } from './robustness-support';

/**
 * Issue 5, walking a folder on a real disk (through the Node NodeFileSystem): a directory symlink
 * loop, a FIFO named `*.md` (a read would block forever), invalid UTF-8 and a binary file. The
 * walk ends, each record is read once, and each unreadable file gets one file-readable finding.
 */
describe('robustness: hostile files on disk', () => {
  let root: string;
  let folder: string;
  const fs = new NodeFileSystem();

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'legible-disk-'));
    folder = path.join(root, 'docs', 'decisions');
    await mkdir(path.join(folder, 'a'), { recursive: true });
    await mkdir(path.join(folder, 'c'), { recursive: true });
    await writeFile(path.join(folder, '0001-first.md'), cleanAdr('First'));
    await writeFile(path.join(folder, 'a', '0002-second.md'), cleanAdr('Second'));
    await writeFile(path.join(folder, 'c', '0003-third.md'), cleanAdr('Third'));
    // A link to itself, to its parent, and a two-link cycle a/to-c → c, c/to-a → a.
    await symlink('.', path.join(folder, 'self'));
    await symlink('..', path.join(folder, 'a', 'up'));
    await symlink('../c', path.join(folder, 'a', 'to-c'));
    await symlink('../a', path.join(folder, 'c', 'to-a'));
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  function workspaceAt(): Promise<DecisionWorkspace> {
    return loadConfig(fs, root, { trusted: true }).then((loaded) => new DecisionWorkspace({ fs, root, folders: [folder], config: loaded.config, validator: loaded.validator, today: TODAY }));
  }

  it('a directory symlink loop: the walk ends at once and lists each record once', async () => {
    const { value: files } = await bounded('walking the loops', () => collectDecisionFiles(fs, folder, { ignore: [] }));
    assert.deepEqual(files, [`${folder}/0001-first.md`, `${folder}/a/0002-second.md`, `${folder}/c/0003-third.md`]);
    const workspace = await workspaceAt();
    await bounded('linting the folder', () => workspace.scan());
    assert.equal(workspace.index.size, 3);
    assert.deepEqual(brief([...(await workspace.findings()).values()].flat()), []);
    // The editor opens the real file: it is the record already indexed, not a duplicate of it.
    await workspace.update(`${folder}/a/0002-second.md`, cleanAdr('Second'));
    assert.equal(workspace.index.size, 3);
    assert.deepEqual(brief([...(await workspace.findings()).values()].flat()), []);
  });

  describe('with a FIFO named 0004-pipe.md', () => {
    const fifo = (): string => path.join(folder, '0004-pipe.md');

    before(() => {
      execFileSync('mkfifo', [fifo()]);
    });

    after(async () => {
      await rm(fifo(), { force: true });
    });

    it('the walk never opens it, and a direct read gives one file-readable on line 1 instead of blocking', async () => {
      const workspace = await workspaceAt();
      await bounded('linting the folder with a FIFO', () => workspace.scan());
      assert.equal(workspace.index.get(fifo()), undefined, 'not listed');
      // As when the editor or `legible lint 0004-pipe.md` names it.
      await bounded('reading the FIFO', () => workspace.update(fifo()));
      const findings = workspace.fileFindings(fifo());
      assert.deepEqual(brief(findings), ['file-readable@1']);
      assert.equal(findings[0].message, 'This file could not be read: not a regular file');
    });

    // The CLI blocks on every read; the extension host blocks while reads are quick.
    for (const reads of ['blocking', 'adaptive'] as const) {
      it(`the ${reads} port (sync reads) refuses it the same way, without blocking`, async () => {
        const sync = new NodeFileSystem({ reads });
        const loaded = await loadConfig(sync, root, { trusted: true });
        const workspace = new DecisionWorkspace({ fs: sync, root, folders: [folder], config: loaded.config, validator: loaded.validator, today: TODAY });
        await bounded('reading the FIFO synchronously', () => workspace.update(fifo()));
        assert.deepEqual(brief(workspace.fileFindings(fifo())), ['file-readable@1']);
        assert.equal(workspace.fileFindings(fifo())[0].message, 'This file could not be read: not a regular file');
        const head = await sync.readBounded(`${folder}/0001-first.md`, 10);
        assert.equal(new TextDecoder().decode(head.bytes), cleanAdr('First').slice(0, 10));
        assert.equal(head.size, Buffer.byteLength(cleanAdr('First')));
      });
    }
  });

  it('invalid UTF-8 (a Latin-1 é): one file-readable on line 1, never U+FFFD in the text', async () => {
    const file = path.join(folder, '0005-latin-1.md');
    await writeFile(file, Buffer.from(cleanAdr('Café au lait'), 'latin1')); // é is the one byte 0xE9
    try {
      const workspace = await workspaceAt();
      const { doc } = (await bounded('reading invalid UTF-8', () => workspace.update(file))).value;
      assert.equal(doc.text, '');
      assert.deepEqual(brief(workspace.fileFindings(file)), ['file-readable@1']);
      assert.equal(workspace.fileFindings(file)[0].message, 'This file is not valid UTF-8. Which encoding was it saved in? Save it as UTF-8 so it can be read.');
    } finally {
      await rm(file);
    }
  });

  it('a binary file (a PNG named .md, NUL bytes): one file-readable on line 1', async () => {
    const file = path.join(folder, '0006-diagram.md');
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    try {
      const workspace = await workspaceAt();
      await bounded('reading a binary file', () => workspace.update(file));
      assert.deepEqual(brief(workspace.fileFindings(file)), ['file-readable@1']);
      assert.equal(workspace.fileFindings(file)[0].message, 'This file contains NUL bytes: it looks binary, not like a Markdown decision record.');
    } finally {
      await rm(file);
    }
  });
});
