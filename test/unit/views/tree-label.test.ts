import assert from 'node:assert/strict';
import { shortTitle, TITLE_COLUMNS } from '../../../src/core/views/tree-label';
import { plural } from '../../../src/core/text/plural';

describe('tree labels: the id and the start of the title stay readable in a 300 px sidebar', () => {
  it('keeps a title that fits, and cuts a longer one at a word, with an ellipsis', () => {
    assert.equal(shortTitle('Cache sessions in Redis'), 'Cache sessions in Redis');
    assert.equal(shortTitle('Record decisions with Legible'), 'Record decisions with…');
    assert.equal(shortTitle('Use PostgreSQL as the system of record for the payments ledger'), 'Use PostgreSQL as the…');
    for (const title of ['Use PostgreSQL as the system of record for the payments ledger', 'a'.repeat(80), 'Hand over settlement bank operations from Jonas']) {
      assert.ok(Array.from(shortTitle(title)).length <= TITLE_COLUMNS + 1, shortTitle(title));
    }
  });

  it('cuts a long first word where it must, drops punctuation before the ellipsis, counts wide characters as two columns, never splits one', () => {
    assert.equal(shortTitle('Supercalifragilisticexpialidocious-ly adopted'), 'Supercalifragilisticexpi…');
    assert.equal(shortTitle('Adopt Kafka, Avro, and the schema registry'), 'Adopt Kafka, Avro, and…');
    assert.equal(shortTitle('🙂'.repeat(30)), `${'🙂'.repeat(TITLE_COLUMNS / 2)}…`);
    assert.equal(shortTitle('決定記録をレジストリに保存する方針と、その運用手順と監視の仕組みについて'), '決定記録をレジストリに保…');
    // A joined emoji (woman, skin tone, joiner, laptop) is whole or not there, wherever the cut falls.
    for (let lead = 0; lead < 6; lead++) {
      const title = `${'x'.repeat(lead)}${'👩🏽‍💻'.repeat(12)}`;
      const cut = shortTitle(title).replace(/…$/, '');
      assert.ok(title.startsWith(cut) && title.slice(cut.length).startsWith('👩'), `${lead}: ${cut}`);
    }
    assert.ok(shortTitle(`Cafe\u0301 ${'e\u0301'.repeat(40)}`).endsWith('e\u0301…'), 'a combining accent stays with its letter');
  });
});

describe('plural', () => {
  it('says 1 problem, 2 problems, 0 records', () => {
    assert.deepEqual([plural(1, 'problem'), plural(2, 'problem'), plural(0, 'record'), plural(1, 'person', 'people'), plural(3, 'person', 'people')], ['1 problem', '2 problems', '0 records', '1 person', '3 people']);
  });
});
