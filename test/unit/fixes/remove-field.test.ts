import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/config';
import { fixWorkspace } from '../../../src/core/fixes/fix-all';
import { applyEdits, fixesFor } from '../../../src/core/fixes/fixes';
import { lintFiles, ROOT } from '../support/workspace';
import { CLEAN_ADR, docOf, lintDoc, listFindings, only } from './fix-harness';

/**
 * Issue 13: clearing an optional field (`plan:` with nothing after it) gave "should be a string or a
 * integer, not empty" and only "disable". It is reported in plain words, and its line can go.
 */

const NAME = '0001-cache.md';

describe('fixes: remove-field (an optional field left empty)', () => {
  it('says an emptied optional field is empty and optional, and removes its line', async () => {
    const text = CLEAN_ADR.replace('  due: 2027-01-31\n', '  plan:\n  due: 2027-01-31\n');
    const finding = only(await lintDoc(docOf(NAME, text)), 'frontmatter-schema');
    assert.equal(
      finding.message,
      '`knowledge-exit-path.plan` is empty. Which exit plan moves this knowledge, if there is one? (An exit-plan id such as EXIT-0012.) Answer it, or remove the line: the field is optional.',
    );
    assert.doesNotMatch(finding.message, /a integer|not empty/);
    assert.deepEqual(finding.fix, { kind: 'remove-field', pointer: '/knowledge-exit-path/plan', safe: true });
    const [action, ...rest] = fixesFor(docOf(NAME, text), finding, defaultConfig());
    assert.deepEqual(rest, []);
    assert.equal(action.title, 'Remove the empty `knowledge-exit-path.plan`');
    assert.equal(action.isPreferred, true);
    const fixed = applyEdits(text, action.edits);
    assert.equal(fixed, CLEAN_ADR);
    assert.deepEqual(await lintDoc(docOf(NAME, fixed)), []);
  });

  it('removes a trailing comment and a root key alike, and keeps CRLF', async () => {
    const text = CLEAN_ADR.replace('review-by: 2027-03-01\n', 'review-by:   # later\n').replace(/\n/g, '\r\n');
    const finding = only(await lintDoc(docOf(NAME, text)), 'frontmatter-schema');
    assert.match(finding.message, /^`review-by` is empty\. When should this decision be revisited\? \(YYYY-MM-DD\) Answer it, or remove the line/);
    const fixed = applyEdits(text, fixesFor(docOf(NAME, text), finding, defaultConfig())[0].edits);
    assert.equal(fixed, CLEAN_ADR.replace('review-by: 2027-03-01\n', '').replace(/\n/g, '\r\n'));
  });

  it('asks the question of an emptied required field, with no removal: removing it would be an error too', async () => {
    for (const [text, message] of [
      [CLEAN_ADR.replace('owners: [amira]', 'owners:'), '`owners` is empty. Who is accountable for this record?'],
      [CLEAN_ADR.replace('  reduces-risk: Session loss on deploys.', '  reduces-risk:'), '`business-tradeoff.reduces-risk` is empty. What risk are we reducing?'],
      // Required only because the door is one-way: the schema's condition, not a list here.
      [CLEAN_ADR.replace('  door: two-way', '  door: one-way\n  how:'), '`reversibility.how` is empty. How would we reverse this if it proves wrong? (Required for one-way doors.)'],
    ] as const) {
      const findings = await lintDoc(docOf(NAME, text));
      const finding = findings.find((f) => f.ruleId === 'frontmatter-schema');
      assert.ok(finding, listFindings(findings));
      assert.equal(finding.message, message);
      assert.equal(finding.fix, undefined);
    }
  });

  it('keeps a key that is the only one of its mapping (removing it would leave the mapping empty)', async () => {
    const plan = CLEAN_ADR.replace('knowledge-exit-path:\n  holders: [amira]\n  successors: [jonas]\n  mechanisms: [runbook]\n  due: 2027-01-31\n', 'knowledge-exit-path:\n  plan:\n');
    const finding = (await lintDoc(docOf(NAME, plan))).find((f) => f.message.startsWith('`knowledge-exit-path.plan` is empty'));
    assert.ok(finding);
    assert.equal(finding.fix, undefined);
  });

  it('treats an empty list or text in an optional field alike (`deciders: []`)', async () => {
    const text = CLEAN_ADR.replace('deciders: [amira, jonas]', 'deciders: []');
    const finding = only(await lintDoc(docOf(NAME, text)), 'frontmatter-schema');
    assert.equal(finding.message, '`deciders` is empty. Who made this decision? Answer it, or remove the line: the field is optional.');
    assert.equal(applyEdits(text, fixesFor(docOf(NAME, text), finding, defaultConfig())[0].edits), CLEAN_ADR.replace('deciders: [amira, jonas]\n', ''));
    const title = only(await lintDoc(docOf(NAME, CLEAN_ADR.replace('title: Cache sessions in Redis', 'title: ""'))), 'frontmatter-schema');
    assert.deepEqual([title.message, title.fix], ['`title` is empty. What is this record about, in a few words?', undefined]);
  });

  it('is applied by lint --fix', async () => {
    const text = CLEAN_ADR.replace('  due: 2027-01-31\n', '  plan:\n  due: 2027-01-31\n');
    const ws = await lintFiles({ 'docs/decisions/0001-cache.md': text });
    const decoder = new TextDecoder();
    const fixed = await fixWorkspace(ws.workspace, { shows: () => true, textOf: async (path) => decoder.decode(await ws.fs.readFile(path)) });
    assert.deepEqual(fixed.get(`${ROOT}/docs/decisions/0001-cache.md`), { text: CLEAN_ADR, applied: ['Remove the empty `knowledge-exit-path.plan`'] });
  });
});
