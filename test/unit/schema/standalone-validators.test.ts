import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { standaloneValidatorsSource } from '../../../src/core/schema/standalone-source';
import { SchemaValidator } from '../../../src/core/schema/validator';
import { compileExtensions } from '../../../src/core/schema/runtime-validator';
import { RECORD_TYPES } from '../../../src/core/schema/schema-registry';

describe('build-time validators', () => {
  it('are exactly what ajv compiles from the schemas now (run `npm run validators` after a schema change)', () => {
    const committed = readFileSync(new URL('../../../src/core/schema/generated/validators.js', import.meta.url), 'utf8');
    assert.equal(committed, standaloneValidatorsSource());
  });

  it('report the same errors as ajv compiling the schemas at run time', () => {
    const runtime = compileExtensions({ adr: {}, rfc: {}, 'exit-plan': {} });
    const shipped = new SchemaValidator();
    const samples: unknown[] = [
      {},
      { type: 'adr', title: '', status: 'acepted', date: '2026-02-30', owners: [], risk: { level: 'high' }, reversibility: { door: 'one-way' } },
      { type: 'exit-plan', title: 'Hand over', status: 'verified', date: '2026-01-01', owners: ['a'], holders: ['a'], successors: [], scope: 'x', mechanisms: ['pairing'], due: 'soon' },
      { type: 'rfc', status: 'superseded', supersedes: ['ADR-7', 12, 'X-0001'] },
    ];
    for (const type of RECORD_TYPES) {
      for (const data of samples) {
        const strip = (errors: Array<{ keyword: string; instancePath: string; params: unknown }>) => errors.map((e) => `${e.keyword} ${e.instancePath} ${JSON.stringify(e.params)}`).sort();
        // The runtime path wraps the schema in allOf: compare what is reported, not the schema paths.
        assert.deepEqual(strip(shipped.validateRecord(type, data)), strip(runtime[type]!(data)).filter((e) => !e.startsWith('allOf')));
      }
    }
  });
});
