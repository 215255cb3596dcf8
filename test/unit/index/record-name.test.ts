import assert from 'node:assert/strict';
import { parseRecordName, writeRecordName } from '../../../src/core/numbering/record-name';

describe('parseRecordName: the one grammar of record file names', () => {
  const read = (name: string) => {
    const parsed = parseRecordName(name);
    return parsed && [parsed.kind, parsed.number, parsed.digits, parsed.prefix, parsed.separator, parsed.slug];
  };

  it('reads numbered names with any width, either separator and a letter prefix', () => {
    assert.deepEqual(read('0007-use-postgres.md'), ['number', 7, '0007', '', '-', 'use-postgres']);
    assert.deepEqual(read('07-use-postgres.md'), ['number', 7, '07', '', '-', 'use-postgres']);
    assert.deepEqual(read('0007_use_postgres.md'), ['number', 7, '0007', '', '_', 'use_postgres']);
    assert.deepEqual(read('adr014-json-config.md'), ['number', 14, '014', 'adr', '-', 'json-config']);
    assert.deepEqual(read('ADR-0014-json-config.md'), ['number', 14, '0014', 'ADR-', '-', 'json-config']);
    assert.deepEqual(read('0001-.md'), ['number', 1, '0001', '', '-', ''], 'an empty slug still carries an id');
  });

  it('reads date-named records (log4brains, Jekyll) with the date as their number', () => {
    assert.deepEqual(read('20200924-use-markdown.md'), ['date', 20200924, '20200924', '', '-', 'use-markdown']);
    assert.deepEqual(read('20181209_name.md'), ['date', 20181209, '20181209', '', '_', 'name']);
    assert.deepEqual(read('2021-03-04-use-kafka.md'), ['date', 20210304, '20210304', '', '-', 'use-kafka']);
    assert.equal(parseRecordName('2021-03-04-use-kafka.md')?.dateStyle, 'dashed');
    assert.equal(parseRecordName('20200924-x.md')?.dateStyle, 'compact');
  });

  it('an eight-digit number that is no date is a number', () => {
    assert.deepEqual(read('20201399-x.md')?.slice(0, 2), ['number', 20201399]);
    assert.deepEqual(read('00000012-x.md')?.slice(0, 2), ['number', 12]);
  });

  it('a slug may hold any character, a newline too: such a file is linted, not skipped', () => {
    assert.equal(parseRecordName('0001-x\n::error::y.md')?.slug, 'x\n::error::y');
    assert.equal(parseRecordName('2021-03-04-a\nb.md')?.slug, 'a\nb');
  });

  it('a name without an id is not a record name', () => {
    for (const name of ['README.md', 'PROTOTYPING.md', 'index.md', 'use-postgres.md', 'v2-migration.md', '0007.md', '0007-x.txt']) {
      assert.equal(parseRecordName(name), undefined, name);
    }
  });

  it('writeRecordName writes what parseRecordName reads, in every convention', () => {
    for (const name of ['0007-use-postgres.md', '07-use-postgres.md', '0007_use_postgres.md', 'adr014-json-config.md', 'ADR-0014-json-config.md', '20200924-use-markdown.md', '20181209_name.md', '2021-03-04-use-kafka.md', '3841-demote-x86_64-apple-darwin.md']) {
      const parsed = parseRecordName(name);
      assert.ok(parsed, name);
      assert.equal(writeRecordName(parsed), name);
    }
  });
});
