import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../../src/core/config/config';
import type { DecisionDocument } from '../../../src/core/document/decision-document';
import { addFrontmatterFix } from '../../../src/core/fixes/add-frontmatter';
import { applyEdits, fixesFor } from '../../../src/core/fixes/fixes';
import { applyOnly, assertFixed, cr, crlf, docOf, fixture, lintDoc, lines, only } from './fix-harness';

const ADR_TOOLS_RECORD = path.resolve(__dirname, '../../../examples/workspace/docs/decisions/0009-use-terraform-for-cloud-infrastructure.md');

/** The fields every added frontmatter asks for with placeholders, after `date` (two-space indentation). */
const OWNERS = ['owners:', '  - <Who is accountable for this record?>', 'review-by: <When should this decision be revisited? (YYYY-MM-DD)>'];
const DECIDERS = ['deciders:', '  - <Who made this decision?>'];
const STRUCTURES = [
  'reversibility:',
  '  door: <one-way | two-way>',
  '  how: >-',
  '    <How would we reverse this if it proves wrong?>',
  'risk:',
  '  level: <low | medium | high | critical>',
  '  blast-radius: <component | team | cross-team | org>',
  '  mitigation: >-',
  '    <How will we lower this risk, or recover if it happens?>',
  'business-tradeoff:',
  '  reduces-risk: >-',
  '    <What risk are we reducing?>',
  '  preserves-option: >-',
  '    <What option are we preserving?>',
  '  accepts-cost: >-',
  '    <What cost are we accepting?>',
  '  eases-later: >-',
  '    <What decision becomes easier later?>',
  '  protects-outcome: >-',
  '    <What business outcome does this protect?>',
  'knowledge-exit-path:',
  '  holders:',
  '    - <Who holds the knowledge behind this decision today?>',
  '  successors:',
  '    - <Who will operate this without the holders?>',
  '  mechanisms:',
  '    - <documentation | pairing | runbook | design-record | training | dashboard | ownership-transfer | simplification>',
  '  artifacts:',
  '    - <Where is the knowledge written down?>',
  '  plan: <Which exit plan moves this knowledge, if there is one?>',
  '  due: <By when must the successors be able to operate this alone? (YYYY-MM-DD)>',
];
const NO_DATE = 'date: <When was this record written? (YYYY-MM-DD)>';
const NO_STATUS = 'status: <proposed | accepted | rejected | deprecated | superseded>';

/** Rules the fix may newly bring up besides placeholders: body rules now run on the record. */
const BODY_RULES = ['required-sections'];

async function addFrontmatter(name: string, text: string): Promise<{ doc: DecisionDocument; fixed: string; after: DecisionDocument }> {
  const doc = docOf(name, text);
  const before = await lintDoc(doc);
  const finding = only(before, 'frontmatter-missing');
  const { action, text: fixed } = applyOnly(doc, finding);
  assert.equal(action.title, 'Add Legible frontmatter');
  assert.equal(action.isPreferred, true);
  const after = docOf(name, fixed);
  const findings = await lintDoc(after);
  assertFixed(before, findings, finding, BODY_RULES);
  assert.equal(after.legible, true);
  // No error but the questions it asks: on an accepted record, each placeholder is one (placeholder-in-force).
  assert.deepEqual(findings.filter((f) => f.severity === 'error' && f.ruleId !== 'placeholder-in-force'), []);
  return { doc, fixed, after };
}

describe('fixes: add-frontmatter', () => {
  it('adds the Legible keys to a MADR record\'s own frontmatter, keeping every key and the body (real MADR record)', async () => {
    const text = fixture('madr/0013-use-yaml-front-matter-for-meta-data.md');
    const { doc, fixed, after } = await addFrontmatter('0013-use-yaml-front-matter-for-meta-data.md', text);
    const head = lines('---', 'parent: Decisions', 'nav_order: 13', 'type: adr', 'title: Use YAML front matter for metadata', NO_STATUS, NO_DATE, ...OWNERS, ...DECIDERS, ...STRUCTURES, '---', '');
    assert.equal(fixed, head + text.slice(doc.bodyStart));
    assert.equal(fixed.slice(after.bodyStart), text.slice(doc.bodyStart), 'the body is kept byte for byte');
  });

  it('turns a MADR status with a link into the ADR status and the link (real JabRef records)', async () => {
    const superseded = fixture('jabref/0045-use-input-flag-always-for-input-files.md');
    const first = await addFrontmatter('0045-use-input-flag-always-for-input-files.md', superseded);
    assert.equal(
      first.fixed,
      lines(
        '---',
        'nav_order: 45',
        'parent: Decision Records',
        'status: superseded # was: "superseded by ADR-0057"',
        'type: adr',
        'title: Use `--input` Flag Consistently for Reading Input Files',
        NO_DATE,
        ...OWNERS,
        ...DECIDERS,
        'superseded-by:',
        '  - ADR-0057',
        ...STRUCTURES,
        '---',
        '',
      ) + superseded.slice(first.doc.bodyStart),
    );

    const successor = fixture('jabref/0057-allow-positional-input-file-argument.md');
    const second = await addFrontmatter('0057-allow-positional-input-file-argument.md', successor);
    assert.ok(second.fixed.startsWith(lines('---', 'nav_order: 57', 'parent: Decision Records', 'status: accepted # was: "accepted; supersedes ADR-0045"', 'type: adr', '')));
    assert.ok(second.fixed.includes(lines(...DECIDERS, 'supersedes:', '  - ADR-0045', 'reversibility:')));
    assert.equal(second.fixed.slice(second.after.bodyStart), successor.slice(second.doc.bodyStart));
  });

  it('puts frontmatter above a log4brains record and leaves its bullets (real log4brains record)', async () => {
    const text = fixture('log4brains/20201103-use-lunr-for-search.md');
    const { fixed, after } = await addFrontmatter('20201103-use-lunr-for-search.md', text);
    assert.equal(fixed, lines('---', 'type: adr', 'title: Use Lunr for search', 'status: accepted', 'date: 2020-11-03', ...OWNERS, ...DECIDERS, ...STRUCTURES, '---', '') + text);
    assert.equal(fixed.slice(after.bodyStart), text);
  });

  it('puts frontmatter above an adr-tools record and leaves its Status section and Date line', async () => {
    const text = readFileSync(ADR_TOOLS_RECORD, 'utf8');
    const { fixed, after } = await addFrontmatter('0009-use-terraform-for-cloud-infrastructure.md', text);
    assert.equal(
      fixed,
      lines('---', 'type: adr', 'title: Use Terraform for cloud infrastructure', 'status: accepted', 'date: 2019-03-01', ...OWNERS, ...DECIDERS, ...STRUCTURES, '---', '') + text,
    );
    assert.equal(fixed.slice(after.bodyStart), text);
    assert.ok(fixed.includes('\n## Status\n\nAccepted\n'));
  });

  it('carries deciders, tags and a superseded record\'s successor', async () => {
    const text = lines('# 3. Queue payouts', '', '- Status: superseded by [ADR-0012](0012-x.md)', '- Deciders: amira, jonas', '- Date: 2021-04-01', '- Tags: payouts', '', '## Context', '', 'Why.', '');
    const { fixed } = await addFrontmatter('0003-queue-payouts.md', text);
    assert.equal(
      fixed,
      lines(
        '---',
        'type: adr',
        'title: Queue payouts',
        'status: superseded',
        'date: 2021-04-01',
        ...OWNERS,
        'deciders:',
        '  - amira',
        '  - jonas',
        'superseded-by:',
        '  - ADR-0012',
        ...STRUCTURES,
        'tags:',
        '  - payouts',
        '---',
        '',
      ) + text,
    );
  });

  it('asks for the successor of a superseded record that does not name it', async () => {
    const text = lines('# 3. Queue payouts', '', '## Status', '', 'Superseded', '', '## Context', '', 'Why.', '');
    const { fixed } = await addFrontmatter('0003-queue-payouts.md', text);
    assert.ok(fixed.includes(lines('status: superseded', NO_DATE, ...OWNERS, ...DECIDERS, 'superseded-by:', '  - <Which records replace this one?>', 'reversibility:')));
  });

  it('maps a status onto the ADR vocabulary, keeps one with no counterpart as written, from a bullet or from the block', async () => {
    const draft = lines('# Use Lunr', '', '- Status: draft', '');
    assert.ok((await addFrontmatter('0001-use-lunr.md', draft)).fixed.includes('\nstatus: proposed\n'), 'draft is proposed in an ADR');
    const postponed = lines('# Use Lunr', '', '- Status: postponed', '');
    const kept = applyEdits(postponed, addFrontmatterFix(docOf('0001-use-lunr.md', postponed))!.edits);
    assert.ok(kept.startsWith(lines('---', 'type: adr', 'title: Use Lunr', 'status: postponed', NO_DATE, '')));
    const schema = only(await lintDoc(docOf('0001-use-lunr.md', kept)), 'frontmatter-schema');
    assert.deepEqual(schema.fix, { kind: 'replace-value', pointer: '/status', suggestions: ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] });

    const onHold = lines('---', 'parent: Decisions', 'status: on hold', '---', '# Write own tooling', '');
    const doc = docOf('0003-write-own-tooling.md', onHold);
    const action = addFrontmatterFix(doc)!;
    const result = applyEdits(onHold, action.edits);
    assert.ok(result.startsWith(lines('---', 'parent: Decisions', 'status: on hold', 'type: adr', 'title: Write own tooling', NO_DATE, '')));
    // The author's word stays; the schema rule then offers the ADR words for it.
    const after = only(await lintDoc(docOf(doc.path.split('/').pop()!, result)), 'frontmatter-schema');
    assert.equal(after.fix?.kind, 'replace-value');
  });

  it('keeps the BOM first and uses CRLF throughout a CRLF record', async () => {
    const body = crlf(lines('# 9. Use Terraform', '', 'Date: 2019-03-01', '', '## Status', '', 'Accepted', '', '## Context', '', 'Why.', ''));
    const { fixed, after } = await addFrontmatter('0009-use-terraform.md', `\uFEFF${body}`);
    assert.equal(fixed, `\uFEFF${crlf(lines('---', 'type: adr', 'title: Use Terraform', 'status: accepted', 'date: 2019-03-01', ...OWNERS, ...DECIDERS, ...STRUCTURES, '---', ''))}${body}`);
    assert.equal(fixed.slice(after.bodyStart), body);
  });

  it('uses CR line breaks in a CR-only record', async () => {
    const body = cr(lines('# 9. Use Terraform', '', 'Date: 2019-03-01', '', '## Status', '', 'Accepted', '', '## Context', '', 'Why.', ''));
    const { fixed, after } = await addFrontmatter('0009-use-terraform.md', body);
    assert.equal(fixed, cr(lines('---', 'type: adr', 'title: Use Terraform', 'status: accepted', 'date: 2019-03-01', ...OWNERS, ...DECIDERS, ...STRUCTURES, '---', '')) + body);
    assert.equal(fixed.slice(after.bodyStart), body);
  });

  it('fills an empty frontmatter block (frontmatter-malformed), taking the title from the heading', async () => {
    const text = lines('---', '---', '', '# Cache sessions', '', 'Why.', '');
    const doc = docOf('0001-cache-sessions.md', text);
    const before = await lintDoc(doc);
    const finding = only(before, 'frontmatter-malformed');
    const { text: fixed } = applyOnly(doc, finding);
    assert.equal(fixed, lines('---', 'type: adr', 'title: Cache sessions', NO_STATUS, NO_DATE, ...OWNERS, ...DECIDERS, ...STRUCTURES, '---', '', '# Cache sessions', '', 'Why.', ''));
    assertFixed(before, await lintDoc(docOf('0001-cache-sessions.md', fixed)), finding, BODY_RULES);
  });

  it('adds to a frontmatter block at its own indentation', () => {
    const text = lines('---', 'parent: Decisions', 'links:', '    home: /', '---', '# Cache', '');
    const action = addFrontmatterFix(docOf('0001-cache.md', text))!;
    const fixed = applyEdits(text, action.edits);
    assert.ok(fixed.includes(lines('risk:', '    level: <low | medium | high | critical>', '')));
    assert.ok(fixed.includes(lines('knowledge-exit-path:', '    holders:', '        - <Who holds the knowledge behind this decision today?>', '')));
  });

  it('offers no fix for a Legible record, a broken block or a flow-mapping block', () => {
    assert.equal(addFrontmatterFix(docOf('0001-a.md', lines('---', 'type: adr', '---', ''))), undefined);
    assert.equal(addFrontmatterFix(docOf('0001-a.md', lines('---', 'title: [unclosed', '---', ''))), undefined);
    assert.equal(addFrontmatterFix(docOf('0001-a.md', lines('---', 'title: x', ''))), undefined);
    assert.equal(addFrontmatterFix(docOf('0001-a.md', lines('---', '{parent: Decisions}', '---', '# A', ''))), undefined);
    assert.equal(addFrontmatterFix(docOf('0001-a.md', lines('', '---', 'title: x', '---', ''))), undefined);
    const finding = { ruleId: 'frontmatter-missing', severity: 'warning' as const, message: '', path: '/ws/docs/decisions/0001-a.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, fix: { kind: 'add-frontmatter' as const } };
    assert.deepEqual(fixesFor(docOf('0001-a.md', lines('---', 'type: adr', '---', '')), finding, defaultConfig()), []);
  });
});
