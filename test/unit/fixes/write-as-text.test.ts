import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { defaultConfig } from '../../../src/core/config/config';
import { findFrontmatter } from '../../../src/core/parse/frontmatter-fence';
import { fixWorkspace } from '../../../src/core/fixes/fix-all';
import { applyEdits, fixesFor } from '../../../src/core/fixes/fixes';
import type { Finding } from '../../../src/core/rules/rule';
import { lintFiles, ROOT } from '../support/workspace';
import { CLEAN_ADR, crlf, docOf, lintDoc, listFindings } from './fix-harness';

/**
 * Issue 13: a sentence that breaks the YAML (`reduces-risk: latency incidents: only 4 of 11`) gets a
 * message a writer understands, on the sentence, and a fix that writes it as a folded block or
 * quoted, keeping every character: the fixed frontmatter reads back exactly the text typed.
 */

const NAME = '0001-cache.md';
const WRITTEN = '  reduces-risk: Session loss on deploys.\n';

function withAnswer(line: string, text = CLEAN_ADR): string {
  assert.ok(text.includes(WRITTEN));
  return text.replace(WRITTEN, `${line}\n`);
}

function frontmatterOf(text: string): Record<string, Record<string, unknown>> {
  const block = findFrontmatter(text);
  assert.equal(block.kind, 'closed');
  if (block.kind !== 'closed') throw new Error('no frontmatter');
  return parse(text.slice(block.content.start, block.content.end), { version: '1.2' });
}

async function malformed(text: string): Promise<Finding[]> {
  const findings = await lintDoc(docOf(NAME, text));
  return findings.filter((f) => f.ruleId === 'frontmatter-malformed');
}

async function only(text: string): Promise<Finding> {
  const found = await malformed(text);
  assert.equal(found.length, 1, listFindings(found));
  return found[0];
}

/** Applies the fix titled like `title` (a prefix), lints again and returns the text. */
async function apply(text: string, finding: Finding, title: RegExp): Promise<string> {
  const actions = fixesFor(docOf(NAME, text), finding, defaultConfig());
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `no fix ${title}; offered: ${actions.map((a) => a.title).join(' / ')}`);
  const fixed = applyEdits(text, action.edits);
  assert.deepEqual(await lintDoc(docOf(NAME, fixed)), [], 'the fixed record is clean');
  return fixed;
}

describe('fixes: write-as-text (a sentence YAML did not read as text)', () => {
  const CASES: Array<{ answer: string; reason: RegExp }> = [
    { answer: 'Latency incidents: only 4 of 11 were caught before customers saw them.', reason: /contains ': ', which YAML reads as the start of another key/ },
    { answer: '- fewer pages at night', reason: /starts with '- ', which YAML reads as a list item/ },
    { answer: '"Fast" path for every merchant', reason: /starts with a quote/ },
    { answer: '@payments owns the fallback', reason: /starts with '@'/ },
    { answer: '`redis-cli` is all the on-call needs', reason: /starts with '`'/ },
    { answer: '| pipes are not blocks here', reason: /starts with '\|', which YAML reads as the start of a block/ },
    { answer: '> quoting an email', reason: /starts with '>'/ },
    { answer: '*all* sessions survive a deploy', reason: /starts with '\*', which YAML reads as a reference/ },
    { answer: '% of sessions lost drops to zero', reason: /starts with '%'/ },
    { answer: '[draft] survive deploys', reason: /starts with '\['/ },
    { answer: 'Outages end: no more “sign in again” 😀 — 会话不再丢失', reason: /contains ': '/ },
    { answer: 'Risk:', reason: /ends with ':', which YAML reads as a key/ },
  ];

  for (const { answer, reason } of CASES) {
    it(`${JSON.stringify(answer)}: said in a writer's words, on the answer; as a block or quoted it reads back exactly`, async () => {
      const text = withAnswer(`  reduces-risk: ${answer}`);
      const finding = await only(text);
      assert.match(finding.message, /^`business-tradeoff\.reduces-risk`: this answer /);
      assert.match(finding.message, reason);
      assert.match(finding.message, /quote it, or write it as a block\.$/);
      assert.doesNotMatch(finding.message, /YAML: |compact mappings|Implicit map keys/);
      assert.deepEqual(finding.range, { start: { line: 14, character: 16 }, end: { line: 14, character: 16 + answer.length } }, 'on the answer itself');
      assert.deepEqual(finding.fix, { kind: 'write-as-text', line: 14, block: true, safe: true });

      const actions = fixesFor(docOf(NAME, text), finding, defaultConfig());
      assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
        ['Write `business-tradeoff.reduces-risk` as a block (`>-`), keeping every character', true],
        ['Quote `business-tradeoff.reduces-risk`, keeping every character', false],
      ], 'a prose field prefers the block, as templates write it');
      const block = await apply(text, finding, /^Write/);
      assert.equal(block, withAnswer(`  reduces-risk: >-\n    ${answer}`));
      assert.equal(frontmatterOf(block)['business-tradeoff']['reduces-risk'], answer);
      const quoted = await apply(text, finding, /^Quote/);
      assert.equal(frontmatterOf(quoted)['business-tradeoff']['reduces-risk'], answer);
      assert.equal(quoted.split('\n').length, text.split('\n').length, 'quoted, the answer stays on its line');
    });
  }

  it('reads a sentence wrapped onto the lines below as YAML would (joined by spaces), and writes those lines as the block', async () => {
    const text = withAnswer('  reduces-risk: Latency incidents: only 4 of 11\n    were caught before customers saw them.');
    const finding = await only(text);
    assert.equal(finding.range.start.line, 14);
    assert.equal(finding.range.end.line, 15);
    const block = await apply(text, finding, /^Write/);
    assert.equal(block, withAnswer('  reduces-risk: >-\n    Latency incidents: only 4 of 11\n    were caught before customers saw them.'));
    assert.equal(frontmatterOf(block)['business-tradeoff']['reduces-risk'], 'Latency incidents: only 4 of 11 were caught before customers saw them.');
    const quoted = await apply(text, finding, /^Quote/);
    assert.equal(frontmatterOf(quoted)['business-tradeoff']['reduces-risk'], 'Latency incidents: only 4 of 11 were caught before customers saw them.');
  });

  it('keeps the file\'s indentation, CRLF line breaks and a comment typed after the sentence (every character is the author\'s)', async () => {
    const fourSpaces = CLEAN_ADR.replace(/\n {2}(\S)/g, '\n    $1');
    const text = crlf(fourSpaces.replace('    reduces-risk: Session loss on deploys.\n', '    reduces-risk: Session loss: gone  # for good\n'));
    const finding = await only(text);
    const block = await apply(text, finding, /^Write/);
    assert.ok(block.includes('\r\n    reduces-risk: >-\r\n        Session loss: gone  # for good\r\n'), JSON.stringify(block));
    assert.equal(frontmatterOf(block)['business-tradeoff']['reduces-risk'], 'Session loss: gone  # for good');
  });

  it('prefers quotes for a field that is not prose (the title), and offers to close a quote left open', async () => {
    const title = CLEAN_ADR.replace('title: Cache sessions in Redis', 'title: Cache sessions: Redis or nothing');
    const finding = await only(title);
    assert.match(finding.message, /^`title`: this answer contains ': '/);
    assert.deepEqual(finding.fix, { kind: 'write-as-text', line: 2, block: false, safe: true });
    const actions = fixesFor(docOf(NAME, title), finding, defaultConfig());
    assert.deepEqual(actions.map((a) => a.isPreferred), [true, false]);
    assert.match(actions[0].title, /^Quote `title`/);
    const fixed = await apply(title, finding, /^Quote/);
    assert.equal(frontmatterOf(fixed).title, 'Cache sessions: Redis or nothing');

    const open = CLEAN_ADR.replace('title: Cache sessions in Redis', 'title: "Cache sessions in Redis');
    const unclosed = await only(open);
    assert.match(unclosed.message, /opens a quote that never closes — close the quote, quote the whole answer, or write it as a block\.$/);
    assert.equal(unclosed.fix?.safe, undefined, 'quoting left unfinished, or a quote character: the author says which');
    const closed = await apply(open, unclosed, /^Close the quote/);
    assert.equal(closed, CLEAN_ADR.replace('title: Cache sessions in Redis', 'title: "Cache sessions in Redis"'));
  });

  it('leaves the structure\'s own errors in YAML\'s words: a key indented by mistake, a tab, a list that never closes', async () => {
    for (const broken of [
      CLEAN_ADR.replace('  preserves-option:', '   preserves-option:'),
      CLEAN_ADR.replace('status: accepted\n', 'status: accepted\n  date: 2026-03-03\n'),
      CLEAN_ADR.replace('date: 2026-03-02\n', '\tdate: 2026-03-02\n'),
      CLEAN_ADR.replace('owners: [amira]', 'owners: [amira'),
    ]) {
      const found = await malformed(broken);
      assert.ok(found.length > 0);
      assert.ok(found.every((f) => f.message.startsWith('YAML: ') && f.fix === undefined), listFindings(found));
    }
  });

  it('finds a prose answer that parses but loses its end to a comment (#42) or its first word to an anchor, and keeps a real comment', async () => {
    const text = CLEAN_ADR.replace('  blast-radius: team\n', '  blast-radius: team\n  mitigation: Roll back as in incident #42 first\n');
    const finding = await only(text);
    assert.equal(finding.message, '`risk.mitigation`: YAML reads this answer as "Roll back as in incident", not as written: it contains \' #\', after which YAML reads the rest of the line as a comment. Quote it, or write it as a block.');
    assert.deepEqual(finding.fix, { kind: 'write-as-text', line: 13, block: true }, 'not for lint --fix: a comment might have been meant');
    const fixed = await apply(text, finding, /^Write/);
    assert.equal(frontmatterOf(fixed).risk.mitigation, 'Roll back as in incident #42 first');

    const anchor = CLEAN_ADR.replace('  accepts-cost: One more service to run.', '  accepts-cost: &ops One more service to run.');
    assert.match((await only(anchor)).message, /reads this answer as "One more service to run\.", not as written: it starts with '&', which YAML reads as an anchor name/);

    const comment = CLEAN_ADR.replace('  accepts-cost: One more service to run.', '  accepts-cost: One more service to run.  # see the runbook');
    assert.deepEqual(await malformed(comment), [], 'a comment written as one is the author\'s comment');
  });

  it('offers to quote a number or a boolean in a text field (title: 2026), keeping the digits', async () => {
    const text = CLEAN_ADR.replace('title: Cache sessions in Redis', 'title: 2026');
    const findings = await lintDoc(docOf(NAME, text));
    const schema = findings.find((f) => f.ruleId === 'frontmatter-schema');
    assert.ok(schema, listFindings(findings));
    assert.equal(schema.message, '`title` should be a string, not the number 2026. Quote it, or write it as a block, to keep it as text. What is this record about, in a few words?');
    assert.deepEqual(schema.fix, { kind: 'write-as-text', line: 2, block: false, safe: true });
    const fixed = applyEdits(text, fixesFor(docOf(NAME, text), schema, defaultConfig()).find((a) => a.isPreferred)!.edits);
    assert.equal(fixed, CLEAN_ADR.replace('title: Cache sessions in Redis', 'title: "2026"'));
  });

  it('offers the same for a word YAML reads as empty (null, ~) in a text field, and only an emptied field is "empty"', async () => {
    const text = CLEAN_ADR.replace('  reduces-risk: Session loss on deploys.', '  reduces-risk: ~');
    const schema = (await lintDoc(docOf(NAME, text))).find((f) => f.ruleId === 'frontmatter-schema');
    assert.equal(schema?.message, '`business-tradeoff.reduces-risk` should be text, not "~", which YAML reads as empty. Quote it, or write it as a block, to keep it as text. What risk are we reducing?');
    const fixed = await apply(text, schema, /^Write/);
    assert.equal(frontmatterOf(fixed)['business-tradeoff']['reduces-risk'], '~');
  });

  it('offers it for a sentence that starts with `#` and a word, which YAML took for a comment; `# ` and a space stays a comment', async () => {
    const text = CLEAN_ADR.replace('  reduces-risk: Session loss on deploys.', '  reduces-risk: #1 cause of lost sessions');
    const schema = (await lintDoc(docOf(NAME, text))).find((f) => f.ruleId === 'frontmatter-schema');
    assert.equal(schema?.message, "`business-tradeoff.reduces-risk` is empty: YAML reads this answer, which starts with '#', as a comment. Quote it, or write it as a block, to keep it as text. What risk are we reducing?");
    assert.equal(schema.fix?.safe, undefined, 'a comment written tightly is possible: not for lint --fix');
    const fixed = await apply(text, schema, /^Write/);
    assert.equal(frontmatterOf(fixed)['business-tradeoff']['reduces-risk'], '#1 cause of lost sessions');
    const comment = (await lintDoc(docOf(NAME, CLEAN_ADR.replace('  reduces-risk: Session loss on deploys.', '  reduces-risk:  # to do')))).find((f) => f.ruleId === 'frontmatter-schema');
    assert.equal(comment?.message, '`business-tradeoff.reduces-risk` is empty. What risk are we reducing?');
  });

  it('is applied by lint --fix: every sentence in a record repaired at once, as blocks', async () => {
    const text = CLEAN_ADR.replace('  reduces-risk: Session loss on deploys.', '  reduces-risk: Session loss: on every deploy.').replace(
      '  accepts-cost: One more service to run.',
      '  accepts-cost: - one more service to run',
    );
    const ws = await lintFiles({ 'docs/decisions/0001-cache.md': text });
    assert.equal(ws.findings.length, 2, listFindings(ws.findings));
    const decoder = new TextDecoder();
    const fixed = await fixWorkspace(ws.workspace, { shows: () => true, textOf: async (path) => decoder.decode(await ws.fs.readFile(path)) });
    const result = fixed.get(`${ROOT}/docs/decisions/0001-cache.md`)!;
    assert.equal(result.applied.length, 2);
    assert.deepEqual(frontmatterOf(result.text)['business-tradeoff'], {
      'reduces-risk': 'Session loss: on every deploy.',
      'preserves-option': 'Moving to a managed cache later.',
      'accepts-cost': '- one more service to run',
      'eases-later': 'Horizontal scaling of the web tier.',
      'protects-outcome': 'Customers stay signed in.',
    });
    assert.deepEqual([...(await ws.workspace.findings()).values()].flat(), []);
  });
});
