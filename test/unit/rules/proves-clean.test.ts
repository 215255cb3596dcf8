import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { buildEntry } from '../../../src/core/index/build-entry';
import { defaultConfig } from '../../../src/core/config/config';
import { SchemaValidator } from '../../../src/core/schema/validator';
import { loadMarkdownParser } from '../../../src/core/parse/markdown';
import { RULES } from '../../../src/core/rules/registry';
import type { BodyRule, Finding } from '../../../src/core/rules/rule';
import { isRecordType } from '../../../src/core/schema/schema-registry';

const REPO = path.resolve(__dirname, '..', '..', '..');
const config = defaultConfig();
const validator = new SchemaValidator();
const bodyRules = RULES.filter((rule): rule is BodyRule => rule.scope === 'body');

/** For every body rule that claims a body clean without the tree, the tree must agree. */
async function assertProofHolds(name: string, text: string): Promise<boolean> {
  const doc = parseDecisionDocument(`/w/${name}`, text, config.limits);
  const entry = buildEntry(doc, '/w');
  const type = isRecordType(doc.data?.type) ? doc.data.type : undefined;
  const tree = (await loadMarkdownParser())(text);
  let proved = false;
  for (const rule of bodyRules) {
    const base = { doc, entry, type, config, validator, today: '2026-11-21', report: () => undefined };
    if (!rule.provesClean?.(base)) continue;
    proved = true;
    const found: Finding[] = [];
    rule.check({ ...base, tree, report: (r) => found.push(r as unknown as Finding) });
    assert.deepEqual(found, [], `${rule.id} proved ${name} clean, but the Markdown tree shows ${found.length} finding(s)`);
  }
  return proved;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : name.endsWith('.md') ? [full] : [];
  });
}

const HEADER = '---\ntype: adr\ntitle: T\nstatus: accepted\n---\n\n# T\n\n';

describe('body rules proving a body clean without the Markdown tree', () => {
  it('never claims clean where the tree finds something (fixtures, examples, real corpus)', async () => {
    const files = [
      ...markdownFiles(path.join(REPO, 'test', 'fixtures', 'rules')),
      ...markdownFiles(path.join(REPO, 'examples')),
      ...markdownFiles(path.resolve(REPO, '..', 'shared', 'corpus', 'real-world')),
    ];
    assert.ok(files.length > 150, `expected the fixtures and the corpus, found ${files.length} files`);
    let proved = 0;
    for (const file of files) if (await assertProofHolds(path.basename(file), readFileSync(file, 'utf8'))) proved++;
    assert.ok(proved > 5, 'the shortcut applies to the clean example records');
  });

  it('never claims clean on bodies built from headings hidden in code, HTML, comments, lists and quotes', async () => {
    const piece = fc.constantFrom(
      '## Context', '## Decision', '## Consequences', 'Context\n-------', '```\n## Decision\n```', '~~~~\n## Consequences\n~~~', '```js\n## Context',
      '<details>\n## Decision\n</details>', '<!--\n## Consequences\n-->', '<!-- c --> ## Context', '- item\n  ## Decision', '> ## Consequences', '    ## Context',
      '1. one\n\n   ## Decision', 'Some text.', '', '### Consequences and more', '## Context ##', '#Decision', '\t## Context', '  ## Consequences',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), async (pieces, eol) => {
        await assertProofHolds('0001-x.md', (HEADER + pieces.join('\n\n')).replace(/\n/g, eol));
      }),
      { numRuns: 300 },
    );
  });
});
