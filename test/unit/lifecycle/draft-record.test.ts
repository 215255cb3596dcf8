import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { defaultConfig, normalizeConfig, type ResolvedConfig } from '../../../src/core/config/config';
import { rankFolders, typeOfFolderName } from '../../../src/core/lifecycle/choose-folder';
import { createDraft, draftRecord, targetFolder, type DraftContext } from '../../../src/core/lifecycle/draft-record';
import type { GitPort } from '../../../src/core/port/git';
import { SchemaValidator } from '../../../src/core/schema/validator';
import { MemoryFileSystem } from '../support/memory-file-system';

const ROOT = '/ws';
const DATE = '2025-01-02';

function configOf(raw: unknown): ResolvedConfig {
  const { config, problems } = normalizeConfig(raw, { trusted: true, validator: new SchemaValidator() });
  assert.deepEqual(problems, []);
  return config;
}

function frontmatter(text: string): Record<string, unknown> {
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]) as Record<string, unknown>;
}

const git = (name: string | undefined): GitPort & { calls: number } => {
  const port = { calls: 0, userName: async () => (port.calls++, name) };
  return port;
};

describe('draftRecord: one use case for `legible new` and the New commands', () => {
  it('puts an RFC in the RFC folder and an ADR in the other, whatever their order', () => {
    const folders = ['/ws/docs/rfcs', '/ws/docs/decisions'];
    const context = { root: ROOT, config: defaultConfig(), folders };
    assert.equal(targetFolder(context, 'rfc'), '/ws/docs/rfcs');
    assert.equal(targetFolder(context, 'adr'), '/ws/docs/decisions');
    assert.equal(targetFolder(context, 'exit-plan'), '/ws/docs/decisions');
    assert.equal(targetFolder({ ...context, folders: ['/ws/docs/decisions'] }, 'rfc'), '/ws/docs/decisions', 'one folder takes every type');
  });

  it('a folder configured with a type wins over one whose name says it; names are read relative to the workspace', () => {
    const config = configOf({ folders: ['docs/rfcs', { path: 'text', type: 'rfc' }, { path: 'docs/adr', type: 'adr' }] });
    const context = { root: ROOT, config, folders: ['/ws/docs/rfcs', '/ws/text', '/ws/docs/adr'] };
    assert.equal(targetFolder(context, 'rfc'), '/ws/text');
    assert.equal(targetFolder(context, 'adr'), '/ws/docs/adr');
    assert.equal(targetFolder({ root: '/home/rfcs', config: defaultConfig(), folders: ['/home/rfcs/docs/decisions', '/home/rfcs/adr'] }, 'adr'), '/home/rfcs/adr');
    assert.equal(typeOfFolderName('rfcs/text'), 'rfc');
    assert.equal(typeOfFolderName('docs/exit-plans'), 'exit-plan');
    assert.equal(typeOfFolderName('docs/decisions'), undefined);
    assert.deepEqual(rankFolders('exit-plan', ROOT, ['/ws/docs/rfcs', '/ws/docs/adr'], () => undefined), ['/ws/docs/adr', '/ws/docs/rfcs'], 'an exit plan sits with the ADRs');
  });

  it('with no folder yet: the configured one for the type, else docs/decisions', () => {
    assert.equal(targetFolder({ root: ROOT, config: defaultConfig(), folders: [] }, 'rfc'), '/ws/docs/decisions');
    const config = configOf({ folders: ['architecture', { path: 'proposals', type: 'rfc' }] });
    assert.equal(targetFolder({ root: ROOT, config, folders: [] }, 'rfc'), '/ws/proposals');
    assert.equal(targetFolder({ root: ROOT, config, folders: [] }, 'adr'), '/ws/architecture');
  });

  it('takes the owner from the git port unless one is given, and writes it into the record', async () => {
    const fs = new MemoryFileSystem({ '/ws/docs/decisions/0007-x.md': 'x' });
    const port = git('Grace Hopper');
    const context: DraftContext = { fs, root: ROOT, config: defaultConfig(), folders: ['/ws/docs/decisions'], git: port };
    const fromGit = await createDraft(context, await draftRecord(context, { type: 'adr', title: 'Use Kafka', date: DATE }), 0);
    assert.equal(fromGit.name, '0008-use-kafka.md');
    assert.deepEqual(frontmatter(fromGit.text).owners, ['Grace Hopper']);
    assert.equal(fs.text(fromGit.path), fromGit.text);
    assert.ok(fromGit.snippet?.includes('  - Grace Hopper\n'), 'the snippet carries the owner too');
    const given = await draftRecord(context, { type: 'adr', title: 'Use Kafka', date: DATE, owner: 'dana' });
    assert.equal(given.owner, 'dana');
    assert.equal(port.calls, 1, 'git is not asked when the owner is given');
    const none = await draftRecord({ ...context, git: git(undefined) }, { type: 'adr', title: 'Use Kafka', date: DATE });
    assert.equal(none.owner, undefined);
    assert.match((frontmatter(none.render('0009').text).owners as string[])[0], /^<.+>$/, 'the placeholder stays');
  });

  it('names the record in the folder\'s convention, or in the one .legible.json sets for it', async () => {
    const fs = new MemoryFileSystem({ '/ws/docs/adr/20181209_name.md': 'x', '/ws/docs/adr/adr-template.md': 't', '/ws/rfcs/0001-a.md': 'a' });
    const detected = { fs, root: ROOT, config: defaultConfig(), folders: ['/ws/docs/adr'] };
    assert.equal((await createDraft(detected, await draftRecord(detected, { type: 'adr', title: 'Use Kafka', date: DATE }), 0)).name, '20250102_use_kafka.md');
    const config = configOf({ folders: [{ path: 'rfcs', type: 'rfc', naming: 'RFC-NNN-slug' }] });
    const configured = { fs, root: ROOT, config, folders: ['/ws/rfcs'] };
    const created = await createDraft(configured, await draftRecord(configured, { type: 'rfc', title: 'Split billing', date: DATE }), 0);
    assert.equal(created.name, 'RFC-002-split-billing.md');
  });

  it('fills a repository template with the id the name gives, and warns when the configured one is unusable', async () => {
    const fs = new MemoryFileSystem({ '/ws/templates/adr.md': '---\ntype: adr\ntitle: {{title}}\nowners: [{{owner}}]\n---\n\n# ADR-{{id}}\n', '/ws/docs/decisions/07-x.md': 'x' });
    const config = configOf({ templates: { adr: 'templates/adr.md', rfc: 'templates/missing.md' } });
    const context: DraftContext = { fs, root: ROOT, config, folders: ['/ws/docs/decisions'], git: git('amira') };
    const adr = await createDraft(context, await draftRecord(context, { type: 'adr', title: 'Use Kafka', date: DATE }), 0);
    assert.equal(adr.text, '---\ntype: adr\ntitle: Use Kafka\nowners: [amira]\n---\n\n# ADR-08\n');
    assert.equal(adr.snippet, undefined);
    const rfc = await draftRecord(context, { type: 'rfc', title: 'Split', date: DATE });
    assert.deepEqual(rfc.warnings, ['the rfc template templates/missing.md is ignored: no such file; using the built-in template.']);
    assert.deepEqual((await draftRecord(context, { type: 'adr', title: 'Use Kafka', date: DATE })).questions, [], 'a repository template writes what it writes: nothing to ask');
    assert.deepEqual(rfc.questions.map((q) => q.key), ['reversibility.door', 'risk.level', 'risk.blast-radius'], 'the built-in one asks');
  });

  it('writes the answers to its questions, and the fields they require; a question left out stays a placeholder', async () => {
    const fs = new MemoryFileSystem({ '/ws/docs/decisions/0001-x.md': 'x' });
    const context: DraftContext = { fs, root: ROOT, config: defaultConfig(), folders: ['/ws/docs/decisions'], git: git('amira') };
    const draft = await draftRecord(context, { type: 'adr', title: 'Use Kafka', date: DATE });
    const created = await createDraft(context, draft, 0, { 'reversibility.door': 'one-way', 'risk.level': 'critical' });
    const data = frontmatter(created.text);
    assert.deepEqual(data.reversibility, { door: 'one-way', how: '<How would we reverse this if it proves wrong?>' });
    assert.deepEqual(data.risk, { level: 'critical', 'blast-radius': '<component | team | cross-team | org>', mitigation: '<How will we lower this risk, or recover if it happens?>' });
    assert.equal(fs.text(created.path), created.text);
    assert.ok(created.snippet?.includes('  door: one-way\n  how: >-\n    ${1:<How would we reverse this if it proves wrong?>}\n'), created.snippet);
    assert.ok(created.snippet?.includes('  blast-radius: ${2|<component \\| team \\| cross-team \\| org>,component,team,cross-team,org|}\n'), created.snippet);
  });
});
