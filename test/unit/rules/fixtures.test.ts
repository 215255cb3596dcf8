import assert from 'node:assert/strict';
import { RULES } from '../../../src/core/rules/registry';
import type { Finding } from '../../../src/core/rules/rule';
import { DECISIONS, loadRuleFixtures, type FixtureCase } from '../support/rule-fixtures';
import { lintFiles } from '../support/workspace';

/**
 * Every fixture under test/fixtures/rules is linted through the real DecisionWorkspace (on an
 * in-memory file system, on a fixed day) and must produce exactly the findings its inline markers
 * name: same file, same line, same rule, as many times as listed — no more, no less.
 */

const RULE_IDS = new Set(RULES.map((rule) => rule.id));
const cases = loadRuleFixtures(RULE_IDS);

function key(file: string, line: number, ruleId: string): string {
  return `${file}:${line} ${ruleId}`;
}

function expectedKeys(fixture: FixtureCase): string[] {
  return [...fixture.expected].flatMap(([file, list]) => list.map((e) => key(file, e.line, e.ruleId))).sort();
}

function fixturePath(finding: Finding): string {
  // A code file lies at the workspace root; its fixture, below the scenario's `code/`.
  return finding.path.startsWith(`${DECISIONS}/`) ? finding.path.slice(DECISIONS.length + 1) : `code/${finding.path}`;
}

function triggered(fixture: FixtureCase, ruleId: string): boolean {
  return [...fixture.expected.values()].some((list) => list.some((e) => e.ruleId === ruleId));
}

describe('rule fixtures (test/fixtures/rules)', () => {
  it('are found, in folders named after registered rules', () => {
    assert.ok(cases.length > 0, 'no fixtures found');
    const folders = [...new Set(cases.map((c) => c.rule))];
    assert.deepEqual(folders.filter((folder) => !RULE_IDS.has(folder)), [], 'fixture folders must be named after a rule id in RULES');
  });

  for (const rule of RULES) {
    it(`${rule.id} has a fixture that triggers it and one that stays clean`, () => {
      const own = cases.filter((c) => c.rule === rule.id);
      assert.ok(own.some((c) => triggered(c, rule.id)), `no fixture in test/fixtures/rules/${rule.id}/ marks an expected ${rule.id} finding`);
      assert.ok(own.some((c) => !triggered(c, rule.id)), `no fixture in test/fixtures/rules/${rule.id}/ must stay clean of ${rule.id}`);
    });
  }

  for (const fixture of cases) {
    it(fixture.name, async () => {
      assert.deepEqual(fixture.problems, [], 'malformed markers');
      assert.ok([...fixture.expected.keys()].some((file) => file.endsWith('.md')), 'a fixture holds at least one Markdown file');
      const { findings } = await lintFiles(fixture.files, { base: fixture.base, history: fixture.history, code: true });
      const actual = findings.map((f) => key(fixturePath(f), f.range.start.line + 1, f.ruleId)).sort();
      const expected = expectedKeys(fixture);
      const detail = findings.map((f) => `  ${key(fixturePath(f), f.range.start.line + 1, f.ruleId)} (${f.severity}): ${f.message}`).join('\n');
      assert.deepEqual(actual, expected, `findings differ from the markers; the linter reported:\n${detail || '  (nothing)'}`);
      for (const [file, list] of fixture.expected) {
        for (const e of list) {
          if (!e.severity) continue;
          const match = findings.filter((f) => fixturePath(f) === file && f.range.start.line + 1 === e.line && f.ruleId === e.ruleId);
          assert.ok(match.every((f) => f.severity === e.severity), `${key(file, e.line, e.ruleId)} should be ${e.severity}, got ${match.map((f) => f.severity).join(', ')}`);
        }
      }
    });
  }
});
