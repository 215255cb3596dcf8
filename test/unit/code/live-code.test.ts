import assert from 'node:assert/strict';
import { LiveCode } from '../../../src/core/code/live-code';
import { walkFiles } from '../../../src/core/code/walk-files';
import { governedByTitle, recordHoverMarkdown, summarizeRecord } from '../../../src/core/code/record-summary';
import { MemoryFileSystem } from '../support/memory-file-system';
import { FOLDER, indexOf } from '../editor/editor-support';

const record = (governs: string) =>
  [
    '---',
    'type: adr',
    'title: Use UUIDs for payment ids',
    'status: accepted',
    'date: 2026-01-05',
    'owners: [alice]',
    'reversibility:',
    '  door: one-way',
    '  how: Map old ids',
    'risk:',
    '  level: high',
    '  mitigation: Shadow traffic first',
    'knowledge-exit-path:',
    '  holders: [amira]',
    '  successors: [bob]',
    '  mechanisms: [documentation]',
    '  due: 2027-03-31',
    `governs: [${governs}]`,
    '---',
    '',
    '# Use UUIDs for payment ids',
    '',
  ].join('\n');

function setup(governs = 'services/payments/') {
  const fs = new MemoryFileSystem({}, { root: '/ws' });
  fs.put('/ws/services/payments/ledger.ts', 'export {};\n');
  fs.put('/ws/services/web/app.ts', 'export {};\n');
  fs.put('/ws/node_modules/x/index.js', '');
  const code = new LiveCode({ fs, root: '/ws' });
  const changes: number[] = [];
  code.onDidChange(() => changes.push(changes.length));
  code.indexChanged(indexOf({ '0007-use-uuids.md': record(governs) }));
  return { fs, code, changes };
}

describe('LiveCode: which decisions govern a code file, kept live', () => {
  it('lists the folder on first use (no git) and answers from the GovernsIndex', async () => {
    const { code } = setup();
    assert.deepEqual((await code.governing('/ws/services/payments/ledger.ts')).map((e) => e.path), [`${FOLDER}/0007-use-uuids.md`]);
    assert.deepEqual(await code.governing('/ws/services/web/app.ts'), []);
    assert.deepEqual(await code.governing('/elsewhere/a.ts'), [], 'outside the folder');
  });

  it('a file created while the index is being built is governed: the build takes the list as it is once it has waited', async () => {
    const { fs, code } = setup();
    await code.fileList();
    // Some record's governs changed: the next question builds the index again, after a wait.
    code.indexChanged(indexOf({ '0007-use-uuids.md': record('services/') }));
    fs.put('/ws/services/payments/refunds.ts', '');
    let release!: () => void;
    const isFolder = new Promise<boolean>((resolve) => (release = () => resolve(false)));
    const creating = code.created('/ws/services/payments/refunds.ts', () => isFolder);
    // The creation waits on its look-up (a round trip in the editor) ...
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    // ... which answers just as a lens asks: the creation adds the file while the build waits.
    release();
    const asking = code.governing('/ws/services/web/app.ts');
    await Promise.all([creating, asking]);
    assert.equal((await code.governing('/ws/services/payments/refunds.ts')).length, 1);
  });

  it('a file asked about that the list lacks (its creation not heard) joins the list if it is there, announced', async () => {
    const { fs, code, changes } = setup();
    await code.governing('/ws/services/payments/ledger.ts');
    const before = changes.length;
    fs.put('/ws/services/payments/refunds.ts', '');
    assert.equal((await code.governing('/ws/services/payments/refunds.ts')).length, 1);
    assert.ok((await code.fileList()).includes('services/payments/refunds.ts'));
    assert.equal(changes.length, before + 1);
    assert.deepEqual(await code.governing('/ws/services/payments/never.ts'), [], 'a file that is not there');
    assert.ok(!(await code.fileList()).includes('services/payments/never.ts'));
    assert.equal(changes.length, before + 1);
  });

  it('a created file is governed, a deleted one (or its folder) no longer is, each announced', async () => {
    const { fs, code, changes } = setup();
    await code.governing('/ws/services/payments/ledger.ts');
    const before = changes.length;
    fs.put('/ws/services/payments/refunds.ts', '');
    await code.created('/ws/services/payments/refunds.ts', async () => false);
    assert.equal((await code.governing('/ws/services/payments/refunds.ts')).length, 1);
    assert.ok((await code.fileList()).includes('services/payments/refunds.ts'), 'the file list completion and hover read has it');
    await fs.delete('/ws/services/payments/ledger.ts');
    await fs.delete('/ws/services/payments/refunds.ts');
    await code.deleted('/ws/services/payments');
    assert.deepEqual(await code.governing('/ws/services/payments/ledger.ts'), []);
    assert.ok(!(await code.fileList()).some((file) => file.startsWith('services/payments/')));
    assert.equal((await code.governsIndex()).get(`${FOLDER}/0007-use-uuids.md`)?.files.length, 0, 'matched alone, not rebuilt: the record governs nothing now');
    assert.equal(changes.length, before + 2);
  });

  it('a created folder is listed below; dependencies are ignored', async () => {
    const { fs, code } = setup();
    await code.governing('/ws/services/web/app.ts');
    fs.put('/ws/services/payments/new/a.ts', '');
    await code.created('/ws/services/payments/new', async () => true);
    assert.equal((await code.governing('/ws/services/payments/new/a.ts')).length, 1);
    assert.deepEqual(await code.governing('/ws/node_modules/x/index.js'), []);
  });

  describe('after a list from git (listFiles), a new file joins it only as listedAt says', () => {
    /**
     * git's side: `*.log` and `build/` ignored; each question recorded, and held until `answer()`.
     * `failing`: git gives no answer.
     */
    function withGit(failing = false) {
      const fs = new MemoryFileSystem({}, { root: '/ws' });
      fs.put('/ws/services/payments/ledger.ts', '');
      const questions: string[][] = [];
      const waiting: Array<() => void> = [];
      const ignored = (file: string) => file.endsWith('.log') || file.split('/').includes('build');
      const listedAt = async (paths: readonly string[]) => {
        questions.push([...paths]);
        if (failing) return undefined;
        await new Promise<void>((resolve) => waiting.push(resolve));
        const { files } = await walkFiles(fs, '/ws');
        return files.filter((file) => !ignored(file) && paths.some((path) => file === path || file.startsWith(`${path}/`)));
      };
      const code = new LiveCode({ fs, root: '/ws', listFiles: async () => ['services/payments/ledger.ts'], listedAt });
      code.indexChanged(indexOf({ '0007-use-uuids.md': record('services/') }));
      const turns = async (until: () => boolean) => {
        while (!until()) await new Promise((resolve) => setImmediate(resolve));
      };
      /** Lets the oldest question held get its answer. */
      const answer = async () => {
        await turns(() => waiting.length > 0);
        waiting.shift()!();
      };
      /** Resolves once git has been asked `count` questions. */
      const asked = (count = 1) => turns(() => questions.length >= count);
      /** The watcher's event for a path below /ws that appeared (a file, or a folder). */
      const appeared = (relative: string, folder = false) => code.created(`/ws/${relative}`, async () => folder);
      return { fs, code, questions, answer, asked, appeared };
    }
    const governed = async (code: LiveCode, file: string) => (await code.governing(`/ws/${file}`)).length === 1 && (await code.fileList()).includes(file);

    it('an ignored file created, or opened, stays out of the list and its counts; the question is not asked again for a lens', async () => {
      const { fs, code, questions, answer } = withGit();
      await code.fileList();
      fs.put('/ws/services/payments/debug.log', '');
      fs.put('/ws/services/payments/refunds.ts', '');
      const created = Promise.all([code.created('/ws/services/payments/debug.log', async () => false), code.created('/ws/services/payments/refunds.ts', async () => false)]);
      await answer();
      await answer();
      await created;
      assert.equal(await governed(code, 'services/payments/refunds.ts'), true);
      assert.equal(await governed(code, 'services/payments/debug.log'), false);
      assert.equal((await code.governsIndex()).get(`${FOLDER}/0007-use-uuids.md`)?.files.length, 2);
      const before = questions.length;
      // Opened in an editor, the lens asks about it: known ignored, git is not asked again.
      assert.deepEqual(await code.governing('/ws/services/payments/debug.log'), []);
      assert.equal(questions.length, before);
    });

    it('paths that arrive while git is asked wait for one question together; a folder is listed by git', async () => {
      const { fs, code, questions, answer, asked, appeared } = withGit();
      await code.fileList();
      for (const file of ['a.ts', 'b.ts', 'c.log', 'new/d.ts', 'new/build/e.ts']) fs.put(`/ws/services/${file}`, '');
      const first = appeared('services/a.ts');
      await asked();
      const rest = Promise.all([appeared('services/b.ts'), appeared('services/c.log'), appeared('services/new', true)]);
      await answer();
      await answer();
      await Promise.all([first, rest]);
      assert.deepEqual(questions, [['services/a.ts'], ['services/b.ts', 'services/c.log', 'services/new']]);
      assert.deepEqual([...(await code.fileList())].sort(), ['services/a.ts', 'services/b.ts', 'services/new/d.ts', 'services/payments/ledger.ts']);
    });

    it('a path deleted while git is asked about it is not added when the answer comes', async () => {
      const { fs, code, questions, answer, asked, appeared } = withGit();
      await code.fileList();
      fs.put('/ws/services/new/d.ts', '');
      const creating = appeared('services/new', true);
      await asked();
      // The folder goes while the question is out; git, answering late, still lists its file.
      await code.deleted('/ws/services/new');
      await answer();
      await creating;
      assert.deepEqual(questions, [['services/new']]);
      assert.deepEqual([...(await code.fileList())], ['services/payments/ledger.ts']);
    });

    it('relist: made again when next asked, announced (trusted: git lists what was walked); a list begun before is not kept', async () => {
      const fs = new MemoryFileSystem({}, { root: '/ws' });
      fs.put('/ws/services/payments/ledger.ts', '');
      fs.put('/ws/services/payments/pre.log', '');
      let trusted = false;
      let hold: Promise<void> | undefined;
      const code = new LiveCode({
        fs,
        root: '/ws',
        // Untrusted, git is not run (undefined: the folder is walked); trusted, git leaves out the log.
        listFiles: async () => {
          const git = trusted;
          await hold;
          return git ? ['services/payments/ledger.ts'] : undefined;
        },
      });
      code.indexChanged(indexOf({ '0007-use-uuids.md': record('services/') }));
      const changes: number[] = [];
      code.onDidChange(() => changes.push(changes.length));
      assert.deepEqual([...(await code.fileList())].sort(), ['services/payments/ledger.ts', 'services/payments/pre.log']);
      assert.equal((await code.governsIndex()).get(`${FOLDER}/0007-use-uuids.md`)?.files.length, 2);
      trusted = true;
      code.relist();
      assert.equal(changes.length, 1);
      assert.deepEqual(await code.fileList(), ['services/payments/ledger.ts']);
      assert.equal((await code.governsIndex()).get(`${FOLDER}/0007-use-uuids.md`)?.files.length, 1);
      // A relist while a list is on its way (git's, begun trusted): that list is dropped, the next one (a walk) kept.
      let release!: () => void;
      hold = new Promise<void>((resolve) => (release = resolve));
      code.relist();
      const asked = code.fileList();
      trusted = false;
      code.relist();
      hold = undefined;
      release();
      assert.deepEqual([...(await asked)].sort(), ['services/payments/ledger.ts', 'services/payments/pre.log']);
    });

    it('when git cannot answer, what the walk finds is added, as without git', async () => {
      const { fs, code, questions } = withGit(true);
      await code.fileList();
      fs.put('/ws/services/x.log', '');
      await code.created('/ws/services/x.log', async () => false);
      assert.deepEqual(questions, [['services/x.log']]);
      assert.equal(await governed(code, 'services/x.log'), true);
    });
  });

  it('announces an index change only when some `governs` changed', async () => {
    const { code, changes } = setup();
    const after = changes.length;
    code.indexChanged(indexOf({ '0007-use-uuids.md': record('services/payments/') }));
    assert.equal(changes.length, after, 'same globs: nothing to redo');
    code.indexChanged(indexOf({ '0007-use-uuids.md': record('services/web/') }));
    assert.equal(changes.length, after + 1);
    assert.equal((await code.governing('/ws/services/web/app.ts')).length, 1);
    assert.deepEqual(await code.governing('/ws/services/payments/ledger.ts'), []);
  });
});

describe('record summaries for the editor', () => {
  const index = indexOf({ '0007-use-uuids.md': record('services/payments/') });
  const explained = summarizeRecord(index, index.entries()[0]);

  it('the lens title: id, status, door, risk, holders', () => {
    assert.equal(governedByTitle(explained), 'Governed by ADR-0007 · accepted · one-way · risk high · held by amira');
  });

  it('the hover: a link to the record, its facts and the people to ask', () => {
    const markdown = recordHoverMarkdown(explained, (path) => `file://${path}`);
    assert.equal(
      markdown,
      `**[ADR-0007](file://${FOLDER}/0007-use-uuids.md)** Use UUIDs for payment ids\n\naccepted · one-way door · risk high\n\nowners alice · held by amira · successors bob`,
    );
  });

  it('the hover with the business tradeoff read from the record: each answer under its question', () => {
    const withTradeoff = summarizeRecord(index, index.entries()[0], { 'reduces-risk': 'Guessable ids (a *leak*).', 'accepts-cost': 'Wider indexes.' });
    const paragraphs = recordHoverMarkdown(withTradeoff, (path) => path).split('\n\n');
    assert.equal(paragraphs.length, 5);
    assert.equal(paragraphs[3], '*What risk are we reducing?* Guessable ids \\(a \\*leak\\*\\).', 'the schema\'s question, the answer escaped');
    assert.match(paragraphs[4], /^\*[^*]+\* Wider indexes\.$/);
  });
});
