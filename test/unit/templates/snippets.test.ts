import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { buildSnippets, snippetsFileText } from '../../../src/core/templates/snippets';
import { childFields } from '../../../src/core/schema/field-info';
import { RECORD_TYPES } from '../../../src/core/schema/schema-registry';

const root = new URL('../../../', import.meta.url);

describe('contributed snippets', () => {
  it('are exactly what the schemas generate (run `npm run snippets` after a schema change)', () => {
    assert.equal(readFileSync(new URL('snippets/legible.code-snippets', root), 'utf8'), snippetsFileText());
  });

  it('are the file the manifest contributes, for Markdown', () => {
    const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: './snippets/legible.code-snippets' }]);
  });

  it('offer one per record type and one per structured field, each asking the schema\'s questions', () => {
    const snippets = Object.values(buildSnippets());
    assert.deepEqual(snippets.map((s) => s.prefix), [...RECORD_TYPES, 'reversibility', 'risk', 'business-tradeoff', 'knowledge-exit-path']);
    const tradeoff = snippets.find((s) => s.prefix === 'business-tradeoff')!.body.join('\n');
    // Prose answers are folded blocks: whatever sentence is typed at the stop stays valid YAML.
    for (const field of childFields('adr', ['business-tradeoff'])) assert.ok(tradeoff.includes(`${field.name}: >-\n    \${`) && tradeoff.includes(field.description!), field.name);
    const adr = snippets.find((s) => s.prefix === 'adr')!.body;
    assert.equal(adr[2], 'title: ${1:Title}');
    assert.ok(adr.includes('# ${1}'), 'the heading mirrors the title');
  });
});
