import assert from 'node:assert/strict';
import { DEFAULT_IGNORE } from '../../../src/core/config/config';
import { globPattern, matchesAny } from '../../../src/core/config/glob';
import { createRecord, reserveName } from '../../../src/core/numbering/create-record';
import { parseNamingPattern } from '../../../src/core/numbering/naming-convention';
import { MemoryFileSystem } from '../support/memory-file-system';

const FOLDER = '/ws/docs/decisions';
const IGNORE = DEFAULT_IGNORE.map(globPattern);
const DATED = parseNamingPattern('YYYYMMDD-slug')!;

async function names(fs: MemoryFileSystem): Promise<string[]> {
  return (await fs.readDirectory(FOLDER)).map((e) => e.name).sort();
}

function create(fs: MemoryFileSystem, title: string, extra: Partial<Parameters<typeof createRecord>[0]> = {}) {
  return createRecord({ fs, folder: FOLDER, now: 1_000, title, render: (id) => `id ${id}: ${title}\n`, ignore: IGNORE, type: 'adr', ...extra });
}

describe('createRecord: a free name in the folder\'s convention, never an overwrite', () => {
  it('numbers in the folder\'s convention, after its highest number; date-named records are outside the sequence', async () => {
    const fs = new MemoryFileSystem({ [`${FOLDER}/08-a.md`]: 'a', [`${FOLDER}/09-b.md`]: 'b', [`${FOLDER}/20200924-dated.md`]: 'c' });
    const created = await create(fs, 'Use Kafka', { convention: parseNamingPattern('NN-slug') });
    assert.deepEqual([created.name, created.id, created.number], ['10-use-kafka.md', '10', 10]);
    assert.equal(fs.text(created.path), 'id 10: Use Kafka\n');
  });

  it('a number a template holds (0000-template.md) is never given out, though the template has no say in the style', async () => {
    const fs = new MemoryFileSystem({ [`${FOLDER}/0000-template.md`]: 't' });
    assert.equal((await create(fs, 'First')).name, '0001-first.md');
  });

  it('date-named: the day is the id, a second record of the same day gets its own name, a third of the same title -3', async () => {
    const fs = new MemoryFileSystem({ [`${FOLDER}/20250102-use-kafka.md`]: 'already there' });
    const other = await create(fs, 'Drop XML', { convention: DATED, date: '2025-01-02' });
    assert.deepEqual([other.name, other.id, other.number], ['20250102-drop-xml.md', '20250102', 20250102]);
    const same = await create(fs, 'Use Kafka', { convention: DATED, date: '2025-01-02' });
    assert.equal(same.name, '20250102-use-kafka-2.md');
    assert.equal(fs.text(`${FOLDER}/20250102-use-kafka.md`), 'already there', 'never overwritten');
    assert.equal((await create(fs, 'Use Kafka', { convention: DATED, date: '2025-01-02' })).name, '20250102-use-kafka-3.md');
    assert.ok(!(await names(fs)).some((n) => n.startsWith('.legible-reserve')), 'no reservation left behind');
  });

  it('eight racing creations of the same title on one day get eight names and overwrite nothing', async () => {
    const fs = new MemoryFileSystem({ [`${FOLDER}/README.md`]: 'readme' });
    const created = await Promise.all(Array.from({ length: 8 }, () => create(fs, 'Same title', { convention: DATED, date: '2025-01-02' })));
    assert.equal(new Set(created.map((c) => c.name)).size, 8);
    assert.deepEqual(await names(fs), ['20250102-same-title-2.md', '20250102-same-title-3.md', '20250102-same-title-4.md', '20250102-same-title-5.md', '20250102-same-title-6.md', '20250102-same-title-7.md', '20250102-same-title-8.md', '20250102-same-title.md', 'README.md']);
  });

  it('eight racing numbered creations get eight numbers', async () => {
    const fs = new MemoryFileSystem({ [`${FOLDER}/adr003-x.md`]: 'x' });
    const convention = parseNamingPattern('adrNNN-slug');
    const created = await Promise.all(Array.from({ length: 8 }, (_, i) => create(fs, `Race ${i}`, { convention })));
    assert.deepEqual(created.map((c) => c.number).sort((a, b) => a - b), [4, 5, 6, 7, 8, 9, 10, 11]);
    assert.ok(created.every((c) => /^adr0(0[4-9]|1[01])-race-\d\.md$/.test(c.name)), created.map((c) => c.name).join(', '));
  });

  it('never takes a name that ignore hides: a trailing "template" is dropped, and the caller is told', async () => {
    const fs = new MemoryFileSystem({ [`${FOLDER}/0014-x.md`]: 'x' });
    const created = await create(fs, 'Adopt the golden-path service template');
    assert.equal(created.name, '0015-adopt-the-golden-path-service.md');
    assert.equal(created.hidden, '0015-adopt-the-golden-path-service-template.md');
    assert.ok(matchesAny(created.hidden!, IGNORE) && !matchesAny(created.name, IGNORE));
    // In an underscore folder the default ignore has `*_template.md`.
    const underscored = await create(fs, 'Service template', { convention: parseNamingPattern('NNNN_slug') });
    assert.equal(underscored.name, '0016_service.md');
  });

  it('when dropping the word is not enough, the type is appended; when nothing helps, nothing is created', async () => {
    const fs = new MemoryFileSystem({ [`${FOLDER}/0001-x.md`]: 'x' });
    const created = await create(fs, 'Rollout', { ignore: [globPattern('*-rollout.md')], type: 'exit-plan' });
    assert.equal(created.name, '0002-rollout-exit-plan.md');
    await assert.rejects(create(fs, 'Anything', { ignore: [globPattern('*.md')] }), /"ignore" in \.legible\.json hides/);
    assert.deepEqual(await names(fs), ['0001-x.md', '0002-rollout-exit-plan.md']);
  });

  it('a date-named folder needs the day', async () => {
    const fs = new MemoryFileSystem({ [`${FOLDER}/20200101-x.md`]: 'x' });
    await assert.rejects(reserveName({ fs, folder: FOLDER, now: 0, title: 'T', convention: DATED }), /needs the day of the record/);
  });
});
