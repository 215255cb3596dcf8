import assert from 'node:assert/strict';
import * as path from 'node:path';
import { completionsAt } from '../../../src/core/editor/completions';
import { hoverAt } from '../../../src/core/editor/hover';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { brief } from '../support/workspace';
import { assertInside, bounded, childReport, FILE, lintOne, runChild } from './robustness-support';

/**
 * Issue 5, the `yaml` facts: an alias bomb, deep nesting that can abort V8, a quadratic duplicate-key
 * check, YAML 1.1 tags that turn into objects, and YAML 1.2 scalars. Each case asserts the one
 * diagnostic (rule and 1-based line), that it came within a bound, and that the process lived.
 */

/** A record around `yaml` (the frontmatter lines, each ending in \n), with a clean body. */
function record(yaml: string): string {
  return `---\n${yaml}---\n\n# T\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nC.\n`;
}

/** Billion laughs: nine levels of ten references, 10⁹ strings once expanded. */
function billionLaughs(): string {
  let yaml = 'type: adr\nlol0: &lol0 "lol"\n';
  for (let i = 1; i <= 9; i++) yaml += `lol${i}: &lol${i} [${Array(10).fill(`*lol${i - 1}`).join(', ')}]\n`;
  return yaml;
}

const CHILD = path.join(__dirname, 'child', 'lint-child.ts');

describe('robustness: hostile YAML', () => {
  it('billion laughs: one frontmatter-malformed on the alias whose expansion passes the budget, no expansion, editor still answers', async () => {
    const text = record(billionLaughs());
    const { findings, workspace } = await lintOne(text);
    // Each alias counts, and so does each value it expands to: lol0…lol3 come to 2,466 values, and
    // the aliases in lol4's list (2,222 each) take the count past 20,000: the finding is on one of them.
    const line = text.split('\n').findIndex((l) => l.startsWith('lol4: &lol4 [')) + 1;
    assert.deepEqual(brief(findings), [`frontmatter-malformed@${line}`]);
    const lineText = text.split('\n')[line - 1];
    assert.equal(lineText.slice(findings[0].range.start.character, findings[0].range.end.character), '*lol3');
    assert.equal(findings[0].message, `YAML: The frontmatter expands to more than ${DEFAULT_LIMITS.maxYamlNodes} values once this alias is expanded; Legible does not read it. Is this really metadata?`);
    assertInside(text, findings);
    const { doc } = await workspace.update(`/ws/${FILE}`);
    assert.equal(doc.data, undefined, 'the bomb is not expanded into data');
    // Completion and hover read the lines, not the expansion: on the last alias list, and on `type`.
    await bounded('completion and hover in the bomb', () => {
      for (const offset of [text.indexOf('*lol8'), 5, text.indexOf('lol9:')]) {
        completionsAt(text, offset, workspace.index, { path: `/ws/${FILE}`, today: '2026-11-21' });
        hoverAt(text, offset, workspace.index, { path: `/ws/${FILE}` });
      }
    });
  });

  it('20,000-deep `a: [[[…`, parsed 5 times in one process: the process lives, each time one frontmatter-malformed on the deep line', async function () {
    this.timeout(60_000);
    const text = record(`type: adr\nstatus: accepted\na: ${'['.repeat(20_000)}\n`);
    const deepLine = text.indexOf('a: [');
    const started = performance.now();
    const result = await runChild(CHILD, JSON.stringify({ files: { [FILE]: text }, times: 5, editorOffsets: [deepLine + 3, deepLine + 10_000, text.length - 1] }), 45_000);
    const wall = performance.now() - started;
    const { runs } = childReport<{ runs: Array<{ findings: string[]; messages: string[]; ms: number }> }>(result);
    assert.equal(runs.length, 5);
    for (const run of runs) {
      assert.deepEqual(run.findings, ['frontmatter-malformed@4']);
      assert.match(run.messages[0], /nests deeper than 16 levels/);
      assert.ok(run.ms < 2000, `one run took ${run.ms.toFixed(0)} ms`);
    }
    assert.ok(wall < 30_000, `the child took ${wall.toFixed(0)} ms in all, start-up included`);
  });

  it('billion laughs with maxYamlNodes raised in .legible.json: the ceiling still applies, and the problem says so', async () => {
    const text = record(billionLaughs());
    const ws = await lintOne(text, { config: { limits: { maxYamlNodes: 100_000_000 } } });
    assert.deepEqual(ws.loaded.config.limits.maxYamlNodes, DEFAULT_LIMITS.maxYamlNodes);
    assert.deepEqual(brief(ws.findings), [`frontmatter-malformed@${text.split('\n').findIndex((l) => l.startsWith('lol4: &lol4 [')) + 1}`]);
    assert.deepEqual(
      ws.loaded.problems.map((p) => p.message),
      [`limits.maxYamlNodes is above ${DEFAULT_LIMITS.maxYamlNodes}, Legible's own limit, which applies: a repository can lower a limit, never raise it. Is a record really that large?`],
    );
  });

  it('20,000-deep block sequences and flow mappings: one frontmatter-malformed on the line where the nesting passes 16', async () => {
    const blocks = record(`type: adr\nrisk:\n  level:\n${'- '.repeat(20_000)}x\n`);
    assert.deepEqual(brief((await lintOne(blocks)).findings), ['frontmatter-malformed@5']);
    // 10,000 levels: 20,000 would pass the size limit first (a different diagnostic, on line 2).
    const mappings = record(`type: adr\ntitle: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`);
    assert.deepEqual(brief((await lintOne(mappings)).findings), ['frontmatter-malformed@3']);
  });

  it('40,000 duplicate keys: refused as too large by default, and when .legible.json raises the limit; with the limit raised by the embedder, the first 20 at their lines and one summary, in linear time', async () => {
    const yaml = `type: adr\n${Array.from({ length: 40_000 }, (_, i) => `k: ${i}\n`).join('')}`;
    const text = record(yaml);
    // The bound here is 5 s: yaml's quadratic check alone took 10 s for these keys; ours is linear,
    // but lexing 40,000 lines takes about half a second, and more on a loaded machine.
    const refused = await lintOne(text, {}, 5000);
    assert.deepEqual(brief(refused.findings), ['frontmatter-malformed@2']);
    assert.match(refused.findings[0].message, /Legible reads at most 65536/);
    // A repository cannot raise the size limit (it is a ceiling): the same refusal, with a problem saying so.
    const refusedAgain = await lintOne(text, { config: { limits: { maxFrontmatterBytes: 1_000_000 } } }, 5000);
    assert.deepEqual(brief(refusedAgain.findings), ['frontmatter-malformed@2']);
    assert.deepEqual(
      refusedAgain.loaded.problems.map((p) => p.pointer),
      ['/limits/maxFrontmatterBytes'],
    );
    // An embedder may raise it: the one-pass check then names the first 20 repeats (lines 4-23)
    // and sums up the other 39,979 at the next one, not 39,999 findings.
    const raised = await lintOne(text, { limits: { maxFrontmatterBytes: 1_000_000 } }, 5000);
    const duplicates = raised.findings.filter((f) => f.ruleId === 'frontmatter-malformed');
    assert.deepEqual(brief(duplicates), Array.from({ length: 21 }, (_, i) => `frontmatter-malformed@${i + 4}`));
    assert.ok(duplicates.slice(0, 20).every((f) => f.message === 'YAML: The key `k` appears twice; which value is meant?'));
    assert.equal(duplicates[20].message, 'YAML: 39979 more repeated keys from here on (only the first 20 are named one by one); which values are meant?');
    assertInside(text, raised.findings);
  });

  it('!!binary, !!set and !!timestamp stay text and mappings, never Buffer, Set or Date; each tag said at its line', async () => {
    const text = record('type: adr\nblob: !!binary aGVsbG8=\nnames: !!set {amira, bo}\ndate: !!timestamp 2026-03-02\nwhen: !!timestamp 2001-12-14t21:59:43.10-05:00\n');
    const { findings, workspace } = await lintOne(text);
    const malformed = findings.filter((f) => f.ruleId === 'frontmatter-malformed');
    assert.deepEqual(brief(malformed), ['frontmatter-malformed@3', 'frontmatter-malformed@4', 'frontmatter-malformed@5', 'frontmatter-malformed@6']);
    assert.deepEqual(malformed.map((f) => f.message), ['binary', 'set', 'timestamp', 'timestamp'].map((tag) => `YAML: Unresolved tag: tag:yaml.org,2002:${tag}`));
    const { doc } = await workspace.update(`/ws/${FILE}`);
    const data = doc.data!;
    assert.equal(typeof data.blob, 'string', 'not a Buffer or Uint8Array');
    assert.equal(data.blob, 'aGVsbG8=');
    assert.equal(Object.prototype.toString.call(data.names), '[object Object]', 'not a Set');
    assert.deepEqual(Object.keys(data.names as object), ['amira', 'bo']);
    assert.equal(data.date, '2026-03-02', 'not a Date');
    assert.equal(data.when, '2001-12-14t21:59:43.10-05:00');
    assert.equal(workspace.index.get(`/ws/${FILE}`)?.date, '2026-03-02');
  });

  it('YAML 1.2 core: `0007` is the number 7 and `no` stays the string "no", each reported by the schema at its line', async () => {
    const text = record('type: adr\ntitle: 0007\nstatus: no\ndate: 2026-03-02\n');
    const { findings, workspace } = await lintOne(text);
    const { doc } = await workspace.update(`/ws/${FILE}`);
    assert.equal(doc.data!.title, 7);
    assert.equal(doc.data!.status, 'no');
    const onLines = findings.filter((f) => f.range.start.line > 0);
    assert.deepEqual(brief(onLines), ['frontmatter-schema@3', 'frontmatter-schema@4']);
    assert.match(onLines[0].message, /`title` should be a string, not the number 7/);
    assert.match(onLines[1].message, /`status` is "no"; expected proposed, accepted/);
    assert.equal(workspace.index.get(`/ws/${FILE}`)?.title, '7', 'the index shows what YAML read');
  });
});
