import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/config';
import { applyEdits, fixesFor } from '../../../src/core/fixes/fixes';
import { CLEAN_ADR, crlf, docOf, lintDoc, only } from './fix-harness';

/**
 * Issue 13: every YAML error gets a repair where one is possible, so "Disable frontmatter-malformed
 * for this file" is never the only thing offered: a fence below blank lines, a frontmatter that
 * never closes, a key written twice.
 */

const NAME = '0001-cache.md';

async function repaired(text: string): Promise<{ title: string; text: string }> {
  const doc = docOf(NAME, text);
  const finding = only(await lintDoc(doc), 'frontmatter-malformed');
  const actions = fixesFor(doc, finding, defaultConfig());
  assert.equal(actions.length, 1, actions.map((a) => a.title).join(' / '));
  assert.equal(actions[0].isPreferred, true);
  assert.equal(finding.fix?.safe, undefined, 'where the fields end, or which value is meant, is a guess: not for lint --fix');
  return { title: actions[0].title, text: applyEdits(text, actions[0].edits) };
}

describe('fixes: the frontmatter\'s own repairs (fences, a repeated key)', () => {
  it('removes the blank lines above a `---` meant to open the frontmatter (after a BOM, too)', async () => {
    for (const [broken, expected] of [[`\n\n${CLEAN_ADR}`, CLEAN_ADR], [`\uFEFF\r\n${crlf(CLEAN_ADR)}`, `\uFEFF${crlf(CLEAN_ADR)}`]]) {
      const fixed = await repaired(broken);
      assert.equal(fixed.title, 'Remove the blank lines before the frontmatter');
      assert.equal(fixed.text, expected);
      assert.deepEqual(await lintDoc(docOf(NAME, fixed.text)), []);
    }
  });

  it('closes a frontmatter that never closes before the first heading, after the last field', async () => {
    const broken = CLEAN_ADR.replace('---\n\n# Cache sessions in Redis', '\n# Cache sessions in Redis');
    const fixed = await repaired(broken);
    assert.equal(fixed.title, 'Close the frontmatter with `---` before the first heading');
    assert.equal(fixed.text, CLEAN_ADR);
    assert.deepEqual(await lintDoc(docOf(NAME, fixed.text)), []);
    const noHeading = '---\ntype: adr\ntitle: T\n\nSome text.\n';
    const finding = only(await lintDoc(docOf(NAME, noHeading)), 'frontmatter-malformed');
    assert.deepEqual(fixesFor(docOf(NAME, noHeading), finding, defaultConfig()), [], 'no heading: where the fields end is the author\'s to say');
  });

  it('removes a repeated key with the lines under it, keeping the value read now (the first)', async () => {
    const broken = CLEAN_ADR.replace('knowledge-exit-path:\n', 'risk:\n  level: critical\n  blast-radius: org\nknowledge-exit-path:\n');
    const fixed = await repaired(broken);
    assert.equal(fixed.title, 'Remove the repeated `risk` (the first one is what is read)');
    assert.equal(fixed.text, CLEAN_ADR);
    const status = await repaired(CLEAN_ADR.replace('date: 2026-03-02\n', 'date: 2026-03-02\nstatus: proposed\n'));
    assert.equal(status.text, CLEAN_ADR);
  });
});
