import assert from 'node:assert/strict';
import { addMonths, completionsAt, type CompletionOptions, type FrontmatterCompletion } from '../../../src/core/editor/completions';
import type { DecisionIndex } from '../../../src/core/index/decision-index';
import { childFields, fieldInfo } from '../../../src/core/schema/field-info';
import { LineIndex } from '../../../src/core/text/position';
import { CURRENT, RECORDS, TODAY, cursorIn, indexOf } from './editor-support';

const index = indexOf(RECORDS);
const OPTIONS: CompletionOptions = { today: TODAY, path: CURRENT };

function complete(marked: string, options: CompletionOptions = OPTIONS, on: DecisionIndex = index): FrontmatterCompletion[] {
  const { text, offset } = cursorIn(marked);
  return completionsAt(text, offset, on, options);
}

function labels(marked: string, options?: CompletionOptions): string[] {
  return complete(marked, options).map((c) => c.label);
}

function item(marked: string, label: string): FrontmatterCompletion {
  const found = complete(marked).find((c) => c.label === label);
  assert.ok(found, `no completion ${label} in ${JSON.stringify(marked)}`);
  return found;
}

/** The labels ordered as an editor orders them: by sortText, then label. */
function sorted(items: readonly FrontmatterCompletion[]): string[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((c) => c.label);
}

describe('completionsAt', () => {
  describe('keys', () => {
    it('offers the ADR root keys, required first, each group in schema order', () => {
      const items = complete('---\ntype: adr\n|\n---\n');
      const fields = childFields('adr', []).filter((f) => f.name !== 'type');
      const expected = [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required && f.recommended), ...fields.filter((f) => !f.required && !f.recommended)].map((f) => f.name);
      assert.deepEqual(sorted(items), expected);
      assert.ok(items.every((c) => c.kind === 'field'));
      assert.ok(expected.includes('reversibility') && !expected.includes('holders') && !expected.includes('due'));
    });

    it('offers the exit-plan root keys: holders and due at the top level, no reversibility', () => {
      const found = labels('---\ntype: exit-plan\n|\n---\n');
      for (const key of ['holders', 'successors', 'due', 'scope', 'mechanisms', 'verification', 'decisions']) assert.ok(found.includes(key), key);
      assert.ok(!found.includes('reversibility'));
      assert.ok(!found.includes('knowledge-exit-path'));
      assert.ok(!found.includes('deciders'));
    });

    it('leaves out the keys already present, before and after the cursor', () => {
      const found = labels('---\ntype: adr\ntitle: X\n|\nstatus: proposed\nrisk:\n  level: low\n---\n');
      assert.ok(!found.includes('title') && !found.includes('status') && !found.includes('risk') && !found.includes('type'));
      assert.ok(found.includes('date'));
    });

    it('documents a key with its title, its question and whether it is required or recommended', () => {
      const owners = item('---\ntype: adr\n|\n---\n', 'owners');
      const info = fieldInfo('adr', ['owners']);
      assert.equal(owners.detail, info?.title);
      assert.ok(owners.documentation?.includes(info?.description ?? '?'));
      assert.ok(owners.documentation?.includes('Required'));
      assert.ok(item('---\ntype: adr\n|\n---\n', 'review-by').documentation?.includes('Recommended'));
      const superseded = item('---\ntype: adr\n|\n---\n', 'superseded-by');
      assert.ok(superseded.documentation?.includes('(Required once the status is superseded.)'), 'the condition, as the schema words it');
    });

    it('without a type, offers type first (preselected) and the keys every type shares', () => {
      const items = complete('---\n|\n---\n');
      const order = sorted(items);
      assert.equal(order[0], 'type');
      assert.equal(items.find((c) => c.preselect)?.label, 'type');
      const type = items.find((c) => c.label === 'type');
      // A closed vocabulary inserts the key and asks again: the values come with their meanings.
      assert.equal(type?.insertText, 'type: ');
      assert.equal(type?.retrigger, true);
      assert.equal(type?.isSnippet, undefined);
      for (const key of ['title', 'status', 'date', 'owners', 'review-by', 'tags']) assert.ok(order.includes(key), key);
      for (const key of ['reversibility', 'holders', 'deciders', 'due']) assert.ok(!order.includes(key), key);
      assert.ok(!items.find((c) => c.label === 'status')?.insertText.includes('proposed'), 'no type, no status vocabulary');
    });

    it('offers the keys under risk: (2-space indentation), minus those present', () => {
      assert.deepEqual(sorted(complete('---\ntype: adr\nrisk:\n  |\n---\n')), ['level', 'blast-radius', 'mitigation']);
      assert.deepEqual(sorted(complete('---\ntype: rfc\nrisk:\n  level: high\n  |\n---\n')), ['blast-radius', 'mitigation']);
    });

    it('offers the keys under knowledge-exit-path: (4-space indentation), minus those present', () => {
      const found = sorted(complete('---\ntype: adr\nknowledge-exit-path:\n    holders: [alice]\n    |\n    due: 2027-01-01\n---\n'));
      assert.deepEqual(found, ['mechanisms', 'successors', 'artifacts', 'plan']);
    });

    it('completes a half-typed key in incomplete YAML, replacing the word typed', () => {
      const marked = '---\ntype: adr\nrisk:\n  lev|\n---\n';
      const level = item(marked, 'level');
      assert.deepEqual(level.replace, { start: { line: 3, character: 2 }, end: { line: 3, character: 5 } });
      assert.equal(level.insertText, 'level: ');
      assert.equal(level.retrigger, true);
    });

    it('inserts a structure with its required children, placeholders from the schema, in the file indentation', () => {
      const risk = item('---\ntype: adr\n|\n---\n', 'risk');
      assert.equal(risk.isSnippet, true);
      // The level is a choice: its placeholder first (left alone, it stays an open question), then the values.
      assert.equal(risk.insertText, 'risk:\n  level: ${1|<low \\| medium \\| high \\| critical>,low,medium,high,critical|}');
      const tradeoff = item('---\ntype: adr\nrisk:\n    level: low\n|\n---\n', 'business-tradeoff');
      const children = childFields('adr', ['business-tradeoff']).filter((f) => f.required);
      // Each answer is prose: a folded block, the question on the line below (any sentence is then valid YAML).
      assert.equal(tradeoff.insertText.split('\n').length, 1 + 2 * children.length);
      children.forEach((child, i) => assert.ok(tradeoff.insertText.includes(`\n    ${child.name}: >-\n        \${${i + 1}:<${child.description}>}`), child.name));
      const exit = item('---\ntype: adr\n|\n---\n', 'knowledge-exit-path').insertText;
      assert.match(exit, /^knowledge-exit-path:\n {2}holders:\n {4}- \$\{1:<[^>]+>\}\n {2}mechanisms:\n {4}- \$\{2\|<documentation \\\| pairing/);
    });

    it('inserts a prose key as the template writes it: a folded block, its question on the line below (issue 13)', () => {
      const mitigation = item('---\ntype: adr\nrisk:\n  level: high\n  |\n---\n', 'mitigation');
      assert.equal(mitigation.isSnippet, true);
      assert.equal(mitigation.insertText, 'mitigation: >-\n  ${1:<How will we lower this risk, or recover if it happens?>}');
      const scope = item('---\ntype: exit-plan\n|\n---\n', 'scope');
      assert.equal(scope.insertText, 'scope: >-\n  ${1:<What capability moves from the holders to the successors?>}');
    });

    it('around a prose answer written as a block: the siblings on the line after it, nothing inside it', () => {
      const filled = (at: string) => `---\ntype: adr\nbusiness-tradeoff:\n  reduces-risk: >-\n    Latency incidents: only 4 of 11 #2${at}\n---\n`;
      assert.deepEqual(labels(filled('|')), [], 'inside the answer: any text, no completion');
      assert.deepEqual(labels(filled('\n  |')), ['preserves-option', 'accepts-cost', 'eases-later', 'protects-outcome']);
    });

    it('inserts a list key with its first item, and a date key with a date', () => {
      const owners = item('---\ntype: adr\n|\n---\n', 'owners');
      assert.equal(owners.insertText, 'owners:\n  - ');
      assert.equal(owners.retrigger, true);
      const mechanisms = item('---\ntype: exit-plan\n|\n---\n', 'mechanisms');
      assert.equal(mechanisms.insertText, 'mechanisms:\n  - ');
      assert.equal(mechanisms.retrigger, true);
      assert.equal(item('---\ntype: adr\n|\n---\n', 'date').insertText, `date: \${1:${TODAY}}`);
      assert.equal(item('---\ntype: adr\n|\n---\n', 'review-by').insertText, `review-by: \${1:${addMonths(TODAY, 6)}}`);
    });

    it('on an existing key, inserts the name alone', () => {
      const level = complete('---\ntype: adr\nrisk:\n  lev|el: high\n---\n').find((c) => c.label === 'blast-radius');
      assert.equal(level?.insertText, 'blast-radius');
      assert.equal(level?.isSnippet, undefined);
    });

    it('on a fresh line under a list key, offers its entries as `- ` items', () => {
      const items = complete('---\ntype: adr\nowners:\n  - alice\n  |\n---\n');
      assert.ok(items.some((c) => c.insertText === '- bob' && c.kind === 'person'));
      assert.ok(!items.some((c) => c.label === 'alice'));
    });
  });

  describe('closed vocabularies', () => {
    it('offers the ADR status values with their descriptions', () => {
      const items = complete('---\ntype: adr\nstatus: |\n---\n');
      const info = fieldInfo('adr', ['status']);
      assert.deepEqual(items.map((c) => c.label), info?.enum);
      assert.deepEqual(items.map((c) => c.detail), info?.enumDescriptions);
      assert.ok(items.every((c) => c.kind === 'value'));
    });

    it('offers the exit-plan status values in an exit plan, and the RFC ones in an RFC', () => {
      assert.deepEqual(labels('---\ntype: exit-plan\nstatus: |\n---\n'), ['planned', 'in-progress', 'verified', 'abandoned']);
      assert.deepEqual(labels('---\ntype: rfc\nstatus: dr|\n---\n'), fieldInfo('rfc', ['status'])?.enum);
    });

    it('offers door, level and blast-radius values', () => {
      assert.deepEqual(labels('---\ntype: adr\nreversibility:\n  door: |\n---\n'), ['one-way', 'two-way']);
      assert.deepEqual(labels('---\ntype: adr\nrisk:\n  level: |\n---\n'), ['low', 'medium', 'high', 'critical']);
      assert.deepEqual(labels('---\ntype: adr\nrisk:\n  blast-radius: |\n---\n'), ['component', 'team', 'cross-team', 'org']);
    });

    it('at a template placeholder (`<one-way | two-way>`, a tab stop selected), offers every value, matched past the placeholder', () => {
      const cases: Array<[string, string, string[]]> = [
        ['---\ntype: adr\nreversibility:\n  door: <one-way | two-way>\n---\n', '<one-way | two-way>', ['one-way', 'two-way']],
        ['---\ntype: adr\nknowledge-exit-path:\n  mechanisms:\n    - <documentation | pairing | runbook>\n---\n', '<documentation | pairing | runbook>', fieldInfo('adr', ['knowledge-exit-path', 'mechanisms'])!.enum!.map(String)],
        ['---\ntype: exit-plan\ndue: <By when must the successors be able to work without the holders? (YYYY-MM-DD)>\n---\n', '<By when must the successors be able to work without the holders? (YYYY-MM-DD)>', ['2027-02-21', '2027-05-21', '2026-12-21']],
      ];
      for (const [text, placeholder, values] of cases) {
        const start = text.indexOf(placeholder);
        // Selected by Tab, the cursor is at its end; or the user clicked inside it.
        for (const at of [start + placeholder.length, start + 5, start]) {
          const items = completionsAt(text, at, index, OPTIONS);
          assert.deepEqual(items.map((c) => c.label), values, `${placeholder} at ${at - start}`);
          const lines = new LineIndex(text);
          for (const c of items) {
            assert.equal(text.slice(lines.offset(c.replace.start), lines.offset(c.replace.end)), placeholder, 'the value replaces the whole placeholder');
            // An editor keeps the items whose filter text matches what lies between the range's start and the cursor.
            const typed = text.slice(lines.offset(c.replace.start), at);
            assert.ok((c.filterText ?? c.label).startsWith(typed), `${c.label}: ${JSON.stringify(c.filterText)} does not match ${JSON.stringify(typed)}`);
            assert.ok((c.filterText ?? c.label).endsWith(c.label), 'and the value itself still matches what is typed over it');
          }
        }
      }
      // A value being typed is matched as it is.
      assert.ok(complete('---\ntype: adr\nrisk:\n  level: hi|\n---\n').every((c) => c.filterText === undefined));
    });

    it('offers the record types for type:, with or without a type already', () => {
      const items = complete('---\ntype: |\n---\n');
      assert.deepEqual(items.map((c) => c.label), ['adr', 'rfc', 'exit-plan']);
      assert.ok(items.every((c) => c.detail), 'each type has its description');
      assert.deepEqual(labels('---\ntype: ad|\n---\n'), ['adr', 'rfc', 'exit-plan']);
    });

    it('offers mechanisms in a list item, minus those already listed', () => {
      const found = labels('---\ntype: adr\nknowledge-exit-path:\n  mechanisms:\n    - runbook\n    - |\n---\n');
      assert.ok(found.includes('pairing') && found.includes('simplification'));
      assert.ok(!found.includes('runbook'));
      const description = item('---\ntype: exit-plan\nmechanisms: [pairing, |]\n---\n', 'runbook').detail;
      const info = fieldInfo('exit-plan', ['mechanisms']);
      assert.equal(description, info?.enumDescriptions?.[info.enum?.indexOf('runbook') ?? -1]);
      assert.ok(!labels('---\ntype: exit-plan\nmechanisms: [pairing, |]\n---\n').includes('pairing'));
    });

    it('writes a space first after a bare colon, and inside quotes leaves the quotes alone', () => {
      assert.equal(item('---\ntype: adr\nstatus:|\n---\n', 'accepted').insertText, ' accepted');
      const quoted = item('---\ntype: adr\nrisk:\n  level: "hi|"\n---\n', 'high');
      assert.equal(quoted.insertText, 'high');
      assert.deepEqual(quoted.replace, { start: { line: 3, character: 10 }, end: { line: 3, character: 12 } });
    });
  });

  describe('record ids', () => {
    it('offers the other records by id, with the title as detail', () => {
      const items = complete('---\ntype: adr\nsupersedes: [|]\n---\n');
      assert.deepEqual(items.map((c) => c.label), ['ADR-0001', 'RFC-0002', 'EXIT-0003']);
      assert.ok(items.every((c) => c.kind === 'id'));
      assert.equal(items[0].detail, 'Use Postgres for the ledger');
      assert.ok(items[0].documentation?.includes('accepted'));
    });

    it('leaves out the record being edited and the ids already listed', () => {
      assert.ok(!labels('---\ntype: adr\nrelated:\n  - |\n---\n').includes('ADR-0009'));
      assert.deepEqual(labels('---\ntype: adr\nrelated:\n  - 0001\n  - |\n---\n'), ['RFC-0002', 'EXIT-0003']);
      assert.deepEqual(labels('---\ntype: adr\nsuperseded-by: [RFC-0002, |]\n---\n'), ['ADR-0001', 'EXIT-0003']);
    });

    it('offers only exit plans for knowledge-exit-path.plan', () => {
      assert.deepEqual(labels('---\ntype: adr\nknowledge-exit-path:\n  plan: |\n---\n'), ['EXIT-0003']);
    });

    it('offers records for an exit plan’s decisions', () => {
      assert.deepEqual(labels('---\ntype: exit-plan\ndecisions:\n  - |\n---\n'), ['ADR-0001', 'RFC-0002', 'EXIT-0003']);
    });
  });

  describe('people', () => {
    it('offers the people the other records name, minus those already in the list', () => {
      const items = complete('---\ntype: adr\ndeciders: [alice, |]\n---\n');
      const found = items.map((c) => c.label);
      for (const name of ['bob', 'carol', 'dave', 'erin']) assert.ok(found.includes(name), name);
      assert.ok(!found.includes('alice'));
      assert.ok(items.every((c) => c.kind === 'person'));
    });

    it('offers people for knowledge-exit-path holders and successors, and exit-plan top-level holders', () => {
      assert.ok(labels('---\ntype: adr\nknowledge-exit-path:\n  successors:\n    - |\n---\n').includes('erin'));
      assert.ok(labels('---\ntype: adr\nknowledge-exit-path:\n  holders: [|]\n---\n').includes('dave'));
      assert.ok(labels('---\ntype: exit-plan\nholders:\n- |\n---\n').includes('alice'));
      assert.ok(labels('---\ntype: exit-plan\nsuccessors: [|]\n---\n').includes('bob'));
      assert.ok(labels('---\ntype: adr\nconsulted: [|]\n---\n').includes('carol'));
    });

    it('writes a list after a key with no value yet', () => {
      assert.equal(item('---\ntype: adr\ninformed: |\n---\n', 'bob').insertText, '[bob]');
    });

    it('quotes a name that a flow sequence would split', () => {
      const names = indexOf({ '0001-x.md': '---\ntype: adr\ntitle: X\nowners: ["Doe, Jane"]\n---\n' });
      const items = complete('---\ntype: adr\nowners: [|]\n---\n', OPTIONS, names);
      assert.equal(items.find((c) => c.label === 'Doe, Jane')?.insertText, '"Doe, Jane"');
    });
  });

  describe('dates and tags', () => {
    it('offers today for date, and six months ahead (preselected) for review-by', () => {
      assert.deepEqual(labels('---\ntype: adr\ndate: |\n---\n'), [TODAY]);
      const review = complete('---\ntype: adr\nreview-by: |\n---\n');
      assert.equal(review.find((c) => c.preselect)?.label, '2027-05-21');
      assert.ok(review.some((c) => c.label === '2027-11-21'));
      assert.ok(labels('---\ntype: exit-plan\ndue: |\n---\n').length > 0);
    });

    it('offers no date without today from the caller', () => {
      assert.deepEqual(labels('---\ntype: adr\ndate: |\n---\n', {}), []);
    });

    it('adds months, clamping the day to the month', () => {
      assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
      assert.equal(addMonths('2027-08-31', 6), '2028-02-29');
      assert.equal(addMonths('2026-11-21', 1), '2026-12-21');
      assert.equal(addMonths('not a date', 1), undefined);
    });

    it('offers the tags other records use, minus those listed', () => {
      assert.deepEqual(labels('---\ntype: adr\ntags: [ledger, |]\n---\n'), ['billing', 'storage']);
    });
  });

  describe('where nothing is offered', () => {
    it('outside the frontmatter', () => {
      assert.deepEqual(complete('---\ntype: adr\n---\n# Title\n\nsta|\n'), []);
      assert.deepEqual(complete('no frontmatter sta|'), []);
    });

    it('on free-text values and unknown keys', () => {
      assert.deepEqual(complete('---\ntype: adr\ntitle: Use |\n---\n'), []);
      assert.deepEqual(complete('---\ntype: adr\nmy-own-key: |\n---\n'), []);
      assert.deepEqual(complete('---\ntype: adr\nmy-own-key:\n  |\n---\n'), []);
    });
  });

  describe('CRLF files', () => {
    it('completes keys and values with ranges on the right line and column', () => {
      const level = complete('---\r\ntype: adr\r\nrisk:\r\n  level: h|\r\n---\r\n').find((c) => c.label === 'high');
      assert.deepEqual(level?.replace, { start: { line: 3, character: 9 }, end: { line: 3, character: 10 } });
      const keys = complete('---\r\ntype: adr\r\nrisk:\r\n  level: high\r\n  |\r\n---\r\n');
      assert.deepEqual(sorted(keys), ['blast-radius', 'mitigation']);
      assert.ok(!keys.some((c) => c.insertText.includes('\r')));
    });
  });
});
