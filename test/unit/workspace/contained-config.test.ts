import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { defaultConfig } from '../../../src/core/config/config';
import { draftRecord } from '../../../src/core/lifecycle/draft-record';
import { discoverFolders } from '../../../src/core/workspace/discover-folders';
import { loadConfig } from '../../../src/core/workspace/load-config';
import { MemoryFileSystem } from '../support/memory-file-system';

/**
 * Issue 12: what the repository's configuration names is read inside the workspace only, and no
 * further than its size limit — a schema extension that is a link to /dev/zero or a FIFO ends at
 * once; a template or `.legible.json` that leads outside is refused with a problem, never read.
 */
describe('configuration files are read inside the workspace, within their size limits', () => {
  const SECRET = 'SECRET-OUTSIDE';

  it('.legible.json, a schema extension and a template that lead outside: a problem each, nothing of them read', async () => {
    const fs = new MemoryFileSystem(
      { '/outside/config.json': `{"folders": ["${SECRET}"]}`, '/outside/schema.json': '{"type": "object"}', '/outside/template.md': `# ${SECRET}\n`, '/ws/docs/decisions/0001-a.md': '# A\n' },
      { root: '/ws', symlinks: { '/ws/.legible.json': '../outside/config.json', '/ws/schemas': '/outside', '/ws/templates/adr.md': '/outside/template.md' } },
    );
    const loaded = await loadConfig(fs, '/ws', { trusted: true });
    assert.deepEqual(loaded.problems.map((p) => p.message), ['.legible.json could not be read (it is a symbolic link that leads outside the workspace, which Legible does not follow); using the defaults.']);
    assert.deepEqual(loaded.config.folders, []);

    const config = { ...defaultConfig(), schemaExtensions: { adr: 'schemas/schema.json' }, templates: { adr: 'templates/adr.md' } };
    await fs.delete('/ws/.legible.json');
    fs.put('/ws/.legible.json', JSON.stringify({ schemaExtensions: config.schemaExtensions, templates: config.templates }));
    const withExtension = await loadConfig(fs, '/ws', { trusted: true });
    assert.deepEqual(withExtension.problems.map((p) => `${p.pointer} ${p.message}`), ['/schemaExtensions/adr Schema extension schemas/schema.json ignored: it lies outside the workspace']);
    const draft = await draftRecord({ fs, root: '/ws', config: withExtension.config, folders: ['/ws/docs/decisions'] }, { type: 'adr', title: 'T', date: '2026-11-21' });
    assert.deepEqual(draft.warnings, ['the adr template templates/adr.md is ignored: it lies outside the workspace; using the built-in template.']);
    assert.ok(!draft.render('0002').text.includes(SECRET));
    assert.deepEqual(fs.reads.filter((read) => !read.startsWith('/ws/')), []);
    assert.deepEqual(fs.lookups.filter((looked) => !looked.startsWith('/ws/')), []);
  });

  it('a usual decisions folder under a link that leads out is told once, by its link; one linked inside is used', async () => {
    const fs = new MemoryFileSystem({ '/outside/decisions/0001-x.md': `# ${SECRET}\n`, '/ws/shared/adr/0001-a.md': '# A\n' }, { root: '/ws', symlinks: { '/ws/docs': '../outside', '/ws/adr': 'shared/adr' } });
    const told: string[] = [];
    const folders = await discoverFolders(fs, '/ws', defaultConfig(), { onLinkOutside: (link) => told.push(link) });
    assert.deepEqual(folders, ['/ws/adr']);
    assert.deepEqual(told, ['docs'], 'docs/decisions, docs/adr, docs/adrs… all lie behind the one link');
  });

  describe('on disk, through the Node port', () => {
    let root: string;
    before(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'legible-config-'));
      await mkdir(path.join(root, 'schemas'));
    });
    after(() => rm(root, { recursive: true, force: true }));

    /** The Node port, counting the bytes it hands out for the extension: never more than asked for. */
    class Counting extends NodeFileSystem {
      largest = 0;
      override async readBounded(at: string, maxBytes: number) {
        const read = await super.readBounded(at, maxBytes);
        if (at.includes('/schemas/')) this.largest = Math.max(this.largest, read.bytes.length);
        return read;
      }
      override async readFile(at: string): Promise<Uint8Array> {
        if (at.includes('/schemas/')) assert.fail(`${at} read whole`);
        return super.readFile(at);
      }
    }
    let port: Counting;

    async function problemFor(file: string): Promise<string[]> {
      await writeFile(path.join(root, '.legible.json'), JSON.stringify({ schemaExtensions: { adr: `schemas/${file}` } }));
      const started = Date.now();
      port = new Counting({ root, reads: 'blocking' });
      const loaded = await loadConfig(port, root, { trusted: true });
      assert.ok(Date.now() - started < 5000, 'read at once, not to the end of an endless file');
      return loaded.problems.map((p) => p.message);
    }

    it('a schema extension that is a link to /dev/zero is refused at once: it leads outside', async () => {
      await symlink('/dev/zero', path.join(root, 'schemas', 'zero.json'));
      assert.deepEqual(await problemFor('zero.json'), ['Schema extension schemas/zero.json ignored: it lies outside the workspace']);
    });

    it('a schema extension that is a FIFO inside the workspace is no file: the read never blocks', async () => {
      execFileSync('mkfifo', [path.join(root, 'schemas', 'pipe.json')]);
      assert.deepEqual(await problemFor('pipe.json'), ['Schema extension schemas/pipe.json ignored: no such file']);
    });

    it('a schema extension over maxSchemaBytes is refused having read no more than the limit', async () => {
      await writeFile(path.join(root, 'schemas', 'big.json'), `{"description": "${'x'.repeat(300 * 1024)}"}`);
      assert.deepEqual(await problemFor('big.json'), [`Schema extension schemas/big.json ignored: larger than ${defaultConfig().limits.maxSchemaBytes} bytes`]);
      assert.ok(port.largest <= defaultConfig().limits.maxSchemaBytes, `read ${port.largest} bytes`);
    });
  });
});
