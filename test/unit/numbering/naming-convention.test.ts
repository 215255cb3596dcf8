import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_IGNORE } from '../../../src/core/config/config';
import { globPattern, matchesAny } from '../../../src/core/config/glob';
import {
  DEFAULT_CONVENTION,
  detectConvention,
  NAMING_PATTERN_EXAMPLES,
  namingPattern,
  parseNamingPattern,
  recordFileName,
  titleWords,
  type NamingConvention,
  type NewId,
} from '../../../src/core/numbering/naming-convention';
import { nextNumber } from '../../../src/core/numbering/next-number';
import { parseRecordName } from '../../../src/core/numbering/record-name';
import { REAL_WORLD } from '../support/real-world';

const IGNORE = DEFAULT_IGNORE.map(globPattern);

/** The names of a corpus folder that `ignore` does not hide: what `new` reads a convention from. */
function corpus(folder: string): string[] {
  return readdirSync(path.join(REAL_WORLD, folder)).filter((name) => !matchesAny(name, IGNORE));
}

/** The name `new` gives "Use Kafka for events" in a folder of these names, on 2025-01-02. */
function nextName(names: readonly string[]): { pattern: string; name: string } {
  const convention = detectConvention(names) ?? DEFAULT_CONVENTION;
  const id: NewId = convention.kind === 'date' ? { date: '2025-01-02' } : { number: nextNumber(names) };
  return { pattern: namingPattern(convention), name: recordFileName(convention, id, titleWords('Use Kafka for events')) };
}

describe('naming conventions: a folder\'s own style, read from its names', () => {
  const folders: Array<[string, readonly string[], string, string]> = [
    ['numbered, 4 digits (MADR)', corpus('madr'), 'NNNN-slug', '0019-use-kafka-for-events.md'],
    ['numbered, 4 digits, mixed-case slugs (JabRef)', corpus('jabref'), 'NNNN-slug', '0070-use-kafka-for-events.md'],
    ['numbered, 4 digits, slugs with both separators (Rust RFCs)', corpus('rust-rfcs'), 'NNNN-slug', '3842-use-kafka-for-events.md'],
    ['numbered, 2 digits (ethersync)', corpus('ethersync'), 'NN-slug', '11-use-kafka-for-events.md'],
    ['adr-prefixed', ['adr001-use-json.md', 'adr002-drop-xml.md', 'adr014-json-config.md', 'README.md'], 'adrNNN-slug', 'adr015-use-kafka-for-events.md'],
    ['ADR- prefixed, upper case', ['ADR-0001-use-json.md', 'ADR-0002-drop-xml.md'], 'ADR-NNNN-slug', 'ADR-0003-use-kafka-for-events.md'],
    ['underscores', ['0001_use_postgres.md', '0002_pick_a_queue.md', 'index.md'], 'NNNN_slug', '0003_use_kafka_for_events.md'],
    ['date-named YYYYMMDD- (log4brains)', corpus('log4brains'), 'YYYYMMDD-slug', '20250102-use-kafka-for-events.md'],
    ['date-named YYYYMMDD_', ['20181209_name.md', '20190311_queue_choice.md'], 'YYYYMMDD_slug', '20250102_use_kafka_for_events.md'],
    ['date-named YYYY-MM-DD-', ['2021-03-04-use-kafka.md', '2021-05-06-drop-xml.md'], 'YYYY-MM-DD-slug', '2025-01-02-use-kafka-for-events.md'],
    ['mixed: the majority wins', ['0001-a-b.md', '0002-c-d.md', '0003-e-f.md', 'adr004-g-h.md', '20200101-i-j.md'], 'NNNN-slug', '0005-use-kafka-for-events.md'],
    ['a dash after the id, underscores in the slug', ['0001-use_postgres.md', '0002-pick_a_queue.md', '0003-x.md'], 'NNNN-snake_slug', '0004-use_kafka_for_events.md'],
  ];
  for (const [what, names, pattern, name] of folders) {
    it(`${what}: ${pattern}, next ${name}`, () => {
      assert.ok(names.length > 0, `no names for ${what}`);
      assert.deepEqual(nextName(names), { pattern, name });
      const parsed = parseRecordName(name);
      assert.ok(parsed, `${name} reads back as a record name`);
    });
  }

  it('a folder without record names has no convention of its own: Legible\'s NNNN-slug, from 0001', () => {
    assert.equal(detectConvention([]), undefined);
    assert.equal(detectConvention(['README.md', 'index.md', 'notes.md']), undefined);
    assert.deepEqual(nextName(['README.md']), { pattern: 'NNNN-slug', name: '0001-use-kafka-for-events.md' });
  });

  it('a tie between shapes goes to the one with the latest record: a folder that changed style keeps the new one', () => {
    assert.equal(namingPattern(detectConvention(['adr001-a.md', 'adr002-b.md', '0003-c.md', '0004-d.md'])!), 'NNNN-slug');
    assert.equal(namingPattern(detectConvention(['0001-a.md', '0002-b.md', 'adr003-c.md', 'adr004-d.md'])!), 'adrNNN-slug');
  });

  it('width: the most common among the winning shape\'s names, so a sequence past its width still pads the rest', () => {
    const names = [...Array.from({ length: 9 }, (_, i) => `0${i + 1}-r.md`), ...Array.from({ length: 90 }, (_, i) => `${i + 10}-r.md`), '100-r.md'];
    const convention = detectConvention(names)!;
    assert.equal(convention.width, 2);
    assert.equal(recordFileName(convention, { number: 101 }, ['x']), '101-x.md');
    assert.equal(recordFileName(convention, { number: 7 }, ['x']), '07-x.md');
  });

  it('the prefix is written as most names write it', () => {
    assert.equal(detectConvention(['ADR001-a.md', 'adr002-b.md', 'adr003-c.md'])!.prefix, 'adr');
  });

  it('a slug without word separators shows nothing: the words are joined like the id', () => {
    assert.equal(detectConvention(['20181209_name.md'])!.words, '_');
    assert.equal(detectConvention(['0001-name.md'])!.words, '-');
  });

  it('ids of date-named records are their date, stable and the same however the date is written', () => {
    const compact: NamingConvention = parseNamingPattern('YYYYMMDD_slug')!;
    const dashed: NamingConvention = parseNamingPattern('YYYY-MM-DD-slug')!;
    for (const convention of [compact, dashed]) {
      const parsed = parseRecordName(recordFileName(convention, { date: '2025-01-02' }, ['a', 'b']))!;
      assert.deepEqual([parsed.kind, parsed.number, parsed.digits], ['date', 20250102, '20250102']);
    }
  });
});

describe('naming patterns in .legible.json', () => {
  it('every example reads as a convention and is written back the same', () => {
    for (const pattern of NAMING_PATTERN_EXAMPLES) {
      const convention = parseNamingPattern(pattern);
      assert.ok(convention, pattern);
      assert.equal(namingPattern(convention), pattern);
    }
  });

  it('names written in a pattern\'s convention read back with its shape', () => {
    // The last column: the pattern read back from the one name (`kebab-slug` after `-` is plain `slug`).
    const cases: Array<[string, NewId, string, string]> = [
      ['NNNN-slug', { number: 7 }, '0007-use-kafka.md', 'NNNN-slug'],
      ['NN-slug', { number: 7 }, '07-use-kafka.md', 'NN-slug'],
      ['NNN-kebab-slug', { number: 12 }, '012-use-kafka.md', 'NNN-slug'],
      ['adrNNN-slug', { number: 15 }, 'adr015-use-kafka.md', 'adrNNN-slug'],
      ['RFC-NNNN_slug', { number: 3 }, 'RFC-0003_use_kafka.md', 'RFC-NNNN_slug'],
      ['NNNN_kebab-slug', { number: 3 }, '0003_use-kafka.md', 'NNNN_kebab-slug'],
      ['YYYYMMDD-snake_slug', { date: '2025-01-02' }, '20250102-use_kafka.md', 'YYYYMMDD-snake_slug'],
      ['YYYY-MM-DD-slug', { date: '2025-01-02' }, '2025-01-02-use-kafka.md', 'YYYY-MM-DD-slug'],
    ];
    for (const [pattern, id, name, detected] of cases) {
      const convention = parseNamingPattern(pattern)!;
      assert.equal(recordFileName(convention, id, ['use', 'kafka']), name, pattern);
      const read = parseRecordName(name)!;
      assert.deepEqual([read.kind, read.prefix, read.separator], [convention.kind, convention.prefix, convention.separator], pattern);
      assert.equal(namingPattern(detectConvention([name])!), detected, `detected back from ${name}`);
    }
  });

  it('refuses patterns whose names would not read back as records', () => {
    for (const pattern of ['vN-slug', 'ADR-YYYYMMDD-slug', 'NNNN', 'slug', 'NNNN-title', '-NNNN-slug', 'NNNN.slug', `N${'N'.repeat(12)}-slug`, 'ADR-N-slug', 'nnnn-slug', '']) {
      assert.equal(parseNamingPattern(pattern), undefined, pattern);
    }
  });
});
