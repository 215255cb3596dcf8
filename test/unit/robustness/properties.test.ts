import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { RECORD_TYPES } from '../../../src/core/schema/schema-registry';
import { renderCustomTemplate, renderTemplate } from '../../../src/core/templates/render-template';
import { yamlString } from '../../../src/core/templates/yaml-scalar';
import { exercise, lintAll } from './core-harness';

/**
 * Issue 5, property-based: random frontmatter (YAML-ish text, and records rendered to YAML) and
 * random Markdown never make the core throw; every range lies inside the document; linting twice
 * gives the same findings; a template rendered with any title parses back to that exact title.
 * Run counts stay at a few hundred per property so the suite stays fast; they are printed at the end.
 */

/** A few hundred runs each; LEGIBLE_PROPERTY_RUNS=10 (a factor) searches ten times deeper, by hand. */
const FACTOR = Number(process.env.LEGIBLE_PROPERTY_RUNS ?? 1) || 1;
const RUNS = { text: 300 * FACTOR, records: 300 * FACTOR, markdown: 200 * FACTOR, titles: 500 * FACTOR } as const;
const counts: Record<string, number> = {};


// --- generators -----------------------------------------------------------------------------

const EOL = fc.constantFrom('\n', '\r\n', '\r');
/** Any text: full Unicode (astral planes, lone surrogates), controls and NULs included. */
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ maxLength: 12 }));

const KEYS = ['type', 'title', 'status', 'date', 'owners', 'deciders', 'review-by', 'supersedes', 'superseded-by', 'related', 'tags',
  'risk', 'level', 'blast-radius', 'mitigation', 'reversibility', 'door', 'how', 'business-tradeoff', 'reduces-risk', 'accepts-cost',
  'knowledge-exit-path', 'holders', 'successors', 'mechanisms', 'artifacts', 'exit', 'due', 'verification', '__proto__', 'constructor', 'toString'];
const VALUES = ['adr', 'rfc', 'exit-plan', 'ADR', 'accepted', 'proposed', 'superseded', 'in-progress', 'high', 'critical', 'one-way', 'two-way',
  '2026-03-02', '2026-13-45', '0007', 'ADR-0007', 'RFC-12', '7', 'yes', 'no', '~', 'null', '<What risk?>', 'TODO', 'amira', 'amira, bo', '"quoted', "'single'", '0x1F', '.inf', '-.nan'];
/** Pieces of YAML syntax, the hostile ones included. */
const SYNTAX = [': ', ':', '- ', '-', '[', ']', '{', '}', ', ', '&a ', '*a', '!!binary ', '!!set ', '!!timestamp ', '!tag ', '? ', '|', '>-', '#', ' # c',
  '"', "'", '\\', '\t', '  ', '    ', '---', '...', '%YAML 1.2', '<<: ', '@', '`', '\u00a0', '\uFEFF', '\u2028', '\0'];

const yamlPiece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS).map((k) => `${k}: `) },
  { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 4, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 2, arbitrary: anyText },
);
const yamlLine = fc.tuple(fc.constantFrom('', '', '  ', '    ', '- ', '  - ', '\t'), fc.array(yamlPiece, { maxLength: 6 })).map(([indent, pieces]) => indent + pieces.join(''));

/** A file: optional BOM, a fence (or not quite one), YAML-ish lines, a closing fence (or none), a Markdown body. */
function fileOf(frontmatter: fc.Arbitrary<string[]>, body: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return fc
    .record({
      bom: fc.boolean(),
      open: fc.constantFrom('---', '---', '---', '--- ', '+++', '', '\n---'),
      lines: frontmatter,
      close: fc.constantFrom('---', '---', '---', '', '...', '+++'),
      body,
      eol: EOL,
      mixed: fc.option(EOL, { nil: undefined }),
    })
    .map(({ bom, open, lines, close, body, eol, mixed }) => {
      const head = [open, ...lines, close].join(eol);
      return `${bom ? '\uFEFF' : ''}${head}${mixed ?? eol}${body.join(mixed ?? eol)}`;
    });
}

const MARKDOWN = ['# Title', '## Context', '## Decision', '## Consequences', '## Considered Options', '### Sub', '#', '##', 'Setext', '===', '---', '***',
  '```', '```yaml', '~~~', '    indented code', '> quote', '> ## Context', '* item', '- [ ] task', '1. one', '|a|b|', '|-|-|', '[link](../0001-a.md)', '[ref]: x',
  '![img](x.png)', '<!-- legible-disable -->', '<!-- legible-disable placeholder, required-sections -->', '<!--', '-->', '<details>', '</details>',
  '<What belongs here?>', 'TODO', '\\', '*', '_', '`', '$$', '<script>', '&amp;', '&#0;', '\t', ''];
const markdownLine = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...MARKDOWN), anyText).map(([a, b]) => `${a} ${b}`) },
  { weight: 1, arbitrary: anyText },
);
const markdownBody = fc.array(markdownLine, { maxLength: 25 });

/** A structured record: known keys and random ones, nested values with random Unicode. */
const scalar = fc.oneof(fc.constantFrom(...VALUES), anyText, fc.integer(), fc.boolean(), fc.constant(null));
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), anyText), tie('value'), { maxKeys: 4 })),
})).value;
const recordData = fc.dictionary(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: anyText }), value, { maxKeys: 10 });

async function lintTwice(text: string, offsets: readonly number[]): Promise<void> {
  const first = await exercise(text, offsets.map((o) => o % (text.length + 1)));
  const second = (await lintAll(text)).findings;
  assert.deepEqual(second, first, 'linting the same text twice gives the same findings');
}

const offsets = fc.array(fc.nat(), { minLength: 1, maxLength: 4 });

describe('robustness: properties (fast-check)', () => {
  it(`random YAML-ish frontmatter and Markdown (any line endings, BOM, Unicode): the core never throws, ranges inside, deterministic (${RUNS.text} runs)`, async () => {
    await fc.assert(fc.asyncProperty(fileOf(fc.array(yamlLine, { maxLength: 14 }), markdownBody), offsets, async (text, at) => {
      counts.text = (counts.text ?? 0) + 1;
      await lintTwice(text, at);
    }), { numRuns: RUNS.text });
  });

  it(`random records rendered to YAML: parsed back to the same data (when they fit the limits), never a throw, ranges inside, deterministic (${RUNS.records} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(recordData, fc.boolean(), EOL, markdownBody, offsets, async (data, bom, eol, body, at) => {
        counts.records = (counts.records ?? 0) + 1;
        const yaml = stringify(data, { version: '1.2', lineWidth: 0 });
        const text = `${bom ? '\uFEFF' : ''}---${eol}${yaml.replace(/\n/g, eol)}---${eol}${body.join(eol)}`;
        await lintTwice(text, at);
        const doc = parseDecisionDocument('/ws/docs/decisions/0007-typed.md', text, DEFAULT_LIMITS);
        if (!doc.yaml?.problems.length && eol !== '\r') {
          // What `yaml` wrote, the core reads back (CR-only files change line breaks inside block scalars).
          assert.deepEqual(JSON.parse(JSON.stringify(doc.data ?? {})), JSON.parse(JSON.stringify(data)));
        }
      }),
      { numRuns: RUNS.records },
    );
  });

  it(`random Markdown behind valid frontmatter: body rules never throw, ranges inside, deterministic (${RUNS.markdown} runs)`, async () => {
    const head = '---\ntype: adr\ntitle: Typed\nstatus: accepted\ndate: 2026-03-02\nowners: [amira]\n---\n';
    await fc.assert(fc.asyncProperty(markdownBody, EOL, offsets, async (body, eol, at) => {
      counts.markdown = (counts.markdown ?? 0) + 1;
      await lintTwice(head.replace(/\n/g, eol) + body.join(eol), at);
    }), { numRuns: RUNS.markdown });
  });

  it(`a template rendered with any title parses back to that exact title (${RUNS.titles} runs, every record type and a repository template)`, () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...VALUES, ...SYNTAX)), fc.constantFrom(...RECORD_TYPES), (title, type) => {
        counts.titles = (counts.titles ?? 0) + 1;
        const titleOf = (text: string): unknown => parseDecisionDocument('/ws/docs/decisions/0001-x.md', text, DEFAULT_LIMITS).data?.title;
        assert.equal(titleOf(renderTemplate({ type, title, date: '2026-11-21', owners: ['amira'] }).text), title);
        assert.equal(titleOf(renderCustomTemplate('---\ntype: {{type}}\ntitle: {{title}}\n---\n# {{title}}\n', { title, date: '2026-11-21', id: '0001', type })), title);
        assert.equal(titleOf(`---\ntitle: ${yamlString(title)}\n---\n`), title);
      }),
      { numRuns: RUNS.titles },
    );
  });

  after(() => {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`      property runs: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')} (${total} in all, shrinking included)`);
  });
});
