import assert from 'node:assert/strict';
import { hoverAt, type FrontmatterHover } from '../../../src/core/editor/hover';
import { fieldInfo } from '../../../src/core/schema/field-info';
import { CURRENT, FOLDER, RECORDS, cursorIn, indexOf } from './editor-support';

const index = indexOf(RECORDS);

function hover(marked: string): FrontmatterHover | undefined {
  const { text, offset } = cursorIn(marked);
  return hoverAt(text, offset, index, { path: CURRENT });
}

function must(marked: string): FrontmatterHover {
  const found = hover(marked);
  assert.ok(found, `expected a hover in ${JSON.stringify(marked)}`);
  return found;
}

describe('hoverAt', () => {
  it('on a key: title, question, necessity and the values with their descriptions', () => {
    const found = must('---\ntype: adr\nrisk:\n  le|vel: high\n---\n');
    const info = fieldInfo('adr', ['risk', 'level']);
    assert.ok(info?.enum && info.enumDescriptions);
    assert.ok(found.markdown.startsWith(`**${info.title}**`));
    assert.ok(found.markdown.includes(info.description ?? '?'));
    assert.ok(found.markdown.includes('Required'));
    info.enum.forEach((value, i) => assert.ok(found.markdown.includes(`\`${String(value)}\` — ${info.enumDescriptions?.[i]}`), String(value)));
    assert.deepEqual(found.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 7 } });
  });

  it('on the key of a prose answer written as a block (as templates write them), and nothing on its text', () => {
    const found = must('---\ntype: adr\nbusiness-tradeoff:\n  reduces-ri|sk: >-\n    Latency incidents: only 4 of 11\n---\n');
    assert.ok(found.markdown.includes('What risk are we reducing?'));
    assert.equal(hover('---\ntype: adr\nbusiness-tradeoff:\n  reduces-risk: >-\n    Latency inci|dents: only 4 of 11\n---\n'), undefined);
  });

  it('on a key with a condition: the question carries it', () => {
    const found = must('---\ntype: adr\nreversibility:\n  door: one-way\n  h|ow: Flag back\n---\n');
    assert.ok(found.markdown.includes('(Required for one-way doors.)'));
    assert.ok(found.markdown.includes('Recommended'));
  });

  it('on a root key of a record without a type yet', () => {
    assert.ok(must('---\nti|tle: X\n---\n').markdown.includes(fieldInfo('adr', ['title'])?.description ?? '?'));
  });

  it('on the type key, lists the record types', () => {
    const found = must('---\nty|pe: exit-plan\n---\n');
    for (const type of ['adr', 'rfc', 'exit-plan']) assert.ok(found.markdown.includes(`\`${type}\``), type);
  });

  it('on a mechanisms key inside knowledge-exit-path, lists the mechanisms', () => {
    const found = must('---\ntype: adr\nknowledge-exit-path:\n  mech|anisms: [runbook]\n---\n');
    assert.ok(found.markdown.includes('`simplification`'));
  });

  it('on an enum value: that value and its description, per type', () => {
    const adr = must('---\ntype: adr\nstatus: accep|ted\n---\n');
    const info = fieldInfo('adr', ['status']);
    assert.ok(adr.markdown.includes(`\`accepted\` — ${info?.enumDescriptions?.[info.enum?.indexOf('accepted') ?? -1]}`));
    assert.deepEqual(adr.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 16 } });
    const exit = must('---\ntype: exit-plan\nstatus: verif|ied\n---\n');
    const exitInfo = fieldInfo('exit-plan', ['status']);
    assert.ok(exit.markdown.includes(exitInfo?.enumDescriptions?.[exitInfo.enum?.indexOf('verified') ?? -1] ?? '?'));
  });

  it('on a mechanism in a list, and on a value outside the vocabulary (nothing)', () => {
    assert.ok(must('---\ntype: adr\nknowledge-exit-path:\n  mechanisms:\n    - pair|ing\n---\n').markdown.includes('`pairing`'));
    assert.equal(hover('---\ntype: adr\nrisk:\n  level: hgh|\n---\n'), undefined);
  });

  it('on an id: the record’s id, title, status, risk, door and path', () => {
    const found = must('---\ntype: adr\nsupersedes: [ADR-00|01]\n---\n');
    for (const part of ['ADR-0001', 'Use Postgres for the ledger', 'accepted', 'high', 'one-way', `${FOLDER}/0001-use-postgres.md`]) assert.ok(found.markdown.includes(part), part);
    assert.deepEqual(found.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 21 } });
  });

  it('on an id written as a bare number, in a block list, and on the exit plan', () => {
    assert.ok(must('---\ntype: adr\nrelated:\n  - 00|02\n---\n').markdown.includes('An event bus for billing'));
    assert.ok(must('---\ntype: adr\nknowledge-exit-path:\n  plan: EXIT-0|003\n---\n').markdown.includes('Move the billing queue knowledge'));
  });

  it('on an id that names no record, says so', () => {
    assert.match(must('---\ntype: adr\nrelated: [ADR-0|042]\n---\n').markdown, /no record/);
    assert.match(must('---\ntype: adr\nrelated: [RFC-0|001]\n---\n').markdown, /no record/, 'the prefix must match the type');
  });

  it('escapes Markdown in a referenced title', () => {
    const marked = indexOf({ '0005-x.md': '---\ntype: adr\ntitle: Use *stars* and <b>tags</b>\n---\n' });
    const { text, offset } = cursorIn('---\ntype: adr\nrelated: [00|05]\n---\n');
    const found = hoverAt(text, offset, marked);
    assert.ok(found?.markdown.includes('Use \\*stars\\* and \\<b\\>tags\\</b\\>'));
  });

  it('shows nothing on free text, outside the frontmatter or on an empty value', () => {
    assert.equal(hover('---\ntype: adr\ntitle: Use Post|gres\n---\n'), undefined);
    assert.equal(hover('---\ntype: adr\nstatus: accepted\n---\n# Acc|epted\n'), undefined);
    assert.equal(hover('---\ntype: adr\nstatus: |\n---\n'), undefined);
    assert.equal(hover('---\ntype: adr\nmy-o|wn-key: 1\n---\n'), undefined);
  });

  it('works in a CRLF file', () => {
    const found = must('---\r\ntype: adr\r\nreversibility:\r\n  door: two-w|ay\r\n---\r\n');
    assert.ok(found.markdown.includes('`two-way`'));
    assert.deepEqual(found.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 15 } });
  });

  it('on a person named in the frontmatter: the evidence the front-end gives for them, nothing without it', () => {
    const asked: string[] = [];
    const personEvidence = (name: string) => {
      asked.push(name);
      return `**${name}**: 3 commits`;
    };
    for (const marked of ['---\ntype: adr\nknowledge-exit-path:\n  holders: [am|ira]\n---\n', '---\ntype: adr\nowners: [bo, am|ira]\n---\n', '---\ntype: adr\ndeciders:\n  - am|ira\n---\n']) {
      const { text, offset } = cursorIn(marked);
      assert.equal(hoverAt(text, offset, index, { path: CURRENT, personEvidence })?.markdown, '**amira**: 3 commits', marked);
      assert.equal(hoverAt(text, offset, index, { path: CURRENT }), undefined, 'no evidence, no hover on a name');
    }
    const { text, offset } = cursorIn('---\ntype: adr\nstatus: acc|epted\n---\n');
    assert.ok(hoverAt(text, offset, index, { path: CURRENT, personEvidence }));
    assert.deepEqual(asked, ['amira', 'amira', 'amira'], 'asked for people only');
  });
});
