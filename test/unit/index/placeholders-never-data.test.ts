import assert from 'node:assert/strict';
import { buildEntry } from '../../../src/core/index/build-entry';
import { hasOpen, isOpen } from '../../../src/core/index/decision-entry';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { DEFAULT_PLACEHOLDER, isPlaceholder } from '../../../src/core/config/placeholder-pattern';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { knowledgeRisk, whatIfLeaves } from '../../../src/core/report/knowledge-risk';
import { groupDecisions } from '../../../src/core/views/decision-groups';
import { renderTemplate } from '../../../src/core/templates/render-template';
import { brief, cleanAdr, lintFiles } from '../support/workspace';

const FOLDER = '/ws/docs/decisions';
const entryOf = (name: string, text: string) => buildEntry(parseDecisionDocument(`${FOLDER}/${name}`, text, DEFAULT_LIMITS), FOLDER);

/** A draft as `legible new` writes it: every field Legible asks for still a placeholder but the title. */
const DRAFT = renderTemplate({ type: 'adr', title: 'Add a second acquirer', date: '2026-03-02' }).text;

/** An accepted ADR whose every indexed value is a placeholder of some kind (`<…>`, `{…}`, TODO, TBD, ???). */
const ALL_OPEN = [
  '---',
  'type: adr',
  'title: <What is being decided?>',
  'status: <proposed | accepted>',
  'date: <YYYY-MM-DD>',
  'owners: [<Who is accountable for this record?>]',
  'deciders: ["{list everyone}", TBD]',
  'review-by: TODO',
  'supersedes: [<id>]',
  'related: ["???"]',
  'tags: [<tag>]',
  'reversibility: {door: <one-way | two-way>}',
  'risk: {level: <low | medium | high | critical>, blast-radius: TBD}',
  'knowledge-exit-path:',
  '  holders: [<Who holds the knowledge?>]',
  '  successors: [<Who will operate this?>]',
  '  mechanisms: [<documentation | pairing>]',
  '  artifacts: [<Where is it written down?>]',
  '  plan: <EXIT-id>',
  '  due: TBD',
  '---',
  '',
  '# Draft',
  '',
].join('\n');

describe('placeholders are open questions, never data', () => {
  it('isPlaceholder is the one predicate: text matching the pattern; never a number, a date or a list', () => {
    for (const value of ['<Who?>', '{MADR}', 'TODO', 'done, TBD later', '???', '  <a | b>  ']) assert.equal(isPlaceholder(value, DEFAULT_PLACEHOLDER), true, value);
    for (const value of ['alice', 'todo list', 'Is it 97%?', '<EU> or <US>', 7, null, undefined, ['<x>'], new Date(0)]) assert.equal(isPlaceholder(value, DEFAULT_PLACEHOLDER), false, String(value));
  });

  it('the index leaves every placeholder out of every field, and lists where they are', () => {
    const entry = entryOf('0007-draft.md', ALL_OPEN);
    assert.equal(entry.title, '0007', 'a placeholder title falls back to the file\'s id');
    for (const key of ['status', 'date', 'reviewBy', 'risk', 'blastRadius', 'door', 'due', 'plan'] as const) assert.equal(entry[key], undefined, key);
    for (const key of ['owners', 'deciders', 'holders', 'successors', 'mechanisms', 'tags', 'supersedes', 'related', 'artifacts'] as const) assert.deepEqual(entry[key], [], key);
    assert.deepEqual([...entry.placeholders].sort(), [
      '/date', '/deciders/0', '/deciders/1', '/knowledge-exit-path/artifacts/0', '/knowledge-exit-path/due', '/knowledge-exit-path/holders/0',
      '/knowledge-exit-path/mechanisms/0', '/knowledge-exit-path/plan', '/knowledge-exit-path/successors/0', '/owners/0', '/related/0',
      '/reversibility/door', '/review-by', '/risk/blast-radius', '/risk/level', '/status', '/supersedes/0', '/tags/0', '/title',
    ]);
    assert.equal(isOpen(entry, '/risk/level'), true);
    assert.equal(hasOpen(entry, '/knowledge-exit-path/successors'), true);
  });

  it('keeps the real values beside the placeholders of the same list', () => {
    const entry = entryOf('0008-mixed.md', cleanAdr('Mixed', ['deciders: [amira, <Who else decided?>]', 'tags: [payments, TBD]']).replace('owners: [amira]', 'owners: [amira, <Who is accountable?>]'));
    assert.deepEqual([entry.owners, entry.deciders, entry.tags], [['amira'], ['amira'], ['payments']]);
    assert.deepEqual(entry.placeholders, ['/owners/1', '/deciders/1', '/tags/1']);
  });

  it('a placeholder in place of a whole mapping or list leaves all of it out, and `isOpen` sees the fields inside', () => {
    const entry = entryOf('0009-whole.md', cleanAdr('Whole').replace('risk: {level: low}', 'risk: TBD').replace('owners: [amira]', 'owners: <Who is accountable?>'));
    assert.deepEqual([entry.risk, entry.owners], [undefined, []]);
    assert.equal(isOpen(entry, '/risk/level'), true, 'risk.level lies inside the open `risk`');
    assert.equal(isOpen(entry, '/status'), false);
  });

  it('a clean record has no placeholders and keeps one shared empty list (the index stays small)', () => {
    const a = entryOf('0010-a.md', cleanAdr('A'));
    const b = entryOf('0011-b.md', cleanAdr('B'));
    assert.deepEqual(a.placeholders, []);
    assert.equal(a.placeholders, b.placeholders, 'the same frozen empty list');
    assert.ok(Object.isFrozen(a.placeholders));
  });

  it('uses the configured pattern: with `^XXX$`, `<…>` is data and XXX is the question', () => {
    const pattern = /^XXX$/;
    const entry = buildEntry(parseDecisionDocument(`${FOLDER}/0012-x.md`, cleanAdr('X').replace('owners: [amira]', 'owners: [XXX, <team-lead>]'), DEFAULT_LIMITS), FOLDER, pattern);
    assert.deepEqual([entry.owners, entry.placeholders], [['<team-lead>'], ['/owners/0']]);
  });

  it('a legacy record\'s `{…}` template values (MADR) are left out as well', () => {
    const madr = ['---', 'status: "{proposed | rejected | accepted | deprecated}"', 'date: "{YYYY-MM-DD when the decision was last updated}"', 'deciders: "{list everyone involved in the decision}"', '---', '', '# {short title of solved problem and solution}', '', '## Context and Problem Statement', '', 'Text.', ''].join('\n');
    const entry = entryOf('0013-madr.md', madr);
    assert.ok(entry.legacy, 'read as a legacy record');
    assert.deepEqual([entry.title, entry.status, entry.date, entry.deciders], ['0013', undefined, undefined, []]);
    assert.ok(entry.placeholders.includes('/title') && entry.placeholders.includes('/deciders/0'), entry.placeholders.join(', '));
  });

  it('groupings: an owner that is a placeholder is "No owner yet", a placeholder risk no risk group', () => {
    const entries = [entryOf('0001-draft.md', DRAFT), entryOf('0002-done.md', cleanAdr('Done'))];
    assert.deepEqual(groupDecisions(entries, 'owner').map((g) => [g.label, g.entries?.map((e) => e.id)]), [['amira', ['0002']], ['No owner yet', ['0001']]]);
    assert.deepEqual(groupDecisions(entries, 'risk').map((g) => g.label), ['low', 'No risk level yet']);
    assert.ok(!JSON.stringify(groupDecisions(entries, 'status')).includes('<'), 'no group is named after a placeholder');
  });

  it('the knowledge-risk report and "what if" name no placeholder as a person', () => {
    const soleDraft = cleanAdr('Sole', [], '').replace('knowledge-exit-path: {holders: [amira], successors: [bo], mechanisms: [runbook]}', 'knowledge-exit-path: {holders: [<Who holds it?>], successors: [<Who takes over?>], mechanisms: [runbook]}');
    const oneWay = cleanAdr('One way').replace('reversibility: {door: two-way}', 'reversibility: {door: one-way, how: Restore.}').replace('owners: [amira]', 'owners: [amira]\ndeciders: [<Who decided?>]');
    const entries = [entryOf('0001-draft.md', DRAFT), entryOf('0002-sole.md', soleDraft), entryOf('0003-one-way.md', oneWay)];
    const report = JSON.stringify(knowledgeRisk(entries, '2026-11-21'));
    assert.ok(!report.includes('<'), report);
    const impact = whatIfLeaves(entries, '<Who holds it?>');
    assert.deepEqual([impact.involved, impact.loseOnlyHolder, impact.loseOnlyOwner], [0, [], []]);
  });
});

describe('rules that read people do not take a placeholder for one', () => {
  it('single-point-of-knowledge and one-way-door-single-decider leave an open successor or decider to the placeholder rules', async () => {
    const ws = await lintFiles({
      'docs/decisions/0001-successor-open.md': cleanAdr('Successor open').replace('successors: [bo]', 'successors: [<Who will operate this without the holders?>]'),
      'docs/decisions/0002-decider-open.md': cleanAdr('Decider open', ['deciders: [amira, <Who else decided?>]']).replace('reversibility: {door: two-way}', 'reversibility: {door: one-way, how: Restore the backup.}'),
      'docs/decisions/0003-decided-alone.md': cleanAdr('Decided alone', ['deciders: [amira]']).replace('reversibility: {door: two-way}', 'reversibility: {door: one-way, how: Restore the backup.}'),
    });
    assert.deepEqual(brief(ws.of('docs/decisions/0001-successor-open.md')), ['placeholder-in-force@10'], 'one finding, not a second one asking the same');
    assert.deepEqual(brief(ws.of('docs/decisions/0002-decider-open.md')), ['placeholder-in-force@7']);
    assert.deepEqual(brief(ws.of('docs/decisions/0003-decided-alone.md')), ['one-way-door-single-decider@8'], 'a real single decider is still found');
  });
});
