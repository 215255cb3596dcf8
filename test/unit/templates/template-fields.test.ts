import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { findFrontmatter } from '../../../src/core/parse/frontmatter-fence';
import { childFields } from '../../../src/core/schema/field-info';
import { RECORD_TYPES, type RecordType } from '../../../src/core/schema/schema-registry';
import { SchemaValidator } from '../../../src/core/schema/validator';
import { answersProblem, recordQuestions, type Answers } from '../../../src/core/templates/record-questions';
import { renderTemplate } from '../../../src/core/templates/render-template';
import { snippetStops } from '../support/snippet';

const validator = new SchemaValidator();
const DATE = '2026-11-21';

function frontmatterOf(text: string): Record<string, unknown> {
  const block = findFrontmatter(text);
  assert.equal(block.kind, 'closed');
  if (block.kind !== 'closed') return {};
  return parse(text.slice(block.content.start, block.content.end), { version: '1.2' }) as Record<string, unknown>;
}

/** Dotted paths of the leaves of a record (a list is a leaf). */
function leaves(value: unknown, path: string[] = []): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
  return [path.join('.')];
}

/** The placeholders of the snippet's tab stops, in the order Tab visits them. */
const stops = (snippet: string): string[] => snippetStops(snippet).map((stop) => stop.placeholder);

/** A realistic answer for each placeholder, by what it asks: a person, a mechanism, a day, else prose. */
function answered(text: string): string {
  return text.replace(/<([^<>\n]*)>/g, (_, question: string) => {
    if (question.startsWith('documentation |')) return 'pairing';
    if (question.includes('YYYY-MM-DD')) return '2027-03-01';
    if (/^Who /.test(question)) return 'amira';
    return 'Ledger writes stall: only 4 of 11 incidents # were caught';
  });
}

/** Every combination of answers to the type's questions. */
function everyAnswer(type: RecordType): Answers[] {
  let out: Array<Record<string, string>> = [{}];
  for (const q of recordQuestions(type)) out = out.flatMap((a) => q.choices.map((c) => ({ ...a, [q.key]: c.value })));
  return out;
}

const FIXED = new Set(['type', 'title', 'status', 'date', 'owners']);

describe('new records: the questions and the required fields', () => {
  it('asks the door, the risk level and the blast radius of an ADR and an RFC, in the schema\'s words; nothing of an exit plan', () => {
    for (const type of ['adr', 'rfc'] as const) {
      const questions = recordQuestions(type);
      assert.deepEqual(questions.map((q) => q.key), ['reversibility.door', 'risk.level', 'risk.blast-radius']);
      assert.equal(questions[0].question, 'Is this a one-way door or a two-way door?');
      assert.deepEqual(questions[0].choices, [
        { value: 'one-way', description: 'Hard or costly to undo: deserves a written way back.' },
        { value: 'two-way', description: 'Cheap to reverse: decide fast and revisit.' },
      ]);
      assert.deepEqual(questions[1].choices.map((c) => c.value), ['low', 'medium', 'high', 'critical']);
      assert.ok(questions.every((q) => q.choices.every((c) => c.description)), 'every value comes with its meaning');
    }
    assert.deepEqual(recordQuestions('exit-plan'), [], 'an exit plan\'s risk is prose, and it has no door');
  });

  it('refuses an answer outside the vocabulary, or to a question not asked, with the field\'s question', () => {
    assert.equal(answersProblem('adr', { 'reversibility.door': 'one-way', 'risk.level': 'high' }), undefined);
    assert.equal(answersProblem('adr', { 'risk.level': 'severe' }), '`risk.level` cannot be "severe". How bad would it be if this went wrong? (low, medium, high, critical)');
    assert.match(answersProblem('exit-plan', { 'reversibility.door': 'one-way' }) ?? '', /not asked of a new exit-plan/);
  });

  it('an answered ADR holds the answers and only the required fields, stops in document order', () => {
    const { text, snippet } = renderTemplate({ type: 'adr', title: 'Use PostgreSQL', date: DATE, answers: { 'reversibility.door': 'one-way', 'risk.level': 'high', 'risk.blast-radius': 'cross-team' } });
    const data = frontmatterOf(text);
    assert.deepEqual(data.reversibility, { door: 'one-way', how: '<How would we reverse this if it proves wrong?>' });
    assert.deepEqual(data.risk, { level: 'high', 'blast-radius': 'cross-team', mitigation: '<How will we lower this risk, or recover if it happens?>' });
    assert.deepEqual(leaves(data), [
      'type', 'title', 'status', 'date', 'owners',
      'reversibility.door', 'reversibility.how',
      'risk.level', 'risk.blast-radius', 'risk.mitigation',
      ...childFields('adr', ['business-tradeoff']).map((f) => `business-tradeoff.${f.name}`),
      'knowledge-exit-path.holders', 'knowledge-exit-path.successors', 'knowledge-exit-path.mechanisms',
    ]);
    for (const optional of ['review-by', 'deciders', 'tags']) assert.ok(!(optional in data), optional);
    for (const optional of ['artifacts', 'plan', 'due']) assert.ok(!(optional in (data['knowledge-exit-path'] as object)), optional);
    // 14 stops (22 before): the owner, the two conditions, five tradeoffs, three exit-path lists, three sections.
    assert.deepEqual(stops(snippet), [
      '<Who is accountable for this record?>',
      '<How would we reverse this if it proves wrong?>',
      '<How will we lower this risk, or recover if it happens?>',
      '<What risk are we reducing?>',
      '<What option are we preserving?>',
      '<What cost are we accepting?>',
      '<What decision becomes easier later?>',
      '<What business outcome does this protect?>',
      '<Who holds the knowledge behind this decision today?>',
      '<Who will operate this without the holders?>',
      '<documentation | pairing | runbook | design-record | training | dashboard | ownership-transfer | simplification>',
      '<What is the issue that motivates this decision?>',
      '<What change are we making, and why this option over the others?>',
      '<What becomes easier or harder because of this change?>',
    ]);
  });

  it('a two-way door at low risk needs no way back and no mitigation', () => {
    const { text } = renderTemplate({ type: 'rfc', title: 'T', date: DATE, owners: ['amira'], answers: { 'reversibility.door': 'two-way', 'risk.level': 'low', 'risk.blast-radius': 'team' } });
    const data = frontmatterOf(text);
    assert.deepEqual(data.reversibility, { door: 'two-way' });
    assert.deepEqual(data.risk, { level: 'low', 'blast-radius': 'team' });
  });

  it('unanswered (the CLI, the contributed snippets): the questions stay placeholders, and what any answer would require is kept', () => {
    const data = frontmatterOf(renderTemplate({ type: 'adr', title: 'T', date: DATE }).text);
    assert.deepEqual(data.reversibility, { door: '<one-way | two-way>', how: '<How would we reverse this if it proves wrong?>' });
    assert.deepEqual(data.risk, { level: '<low | medium | high | critical>', 'blast-radius': '<component | team | cross-team | org>', mitigation: '<How will we lower this risk, or recover if it happens?>' });
    assert.ok(!('review-by' in data) && !('deciders' in data));
  });

  for (const type of RECORD_TYPES) {
    it(`${type}: for every answer, the template holds every field the schema requires and no other`, () => {
      for (const answers of everyAnswer(type)) {
        const { text } = renderTemplate({ type, title: 'T', date: DATE, answers });
        const data = frontmatterOf(answered(text));
        assert.deepEqual(validator.validateRecord(type, data).map((e) => `${e.instancePath} ${e.message}`), [], JSON.stringify(answers));
        // Each field the template asks for is one the schema would miss.
        for (const path of leaves(data).filter((p) => !FIXED.has(p) && !(p in answers))) {
          const parts = path.split('.');
          const copy = structuredClone(data);
          const parent = parts.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, copy);
          delete parent[parts[parts.length - 1]];
          assert.ok(validator.validateRecord(type, copy).some((e) => e.keyword === 'required'), `${path} is not required (${JSON.stringify(answers)})`);
        }
      }
    });
  }

  it('writes prose fields as `>-` blocks: any sentence typed over the placeholder reads back unchanged', () => {
    const sentences = [
      'Ledger latency incidents: only 4 of 11 were caught # before customers',
      '- starts like a list item, and ends like a key:',
      '? a question mark, | a pipe, > a chevron, & an anchor, * an alias, ! a tag, % a directive, @ and `ticks`',
      '"double" and \'single\' quotes, a\ttab and a trailing backslash \\',
      '# looks like a comment',
      'Ünïcødé, 日本語の文, العربية, and 🚀 emoji',
    ];
    for (const type of RECORD_TYPES) {
      const { text } = renderTemplate({ type, title: 'T', date: DATE, answers: type === 'exit-plan' ? {} : { 'reversibility.door': 'one-way', 'risk.level': 'critical', 'risk.blast-radius': 'org' } });
      const blocks = [...text.matchAll(/^( *)([\w-]+): >-\n\1 {2}(<[^<>\n]*>)$/gm)];
      assert.ok(blocks.length >= (type === 'exit-plan' ? 1 : 7), `${type}: ${blocks.length} prose blocks`);
      for (const sentence of sentences) {
        const typed = blocks.reduce((out, m) => out.replace(`${m[1]}  ${m[3]}`, `${m[1]}  ${sentence}`), text);
        const data = frontmatterOf(typed);
        for (const m of blocks) {
          const found = leaves(data).find((p) => p.endsWith(m[2]));
          const value = found!.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], data);
          assert.equal(value, sentence, `${type} ${m[2]}`);
        }
      }
    }
  });
});
