import assert from 'node:assert/strict';
import { findRecordFolders } from '../../../src/core/workspace/find-record-folders';
import type { FileSystemPort } from '../../../src/core/port/file-system';
import { MemoryFileSystem } from '../support/memory-file-system';
import { ROOT } from '../support/workspace';

const R = '# A record\n';

describe('findRecordFolders: where the records are when no usual folder says', () => {
  it('names the folders whose Markdown files are named as records, most first, with a sample of their names', async () => {
    const fs = new MemoryFileSystem({
      // rust-lang/rfcs: the RFCs in text/, one numbered template at the top.
      [`${ROOT}/0000-template.md`]: R,
      [`${ROOT}/README.md`]: R,
      [`${ROOT}/text/0019-opt-in-builtin-traits.md`]: R,
      [`${ROOT}/text/0093-remove-format-intl.md`]: R,
      [`${ROOT}/text/0179-and-mut-patterns.md`]: R,
      [`${ROOT}/text/1119-result-expect.md`]: R,
      [`${ROOT}/text/notes.md`]: R,
      // Every naming the index reads: dates with dashes, prefixed ids, two digits, underscores.
      [`${ROOT}/architecture/log/2020-09-24-use-postgres.md`]: R,
      [`${ROOT}/architecture/log/ADR-0002-use-kafka.md`]: R,
      [`${ROOT}/architecture/log/03_use_redis.md`]: R,
      // Numbered, but not Markdown; and a lone numbered chapter.
      [`${ROOT}/scripts/0001-setup.sh`]: R,
      [`${ROOT}/scripts/0002-run.sh`]: R,
      [`${ROOT}/guide/01-intro.md`]: R,
    }, { root: ROOT });
    assert.deepEqual(await findRecordFolders(fs, ROOT), [
      { folder: 'text', records: 4, sample: ['0019-opt-in-builtin-traits.md', '0093-remove-format-intl.md', '0179-and-mut-patterns.md'] },
      { folder: 'architecture/log', records: 3, sample: ['03_use_redis.md', '2020-09-24-use-postgres.md', 'ADR-0002-use-kafka.md'] },
    ]);
    assert.deepEqual((await findRecordFolders(fs, ROOT, { minRecords: 1 })).map((f) => [f.folder, f.records]), [['text', 4], ['architecture/log', 3], ['.', 1], ['guide', 1]]);
  });

  it('names the workspace folder itself `.` when the records are at its top', async () => {
    const fs = new MemoryFileSystem({ [`${ROOT}/0001-a.md`]: R, [`${ROOT}/0002-b.md`]: R }, { root: ROOT });
    assert.deepEqual(await findRecordFolders(fs, ROOT), [{ folder: '.', records: 2, sample: ['0001-a.md', '0002-b.md'] }]);
  });

  it('enters no hidden folder, dependency or build output, and follows no symbolic link (a loop, or out of the workspace)', async () => {
    const outside = '/elsewhere/decisions';
    const fs = new MemoryFileSystem({
      [`${ROOT}/.github/adr/0001-a.md`]: R,
      [`${ROOT}/.github/adr/0002-b.md`]: R,
      [`${ROOT}/node_modules/pkg/docs/0001-a.md`]: R,
      [`${ROOT}/node_modules/pkg/docs/0002-b.md`]: R,
      [`${ROOT}/dist/0001-a.md`]: R,
      [`${ROOT}/dist/0002-b.md`]: R,
      [`${outside}/0001-a.md`]: R,
      [`${outside}/0002-b.md`]: R,
      [`${ROOT}/docs/records/0001-a.md`]: R,
      [`${ROOT}/docs/records/0002-b.md`]: R,
    }, { root: ROOT, symlinks: { [`${ROOT}/linked`]: outside, [`${ROOT}/docs/loop`]: `${ROOT}/docs` } });
    assert.deepEqual((await findRecordFolders(fs, ROOT)).map((f) => f.folder), ['docs/records']);
    assert.ok(!fs.lookups.some((path) => path.startsWith('/elsewhere')), 'nothing outside the workspace was looked at');
  });

  it('looks no deeper than maxDepth and lists no more than maxFolders, breadth-first', async () => {
    const fs = new MemoryFileSystem({
      [`${ROOT}/a/b/c/d/e/0001-x.md`]: R,
      [`${ROOT}/a/b/c/d/e/0002-y.md`]: R,
      [`${ROOT}/z/0001-x.md`]: R,
      [`${ROOT}/z/0002-y.md`]: R,
    }, { root: ROOT });
    assert.deepEqual((await findRecordFolders(fs, ROOT)).map((f) => f.folder), ['z'], 'a/b/c/d/e is five folders down');
    assert.deepEqual((await findRecordFolders(fs, ROOT, { maxDepth: 5 })).map((f) => f.folder), ['a/b/c/d/e', 'z']);
    const listed: string[] = [];
    const counting: FileSystemPort = { ...bind(fs), readDirectory: (path) => (listed.push(path), fs.readDirectory(path)) };
    // The root, then a and z (sorted): the third listing is z's.
    assert.deepEqual((await findRecordFolders(counting, ROOT, { maxFolders: 3 })).map((f) => f.folder), ['z']);
    assert.deepEqual(listed, [ROOT, `${ROOT}/a`, `${ROOT}/z`]);
  });

  it('passes over a folder it cannot list', async () => {
    const fs = new MemoryFileSystem({ [`${ROOT}/locked/0001-a.md`]: R, [`${ROOT}/locked/0002-b.md`]: R, [`${ROOT}/open/0001-a.md`]: R, [`${ROOT}/open/0002-b.md`]: R }, { root: ROOT });
    const failing: FileSystemPort = { ...bind(fs), readDirectory: (path) => (path.endsWith('/locked') ? Promise.reject(new Error('EACCES')) : fs.readDirectory(path)) };
    assert.deepEqual((await findRecordFolders(failing, ROOT)).map((f) => f.folder), ['open']);
  });
});

/** The memory file system's calls, bound, to spread into a port with one call replaced. */
function bind(fs: MemoryFileSystem): FileSystemPort {
  return {
    readFile: (path) => fs.readFile(path),
    readDirectory: (path) => fs.readDirectory(path),
    stat: (path) => fs.stat(path),
    writeFile: (path, data) => fs.writeFile(path, data),
    createExclusive: (path, data) => fs.createExclusive(path, data),
    delete: (path) => fs.delete(path),
  };
}
