import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayId, formatId, parseIdRef, typeOfPrefix } from '../../../src/core/index/ids';
import { fileNumber } from '../../../src/core/index/build-entry';

describe('ids', () => {
  it('reads 0007, ADR-0007 and the integer 7 that YAML makes of 0007 as number 7', () => {
    assert.deepEqual(parseIdRef('0007'), { raw: '0007', number: 7, prefix: undefined });
    assert.deepEqual(parseIdRef('ADR-0007'), { raw: 'ADR-0007', number: 7, prefix: 'ADR' });
    assert.deepEqual(parseIdRef(7), { raw: '7', number: 7 });
  });

  it('reads prefixes in any case and names their type', () => {
    assert.equal(parseIdRef('rfc-0012').prefix, 'RFC');
    assert.equal(parseIdRef(' EXIT-0012 ').number, 12);
    assert.equal(typeOfPrefix('ADR'), 'adr');
    assert.equal(typeOfPrefix('rfc'), 'rfc');
    assert.equal(typeOfPrefix('Exit'), 'exit-plan');
    assert.equal(typeOfPrefix('KEP'), undefined);
  });

  it('gives no number to what is not an id', () => {
    for (const raw of ['seven', 'ADR0007', 'KEP-0007', 'ADR-', '', '7.5', '1234567890123']) assert.equal(parseIdRef(raw).number, undefined, raw);
    for (const raw of [7.5, -1, Number.NaN]) assert.equal(parseIdRef(raw).number, undefined, String(raw));
  });

  it('formats ids with the type prefix and at least four digits', () => {
    assert.equal(formatId('adr', 7), 'ADR-0007');
    assert.equal(formatId('rfc', 123456), 'RFC-123456');
    assert.equal(formatId('exit-plan', 12), 'EXIT-0012');
    assert.equal(formatId('adr', 7, 5), 'ADR-00007');
    assert.equal(formatId('adr', undefined), 'ADR');
  });

  it('shows a record by one id: its type and number at the file name\'s width, or the file name\'s id without a number', () => {
    assert.equal(displayId({ type: 'adr', number: 7, id: '00007' }), 'ADR-00007');
    assert.equal(displayId({ type: 'adr', number: 45, id: '0045' }), 'ADR-0045');
    assert.equal(displayId({ type: 'rfc', number: 7, id: '07' }), 'RFC-0007');
    assert.equal(displayId({ type: 'exit-plan', number: 12, id: '0012' }), 'EXIT-0012');
    assert.equal(displayId({ type: 'adr', number: undefined, id: 'use-postgres' }), 'use-postgres');
  });

  it('writes every record\'s id in the form the schema\'s decision-id accepts, whatever width its file name has', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'defs.schema.json'), 'utf8')) as { definitions: Record<string, { pattern: string }> };
    const decisionId = new RegExp(schema.definitions['decision-id'].pattern);
    // `07-x.md`, `adr014-x.md`, `0007-x.md`, `00007-x.md`, `20201103-x.md`: the width is the file name's.
    for (const [number, width, id] of [[7, 2, 'ADR-0007'], [14, 3, 'ADR-0014'], [7, 4, 'ADR-0007'], [7, 5, 'ADR-00007'], [20201103, 8, 'ADR-20201103'], [2, 1, 'ADR-0002']] as const) {
      assert.equal(formatId('adr', number, width), id, `${number} written ${width} wide`);
      assert.match(formatId('adr', number, width), decisionId);
    }
  });

  it('takes the number from a file name in any of the naming conventions', () => {
    assert.deepEqual(fileNumber('/ws/docs/decisions/0007-use-uuids.md'), { number: 7, digits: '0007' });
    assert.deepEqual(fileNumber('20200926-use-the-adr-number.md'), { number: 20200926, digits: '20200926' });
    assert.deepEqual(fileNumber('/ws/07-two-digits.md'), { number: 7, digits: '07' });
    assert.deepEqual(fileNumber('/ws/adr014-prefixed.md'), { number: 14, digits: '014' });
    assert.equal(fileNumber('/ws/0007.md'), undefined);
    assert.equal(fileNumber('/ws/0007-dir/README.md'), undefined, 'only the file name counts');
  });
});
