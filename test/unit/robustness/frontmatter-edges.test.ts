import assert from 'node:assert/strict';
import { completionsAt } from '../../../src/core/editor/completions';
import { hoverAt } from '../../../src/core/editor/hover';
import { disableRuleFix, fixesFor } from '../../../src/core/fixes/fixes';
import { brief } from '../support/workspace';
import { assertInside, cleanAdr, FILE, lintOne } from './robustness-support';

/**
 * Issue 5, the frontmatter edge cases: line endings and a BOM, fences out of place or never closed,
 * TOML, frontmatter that is empty, a scalar or a list, and keys named after Object.prototype.
 * Each is one diagnostic on the right line (or none), and every rule, fix and editor query survives it.
 */

/** A clean ADR whose only problem is a passed review date: review-overdue on line 7. */
const OVERDUE = cleanAdr('Edges', ['review-by: 2026-01-01']);

async function check(text: string, expected: readonly string[]): Promise<void> {
  const { findings, workspace, loaded } = await lintOne(text);
  assert.deepEqual(brief(findings), expected);
  assertInside(text, findings);
  // Every fix offered, and the editor at every line start, must survive the same text.
  const { doc } = await workspace.update(`/ws/${FILE}`, text);
  for (const finding of findings) {
    fixesFor(doc, finding, loaded.config);
    disableRuleFix(doc, finding.ruleId);
  }
  for (let line = 0; line < doc.lines.lineCount; line++) {
    completionsAt(text, doc.lines.lineStart(line), workspace.index, { path: `/ws/${FILE}`, today: '2026-11-21' });
    hoverAt(text, doc.lines.lineEnd(line), workspace.index, { path: `/ws/${FILE}` });
  }
}

describe('robustness: frontmatter edge cases', () => {
  it('the control: LF, no BOM — review-overdue on line 7 and nothing else', async () => {
    await check(OVERDUE, ['review-overdue@7']);
  });

  it('BOM + CRLF: read as the same record, the finding on the same line', async () => {
    const text = `\uFEFF${OVERDUE.replace(/\n/g, '\r\n')}`;
    await check(text, ['review-overdue@7']);
    const { workspace } = await lintOne(text);
    assert.equal(workspace.index.get(`/ws/${FILE}`)?.title, 'Edges', 'the BOM is not part of the first key, nor \\r of a value');
  });

  it('CR-only line endings (classic Mac): the same record, the finding on the same line', async () => {
    await check(OVERDUE.replace(/\n/g, '\r'), ['review-overdue@7']);
  });

  it('mixed endings — CRLF frontmatter, LF body, a lone CR in a value line — still one record', async () => {
    const [front, body] = [OVERDUE.slice(0, OVERDUE.indexOf('\n---\n') + 5), OVERDUE.slice(OVERDUE.indexOf('\n---\n') + 5)];
    await check(front.replace(/\n/g, '\r\n').replace('status: accepted\r\n', 'status: accepted\r') + body, ['review-overdue@7']);
  });

  it('a blank line before ---: one frontmatter-malformed on the displaced fence (line 2), no frontmatter-missing as well', async () => {
    await check(`\n${OVERDUE}`, ['frontmatter-malformed@2']);
    await check(`  \t\r\n\r\n${OVERDUE}`, ['frontmatter-malformed@3']);
  });

  it('an unclosed fence that swallows the body: one frontmatter-malformed on line 1, and the body is not linted as YAML', async () => {
    const unclosed = OVERDUE.replace('\n---\n\n#', '\n\n#');
    assert.notEqual(unclosed, OVERDUE);
    await check(unclosed, ['frontmatter-malformed@1']);
  });

  it('+++ TOML frontmatter: one frontmatter-malformed on line 1', async () => {
    await check('+++\ntype = "adr"\ntitle = "Edges"\n+++\n\n# Edges\n', ['frontmatter-malformed@1']);
  });

  it('empty frontmatter (---/---, or only a comment): one frontmatter-malformed on line 1', async () => {
    await check('---\n---\n\n# Edges\n', ['frontmatter-malformed@1']);
    await check('---\n# nothing yet\n---\n\n# Edges\n', ['frontmatter-malformed@1']);
  });

  it('scalar or list frontmatter: one frontmatter-malformed on its first line (2)', async () => {
    await check('---\njust a sentence\n---\n\n# Edges\n', ['frontmatter-malformed@2']);
    await check('---\n42\n---\n', ['frontmatter-malformed@2']);
    await check('---\n- type: adr\n- title: Edges\n---\n\n# Edges\n', ['frontmatter-malformed@2']);
  });

  it('__proto__, constructor and prototype keys are data: only the schema\'s word on `related` (line 11), no prototype pollution anywhere in the core', async () => {
    const extra = [
      '__proto__: {polluted: true, type: rfc}',
      'constructor: {prototype: {polluted: true}}',
      'prototype: {polluted: true}',
      'notes: {__proto__: {polluted: true}, toString: x, valueOf: y, hasOwnProperty: z}',
      'related: [{__proto__: {polluted: true}}]',
    ];
    const text = cleanAdr('Prototype', extra);
    await check(text, ['frontmatter-schema@11']);
    const { findings, workspace } = await lintOne(text);
    assert.match(findings[0].message, /related/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
    assert.equal(([] as unknown as Record<string, unknown>).polluted, undefined);
    const { doc } = await workspace.update(`/ws/${FILE}`, text);
    assert.equal(doc.data?.type, 'adr', '__proto__.type did not become the record\'s type');
    assert.equal(Object.getPrototypeOf(doc.data), null);
    assert.equal(workspace.index.get(`/ws/${FILE}`)?.type, 'adr');
  });
});
