import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/config';
import { globPattern } from '../../../src/core/config/glob';
import { collectDecisionFiles } from '../../../src/core/workspace/collect-files';
import { discoverFolders } from '../../../src/core/workspace/discover-folders';
import { MemoryFileSystem } from '../support/memory-file-system';

const D = '/ws/docs/decisions';
const ignore = defaultConfig().ignore;

describe('collectDecisionFiles', () => {
  it('collects Markdown files below the folder, sorted, without dot folders, node_modules or other files', async () => {
    const fs = new MemoryFileSystem({
      [`${D}/0002-b.md`]: '',
      [`${D}/0001-a.MD`]: '',
      [`${D}/api/0003-c.md`]: '',
      [`${D}/diagram.png`]: '',
      [`${D}/.drafts/0004-d.md`]: '',
      [`${D}/node_modules/pkg/readme.md`]: '',
    });
    assert.deepEqual(await collectDecisionFiles(fs, D, { ignore }), [`${D}/0001-a.MD`, `${D}/0002-b.md`, `${D}/api/0003-c.md`]);
  });

  it('leaves out the usual index and template files by default', async () => {
    const fs = new MemoryFileSystem({
      [`${D}/0001-a.md`]: '',
      [`${D}/README.md`]: '',
      [`${D}/index.md`]: '',
      [`${D}/template.md`]: '',
      [`${D}/adr-template.md`]: '',
      [`${D}/adr_template.md`]: '',
      [`${D}/0000-template.md`]: '',
      [`${D}/template-rfc.md`]: '',
      [`${D}/_draft.md`]: '',
    });
    assert.deepEqual(await collectDecisionFiles(fs, D, { ignore }), [`${D}/0001-a.md`]);
  });

  it('in a folder of numbered records, a file without an id and the files in a record\'s own folder are no records', async () => {
    const files = {
      [`${D}/0001-a.md`]: '',
      [`${D}/PROTOTYPING.md`]: '',
      [`${D}/3392-some-rfc/diagram.md`]: '',
      [`${D}/3392-some-rfc.md`]: '',
      [`${D}/api/notes.md`]: '',
      [`${D}/api/0002-b.md`]: '',
      [`${D}/unnumbered/use-postgres.md`]: '',
    };
    assert.deepEqual(await collectDecisionFiles(new MemoryFileSystem(files), D, { ignore }), [`${D}/0001-a.md`, `${D}/3392-some-rfc.md`, `${D}/api/0002-b.md`, `${D}/unnumbered/use-postgres.md`]);
    assert.deepEqual(
      await collectDecisionFiles(new MemoryFileSystem(files), D, { ignore, recordsWithoutId: true }),
      [`${D}/0001-a.md`, `${D}/3392-some-rfc.md`, `${D}/3392-some-rfc/diagram.md`, `${D}/PROTOTYPING.md`, `${D}/api/0002-b.md`, `${D}/api/notes.md`, `${D}/unnumbered/use-postgres.md`],
      'recordsWithoutId: every Markdown file is a record again',
    );
  });

  it('keeps a record whose name merely mentions templates (jabref 0039)', async () => {
    const fs = new MemoryFileSystem({ [`${D}/0039-use-apache-velocity-as-template-engine.md`]: '', [`${D}/0040-template-placeholders-left-in.md`]: '' });
    assert.deepEqual(await collectDecisionFiles(fs, D, { ignore }), [`${D}/0039-use-apache-velocity-as-template-engine.md`, `${D}/0040-template-placeholders-left-in.md`]);
  });

  it('matches ignore globs against the name and the folder-relative path', async () => {
    const fs = new MemoryFileSystem({ [`${D}/0001-a.md`]: '', [`${D}/runbooks/billing.md`]: '', [`${D}/runbooks/deep/x.md`]: '' });
    assert.deepEqual(await collectDecisionFiles(fs, D, { ignore: ['runbooks/**'].map(globPattern) }), [`${D}/0001-a.md`]);
  });

  it('follows a symbolic link once and ends a link loop at once; a record-named link that leads nowhere is listed, for its read to say so', async () => {
    const fs = new MemoryFileSystem(
      { [`${D}/0001-a.md`]: '', '/ws/shared/0002-b.md': '', '/ws/elsewhere/c.md': '' },
      { symlinks: { [`${D}/self`]: '.', [`${D}/up`]: '..', [`${D}/shared`]: '/ws/shared', [`${D}/0003-link.md`]: '../../elsewhere/c.md', [`${D}/0004-dangling.md`]: 'nothing.md' } },
    );
    const files = await collectDecisionFiles(fs, D, { ignore });
    assert.deepEqual(files, [`${D}/0001-a.md`, `${D}/0003-link.md`, `${D}/0004-dangling.md`, `${D}/shared/0002-b.md`]);
  });

  it('lists a record under its real path when a link to its folder is walked first', async () => {
    // The walk is depth-first and `z/` comes last in the folder, so it would be entered first;
    // listed as z/to-a/…, the file the editor opens (a/…) would be a second record with the same id.
    const fs = new MemoryFileSystem({ [`${D}/a/0002-b.md`]: '', [`${D}/z/0003-c.md`]: '' }, { symlinks: { [`${D}/z/to-a`]: '../a' } });
    assert.deepEqual(await collectDecisionFiles(fs, D, { ignore }), [`${D}/a/0002-b.md`, `${D}/z/0003-c.md`]);
  });

  it('on a port confined to the workspace: reports each link that leads out once, never follows it, never looks outside', async () => {
    const fs = new MemoryFileSystem(
      { [`${D}/0001-a.md`]: '', '/ws/shared/0002-b.md': '', '/outside/0003-c.md': '', '/outside/deep/0004-d.md': '', '/etc/passwd': '' },
      {
        root: '/ws',
        symlinks: {
          [`${D}/shared`]: '/ws/shared',
          [`${D}/0003-secret.md`]: '../../../outside/0003-c.md',
          [`${D}/0005-gone.md`]: '/outside/missing.md',
          [`${D}/elsewhere`]: '../../../outside',
          [`${D}/machine`]: '/',
          [`${D}/diagram.png`]: '/outside/diagram.png',
          [`${D}/README.md`]: '/outside/README.md',
        },
      },
    );
    const outside: string[] = [];
    const files = await collectDecisionFiles(fs, D, { ignore, onLinkOutside: (path) => outside.push(path) });
    assert.deepEqual(files, [`${D}/0001-a.md`, `${D}/shared/0002-b.md`], 'links inside still work');
    // A record-like name or a possible folder: reported; an image or an ignored name: not records either way.
    assert.deepEqual(outside.sort(), [`${D}/0003-secret.md`, `${D}/0005-gone.md`, `${D}/elsewhere`, `${D}/machine`]);
    assert.deepEqual(fs.reads, [], 'nothing read');
    assert.deepEqual(fs.lookups.filter((path) => !path.startsWith('/ws/')), [], 'nothing outside even looked up');
  });

  it('never opens a FIFO or other special file', async () => {
    const fs = new MemoryFileSystem({ [`${D}/0001-a.md`]: '' }, { others: [`${D}/0002-pipe.md`] });
    assert.deepEqual(await collectDecisionFiles(fs, D, { ignore }), [`${D}/0001-a.md`]);
    assert.deepEqual(fs.reads, []);
  });

  it('stops at maxDepth and survives a folder that cannot be read', async () => {
    const fs = new MemoryFileSystem({ [`${D}/a/0001.md`]: '', [`${D}/a/b/0002.md`]: '' });
    assert.deepEqual(await collectDecisionFiles(fs, D, { ignore, maxDepth: 1 }), [`${D}/a/0001.md`]);
    assert.deepEqual(await collectDecisionFiles(fs, '/ws/missing', { ignore }), []);
  });
});

describe('discoverFolders', () => {
  const config = defaultConfig();

  it('finds the usual folders that exist', async () => {
    const fs = new MemoryFileSystem({ '/ws/docs/adr/0001-a.md': '', '/ws/docs/rfcs/0001-b.md': '' }, { directories: ['/ws/docs/decisions'] });
    assert.deepEqual(await discoverFolders(fs, '/ws', config), ['/ws/docs/decisions', '/ws/docs/adr', '/ws/docs/rfcs']);
  });

  it('reads .adr-dir (adr-tools) and adrFolder in .log4brains.yml first', async () => {
    const fs = new MemoryFileSystem({
      '/ws/.adr-dir': 'architecture/adr\n',
      '/ws/architecture/adr/0001-a.md': '',
      '/ws/.log4brains.yml': '---\nproject:\n  name: x\n  adrFolder: ./kb/adr  # where the ADRs live\n',
      '/ws/kb/adr/20200101-a.md': '',
    });
    assert.deepEqual(await discoverFolders(fs, '/ws', config), ['/ws/architecture/adr', '/ws/kb/adr']);
  });

  it('uses the configured folders alone, and drops those outside the workspace', async () => {
    const fs = new MemoryFileSystem({ '/ws/records/0001-a.md': '', '/ws/docs/decisions/0001-b.md': '', '/outside/0001-c.md': '' });
    const folders = await discoverFolders(fs, '/ws', { ...config, folders: ['records', '../outside', '/outside', 'missing'] });
    assert.deepEqual(folders, ['/ws/records']);
  });
});
