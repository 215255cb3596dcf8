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
import type { BodyRule } from '../../../src/core/rules/rule';
import { isRecordType } from '../../../src/core/schema/schema-registry';
import { REAL_WORLD } from '../support/real-world';

const REPO = path.resolve(__dirname, '..', '..', '..');
const config = defaultConfig();
const validator = new SchemaValidator();
const bodyRules = RULES.filter((rule): rule is BodyRule => rule.scope === 'body');

/**
 * For every body rule that checks a body without the tree, the tree must give the same findings.
 * Returns whether some rule did it without the tree, and whether that found something.
 */
async function assertSameWithoutTree(name: string, text: string): Promise<{ without: boolean; found: boolean }> {
  const doc = parseDecisionDocument(`/w/${name}`, text, config.limits);
  const entry = buildEntry(doc, '/w');
  const type = isRecordType(doc.data?.type) ? doc.data.type : undefined;
  const tree = (await loadMarkdownParser())(text);
  const result = { without: false, found: false };
  for (const rule of bodyRules) {
    const base = { doc, entry, type, config, validator, today: '2026-11-21' };
    const quick: unknown[] = [];
    if (!rule.withoutTree?.({ ...base, report: (r) => quick.push(r) })) {
      assert.deepEqual(quick, [], `${rule.id} reported on ${name} and then said only the tree can tell`);
      continue;
    }
    result.without = true;
    result.found ||= quick.length > 0;
    const found: unknown[] = [];
    rule.check({ ...base, tree, report: (r) => found.push(r) });
    assert.deepEqual(quick, found, `${rule.id} without the tree disagrees with the tree on ${name}`);
  }
  return result;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : name.endsWith('.md') ? [full] : [];
  });
}

const HEADER = '---\ntype: adr\ntitle: T\nstatus: accepted\n---\n\n# T\n\n';

describe('body rules without the Markdown tree', () => {
  it('find exactly what the tree finds (fixtures, examples, real corpus)', async () => {
    const files = [
      ...markdownFiles(path.join(REPO, 'test', 'fixtures', 'rules')),
      ...markdownFiles(path.join(REPO, 'examples')),
      ...markdownFiles(REAL_WORLD),
    ];
    assert.ok(files.length > 150, `expected the fixtures and the corpus, found ${files.length} files`);
    let without = 0;
    let found = 0;
    for (const file of files) {
      const result = await assertSameWithoutTree(path.basename(file), readFileSync(file, 'utf8'));
      if (result.without) without++;
      if (result.found) found++;
    }
    assert.ok(without > 5, 'the clean example records are checked without the tree');
    assert.ok(found > 0, 'some record with a missing section is reported without the tree');
  });

  const piece = fc.constantFrom(
    '## Context', '## Decision', '## Consequences', 'Context\n-------', 'Decision\n===', '```\n## Decision\n```', '~~~~\n## Consequences\n~~~', '```js\n## Context',
    '<details>\n## Decision\n</details>', '<!--\n## Consequences\n-->', '<!-- c --> ## Context', '- item\n  ## Decision', '> ## Consequences', '    ## Context',
    '1. one\n\n   ## Decision', 'Some text.', '', '### Consequences and more', '## Context ##', '#Decision', '\t## Context', '  ## Consequences',
    '- item\n  ```\n## Decision\n  ```', '> quote\n## Context', '---', 'text\n---', '# Title', 'Title\n=====', '## *Decision*', '## Con&shy;text', '## \\# Decision',
    '   # Title', '- a\n# Heading after a list',
    // HTML blocks, each of CommonMark's seven kinds, ended on their line, later, or never.
    '<div>\n## Decision', '<div>\n\n## Decision', '<div>x</div>\n## Context', '<DIV class="x">\n## Consequences', '   <section>', '</p>\n## Decision',
    '<script>\n## Context\n</script>', '<pre>x</pre>', '<textarea\n## Context\n</textarea>', '<style\t>\n## Decision', '<script/>\n## Context',
    '<!-- c -->', '<!-->', '<!--->\n## Decision', '<?php\n## Context\n?>', '<?>', '<!DOCTYPE html>', '<!X\n## Decision\n>', '<![CDATA[\n## Context\n]]>',
    '<a href="x">\n## Consequences', '<a b = "c" >', '<x-y/>\n## Decision', '</a>', '<span>text</span>', '<https://example.com>\n## Context',
    "<a b='c'd>\n## Decision", '<a b=c/d>\n## Context', '<a b=c/>\n## Decision', '<a/ >', '<a_b>\n## Context', '    <div>\n## Context', '> <div>\n## Decision', '- <div>\n## Context',
  );

  it('find exactly what the tree finds on bodies built from headings hidden in code, HTML, comments, lists, quotes and setext', async () => {
    let without = 0;
    let found = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), async (pieces, eol) => {
        const result = await assertSameWithoutTree('0001-x.md', (HEADER + pieces.join('\n\n')).replace(/\n/g, eol));
        if (result.without) without++;
        if (result.found) found++;
      }),
      { numRuns: 600, seed: 11 },
    );
    assert.ok(without > 100 && found > 50, `without the tree ${without} times, with findings ${found} times`);
  });

  it('the same with pieces on consecutive lines (a tag or a heading right after a paragraph, a list, a fence)', async () => {
    let without = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(piece, fc.constantFrom('\n', '\n\n')), { maxLength: 10 }), async (parts) => {
        const body = parts.map(([text, gap]) => text + gap).join('');
        if ((await assertSameWithoutTree('0001-x.md', HEADER + body)).without) without++;
      }),
      { numRuns: 1500, seed: 23 },
    );
    assert.ok(without > 200, `without the tree ${without} times`);
  });
});
