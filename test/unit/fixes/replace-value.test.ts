import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/config';
import { applyEdits, fixesFor } from '../../../src/core/fixes/fixes';
import { replaceValueFixes } from '../../../src/core/fixes/replace-value';
import { assertFixed, CLEAN_ADR, cr, crlf, docOf, lintDoc, lintDocs, lines, only } from './fix-harness';

describe('fixes: replace-value', () => {
  it('replaces a misspelt value with the nearest allowed one, preferred', async () => {
    const text = CLEAN_ADR.replace('  level: medium', '  level: meduim');
    const doc = docOf('0001-cache.md', text);
    const before = await lintDoc(doc);
    const finding = only(before, 'frontmatter-schema');
    const actions = fixesFor(doc, finding, defaultConfig());
    assert.equal(actions[0].title, 'Change to "medium"');
    assert.equal(actions[0].isPreferred, true);
    const fixed = applyEdits(text, actions[0].edits);
    assert.equal(fixed, CLEAN_ADR);
    assertFixed(before, await lintDoc(docOf('0001-cache.md', fixed)), finding);
  });

  it('offers every allowed value when none is near, only the first preferred', async () => {
    const text = CLEAN_ADR.replace('  door: two-way', '  door: maybe # we will see');
    const doc = docOf('0001-cache.md', text);
    const finding = only(await lintDoc(doc), 'frontmatter-schema');
    const actions = fixesFor(doc, finding, defaultConfig());
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ['Change to "one-way"', true],
        ['Change to "two-way"', false],
      ],
    );
    // The comment after the value stays.
    assert.equal(applyEdits(text, actions[1].edits), text.replace('door: maybe #', 'door: two-way #'));
  });

  it('replaces a quoted value, quotes and all', async () => {
    const text = CLEAN_ADR.replace('type: adr', "type: 'adrr'");
    const doc = docOf('0001-cache.md', text);
    const before = await lintDoc(doc);
    const finding = only(before, 'frontmatter-schema');
    const actions = fixesFor(doc, finding, defaultConfig());
    assert.equal(actions[0].title, 'Change to "adr"');
    const fixed = applyEdits(text, actions[0].edits);
    assert.equal(fixed, CLEAN_ADR);
    assertFixed(before, await lintDoc(docOf('0001-cache.md', fixed)), finding);
  });

  it('replaces a list item', async () => {
    const text = CLEAN_ADR.replace('  mechanisms: [runbook]', '  mechanisms: [runbok, pairing]');
    const doc = docOf('0001-cache.md', text);
    const before = await lintDoc(doc);
    const finding = only(before, 'frontmatter-schema');
    const [first] = fixesFor(doc, finding, defaultConfig());
    const fixed = applyEdits(text, first.edits);
    assert.equal(fixed, text.replace('[runbok, pairing]', '[runbook, pairing]'));
    assertFixed(before, await lintDoc(docOf('0001-cache.md', fixed)), finding);
  });

  it('sets `status: superseded` on a record that names its successor (status-consistency)', async () => {
    const old = docOf('0007-old.md', CLEAN_ADR.replace('deciders: [amira, jonas]\n', 'deciders: [amira, jonas]\nsuperseded-by: [ADR-0009]\n'));
    const successor = docOf('0009-new.md', CLEAN_ADR.replace('status: accepted', 'status: proposed').replace('deciders: [amira, jonas]\n', 'deciders: [amira, jonas]\nsupersedes: [ADR-0007]\n'));
    const before = await lintDocs([old, successor]);
    const finding = only(before, 'status-consistency');
    assert.equal(finding.path, old.path);
    const [action] = fixesFor(old, finding, defaultConfig());
    const fixed = applyEdits(old.text, action.edits);
    assert.equal(fixed, old.text.replace('status: accepted', 'status: superseded'));
    assertFixed(before, await lintDocs([docOf('0007-old.md', fixed), successor]), finding);
  });

  it('quotes a value that YAML would read as something else', () => {
    const text = lines('---', 'type: adr', 'plan: EXIT-12', '---', '');
    const [number, boolean, plain] = replaceValueFixes(docOf('0001-a.md', text), '/plan', ['0012', 'true', 'EXIT-0012']);
    assert.equal(applyEdits(text, number.edits), text.replace('EXIT-12', '"0012"'));
    assert.equal(applyEdits(text, boolean.edits), text.replace('EXIT-12', '"true"'));
    assert.equal(applyEdits(text, plain.edits), text.replace('EXIT-12', 'EXIT-0012'));
  });

  it('writes a value for a key that has none, after the colon', () => {
    for (const [line, written] of [
      ['status:', 'status: accepted'],
      ['status:   ', 'status: accepted'],
      ['status: # later', 'status: accepted # later'],
      ['status: ~', 'status: accepted'],
    ]) {
      const text = lines('---', 'type: adr', line, 'date: 2026-03-02', '---', '');
      const [action] = replaceValueFixes(docOf('0001-a.md', text), '/status', ['accepted']);
      assert.equal(applyEdits(text, action.edits), text.replace(line, written), line);
    }
  });

  it('replaces a multi-line block scalar up to its last line, keeping the line break after it', () => {
    const text = lines('---', 'type: adr', 'status: >-', '  accepted in', '  principle', 'date: 2026-03-02', '---', '');
    const [action] = replaceValueFixes(docOf('0001-a.md', text), '/status', ['accepted']);
    assert.equal(applyEdits(text, action.edits), lines('---', 'type: adr', 'status: accepted', 'date: 2026-03-02', '---', ''));
  });

  it('keeps CRLF line endings', async () => {
    const text = crlf(CLEAN_ADR.replace('  blast-radius: team', '  blast-radius: teem'));
    const doc = docOf('0001-cache.md', text);
    const before = await lintDoc(doc);
    const finding = only(before, 'frontmatter-schema');
    const fixed = applyEdits(text, fixesFor(doc, finding, defaultConfig())[0].edits);
    assert.equal(fixed, crlf(CLEAN_ADR));
    assertFixed(before, await lintDoc(docOf('0001-cache.md', fixed)), finding);
  });

  it('keeps CR-only line endings', async () => {
    const text = cr(CLEAN_ADR.replace('status: accepted', 'status: acepted'));
    const doc = docOf('0001-cache.md', text);
    const before = await lintDoc(doc);
    const finding = only(before, 'frontmatter-schema');
    const fixed = applyEdits(text, fixesFor(doc, finding, defaultConfig())[0].edits);
    assert.equal(fixed, cr(CLEAN_ADR));
    assertFixed(before, await lintDoc(docOf('0001-cache.md', fixed)), finding);
  });

  it('offers no fix when the value cannot be located', () => {
    assert.deepEqual(replaceValueFixes(docOf('0001-cache.md', CLEAN_ADR), '/risk/nothing', ['high']), []);
  });
});
