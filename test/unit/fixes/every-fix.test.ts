import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyEdits, disableRuleFix, fixesFor, type FixAction } from '../../../src/core/fixes/fixes';
import { RULES } from '../../../src/core/rules/registry';
import type { Finding } from '../../../src/core/rules/rule';
import { loadRuleFixtures } from '../support/rule-fixtures';
import { lintFiles, ROOT, type TestWorkspace } from '../support/workspace';
import { FIXTURES, PLACEHOLDER_RULES } from './fix-harness';

/**
 * Every fix offered anywhere in the repository's records — the rule fixtures, the example workspace
 * and the real-world records here — applied the way the extension applies it: the edited text goes
 * back through DecisionWorkspace.update, as an editor buffer would, and the workspace is linted again.
 */

interface Scenario {
  readonly name: string;
  readonly files: Readonly<Record<string, Uint8Array | string>>;
}

function folder(name: string, dir: string, into = 'docs/decisions'): Scenario {
  const files: Record<string, string> = {};
  for (const file of readdirSync(dir)) if (file.endsWith('.md')) files[`${into}/${file}`] = readFileSync(path.join(dir, file), 'utf8');
  return { name, files };
}

const scenarios: Scenario[] = [
  ...loadRuleFixtures(new Set(RULES.map((r) => r.id))).map((c) => ({ name: `rule fixture ${c.name}`, files: c.files })),
  folder('example workspace', path.resolve(__dirname, '../../../examples/workspace/docs/decisions')),
  ...['madr', 'jabref', 'log4brains'].map((name) => folder(`real-world ${name}`, path.join(FIXTURES, name))),
];

const key = (f: Finding): string => `${f.path} ${f.ruleId} ${f.message}`;

/** The `<…>` placeholders an action writes: findings about them are the ones it means to raise. */
function placeholdersOf(action: FixAction): string[] {
  return action.edits.flatMap((edit) => edit.newText.match(/<[^<>\r\n]+>/g) ?? []);
}

async function relint(ws: TestWorkspace, file: string, text: string): Promise<Finding[]> {
  await ws.workspace.update(file, text);
  return [...(await ws.workspace.findings()).values()].flat();
}

describe('fixes: every fix on the repository\'s records', () => {
  let applied = 0;

  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      const ws = await lintFiles(scenario.files);
      const before = [...(await ws.workspace.findings()).values()].flat();
      for (const finding of before) {
        const { doc } = await ws.workspace.update(finding.path);
        if (doc.readProblem !== undefined) continue; // an editor does not edit a file it could not read
        const actions = [...fixesFor(doc, finding, ws.loaded.config)];
        const disable = disableRuleFix(doc, finding.ruleId);
        if (disable) actions.push(disable);
        for (const action of actions) {
          const where = `${scenario.name}: ${finding.path.slice(ROOT.length + 1)} ${finding.ruleId} → ${action.title}`;
          assert.equal(action.path ?? finding.path, finding.path, where);
          const after = await relint(ws, finding.path, applyEdits(doc.text, action.edits));
          await ws.workspace.update(finding.path, doc.text);
          applied++;
          assert.ok(!after.some((f) => key(f) === key(finding)), `${where}: the finding is still there`);
          const seen = new Set(before.map(key));
          const fresh = after.filter((f) => !seen.has(key(f)));
          assert.deepEqual(fresh.filter((f) => f.ruleId === 'frontmatter-malformed').map(key), [], `${where}: the frontmatter no longer parses`);
          // Adding frontmatter makes a legacy record a Legible one, which every rule then reads; a
          // value other than the preferred one may ask for more (`superseded` wants `superseded-by`).
          if (action !== disable && (finding.fix?.kind === 'add-frontmatter' || !action.isPreferred)) continue;
          const placeholders = placeholdersOf(action);
          const unexpected = fresh.filter((f) => !PLACEHOLDER_RULES.includes(f.ruleId) && !placeholders.some((p) => f.message.includes(p)));
          assert.deepEqual(unexpected.map(key), [], `${where}: new findings`);
        }
      }
    });
  }

  after(() => {
    assert.ok(applied > 100, `only ${applied} fixes were applied: are the fixtures still found?`);
  });
});
