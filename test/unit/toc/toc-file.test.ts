import { strict as assert } from 'node:assert';
import { tocFile } from '../../../src/core/toc/toc-file';
import { MemoryFileSystem } from '../support/memory-file-system';

const FOLDER = '/ws/docs/adr';
const RECORD = { [`${FOLDER}/0001-use-markdown.md`]: '# Use Markdown\n' };

describe('tocFile: where a folder\'s table of contents goes', () => {
  it('is the README.md when the folder has one, even beside an index.md', async () => {
    const fs = new MemoryFileSystem({ ...RECORD, [`${FOLDER}/README.md`]: '# ADRs\n', [`${FOLDER}/index.md`]: '# Site page\n' });
    assert.equal(await tocFile(fs, FOLDER), `${FOLDER}/README.md`);
  });

  it('is the index.md when the folder has no README.md (MADR, JabRef, Jekyll and MkDocs sites)', async () => {
    const fs = new MemoryFileSystem({ ...RECORD, [`${FOLDER}/index.md`]: '# Decisions\n' });
    assert.equal(await tocFile(fs, FOLDER), `${FOLDER}/index.md`);
  });

  it('keeps the case of an existing file rather than creating a near-twin', async () => {
    assert.equal(await tocFile(new MemoryFileSystem({ ...RECORD, [`${FOLDER}/readme.md`]: 'x' }), FOLDER), `${FOLDER}/readme.md`);
    assert.equal(await tocFile(new MemoryFileSystem({ ...RECORD, [`${FOLDER}/Index.md`]: 'x' }), FOLDER), `${FOLDER}/Index.md`);
  });

  it('is a new README.md when there is neither, or only a folder or a link by those names', async () => {
    assert.equal(await tocFile(new MemoryFileSystem(RECORD), FOLDER), `${FOLDER}/README.md`);
    const fs = new MemoryFileSystem({ ...RECORD, '/elsewhere/page.md': 'x' }, { directories: [`${FOLDER}/index.md`], symlinks: { [`${FOLDER}/INDEX.MD`]: '/elsewhere/page.md' } });
    assert.equal(await tocFile(fs, FOLDER), `${FOLDER}/README.md`);
  });
});
