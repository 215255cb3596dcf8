import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { defaultConfig } from '../../../src/core/config/config';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { addFieldsFix } from '../../../src/core/fixes/add-fields';
import { applyEdits, fixesFor } from '../../../src/core/fixes/fixes';
import { replaceValueFixes } from '../../../src/core/fixes/replace-value';
import { planSupersede } from '../../../src/core/lifecycle/supersede';
import { DecisionIndex } from '../../../src/core/index/decision-index';
import { migrateRecord } from '../../../src/core/migrate/migrate-record';
import { parseYamlWithLibrary } from '../../../src/core/parse/yaml-frontmatter';
import { findFrontmatter } from '../../../src/core/parse/frontmatter-fence';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { childFields, type FieldInfo } from '../../../src/core/schema/field-info';
import { RECORD_TYPES, type RecordType } from '../../../src/core/schema/schema-registry';
import { placeholderText, renderCustomTemplate, renderTemplate } from '../../../src/core/templates/render-template';
import { MemoryFileSystem } from '../support/memory-file-system';
import { CLEAN_ADR } from '../fixes/fix-harness';
import { FOLDER, lintFrontmatterOf } from './core-harness';
import { typeIntoSnippet } from '../support/snippet';
import { templateFields } from '../../../src/core/templates/template-fields';

/**
 * Issue 13, "Bad input": a sentence with every YAML indicator — `: `, ` #`, `- `, `? `, `|`, `>`,
 * `&`, `*`, `!`, `%`, `@`, quotes, a tab, a trailing backslash, non-Latin scripts, emoji — comes
 * back unchanged from every template (typed at its stop), every fix that writes a value, migrate
 * and supersede. The value is what a person types on one line: it starts and ends with a visible
 * character and holds no line break or control character.
 */

const FACTOR = Number(process.env.LEGIBLE_PROPERTY_RUNS ?? 1) || 1;
const RUNS = 100 * FACTOR;
const counts: Record<string, number> = {};

const INDICATORS = [': ', ' #', '#', '- ', '? ', '|', '>', '&', '*', '!', '%', '@', '"', "'", '`', '\t', '\\', '[', ']', '{', '}', ', ', ':', '---', '...', '<<', '$1', '${', '}}', '{{title}}'];
const WORDS = ['Latency incidents', 'only 4 of 11', 'Fix', 'yes', 'no', 'null', '~', '0007', '1e3', 'true', '.inf', 'TODO-free', ' ', 'x'];
const SCRIPTS = ['会话不再丢失', 'سجل القرار', 'Решение', 'ήδη', 'नमस्ते', 'שלום', 'é', 'ß', '😀', '🚀', '👩‍💻', '🇫🇷'];
/** Every indicator of the issue, in one sentence. */
const EVERY_INDICATOR = 'Latency: 4 of 11 #2 - ? | > & * ! % @ "quoted" \'single\' `code`\ttab — 会话 Решение 😀 \\';

/** What a keyboard can type on one line: no C0/C1 controls but the tab, no lone surrogates, no line or paragraph separator. */
function typeable(text: string): boolean {
  const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  // eslint-disable-next-line no-control-regex -- the controls are what this refuses
  return !/[\0-\x08\n-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/.test(text) && !loneSurrogate.test(text);
}

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INDICATORS) },
  { weight: 2, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }).filter(typeable) },
);
/** A sentence as typed: pieces of YAML syntax, words, scripts and emoji; visible first and last characters. */
const sentence = fc.oneof(
  { weight: 1, arbitrary: fc.constant(EVERY_INDICATOR) },
  {
    weight: 12,
    arbitrary: fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 10 }), fc.boolean())
      .map(([pieces, backslash]) => `${pieces.join('')}${backslash ? '\\' : ''}`.trim())
      .filter((text) => text !== '' && typeable(text)),
  },
);

/** A whole answer written in YAML quotes (`"Fast path"`, `''`): the quotes are YAML's, not text. */
function isQuotedText(value: string): boolean {
  try {
    return /^(["']).*\1$/.test(value) && typeof parseYaml(`v: ${value}`, { version: '1.2' })?.v === 'string';
  } catch {
    return false;
  }
}

function count(name: string): void {
  counts[name] = (counts[name] ?? 0) + 1;
}

/** The frontmatter data as the core reads it, with no YAML problem; the yaml library's reading must agree. */
function dataOf(text: string): Record<string, unknown> {
  const doc = parseDecisionDocument(`${FOLDER}/0001-x.md`, text, DEFAULT_LIMITS);
  assert.deepEqual(doc.yaml?.problems ?? [], [], text);
  assert.ok(doc.data, text);
  const block = findFrontmatter(text);
  if (block.kind === 'closed') assert.deepEqual(JSON.stringify(parseYamlWithLibrary(text, block.content, DEFAULT_LIMITS).data), JSON.stringify(doc.data), 'the plain path and yaml agree');
  return doc.data;
}

function at(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

/** The prose fields a template writes, with their paths: the folded blocks a person types into. */
function proseFields(type: RecordType, path: readonly string[] = []): Array<{ path: string[]; info: FieldInfo }> {
  return childFields(type, path).flatMap((info) => {
    if (!(info.required || info.recommended)) return [];
    if (info.prose) return [{ path: [...path, info.name], info }];
    return info.kind === 'object' ? proseFields(type, [...path, info.name]) : [];
  });
}

describe('robustness: any sentence round-trips (issue 13, fast-check)', () => {
  it('the sentence with every indicator is what the generator starts from', () => {
    for (const indicator of [': ', ' #', '- ', '? ', '|', '>', '&', '*', '!', '%', '@', '"', "'", '\t']) assert.ok(EVERY_INDICATOR.includes(indicator), indicator);
    assert.ok(EVERY_INDICATOR.endsWith('\\') && /[\u4e00-\u9fff]/.test(EVERY_INDICATOR) && /\p{Extended_Pictographic}/u.test(EVERY_INDICATOR));
  });

  it(`every template type, typed at its stops: each prose answer and the title read back exactly, no YAML problem (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(sentence, fc.constantFrom(...RECORD_TYPES), (value, type) => {
        count('templates');
        const rendered = renderTemplate({ type, title: value, date: '2026-11-21', owners: [value] });
        // The prose fields a new record writes (the optional ones come later, through completion).
        const written = templateFields(type);
        const fields = proseFields(type).filter(({ path }) => written.has(path.join('.')));
        assert.ok(fields.length >= (type === 'exit-plan' ? 1 : 7), `${type} has its prose fields in the template`);
        const questions = new Set(fields.map(({ info }) => `<${placeholderText(info)}>`));
        const typed = typeIntoSnippet(rendered.snippet, (stop) => (questions.has(stop.placeholder) ? value : undefined));
        // The plain template, the question replaced by the answer on its line, is the same text.
        const filled = rendered.text.split('\n').map((line) => {
          const question = line.trim();
          return questions.has(question) ? line.replace(question, () => value) : line;
        });
        assert.equal(typed, filled.join('\n'));
        const data = dataOf(typed);
        assert.equal(data.title, value);
        assert.deepEqual(data.owners, [value]);
        for (const { path } of fields) assert.equal(at(data, path), value, path.join('.'));
        const { findings } = lintFrontmatterOf(typed);
        assert.deepEqual(findings.filter((f) => f.ruleId === 'frontmatter-malformed'), []);
      }),
      { numRuns: RUNS },
    );
  });

  it(`a repository's own template: a title and an owner as whole values, list items or flow entries read back exactly (${RUNS} runs)`, () => {
    const source = '---\ntype: {{type}}\ntitle: {{title}}\nowners: [{{owner}}]\ndeciders:\n  - {{owner}}\n  - bo\nconsulted: [bo, {{owner}}]\n---\n\n# {{title}}\n';
    fc.assert(
      fc.property(sentence, sentence, (title, owner) => {
        count('custom templates');
        const text = renderCustomTemplate(source, { title, owner, date: '2026-11-21', id: '0001', type: 'adr' });
        const data = dataOf(text);
        assert.deepEqual([data.title, data.owners, data.deciders, data.consulted], [title, [owner], [owner, 'bo'], ['bo', owner]]);
        assert.ok(text.endsWith(`\n# ${title}\n`), 'the heading is the plain title');
      }),
      { numRuns: RUNS },
    );
  });

  it(`typed on a plain line, a sentence either reads back, is YAML's comment (' # '), or gets a fix whose every rewrite reads it back exactly (${RUNS} runs)`, () => {
    const base = CLEAN_ADR;
    const line = '  reduces-risk: Session loss on deploys.';
    assert.ok(base.includes(`\n${line}\n`));
    const config = defaultConfig();
    fc.assert(
      fc.property(sentence, fc.constantFrom('reduces-risk', 'title'), (value, key) => {
        count('write-as-text');
        const text = key === 'title' ? base.replace('title: Cache sessions in Redis', () => `title: ${value}`) : base.replace(line, () => `  reduces-risk: ${value}`);
        const path = key === 'title' ? ['title'] : ['business-tradeoff', 'reduces-risk'];
        const { doc, findings } = lintFrontmatterOf(text);
        const fixable = findings.filter((f) => f.fix?.kind === 'write-as-text');
        if (!fixable.length) {
          if (doc.data && at(doc.data, path) === value) return;
          // Readings that stay YAML's: `#` after a blank, or `# `, starts a comment (as the README
          // writes them); a block header alone (`|`, `>-`) is an empty block, which the schema then
          // reports as empty; a whole answer in quotes is quoted text.
          assert.ok(isQuotedText(value) || /[ \t]#|^#(?:[\s#]|$)|^[|>][-+1-9]*$/.test(value), `no fix, and YAML does not read ${JSON.stringify(value)} back: ${JSON.stringify(findings.map((f) => f.message))}`);
          return;
        }
        assert.equal(fixable.length, 1, JSON.stringify(fixable.map((f) => f.message)));
        const actions = fixesFor(doc, fixable[0], config).filter((action) => !action.title.startsWith('Close the quote'));
        assert.equal(fixesFor(doc, fixable[0], config).filter((action) => action.isPreferred).length, 1, 'one rewrite is preferred');
        assert.ok(actions.length >= 1);
        for (const action of actions) {
          count('write-as-text rewrites');
          assert.equal(at(dataOf(applyEdits(text, action.edits)), path), value, action.title);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`"Change to …", and the deciders a fix starts from the owners, write any value so it reads back (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(sentence, (value) => {
        count('replace-value and add-fields');
        const base = CLEAN_ADR;
        const doc = parseDecisionDocument(`${FOLDER}/0001-x.md`, base, DEFAULT_LIMITS);
        for (const [pointer, path] of [['/title', ['title']], ['/business-tradeoff/reduces-risk', ['business-tradeoff', 'reduces-risk']], ['/owners/0', ['owners', '0']]] as const) {
          const [action] = replaceValueFixes(doc, pointer, [value]);
          assert.ok(action, pointer);
          assert.equal(at(dataOf(applyEdits(base, action.edits)), path), value, pointer);
        }
        const owned = CLEAN_ADR.replace('owners: [amira]', () => `owners:\n  - ${JSON.stringify(value)}`).replace(/deciders: .*\n/, '');
        const [add] = addFieldsFix(parseDecisionDocument(`${FOLDER}/0001-x.md`, owned, DEFAULT_LIMITS), '', ['deciders']);
        assert.ok(add);
        assert.equal((dataOf(applyEdits(owned, add.edits)).deciders as unknown[])[0], value);
      }),
      { numRuns: RUNS },
    );
  });

  it(`migrate and "Add Legible frontmatter" carry a legacy title and its deciders exactly as the record says them (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(sentence, sentence, (title, decider) => {
        count('migrate');
        const legacy = `# ${title}\n\n- Status: accepted\n- Deciders: ${decider}\n- Date: 2024-05-02\n\n## Context\n\nWhy.\n`;
        const doc = parseDecisionDocument(`${FOLDER}/0003-legacy.md`, legacy, DEFAULT_LIMITS);
        const result = migrateRecord(doc, DEFAULT_LIMITS);
        assert.equal(result.outcome, 'migrated', result.outcome === 'unparseable' ? result.reason : result.outcome);
        if (result.outcome !== 'migrated') return;
        const data = dataOf(result.text);
        if (doc.legacy?.title?.value) assert.equal(data.title, doc.legacy.title.value);
        if (doc.legacy?.deciders.length) assert.deepEqual(data.deciders, doc.legacy.deciders);
        assert.ok(result.text.endsWith(legacy), 'the body is kept byte for byte');
      }),
      { numRuns: RUNS },
    );
  });

  it(`supersede: the new record's title and owner, and every prose answer of the old record, come through unchanged (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(sentence, sentence, async (value, owner) => {
        count('supersede');
        const oldPath = `${FOLDER}/0007-old.md`;
        // The old record written as the template writes prose: each answer a folded block.
        const oldText = CLEAN_ADR.replace(/^( {2})(reduces-risk|preserves-option|accepts-cost|eases-later|protects-outcome): .*$/gm, (_, indent: string, key: string) => `${indent}${key}: >-\n${indent}  ${value}`);
        const before = dataOf(oldText);
        assert.equal(at(before, ['business-tradeoff', 'accepts-cost']), value);
        const fs = new MemoryFileSystem({ [oldPath]: oldText });
        const context = { fs, root: '/ws', config: defaultConfig(), folders: [FOLDER], git: { userName: async () => 'git user' } };
        // The owner named by the user (`--owner`): else the old record's owners are carried over.
        const plan = await planSupersede(context, { old: { path: oldPath, text: oldText, folder: FOLDER }, title: value, date: '2026-11-21', now: 0, owner, index: new DecisionIndex() });
        assert.ok(!('problem' in plan), 'problem' in plan ? plan.problem : '');
        await plan.release();
        const created = dataOf(plan.text);
        assert.equal(created.title, value);
        assert.deepEqual(created.owners, [owner]);
        const after = dataOf(applyEdits(oldText, plan.oldEdits));
        assert.deepEqual(JSON.parse(JSON.stringify(after)), JSON.parse(JSON.stringify({ ...before, status: 'superseded', 'superseded-by': [plan.newId] })));
      }),
      { numRuns: RUNS },
    );
  });

  after(() => {
    console.log(`      prose property runs: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  });
});
