import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, type ResolvedConfig } from '../../../src/core/config/config';
import { parseDecisionDocument, type DecisionDocument } from '../../../src/core/document/decision-document';
import { buildEntry } from '../../../src/core/index/build-entry';
import { DecisionIndex } from '../../../src/core/index/decision-index';
import { lintBody, lintFrontmatter, type LintContext } from '../../../src/core/lint/lint-document';
import { lintIndex } from '../../../src/core/lint/lint-workspace';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import type { Finding } from '../../../src/core/rules/rule';
import { SchemaValidator } from '../../../src/core/schema/validator';
import { applyEdits, fixesFor, type FixAction } from '../../../src/core/fixes/fixes';

/**
 * The fixes are tested end to end: a document is linted by the real linter, the finding's fix is
 * turned into edits, the edits are applied, and the result is linted again.
 */

export const TODAY = '2026-11-21';
export const FOLDER = '/ws/docs/decisions';
const validator = new SchemaValidator();

export function lintContext(config: ResolvedConfig = defaultConfig()): LintContext {
  return { config, validator, today: TODAY };
}

export function docOf(name: string, text: string): DecisionDocument {
  return parseDecisionDocument(`${FOLDER}/${name}`, text, DEFAULT_LIMITS);
}

/** Frontmatter and body rules on one document. */
export async function lintDoc(doc: DecisionDocument, config: ResolvedConfig = defaultConfig()): Promise<Finding[]> {
  const entry = buildEntry(doc, FOLDER);
  const context = lintContext(config);
  return [...lintFrontmatter(doc, entry, context), ...(await lintBody(doc, entry, context))];
}

/** Every rule, the cross-file ones too, over a set of documents (local links resolve to these paths only). */
export async function lintDocs(docs: readonly DecisionDocument[], config: ResolvedConfig = defaultConfig()): Promise<Finding[]> {
  const index = new DecisionIndex();
  const findings: Finding[] = [];
  for (const doc of docs) {
    index.set(buildEntry(doc, FOLDER));
    findings.push(...(await lintDoc(doc, config)));
  }
  const paths = new Set(docs.map((d) => d.path));
  findings.push(...(await lintIndex(index, { ...lintContext(config), presence: async (p) => (paths.has(p) ? 'present' : 'missing') })));
  return findings;
}

export function only(findings: readonly Finding[], ruleId: string, path?: string): Finding {
  const matching = findings.filter((f) => f.ruleId === ruleId && (path === undefined || f.path === path));
  assert.equal(matching.length, 1, `expected one ${ruleId} finding, got:\n${listFindings(findings)}`);
  return matching[0];
}

export function listFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `  ${f.path.slice(FOLDER.length + 1)}:${f.range.start.line + 1} ${f.ruleId} (${f.severity}): ${f.message}`).join('\n') || '  (none)';
}

function key(finding: Finding): string {
  return `${finding.path} ${finding.ruleId} ${finding.message}`;
}

/** Findings after a fix that were not there before (by file, rule and message). */
export function added(before: readonly Finding[], after: readonly Finding[]): Finding[] {
  const seen = new Set(before.map(key));
  return after.filter((f) => !seen.has(key(f)));
}

/** The rules that report the placeholders a fix deliberately writes (`placeholder-in-force` on a record in force). */
export const PLACEHOLDER_RULES: readonly string[] = ['placeholder', 'placeholder-in-force'];

/**
 * Asserts that the finding is gone after the fix and that the fix brought no new finding, apart from
 * the placeholder findings for the placeholders it deliberately wrote (and any rule listed in `allowed`).
 */
export function assertFixed(before: readonly Finding[], after: readonly Finding[], fixed: Finding, allowed: readonly string[] = []): void {
  assert.ok(!after.some((f) => f.path === fixed.path && f.ruleId === fixed.ruleId && f.message === fixed.message), `the ${fixed.ruleId} finding is still there:\n${listFindings(after)}`);
  const unexpected = added(before, after).filter((f) => !PLACEHOLDER_RULES.includes(f.ruleId) && !allowed.includes(f.ruleId));
  assert.deepEqual(unexpected.map(key), [], `the fix brought new findings:\n${listFindings(unexpected)}`);
}

/** The one action a fix offers, applied. */
export function applyOnly(doc: DecisionDocument, finding: Finding, config: ResolvedConfig = defaultConfig()): { action: FixAction; text: string } {
  const actions = fixesFor(doc, finding, config);
  assert.equal(actions.length, 1, `expected one fix, got ${actions.map((a) => a.title).join(' / ') || 'none'}`);
  return { action: actions[0], text: applyEdits(doc.text, actions[0].edits) };
}

/** Lines joined with a line break: keeps expected texts readable. */
export function lines(...parts: string[]): string {
  return parts.join('\n');
}

export const FIXTURES = path.join(__dirname, 'fixtures');

export function fixture(rel: string): string {
  return readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

/** Classic Mac line breaks: a lone CR. */
export function cr(text: string): string {
  return text.replace(/\n/g, '\r');
}

/** A clean ADR (no finding with the default configuration on TODAY), to start each case from. */
export const CLEAN_ADR = lines(
  '---',
  'type: adr',
  'title: Cache sessions in Redis',
  'status: accepted',
  'date: 2026-03-02',
  'owners: [amira]',
  'review-by: 2027-03-01',
  'deciders: [amira, jonas]',
  'reversibility:',
  '  door: two-way',
  'risk:',
  '  level: medium',
  '  blast-radius: team',
  'business-tradeoff:',
  '  reduces-risk: Session loss on deploys.',
  '  preserves-option: Moving to a managed cache later.',
  '  accepts-cost: One more service to run.',
  '  eases-later: Horizontal scaling of the web tier.',
  '  protects-outcome: Customers stay signed in.',
  'knowledge-exit-path:',
  '  holders: [amira]',
  '  successors: [jonas]',
  '  mechanisms: [runbook]',
  '  due: 2027-01-31',
  '---',
  '',
  '# Cache sessions in Redis',
  '',
  '## Context',
  '',
  'Sessions live in process memory.',
  '',
  '## Decision',
  '',
  'Store them in Redis.',
  '',
  '## Consequences',
  '',
  'Deploys no longer sign people out.',
  '',
);
