import assert from 'node:assert/strict';
import { GovernsIndex, MAX_ENGINE_GLOBS } from '../../../src/core/code/governs-index';
import { compileRepositoryGlob, listMatches, PathParts } from '../../../src/core/code/repository-globs';
import type { CompiledPattern, RegexEngine } from '../../../src/core/port/regex-engine';
import { re2RegexEngine } from '../../../src/node/re2-regex-engine';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function record(path: string, ...globs: string[]) {
  return { path, governs: globs.map((glob) => ({ glob, range: RANGE })) };
}

describe('GovernsIndex', () => {
  const files = ['services/payments/ledger.ts', 'services/payments/events.ts', 'services/fx/rates.ts', 'db/ledger.sql', 'README.md'];

  it('per record: the files it governs and how many each glob matches; per file: the records governing it', () => {
    const index = GovernsIndex.build(
      [record('/ws/0001.md', 'services/payments/', '!services/payments/events.ts', '*.sql'), record('/ws/0002.md', 'services/**/events.ts', 'billing/**'), record('/ws/0003.md')],
      files,
      re2RegexEngine,
    );
    assert.deepEqual(index.get('/ws/0001.md')?.files, ['services/payments/ledger.ts', 'db/ledger.sql']);
    assert.deepEqual(index.get('/ws/0001.md')?.globs.map((g) => [g.ref.glob, g.count, g.exclude]), [
      ['services/payments/', 2, false],
      ['!services/payments/events.ts', 1, true],
      ['*.sql', 1, false],
    ]);
    assert.deepEqual(index.get('/ws/0002.md')?.globs.map((g) => g.count), [1, 0]);
    assert.equal(index.get('/ws/0003.md'), undefined, 'a record without governs is not in the index');
    assert.deepEqual(index.governing('services/payments/events.ts'), ['/ws/0002.md']);
    assert.deepEqual(index.governing('services/payments/ledger.ts'), ['/ws/0001.md']);
    assert.deepEqual(index.governing('README.md'), []);
    assert.equal(index.fileCount, files.length);
  });

  it('a file added or removed alone leaves the index as a build over the new list would', () => {
    const records = [
      record('/ws/0001.md', 'services/payments/', '!services/payments/events.ts', '*.sql'),
      record('/ws/0002.md', 'services/**/events.ts', 'billing/**'),
      record('/ws/0003.md', '**/*ledger*'),
      record('/ws/0004.md', 'README.md'),
    ];
    const view = (index: GovernsIndex, list: readonly string[]) => ({
      records: [...index.records.values()].map((r) => [r.path, [...r.files].sort(), r.globs.map((g) => g.count)]),
      governing: list.map((file) => [file, index.governing(file)]),
      files: index.fileCount,
    });
    const live = GovernsIndex.build(records, files, re2RegexEngine);
    const added = ['services/payments/events.ts.bak', 'services/fx/events.ts', 'billing/ledger.sql', 'docs/README.md'];
    for (const file of added) live.add(file);
    const grown = [...files, ...added];
    assert.deepEqual(view(live, grown), view(GovernsIndex.build(records, grown, re2RegexEngine), grown));
    for (const file of ['services/payments/ledger.ts', 'billing/ledger.sql', 'services/payments/events.ts']) live.remove(file);
    const shrunk = grown.filter((file) => !['services/payments/ledger.ts', 'billing/ledger.sql', 'services/payments/events.ts'].includes(file));
    assert.deepEqual(view(live, shrunk), view(GovernsIndex.build(records, shrunk, re2RegexEngine), shrunk));
    assert.deepEqual(live.governing('services/payments/ledger.ts'), []);
  });

  it('governingAlone names the records that would govern a path it does not hold, and leaves the index as it was', () => {
    const records = [
      record('/ws/0001.md', 'services/payments/', '!services/payments/events.ts', '*.sql'),
      record('/ws/0002.md', 'services/**/events.ts', 'billing/**'),
      record('/ws/0003.md', '**/*ledger*'),
    ];
    const index = GovernsIndex.build(records, files, re2RegexEngine);
    const before = JSON.stringify([...index.records.values()]);
    // A new file, one an exclusion takes out of 0001, one no record governs, and a file the index holds.
    assert.deepEqual(index.governingAlone('services/payments/ledger-v2.ts'), ['/ws/0001.md', '/ws/0003.md']);
    assert.deepEqual(index.governingAlone('services/payments/events.ts'), ['/ws/0002.md']);
    assert.deepEqual(index.governingAlone('billing/old/events.ts'), ['/ws/0002.md']);
    assert.deepEqual(index.governingAlone('docs/notes.md'), []);
    assert.deepEqual(index.governingAlone('db/ledger.sql'), ['/ws/0001.md', '/ws/0003.md']);
    assert.equal(JSON.stringify([...index.records.values()]), before, 'counts and files changed');
    assert.equal(index.fileCount, files.length);
    assert.deepEqual(index.governing('services/payments/ledger-v2.ts'), []);
    // As add would match it.
    index.add('services/payments/ledger-v2.ts');
    assert.deepEqual(index.governing('services/payments/ledger-v2.ts'), ['/ws/0001.md', '/ws/0003.md']);
  });

  it('a glob without inner / matches as listMatches does, its folders asked once per folder of a sorted list (sorted or not)', () => {
    const globs = ['payments', '*ledger*', 'fx/', '**/*05.*', '!*.bak', 'Events.ts', '**'];
    const records = globs.map((glob, i) => record(`/ws/000${i}.md`, glob, ...(glob.startsWith('!') ? ['**/*'] : [])));
    const list = [
      'services/payments/ledger.ts', 'services/payments/events.ts', 'services/payments/events.ts.bak', 'services/payments/x05.ts',
      'services/fx/rates.ts', 'services/fx/fx', 'services/fx/ledger05.sql', 'ledger/fx/a.ts', 'ledger/fx/b.ts', 'LEDGER.md', 'ledger.md', 'a.ts', 'fx',
      'services/payments-old/events.ts', 'services/payments/deeper/events.ts', 'services/payments/deeper/y.ts',
    ];
    const naive = (files: readonly string[]) =>
      records.map((r) => {
        const compiled = r.governs.map((g) => {
          const result = compileRepositoryGlob(g.glob, re2RegexEngine);
          if ('problem' in result) throw new Error(result.problem);
          return result.glob;
        });
        return files.filter((file) => listMatches(compiled, new PathParts(file)));
      });
    for (const files of [[...list].sort(), list, [...list].reverse()]) {
      const index = GovernsIndex.build(records, files, re2RegexEngine);
      assert.deepEqual(records.map((r) => index.get(r.path)?.files), naive(files), files.join(' '));
    }
    // One at a time, interleaving folders, as the editor adds files.
    const live = GovernsIndex.build(records, [], re2RegexEngine);
    for (const file of list) live.add(file);
    assert.deepEqual(records.map((r) => live.get(r.path)?.files), naive(list));
  });

  it('records whose globs all start with literal folders match as listMatches does, whatever the case, files elsewhere left unsplit', () => {
    const records = [
      record('/ws/0001.md', 'services/payments/', '!services/payments/events.ts'),
      record('/ws/0002.md', 'Services/FX/**/*.ts'),
      record('/ws/0003.md', 'db/ledger.sql', 'README.md/x'),
    ];
    const list = ['services/payments/ledger.ts', 'SERVICES/Payments/Refunds.ts', 'services/payments/events.ts', 'services/fx/a/rates.ts', 'services/fx/rates.go', 'db/ledger.sql', 'DB/LEDGER.SQL', 'db', 'README.md', 'docs/services/payments/x.ts', 'vendor/db/ledger.sql'];
    const naive = records.map((r) => {
      const compiled = r.governs.map((g) => {
        const result = compileRepositoryGlob(g.glob, re2RegexEngine);
        if ('problem' in result) throw new Error(result.problem);
        return result.glob;
      });
      return list.filter((file) => listMatches(compiled, new PathParts(file)));
    });
    assert.deepEqual(naive, [['services/payments/ledger.ts', 'SERVICES/Payments/Refunds.ts'], ['services/fx/a/rates.ts'], ['db/ledger.sql', 'DB/LEDGER.SQL']], 'the reference itself');
    assert.deepEqual(records.map((r) => GovernsIndex.build(records, list, re2RegexEngine).get(r.path)?.files), naive);
    const live = GovernsIndex.build(records, [], re2RegexEngine);
    for (const file of list) live.add(file);
    assert.deepEqual(records.map((r) => live.get(r.path)?.files), naive);
    assert.equal(live.fileCount, list.length, 'a file no record can match still counts');
    assert.deepEqual(live.governingAlone('Services/Payments/new.ts'), ['/ws/0001.md']);
    assert.deepEqual(live.governingAlone('elsewhere/services/payments/new.ts'), []);
  });

  it('a glob that is never followed has its problem and matches nothing; the record\'s other globs still work', () => {
    const index = GovernsIndex.build([record('/ws/0001.md', '/etc/**', '../x/**', 'db/')], files, re2RegexEngine);
    const globs = index.get('/ws/0001.md')!.globs;
    assert.deepEqual(globs.map((g) => [g.problemKind, g.count]), [
      ['escapes', 0],
      ['escapes', 0],
      [undefined, 1],
    ]);
    assert.deepEqual(index.get('/ws/0001.md')!.files, ['db/ledger.sql']);
  });

  it('200,000 tracked files (in memory): one pass, each glob tested a bounded number of times per file', () => {
    const tracked: string[] = [];
    for (let i = 0; i < 200_000; i++) tracked.push(`pkg${i % 500}/src/module${i % 7}/file${i}.ts`);
    let tests = 0;
    const counting: RegexEngine = {
      compile(source, flags): CompiledPattern {
        const inner = re2RegexEngine.compile(source, flags);
        return { source, test: (value) => (tests++, inner.test(value)) };
      },
    };
    // `f*i*l*e*` needs RE2 (several stars in a segment): its tests are counted.
    const records = [record('/ws/0001.md', 'pkg1/**/f*i*l*e*'), record('/ws/0002.md', '**/module3/**/*.ts', '!pkg2/**/f*i*l*e*'), record('/ws/0003.md', 'pkg9/', 'nowhere/**/*.ts')];
    const index = GovernsIndex.build(records, tracked, counting);
    assert.equal(index.get('/ws/0001.md')!.files.length, 400);
    assert.equal(index.get('/ws/0003.md')!.files.length, 400);
    assert.equal(index.get('/ws/0003.md')!.globs[1].count, 0);
    const module3 = tracked.filter((path) => path.includes('/module3/') && !path.startsWith('pkg2/')).length;
    assert.equal(index.get('/ws/0002.md')!.files.length, module3);
    // A glob anchored at `pkg1` is not even tried outside pkg1; where tried, each segment is tested
    // at most once per name of the path: linear in the file list.
    assert.ok(tests <= tracked.length * 3, `${tests} pattern tests for ${tracked.length} files`);
  });

  it('past the budget of globs that need RE2, a glob is refused with a problem, never run', () => {
    const many = Array.from({ length: MAX_ENGINE_GLOBS + 5 }, (_, i) => record(`/ws/${i}.md`, `src${i}/*a?*b*c`, `src${i}/**/*.ts`));
    const index = GovernsIndex.build(many, ['src1/xabc', 'src104/x.ts'], re2RegexEngine);
    assert.equal(index.get('/ws/1.md')!.globs[0].problem, undefined);
    assert.match(index.get('/ws/104.md')!.globs[0].problem ?? '', /globs already need the linear-time engine/);
    assert.deepEqual(index.get('/ws/104.md')!.files, ['src104/x.ts'], 'its other globs still work');
  });
});
