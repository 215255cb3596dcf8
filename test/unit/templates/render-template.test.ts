import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { placeholderText, renderTemplate } from '../../../src/core/templates/render-template';
import { childFields, type FieldInfo } from '../../../src/core/schema/field-info';
import { lintFiles } from '../support/workspace';
import { RECORD_TYPES } from '../../../src/core/schema/schema-registry';
import { findFrontmatter } from '../../../src/core/parse/frontmatter-fence';
import { expandSnippet } from '../support/snippet';
import { templateFields } from '../../../src/core/templates/template-fields';

/** Every prose field of a type, nested ones too, with its dotted path. */
function proseFieldsDeep(type: (typeof RECORD_TYPES)[number], path: readonly string[] = []): Array<{ info: FieldInfo; key: string }> {
  return childFields(type, path).flatMap((info) => [
    ...(info.prose ? [{ info, key: [...path, info.name].join('.') }] : []),
    ...(info.kind === 'object' ? proseFieldsDeep(type, [...path, info.name]) : []),
  ]);
}

const ANSWERED = { 'reversibility.door': 'one-way', 'risk.level': 'high', 'risk.blast-radius': 'cross-team' };

const TITLES = ['Use PostgreSQL for the ledger', 'Fix #42: yes', '0007', 'Cut cost by $5 {now}', 'C:\\path\\to', '"quoted" and \'single\'', 'ünïcødé — 🚀'];

describe('renderTemplate', () => {
  for (const type of RECORD_TYPES) {
    for (const title of TITLES) {
      it(`${type}: the snippet inserts exactly the text, and the title reads back (${JSON.stringify(title)})`, () => {
        const rendered = renderTemplate({ type, title, date: '2026-11-21', answers: title.length % 2 ? ANSWERED : undefined });
        assert.equal(expandSnippet(rendered.snippet), rendered.text);
        const block = findFrontmatter(rendered.text);
        assert.equal(block.kind, 'closed');
        if (block.kind !== 'closed') return;
        const data = parse(rendered.text.slice(block.content.start, block.content.end), { version: '1.2' });
        assert.equal(data.title, title);
        assert.equal(data.type, type);
        assert.ok(rendered.text.includes(`\n# ${title}\n`));
      });
    }
  }

  it('writes every prose answer as a folded block whose question the placeholder rule sees, underlined on the question (issue 13)', async () => {
    for (const type of RECORD_TYPES) {
      const { text } = renderTemplate({ type, title: 'T', date: '2026-11-21', owners: ['amira'] });
      const lines = text.split('\n');
      const findings = (await lintFiles({ 'docs/decisions/0001-t.md': text })).of('docs/decisions/0001-t.md');
      // The prose fields a new record writes; the optional ones come later, through completion, and
      // completion writes them as blocks too (see the completion tests).
      const written = templateFields(type);
      const prose = proseFieldsDeep(type).filter(({ key }) => written.has(key)).map(({ info }) => info);
      assert.ok(prose.length >= (type === 'exit-plan' ? 1 : 7), type);
      for (const info of prose) {
        const at = lines.findIndex((line) => line.trimStart() === `${info.name}: >-`);
        assert.ok(at > 0, `${type}: ${info.name} is a folded block`);
        const question = lines[at + 1];
        assert.equal(question.trim(), `<${placeholderText(info)}>`);
        const finding = findings.find((f) => f.ruleId === 'placeholder' && f.range.start.line === at + 1);
        assert.ok(finding, `${type}: the placeholder rule finds ${info.name}'s question`);
        assert.deepEqual(finding.range, { start: { line: at + 1, character: question.indexOf('<') }, end: { line: at + 1, character: question.length } });
      }
      assert.deepEqual(findings.filter((f) => f.ruleId !== 'placeholder'), [], `${type}: nothing but open questions`);
    }
  });

  it('numbers the tab stops in order and ends at $0', () => {
    for (const answers of [{}, ANSWERED]) {
      const { snippet } = renderTemplate({ type: 'adr', title: 'T', date: '2026-11-21', answers });
      const stops = [...snippet.matchAll(/\$\{(\d+)[:|]/g)].map((m) => Number(m[1]));
      assert.deepEqual(stops, stops.map((_, i) => i + 1));
      assert.ok(snippet.endsWith('$0'));
    }
  });
});
