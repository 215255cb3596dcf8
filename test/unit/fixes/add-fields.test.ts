import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/config';
import { applyEdits, fixesFor } from '../../../src/core/fixes/fixes';
import { addFieldsFix } from '../../../src/core/fixes/add-fields';
import type { Finding } from '../../../src/core/rules/rule';
import { applyOnly, assertFixed, CLEAN_ADR, cr, crlf, docOf, listFindings, lintDoc, lines, only } from './fix-harness';

function asking(findings: readonly Finding[], field: string): Finding {
  const matching = findings.filter((f) => f.fix?.kind === 'add-fields' && f.fix.fields.includes(field));
  assert.equal(matching.length, 1, `expected one finding asking for ${field}, got:\n${listFindings(findings)}`);
  return matching[0];
}

/** CLEAN_ADR with four-space indentation throughout. */
const FOUR_SPACES = CLEAN_ADR.replace(/^ {2}(?=\S)/gm, '    ');

/** Lints, applies the one fix of the one finding that asks for the field (`ruleId`, or any rule offering `add-fields` for it), lints again. */
async function fixAndRelint(name: string, text: string, ruleId: string | { field: string }): Promise<string> {
  const doc = docOf(name, text);
  const before = await lintDoc(doc);
  const finding = typeof ruleId === 'string' ? only(before, ruleId) : asking(before, ruleId.field);
  const { action, text: fixed } = applyOnly(doc, finding);
  assert.equal(action.isPreferred, true);
  assertFixed(before, await lintDoc(docOf(name, fixed)), finding);
  return fixed;
}

describe('fixes: add-fields', () => {
  it('adds a missing nested key after the mapping\'s last child, at its indentation', async () => {
    const text = CLEAN_ADR.replace('  level: medium', '  level: high');
    const fixed = await fixAndRelint('0001-cache.md', text, 'frontmatter-schema');
    assert.equal(
      fixed,
      text.replace('  blast-radius: team\n', '  blast-radius: team\n  mitigation: >-\n    <How will we lower this risk, or recover if it happens?>\n'),
    );
  });

  it('titles the fix with the field\'s dotted path', () => {
    const doc = docOf('0001-cache.md', CLEAN_ADR.replace('  level: medium', '  level: high'));
    const [action] = addFieldsFix(doc, '/risk', ['mitigation']);
    assert.equal(action.title, 'Add `risk.mitigation`');
    assert.equal(action.path, doc.path);
  });

  it('puts a nested key in schema order, between the siblings that exist', async () => {
    const text = FOUR_SPACES.replace('    accepts-cost: One more service to run.\n', '');
    const fixed = await fixAndRelint('0001-cache.md', text, 'frontmatter-schema');
    assert.equal(
      fixed,
      text.replace(
        '    preserves-option: Moving to a managed cache later.\n',
        '    preserves-option: Moving to a managed cache later.\n    accepts-cost: >-\n        <What cost are we accepting?>\n',
      ),
    );
  });

  it('adds a whole missing structure with its required and recommended children, in a four-space file', async () => {
    const text = FOUR_SPACES.replace('risk:\n    level: medium\n    blast-radius: team\n', '');
    const fixed = await fixAndRelint('0001-cache.md', text, 'frontmatter-schema');
    assert.equal(
      fixed,
      text.replace(
        '    door: two-way\n',
        lines(
          '    door: two-way',
          'risk:',
          '    level: <low | medium | high | critical>',
          '    blast-radius: <component | team | cross-team | org>',
          '    mitigation: >-',
          '        <How will we lower this risk, or recover if it happens?>',
          '',
        ),
      ),
    );
  });

  it('writes list items at the file\'s indentation too', async () => {
    const text = FOUR_SPACES.replace('    successors: [jonas]\n', '').replace('status: accepted', 'status: proposed');
    const doc = docOf('0001-cache.md', text);
    const [action] = addFieldsFix(doc, '/knowledge-exit-path', ['successors']);
    assert.equal(
      applyEdits(text, action.edits),
      text.replace('    holders: [amira]\n', '    holders: [amira]\n    successors:\n        - <Who will operate this without the holders?>\n'),
    );
  });

  it('adds the successors an accepted decision with a sole holder lacks', async () => {
    const text = CLEAN_ADR.replace('  successors: [jonas]\n', '');
    const fixed = await fixAndRelint('0001-cache.md', text, { field: 'successors' });
    assert.equal(fixed, text.replace('  holders: [amira]\n', '  holders: [amira]\n  successors:\n    - <Who will operate this without the holders?>\n'));
  });

  it('adds deciders for a one-way door with one owner: the owner, and a question for who else', async () => {
    const text = CLEAN_ADR.replace('deciders: [amira, jonas]\n', '').replace('  door: two-way\n', '  door: one-way\n  how: Point the sessions back at process memory.\n');
    const fixed = await fixAndRelint('0001-cache.md', text, 'one-way-door-single-decider');
    assert.equal(fixed, text.replace('review-by: 2027-03-01\n', 'review-by: 2027-03-01\ndeciders:\n  - amira\n  - <Who made this decision?>\n'));
  });

  it('adds a root key after the key before it in schema order', async () => {
    const text = CLEAN_ADR.replace('owners: [amira]\n', '');
    const fixed = await fixAndRelint('0001-cache.md', text, 'frontmatter-schema');
    assert.equal(fixed, text.replace('date: 2026-03-02\n', 'date: 2026-03-02\nowners:\n  - <Who is accountable for this record?>\n'));
  });

  it('adds a root key before the key after it when no key before it exists', async () => {
    const text = lines('---', 'title: Cache sessions in Redis', 'reversibility:', '  door: two-way', '---', '', '# Cache', '');
    const doc = docOf('0001-cache.md', text);
    const actions = addFieldsFix(doc, '', ['type']);
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ['Add `type: adr`', true],
        ['Add `type: rfc`', false],
        ['Add `type: exit-plan`', false],
      ],
    );
    assert.equal(applyEdits(text, actions[0].edits), text.replace('---\ntitle:', '---\ntype: adr\ntitle:'));
  });

  it('adds a root key before the closing fence when no key of the schema is there to place it by', () => {
    const text = lines('---', 'parent: Decisions', 'nav_order: 3', '---', '# Cache', '');
    const [action] = addFieldsFix(docOf('0001-cache.md', text), '', ['type']);
    assert.equal(applyEdits(text, action.edits), text.replace('nav_order: 3\n', 'nav_order: 3\ntype: adr\n'));
  });

  it('offers one fix per record type when `type` is missing, the likeliest preferred', async () => {
    const text = CLEAN_ADR.replace('type: adr\n', '');
    const doc = docOf('0001-cache.md', text);
    const before = await lintDoc(doc);
    const finding = only(before, 'frontmatter-schema');
    const actions = fixesFor(doc, finding, defaultConfig());
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
    const fixed = applyEdits(text, actions.find((a) => a.isPreferred)!.edits);
    assert.equal(fixed, CLEAN_ADR);
    assertFixed(before, await lintDoc(docOf('0001-cache.md', fixed)), finding);

    const exitPlan = docOf('0002-hand-over.md', lines('---', 'title: Hand over billing', 'holders: [jonas]', '---', ''));
    assert.equal(addFieldsFix(exitPlan, '', ['type']).find((a) => a.isPreferred)?.title, 'Add `type: exit-plan`');
  });

  it('inserts after a multi-line block scalar, not inside it', async () => {
    const text = CLEAN_ADR.replace('  door: two-way\n', '  door: one-way\n  how: >-\n    Point the sessions back at\n    process memory.\n\n').replace(
      'risk:\n  level: medium\n  blast-radius: team\n',
      '',
    );
    const fixed = await fixAndRelint('0001-cache.md', text, 'frontmatter-schema');
    assert.equal(
      fixed,
      text.replace(
        '    process memory.\n',
        '    process memory.\nrisk:\n  level: <low | medium | high | critical>\n  blast-radius: <component | team | cross-team | org>\n  mitigation: >-\n    <How will we lower this risk, or recover if it happens?>\n',
      ),
    );
  });

  it('keeps CRLF line endings and the BOM', async () => {
    const text = `\uFEFF${crlf(CLEAN_ADR.replace('  level: medium', '  level: critical'))}`;
    const fixed = await fixAndRelint('0001-cache.md', text, 'frontmatter-schema');
    assert.equal(
      fixed,
      text.replace('  blast-radius: team\r\n', '  blast-radius: team\r\n  mitigation: >-\r\n    <How will we lower this risk, or recover if it happens?>\r\n'),
    );
  });

  it('keeps CR-only line endings', async () => {
    const text = cr(FOUR_SPACES.replace('    successors: [jonas]\n', ''));
    const fixed = await fixAndRelint('0001-cache.md', text, { field: 'successors' });
    assert.equal(fixed, text.replace('    holders: [amira]\r', '    holders: [amira]\r    successors:\r        - <Who will operate this without the holders?>\r'));
  });

  it('adds several fields in one action, each in its place', () => {
    const text = CLEAN_ADR.replace('  reduces-risk: Session loss on deploys.\n', '').replace('  protects-outcome: Customers stay signed in.\n', '');
    const doc = docOf('0001-cache.md', text);
    const [action] = addFieldsFix(doc, '/business-tradeoff', ['reduces-risk', 'protects-outcome']);
    assert.equal(action.title, 'Add `business-tradeoff.reduces-risk`, `business-tradeoff.protects-outcome`');
    assert.equal(
      applyEdits(text, action.edits),
      text
        .replace('business-tradeoff:\n', 'business-tradeoff:\n  reduces-risk: >-\n    <What risk are we reducing?>\n')
        .replace('  eases-later: Horizontal scaling of the web tier.\n', '  eases-later: Horizontal scaling of the web tier.\n  protects-outcome: >-\n    <What business outcome does this protect?>\n'),
    );
  });

  it('offers no fix when the parent is a flow mapping', async () => {
    const text = CLEAN_ADR.replace('risk:\n  level: medium\n  blast-radius: team\n', 'risk: {level: high, blast-radius: team}\n');
    const doc = docOf('0001-cache.md', text);
    const finding = only(await lintDoc(doc), 'frontmatter-schema');
    assert.deepEqual(finding.fix, { kind: 'add-fields', pointer: '/risk', fields: ['mitigation'] });
    assert.deepEqual(fixesFor(doc, finding, defaultConfig()), []);
  });

  it('offers no fix when the parent is not in the document, or not a mapping', () => {
    const doc = docOf('0001-cache.md', CLEAN_ADR.replace('risk:\n  level: medium\n  blast-radius: team\n', 'risk: high\n'));
    assert.deepEqual(addFieldsFix(doc, '/risk', ['level']), []);
    assert.deepEqual(addFieldsFix(doc, '/nowhere', ['level']), []);
  });

  it('offers no fix for a field that is already there (a stale finding)', () => {
    assert.deepEqual(addFieldsFix(docOf('0001-cache.md', CLEAN_ADR), '/risk', ['level']), []);
  });
});
