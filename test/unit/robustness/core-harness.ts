import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/config';
import { parseDecisionDocument, type DecisionDocument } from '../../../src/core/document/decision-document';
import { completionsAt } from '../../../src/core/editor/completions';
import { hoverAt } from '../../../src/core/editor/hover';
import { applyEdits, disableRuleFix, fixesFor, type FixAction } from '../../../src/core/fixes/fixes';
import { buildEntry } from '../../../src/core/index/build-entry';
import { DecisionIndex } from '../../../src/core/index/decision-index';
import { lintBody, lintFrontmatter, type LintContext } from '../../../src/core/lint/lint-document';
import { lintIndex } from '../../../src/core/lint/lint-workspace';
import type { Finding } from '../../../src/core/rules/rule';
import { SchemaValidator } from '../../../src/core/schema/validator';
import { LineIndex, type Range } from '../../../src/core/text/position';
import { assertInside } from './robustness-support';

/**
 * The whole pure core on one text, as the property tests and the typing simulation drive it:
 * parse, index entry, frontmatter and body rules, cross-file rules, every fix offered (applied, and
 * the result parsed and linted again), completion and hover. Asserts that every range lies inside
 * the text; any throw fails the caller.
 */

export const FOLDER = '/ws/docs/decisions';
export const PATH = `${FOLDER}/0007-typed.md`;
const config = defaultConfig();
export const CONTEXT: LintContext = { config, validator: new SchemaValidator(), today: '2026-11-21' };

export function assertRangeInside(lines: LineIndex, range: Range, label: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineText(p.line).length, `${label}: ${JSON.stringify(range)} outside ${lines.lineCount} lines`);
  }
}

/** Frontmatter rules only: what the editor runs on every keystroke (DecisionWorkspace.updateFrontmatter). */
export function lintFrontmatterOf(text: string, path = PATH): { doc: DecisionDocument; findings: Finding[] } {
  const doc = parseDecisionDocument(path, text, config.limits);
  const findings = lintFrontmatter(doc, buildEntry(doc, FOLDER), CONTEXT);
  for (const finding of findings) assertRangeInside(doc.lines, finding.range, `frontmatter rules: ${finding.ruleId}`);
  return { doc, findings };
}

/** Frontmatter and body rules, each finding's range checked. */
export async function lintAll(text: string, path = PATH): Promise<{ doc: DecisionDocument; findings: Finding[] }> {
  const doc = parseDecisionDocument(path, text, config.limits);
  const entry = buildEntry(doc, FOLDER);
  const findings = [...lintFrontmatter(doc, entry, CONTEXT), ...(await lintBody(doc, entry, CONTEXT))];
  assertInside(text, findings, 'document rules');
  return { doc, findings };
}

function checkAction(doc: DecisionDocument, action: FixAction, label: string): string {
  for (const edit of action.edits) assertRangeInside(doc.lines, edit.range, `${label}: ${action.title}`);
  return applyEdits(doc.text, action.edits);
}

/** Everything: the document's own findings (returned), fixes applied and relinted, cross-file rules, the editor at `offsets`. */
export async function exercise(text: string, offsets: readonly number[] = []): Promise<Finding[]> {
  const { doc, findings } = await lintAll(text);
  for (const finding of findings) {
    const actions = [...fixesFor(doc, finding, config)];
    const disable = disableRuleFix(doc, finding.ruleId);
    if (disable) actions.push(disable);
    for (const action of actions) {
      const fixed = checkAction(doc, action, finding.ruleId);
      lintFrontmatterOf(fixed);
    }
  }
  const index = new DecisionIndex();
  index.set(buildEntry(doc, FOLDER));
  const other = parseDecisionDocument(`${FOLDER}/0008-other.md`, '---\ntype: adr\ntitle: Other\nsupersedes: [7]\nrelated: [ADR-0007, 0042]\n---\n', config.limits);
  index.set(buildEntry(other, FOLDER));
  const crossFile = await lintIndex(index, { ...CONTEXT, presence: async () => 'missing' });
  for (const finding of crossFile) {
    if (finding.path === PATH) assertInside(text, [finding], 'cross-file rules');
    for (const related of finding.related ?? []) if (related.path === PATH) assertRangeInside(doc.lines, related.range, 'related location');
  }
  for (const offset of offsets) {
    for (const item of completionsAt(text, offset, index, { path: PATH, today: CONTEXT.today })) assertRangeInside(doc.lines, item.replace, `completion ${item.label}`);
    const hover = hoverAt(text, offset, index, { path: PATH });
    if (hover) assertRangeInside(doc.lines, hover.range, 'hover');
  }
  return findings;
}
