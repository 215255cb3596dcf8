import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig } from '../../../src/core/config/config';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { applyEdits } from '../../../src/core/fixes/fixes';
import { CARRIED_FIELDS } from '../../../src/core/lifecycle/carry-over';
import { openQuestions, setStatusEdits } from '../../../src/core/lifecycle/set-status';
import { planSupersede } from '../../../src/core/lifecycle/supersede';
import { DecisionIndex } from '../../../src/core/index/decision-index';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { renderTemplate } from '../../../src/core/templates/render-template';
import { placeholderSnippet } from '../../../src/core/templates/placeholder-snippet';
import { MemoryFileSystem } from '../support/memory-file-system';
import { cleanAdr, lintFiles } from '../support/workspace';
import { expandSnippet, snippetStops } from '../support/snippet';

const FOLDER = '/ws/docs/decisions';
const doc = (text: string, path = `${FOLDER}/0007-x.md`) => parseDecisionDocument(path, text, DEFAULT_LIMITS);
const DRAFT = renderTemplate({ type: 'adr', title: 'Add a second acquirer', date: '2026-03-02', owners: ['amira'] }).text;

describe('Set Status and `legible status`: the open questions of a record about to be in force', () => {
  it('counts the placeholders left (not the status it sets) and words them for accepted, implemented and verified', () => {
    const change = setStatusEdits(doc(DRAFT), 'accepted');
    assert.equal(change.kind, 'change');
    if (change.kind !== 'change') return;
    assert.ok(!change.placeholders.includes('status'));
    assert.equal(change.placeholders.length, 13, change.placeholders.join(', '));
    assert.equal(change.openQuestions, `\`reversibility.door\`, \`reversibility.how\`, \`risk.level\` and 10 more are still placeholders: 13 open questions for a record about to be accepted.`);
    assert.equal(openQuestions('implemented', ['risk.level']), '`risk.level` is still a placeholder: an open question for a record about to be implemented.');
    assert.equal(openQuestions('verified', ['a', 'b']), '`a` and `b` are still placeholders: 2 open questions for a record about to be verified.');
  });

  it('says nothing for a status not in force, or a record with every question answered', () => {
    const rejected = setStatusEdits(doc(DRAFT), 'rejected');
    assert.ok(rejected.kind === 'change' && rejected.placeholders.length === 13 && rejected.openQuestions === undefined);
    const answered = setStatusEdits(doc(cleanAdr('Done').replace('status: accepted', 'status: proposed')), 'accepted');
    assert.deepEqual(answered.kind === 'change' && [answered.placeholders, answered.openQuestions], [[], undefined]);
  });

  it('uses the configured pattern', () => {
    const change = setStatusEdits(doc(cleanAdr('X').replace('status: accepted', 'status: proposed').replace('owners: [amira]', 'owners: [XXX]')), 'accepted', /^XXX$/);
    assert.deepEqual(change.kind === 'change' && change.placeholders, ['owners[0]']);
  });
});

const OLD = [
  '---',
  'type: adr',
  'title: Use JSON for events',
  'status: accepted',
  'date: 2026-03-02',
  'owners: [amira, "Bo Li <bo@example.com>"]',
  'deciders:',
  '  - amira',
  '  - <Who else decided?>',
  'related: [0003, ADR-0004]',
  'tags: [payments, events]',
  'reversibility: {door: one-way, how: Dual-write for a sprint.}',
  'risk:',
  '  level: high',
  '  blast-radius: <component | team | cross-team | org>',
  '  mitigation: Shadow traffic first.',
  'business-tradeoff: {reduces-risk: a, preserves-option: b, accepts-cost: c, eases-later: d, protects-outcome: e}',
  'knowledge-exit-path:',
  '  holders: [amira]',
  '  successors: [bo, carol]',
  '  mechanisms: [runbook]',
  '---',
  '',
  '# Use JSON for events',
  '',
].join('\n');

async function supersede(oldText: string, options: { owner?: string; files?: Record<string, string> } = {}) {
  const oldPath = `${FOLDER}/0014-use-json.md`;
  const fs = new MemoryFileSystem({ [oldPath]: oldText, ...options.files });
  const context = { fs, root: '/ws', config: defaultConfig(), folders: [FOLDER], git: { userName: async () => 'Grace Hopper' } };
  const plan = await planSupersede(context, { old: { path: oldPath, text: oldText, folder: FOLDER }, title: 'Use Avro for events', date: '2026-11-21', owner: options.owner, now: 0, index: new DecisionIndex() });
  assert.ok(!('problem' in plan), 'problem' in plan ? plan.problem : '');
  await plan.release();
  return { plan, fs };
}

describe('planSupersede: the successor carries the old record over', () => {
  it('carries owners, deciders, related, tags, risk level, holders and successors; never a placeholder; the rest stays a question', async () => {
    const { plan } = await supersede(OLD);
    const data = doc(plan.text, plan.path).data!;
    assert.deepEqual(data.owners, ['amira', 'Bo Li <bo@example.com>'], 'the old owners, not git\'s user');
    assert.deepEqual(data.deciders, ['amira'], 'the placeholder decider is not carried');
    assert.deepEqual(data.related, [3, 'ADR-0004']);
    assert.match(plan.text, /\nrelated:\n {2}- 0003\n {2}- ADR-0004\n/, 'an id is written as the old record wrote it');
    assert.deepEqual(data.tags, ['payments', 'events']);
    assert.deepEqual(data.supersedes, ['ADR-0014']);
    const risk = data.risk as Record<string, unknown>;
    assert.equal(risk.level, 'high');
    assert.match(String(risk['blast-radius']), /^</, 'a placeholder in the old record stays the new record\'s question');
    assert.match(String(risk.mitigation), /^</, 'the mitigation is the new decision\'s own');
    assert.match(String((data.reversibility as Record<string, unknown>).door), /^</, 'so is its door');
    const exit = data['knowledge-exit-path'] as Record<string, unknown>;
    assert.deepEqual([exit.holders, exit.successors], [['amira'], ['bo', 'carol']]);
    assert.deepEqual(plan.carried, ['owners', 'deciders', 'related', 'tags', 'risk.level', 'knowledge-exit-path.holders', 'knowledge-exit-path.successors']);
    assert.deepEqual(plan.warnings, []);
  });

  it('changes nothing else in the template: the same lines, in the same order, but the carried fields', async () => {
    const { plan } = await supersede(OLD);
    const { plan: blank } = await supersede(cleanAdr('Nothing to carry').replace('owners: [amira]', 'owners: [<Who?>]').replace('risk: {level: low}', 'risk: {level: <low | high>}').replace('knowledge-exit-path: {holders: [amira], successors: [bo], mechanisms: [runbook]}', 'knowledge-exit-path: {mechanisms: [runbook]}'));
    assert.deepEqual(blank.carried, []);
    const keys = (text: string) => text.split('\n').filter((line) => /^\s*[\w-]+:/.test(line)).map((line) => line.trim().split(':')[0]);
    const expected = keys(blank.text);
    // The template writes no deciders, related or tags (completion offers them): carried over, each
    // is added where the schema orders it.
    assert.deepEqual(['deciders', 'related', 'tags'].filter((key) => expected.includes(key)), []);
    expected.splice(expected.indexOf('owners') + 1, 0, 'deciders');
    expected.splice(expected.indexOf('supersedes') + 1, 0, 'related');
    expected.push('tags');
    assert.deepEqual(keys(plan.text), expected, 'deciders, related and tags are added where the schema orders them');
    assert.match(blank.text, /\nowners:\n {2}- Grace Hopper\n/, 'no old owners: git\'s user owns it');
    // Every line but the carried fields' (keys and list items) and the old record's id is the template's.
    const untouched = (text: string) => text.split('\n').filter((line) => !/^(?:\s*- |(?:owners|deciders|related|tags|supersedes):|\s+(?:level|holders|successors):)/.test(line));
    assert.deepEqual(untouched(plan.text), untouched(blank.text));
  });

  it('an owner the user names replaces the old owners', async () => {
    const { plan } = await supersede(OLD, { owner: 'dana' });
    assert.deepEqual(doc(plan.text, plan.path).data!.owners, ['dana']);
    assert.ok(!plan.carried.includes('owners'));
  });

  it('writes into a custom template that lacks the fields, and says what it could not write', async () => {
    const template = ['---', 'type: adr', 'title: {{title}}', 'status: proposed', 'date: {{date}}', 'owners: [{{owner}}]', 'risk: {level: <low | high>}', '---', '', '# {{title}}', ''].join('\n');
    const fs = new MemoryFileSystem({ [`${FOLDER}/0014-use-json.md`]: OLD, '/ws/templates/adr.md': template, '/ws/.legible.json': '{"templates":{"adr":"templates/adr.md"}}' });
    const config = { ...defaultConfig(), templates: { adr: 'templates/adr.md' } };
    const plan = await planSupersede({ fs, root: '/ws', config, folders: [FOLDER] }, { old: { path: `${FOLDER}/0014-use-json.md`, text: OLD, folder: FOLDER }, title: 'Use Avro', date: '2026-11-21', now: 0, index: new DecisionIndex() });
    assert.ok(!('problem' in plan));
    await plan.release();
    const data = doc(plan.text, plan.path).data!;
    assert.deepEqual(data.owners, ['amira', 'Bo Li <bo@example.com>']);
    assert.deepEqual((data['knowledge-exit-path'] as Record<string, unknown>).successors, ['bo', 'carol'], 'a missing parent mapping is added with the field');
    assert.deepEqual(plan.carried.includes('risk.level'), false, 'a flow mapping has no line to rewrite');
    assert.equal(plan.warnings.length, 1);
    assert.match(plan.warnings[0], /^`risk\.level` of ADR-0014 could not be written into the new record's template/);
  });

  it('lints clean of links and schema errors: supersedes and superseded-by agree, carried values are valid', async () => {
    const { plan } = await supersede(OLD);
    const ws = await lintFiles({
      'docs/decisions/0003-a.md': cleanAdr('A'),
      'docs/decisions/0004-b.md': cleanAdr('B'),
      'docs/decisions/0014-use-json.md': applyEdits(OLD, plan.oldEdits),
      'docs/decisions/0015-use-avro-for-events.md': plan.text,
    });
    const rules = new Set(ws.findings.map((f) => f.ruleId));
    for (const rule of ['status-consistency', 'reference-resolves', 'frontmatter-malformed', 'frontmatter-schema']) assert.ok(!rules.has(rule), `${rule}: ${ws.findings.filter((f) => f.ruleId === rule).map((f) => f.message).join(' / ')}`);
  });

  it('the snippet is the text, with each placeholder left a tab stop in order and nothing else changed', async () => {
    const { plan } = await supersede(OLD);
    const stops = snippetStops(plan.snippet);
    assert.deepEqual(stops.map((stop) => stop.index), stops.map((_, i) => i + 1));
    const placeholder = defaultConfig().placeholder;
    assert.ok(stops.every((stop) => placeholder.test(stop.placeholder)), stops.map((stop) => stop.placeholder).join(' | '));
    assert.equal(expandSnippet(plan.snippet), plan.text);
    assert.ok(!/\$\{\d+:(amira|high|payments)/.test(plan.snippet), 'carried values are no stops');
  });
});

describe('placeholderSnippet', () => {
  it('escapes $, } and \\ outside and inside the stops, and skips headings that mention TODO', () => {
    const text = '---\ntype: adr\ntitle: Cost $5 {x}\nstatus: <proposed | accepted>\n---\n\n# TODO list app\n\n<What is $ and }?>\n\nDone \\ here.\n';
    const snippet = placeholderSnippet(doc(text), defaultConfig().placeholder);
    assert.equal(snippet, '---\ntype: adr\ntitle: Cost \\$5 {x\\}\nstatus: ${1:<proposed | accepted>}\n---\n\n# TODO list app\n\n${2:<What is \\$ and \\}?>}\n\nDone \\\\ here.\n$0');
  });
});

describe('carry-over keeps every character (property)', () => {
  // Names and tags full of YAML indicators, quotes, tabs, backslashes, other scripts and emoji.
  const piece = fc.constantFrom(': ', ' #', '- ', '? ', '|', '>', '&', '*', '!', '%', '@', '"', '\'', '\t', '\\', 'ü', 'ĳ', 'ß', '日本', 'عربي', '🙂', '👩🏽‍💻', '[', ']', '{', '}', ',', 'a', 'Bo', ' ', '0007', 'yes', '~', 'null');
  const value = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')).filter((v) => v.trim() !== '' && !/^(<.*>|\{.*\})$/.test(v.trim()) && !/TODO|TBD|FIXME|\?\?\?/.test(v));
  const json = (text: string) => JSON.stringify(text);

  it('owners, deciders, tags and successors round-trip through supersede unchanged (exactly as YAML reads them; blank items are no names)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 1, maxLength: 3 }), value, async (names, tag) => {
        const list = `[${names.map(json).join(', ')}]`;
        const oldText = cleanAdr('Old', [`deciders: ${list}`, `tags: [${json(tag)}]`]).replace('owners: [amira]', `owners: ${list}`).replace('successors: [bo]', `successors: ${list}`);
        const old = doc(oldText, `${FOLDER}/0014-use-json.md`).data!;
        const { plan } = await supersede(oldText);
        const data = doc(plan.text, plan.path).data!;
        const nonBlank = (items: unknown) => (items as string[]).filter((item) => item.trim() !== '');
        assert.deepEqual(data.owners, nonBlank(old.owners));
        assert.deepEqual(data.deciders, nonBlank(old.deciders));
        assert.deepEqual(data.tags, nonBlank(old.tags));
        assert.deepEqual((data['knowledge-exit-path'] as Record<string, unknown>).successors, nonBlank((old['knowledge-exit-path'] as Record<string, unknown>).successors));
      }),
      { numRuns: 60 },
    );
  });

  it('carries exactly the fields CARRIED_FIELDS names', () => {
    assert.deepEqual(CARRIED_FIELDS.map((path) => path.join('.')), ['owners', 'deciders', 'related', 'tags', 'risk.level', 'risk.blast-radius', 'knowledge-exit-path.holders', 'knowledge-exit-path.successors']);
  });
});
