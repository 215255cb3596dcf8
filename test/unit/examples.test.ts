import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from '../../src/node/node-file-system';
import { RULES } from '../../src/core/rules/registry';
import { DecisionWorkspace } from '../../src/core/workspace/decision-workspace';
import { discoverFolders } from '../../src/core/workspace/discover-folders';
import { loadConfig } from '../../src/core/workspace/load-config';

/**
 * examples/README.md promises, in a table, which rules each example record triggers (every other
 * record is clean) for any date from 2025-07-01 to 2027-09-29. This test reads the table, so it
 * follows the README as it changes, and holds the examples to it on both ends of that range.
 */

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const WORKSPACE = path.join(EXAMPLES, 'workspace');

function promised(): Map<string, string[]> {
  const readme = readFileSync(path.join(EXAMPLES, 'README.md'), 'utf8');
  const rows = new Map<string, string[]>();
  for (const line of readme.split(/\r?\n/)) {
    const cells = line.split('|').map((cell) => cell.trim());
    const file = /^`([^`]+\.md)`$/.exec(cells[1] ?? '')?.[1];
    if (!file) continue;
    rows.set(file, [...(cells[2] ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1]).sort());
  }
  return rows;
}

describe('examples/workspace keeps the promises of examples/README.md', function () {
  this.timeout(60_000);
  const table = promised();

  it('has a table of example files and the registered rules they trigger', () => {
    assert.ok(table.size >= 5, 'no table of example files found in examples/README.md');
    const ids = new Set(RULES.map((rule) => rule.id));
    for (const [file, rules] of table) {
      assert.ok(rules.length > 0, `${file} lists no rule`);
      for (const rule of rules) assert.ok(ids.has(rule), `${file} lists ${rule}, which is not a registered rule`);
    }
  });

  for (const today of ['2025-07-01', '2026-11-21', '2027-09-29']) {
    it(`on ${today}, each listed record triggers exactly its rules and every other record is clean`, async () => {
      const fs = new NodeFileSystem();
      const { config, validator } = await loadConfig(fs, WORKSPACE, { trusted: true });
      const folders = await discoverFolders(fs, WORKSPACE, config);
      const workspace = new DecisionWorkspace({ fs, root: WORKSPACE, folders, config, validator, today });
      await workspace.scan();
      const findings = await workspace.findings();
      const actual = new Map<string, string[]>();
      for (const entry of workspace.index.entries()) {
        const file = path.relative(WORKSPACE, entry.path).split(path.sep).join('/');
        actual.set(file, [...new Set((findings.get(entry.path) ?? []).map((f) => f.ruleId))].sort());
      }
      for (const file of table.keys()) assert.ok(actual.has(file), `${file} is in the README but not in the index`);
      const expected = new Map([...actual.keys()].map((file) => [file, table.get(file) ?? []]));
      assert.deepEqual(Object.fromEntries(actual), Object.fromEntries(expected));
    });
  }
});
