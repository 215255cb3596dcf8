import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/config';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { applyEdits } from '../../../src/core/fixes/fixes';
import { setStatusEdits } from '../../../src/core/lifecycle/set-status';
import { planSupersede } from '../../../src/core/lifecycle/supersede';
import { DecisionIndex } from '../../../src/core/index/decision-index';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { MemoryFileSystem } from '../support/memory-file-system';
import { cleanAdr, lintFiles } from '../support/workspace';

const doc = (text: string, path = '/ws/docs/decisions/0007-x.md') => parseDecisionDocument(path, text, DEFAULT_LIMITS);

describe('setStatusEdits: `legible status` and Set Status', () => {
  it('replaces the value in place, keeping comments, line endings and every other byte; adds the key where the template has it', () => {
    const cases: Array<[string, string]> = [
      ['---\ntype: adr\ntitle: T\nstatus: proposed\n---\n# T\n', '---\ntype: adr\ntitle: T\nstatus: accepted\n---\n# T\n'],
      ['---\r\ntype: adr\r\nstatus: "proposed"  # why\r\n---\r\n', '---\r\ntype: adr\r\nstatus: accepted  # why\r\n---\r\n'],
      ['---\ntype: adr\nstatus:\ndate: 2025-01-02\n---\n', '---\ntype: adr\nstatus: accepted\ndate: 2025-01-02\n---\n'],
      ['---\ntype: adr\ntitle: T\ndate: 2025-01-02\n---\n', '---\ntype: adr\ntitle: T\nstatus: accepted\ndate: 2025-01-02\n---\n'],
    ];
    for (const [before, after] of cases) {
      const change = setStatusEdits(doc(before), 'accepted');
      assert.equal(change.kind, 'change', before);
      if (change.kind === 'change') assert.equal(applyEdits(before, change.edits), after);
    }
  });

  it('says what changed, and that nothing did when the status is already that', () => {
    const change = setStatusEdits(doc(cleanAdr('T')), 'deprecated');
    assert.deepEqual(change.kind === 'change' && [change.type, change.from, change.to], ['adr', 'accepted', 'deprecated']);
    assert.deepEqual(setStatusEdits(doc(cleanAdr('T')), 'accepted'), { kind: 'unchanged', type: 'adr', status: 'accepted' });
  });

  it('takes only the type\'s own vocabulary, asks the field\'s question, and suggests the nearest word', () => {
    const plan = doc('---\ntype: exit-plan\ntitle: P\nstatus: planned\n---\n');
    const wrong = setStatusEdits(plan, 'accepted');
    assert.equal(wrong.kind, 'problem');
    assert.match(wrong.kind === 'problem' ? wrong.message : '', /^`status`: "accepted" is not one of the exit-plan statuses\. .+\? \(planned, in-progress, verified, abandoned\)$/);
    const typo = setStatusEdits(doc(cleanAdr('T')), 'acepted');
    assert.deepEqual(typo.kind === 'problem' && typo.suggestions, ['accepted']);
    assert.match(typo.kind === 'problem' ? typo.message : '', / Did you mean accepted\?$/);
    assert.equal(setStatusEdits(plan, 'in-progress').kind, 'change');
  });

  it('refuses a record without Legible frontmatter or without a known type', () => {
    for (const text of ['# Use Kafka\n\n## Status\n\nAccepted\n', '---\ntitle: T\nstatus: proposed\nowners: [a]\n---\n']) {
      const change = setStatusEdits(doc(text), 'accepted');
      assert.equal(change.kind, 'problem', text);
    }
  });
});

describe('planSupersede: `legible supersede` and Supersede Decision', () => {
  const folder = '/ws/docs/decisions';

  it('plans the new record in the old one\'s folder and convention, linked both ways, and holds its name until released', async () => {
    const oldPath = `${folder}/adr014-use-json.md`;
    const oldText = cleanAdr('Use JSON');
    const fs = new MemoryFileSystem({ [oldPath]: oldText, [`${folder}/adr013-x.md`]: 'x' });
    const context = { fs, root: '/ws', config: defaultConfig(), folders: [folder], git: { userName: async () => 'Grace Hopper' } };
    const plan = await planSupersede(context, { old: { path: oldPath, text: oldText, folder }, title: 'Use YAML', date: '2025-01-02', now: 0, index: new DecisionIndex() });
    assert.ok(!('problem' in plan));
    assert.equal(plan.path, `${folder}/adr015-use-yaml.md`);
    // `adr014-…`'s id as the schema accepts it (ADR-014 is not a decision id).
    assert.deepEqual([plan.oldId, plan.newId, plan.oldStatus], ['ADR-0014', 'ADR-0015', 'accepted']);
    // The old record's owners are carried over (git's user owns a successor only of an ownerless record).
    assert.match(plan.text, /^---\ntype: adr\ntitle: Use YAML\nstatus: proposed\ndate: 2025-01-02\nowners:\n {2}- amira\n/);
    assert.match(plan.text, /\nsupersedes: \[ADR-0014\]\n/);
    assert.equal(applyEdits(oldText, plan.oldEdits), oldText.replace('status: accepted', 'status: superseded').replace('owners: [amira]\n', 'owners: [amira]\nsuperseded-by: [ADR-0015]\n'));
    assert.ok((await fs.readDirectory(folder)).some((e) => e.name.startsWith('.legible-reserve-')), 'the name is held');
    await plan.release();
    assert.ok(!(await fs.readDirectory(folder)).some((e) => e.name.startsWith('.legible-reserve-')));
    assert.equal(fs.text(oldPath), oldText, 'planning writes no record');
  });

  it('in a two-digit folder (07-x.md) links both records by ids the schema accepts, which lint then finds consistent', async () => {
    const oldPath = `${folder}/01-use-json.md`;
    const oldText = cleanAdr('Use JSON');
    const fs = new MemoryFileSystem({ [oldPath]: oldText });
    const plan = await planSupersede({ fs, root: '/ws', config: defaultConfig(), folders: [folder] }, { old: { path: oldPath, text: oldText, folder }, title: 'Use YAML', date: '2025-01-02', owner: 'bo', now: 0, index: new DecisionIndex() });
    assert.ok(!('problem' in plan));
    await plan.release();
    assert.deepEqual([plan.path, plan.oldId, plan.newId], [`${folder}/02-use-yaml.md`, 'ADR-0001', 'ADR-0002']);
    assert.match(plan.text, /\nsupersedes: \[ADR-0001\]\n/);
    const ws = await lintFiles({ 'docs/decisions/01-use-json.md': applyEdits(oldText, plan.oldEdits), 'docs/decisions/02-use-yaml.md': plan.text });
    const rules = ws.findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
    assert.deepEqual(rules.filter((rule) => /^(frontmatter-schema|status-consistency|reference-resolves)/.test(rule)), []);
  });

  it('in a date-named folder the new record is named for the day', async () => {
    const oldPath = `${folder}/20200924-use-json.md`;
    const fs = new MemoryFileSystem({ [oldPath]: cleanAdr('Use JSON') });
    const plan = await planSupersede({ fs, root: '/ws', config: defaultConfig(), folders: [folder] }, { old: { path: oldPath, text: cleanAdr('Use JSON'), folder }, title: 'Use YAML', date: '2025-01-02', now: 0, index: new DecisionIndex() });
    assert.ok(!('problem' in plan));
    await plan.release();
    assert.deepEqual([plan.path, plan.oldId, plan.newId], [`${folder}/20250102-use-yaml.md`, 'ADR-20200924', 'ADR-20250102']);
  });

  it('in a date-named folder, refuses an id another record of the day has (either record\'s), reserving and writing nothing', async () => {
    const lunr = 'docs/decisions/20201103-use-lunr.md';
    const plan = async (files: Record<string, string>, old = lunr) => {
      const ws = await lintFiles(files);
      const before = await ws.fs.readDirectory(folder);
      const result = await planSupersede({ fs: ws.fs, root: '/ws', config: ws.loaded.config, folders: ws.folders }, { old: { path: `/ws/${old}`, text: files[old], folder }, title: 'Use Algolia', date: '2026-11-21', owner: 'bo', now: 0, index: ws.workspace.index });
      if (!('problem' in result)) await result.release();
      assert.deepEqual(await ws.fs.readDirectory(folder), before, 'nothing reserved or written');
      return result;
    };
    const kafka = { 'docs/decisions/20261121-use-kafka.md': cleanAdr('Use Kafka') };
    assert.deepEqual(await plan({ [lunr]: cleanAdr('Use Lunr'), ...kafka }), {
      problem: 'the new record would be ADR-20261121, which 20261121-use-kafka.md already is (records named for the same day share their id), so `superseded-by: [ADR-20261121]` would not say which record replaces this one. Nothing was written; supersede it on a day no other adr in this folder is named for.',
    });
    assert.deepEqual(await plan({ [lunr]: cleanAdr('Use Lunr'), 'docs/decisions/20201103-use-solr.md': cleanAdr('Use Solr') }), {
      problem: 'its id ADR-20201103 also names 20201103-use-solr.md (records named for the same day share their id), so no reference names this record alone: the new record\'s `supersedes: [ADR-20201103]` would not say which one it replaces. Nothing was written.',
    });
    // An RFC of the day is RFC-20261121, and a record of the day in another folder is preferred by none of these two.
    const rfc = { 'docs/decisions/20261121-split-billing.md': cleanAdr('Split billing').replace('type: adr', 'type: rfc') };
    const elsewhere = { 'docs/adr/20261121-use-kafka.md': cleanAdr('Use Kafka') };
    const allowed = await plan({ [lunr]: cleanAdr('Use Lunr'), ...rfc, ...elsewhere }, lunr);
    assert.ok(!('problem' in allowed), 'problem' in allowed ? allowed.problem : '');
    assert.equal(allowed.newId, 'ADR-20261121');
  });

  it('refuses a record whose file name carries no id (recordsWithoutId): `supersedes` takes ids, never a slug; nothing reserved or written', async () => {
    const files = { 'docs/decisions/use-postgres.md': cleanAdr('Use Postgres'), 'docs/decisions/use-redis.md': cleanAdr('Use Redis') };
    const ws = await lintFiles(files, { config: { recordsWithoutId: true } });
    const old = { path: '/ws/docs/decisions/use-postgres.md', text: files['docs/decisions/use-postgres.md'], folder };
    const plan = await planSupersede({ fs: ws.fs, root: '/ws', config: ws.loaded.config, folders: ws.folders }, { old, title: 'Use MySQL', date: '2026-11-21', owner: 'bo', now: 0, index: ws.workspace.index });
    assert.deepEqual(plan, {
      problem: 'its file name carries no id, and `supersedes` names records by id only (0007, ADR-0007), so the new record could not name the one it replaces. Nothing was written. Which number should it have? Rename the file to carry one (NNNN-use-postgres.md, the folder\'s next free number), then supersede it.',
    });
    assert.deepEqual((await ws.fs.readDirectory(folder)).map((e) => e.name).sort(), ['use-postgres.md', 'use-redis.md']);
  });

  it('refuses an exit plan and a record without Legible frontmatter, reserving nothing', async () => {
    const fs = new MemoryFileSystem({ [`${folder}/0001-x.md`]: 'x' });
    const context = { fs, root: '/ws', config: defaultConfig(), folders: [folder] };
    const plan = await planSupersede(context, { old: { path: `${folder}/0001-x.md`, text: '---\ntype: exit-plan\ntitle: P\nstatus: planned\n---\n', folder }, title: 'New', date: '2025-01-02', now: 0, index: new DecisionIndex() });
    assert.deepEqual(plan, { problem: 'an exit-plan is never superseded; which `status` says what became of it (planned, in-progress, verified, abandoned)?' });
    const legacy = await planSupersede(context, { old: { path: `${folder}/0001-x.md`, text: '# X\n\n## Status\n\nAccepted\n', folder }, title: 'New', date: '2025-01-02', now: 0, index: new DecisionIndex() });
    assert.ok('problem' in legacy && /no Legible frontmatter/.test(legacy.problem));
    assert.deepEqual((await fs.readDirectory(folder)).map((e) => e.name), ['0001-x.md']);
  });
});
