import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/config';
import { SchemaValidator } from '../../../src/core/schema/validator';
import { DecisionWorkspace } from '../../../src/core/workspace/decision-workspace';
import { MemoryFileSystem } from '../support/memory-file-system';
import { brief, cleanAdr, lintFiles, TODAY } from '../support/workspace';

const D = 'docs/decisions';

/** A clean ADR, with an optional extra frontmatter line and body. */
function adr(title: string, extra = '', body?: string): string {
  return cleanAdr(title, extra ? [extra] : [], body);
}

describe('DecisionWorkspace', () => {
  it('indexes and lints every file of the discovered folder', async () => {
    const { findings, workspace, folders } = await lintFiles({ [`${D}/0001-a.md`]: adr('A'), [`${D}/0002-b.md`]: adr('B', 'review-by: 2026-01-01') });
    assert.deepEqual(folders, ['/ws/docs/decisions']);
    assert.equal(workspace.index.size, 2);
    assert.deepEqual(brief(findings), ['review-overdue@7']);
    assert.equal(findings[0].path, `${D}/0002-b.md`);
  });

  it('reads a folder\'s legacy records as .legible.json says: its type, its status words, and files without an id when asked', async () => {
    const files = {
      'docs/proposals/0001-async-drop.md': '# Async drop\n\n- Status: Parked\n',
      'docs/proposals/0002-sync-drop.md': '# Sync drop\n\n- Status: active\n',
      'docs/proposals/PROTOTYPING.md': '# Prototyping notes\n',
    };
    const folders = [{ path: 'docs/proposals', type: 'rfc', statuses: { parked: 'withdrawn' } }];
    const { workspace } = await lintFiles(files, { config: { folders } });
    const read = workspace.index.entries().map((e) => [e.id, e.type, e.status]);
    assert.deepEqual(read, [['0001', 'rfc', 'withdrawn'], ['0002', 'rfc', 'accepted']]);
    const all = await lintFiles(files, { config: { folders, recordsWithoutId: true } });
    assert.deepEqual(all.workspace.index.entries().map((e) => e.id).sort(), ['0001', '0002', 'PROTOTYPING']);
  });

  it('duplicate-id: 2,000 files sharing a number get one finding each that names three others and counts the rest', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`${D}/0007-copy-${String(i).padStart(4, '0')}.md`] = `# Copy ${i}\n`;
    const { findings } = await lintFiles(files);
    const duplicates = findings.filter((f) => f.ruleId === 'duplicate-id');
    assert.equal(duplicates.length, 2000);
    assert.equal(duplicates[0].message, 'Number 0007 is also used by 0007-copy-0001.md, 0007-copy-0002.md, 0007-copy-0003.md and 1,996 more: were two branches merged? Which record keeps 0007? Renumber the other and update its references.');
    assert.ok(duplicates.every((f) => (f.related?.length ?? 0) === 3 && f.message.length < 300));
  });

  it('re-lints one file from the editor text, and cross-file findings follow', async () => {
    const { workspace } = await lintFiles({ [`${D}/0007-a.md`]: adr('A'), [`${D}/0008-b.md`]: adr('B') });
    const findings = async (): Promise<string[]> => [...(await workspace.findings()).values()].flat().map((f) => `${f.path.slice(f.path.lastIndexOf('/') + 1)} ${f.ruleId}`);
    assert.deepEqual(await findings(), []);
    await workspace.update('/ws/docs/decisions/0008-b.md', adr('B', 'related: [0042]'));
    assert.deepEqual(await findings(), ['0008-b.md reference-resolves']);
    await workspace.update('/ws/docs/decisions/0007-copy.md', adr('Copy'));
    assert.deepEqual((await findings()).sort(), ['0007-a.md duplicate-id', '0007-copy.md duplicate-id', '0008-b.md reference-resolves']);
    workspace.remove('/ws/docs/decisions/0007-copy.md');
    assert.deepEqual(await findings(), ['0008-b.md reference-resolves']);
    assert.equal(workspace.index.get('/ws/docs/decisions/0008-b.md')?.related[0]?.raw, '0042');
  });

  it('turns every rule off for a file with <!-- legible-disable -->, cross-file ones included', async () => {
    const broken = adr('A', 'related: [0042]\nrisk-note: TODO', '<!-- legible-disable -->\n');
    const { findings } = await lintFiles({ [`${D}/0007-a.md`]: broken, [`${D}/0007-b.md`]: adr('B') });
    assert.deepEqual(findings.map((f) => `${f.path} ${f.ruleId}`), [`${D}/0007-b.md duplicate-id`]);
  });

  it('applies severities from .legible.json to document, body and cross-file rules', async () => {
    const { findings } = await lintFiles(
      { [`${D}/0007-a.md`]: adr('A', 'related: [0042]', '## Context\n'), [`${D}/0007-b.md`]: adr('B') },
      { config: { rules: { 'reference-resolves': 'info', 'required-sections': 'error', 'duplicate-id': 'off' } } },
    );
    assert.deepEqual(findings.map((f) => `${f.ruleId}:${f.severity}`).sort(), ['reference-resolves:info', 'required-sections:error', 'required-sections:error']);
  });

  it('reads a file over the size limit from its head only, and says so once', async () => {
    const fs = new MemoryFileSystem({ [`/ws/${D}/0001-big.md`]: adr('Big', '', `## Context\n\n${'x'.repeat(5000)}\n\n## Decision\n\n## Consequences\n`) });
    const config = { ...defaultConfig(), limits: { ...defaultConfig().limits, maxFileBytes: 2000 } };
    const workspace = new DecisionWorkspace({ fs, root: '/ws', folders: [`/ws/${D}`], config, validator: new SchemaValidator(), today: TODAY });
    await workspace.scan();
    const findings = [...(await workspace.findings()).values()].flat();
    assert.deepEqual(brief(findings).sort(), ['file-readable@1', 'required-sections@13', 'required-sections@13']);
    assert.match(findings.find((f) => f.ruleId === 'file-readable')!.message, /read only its first 2000 bytes/);
    assert.equal(workspace.index.get(`/ws/${D}/0001-big.md`)?.title, 'Big', 'the frontmatter in the head is still indexed');
  });

  it('skips the section check of a body over the limit with one info finding', async () => {
    const fs = new MemoryFileSystem({ [`/ws/${D}/0001-long.md`]: adr('Long', '', 'y'.repeat(3000)) });
    const config = { ...defaultConfig(), limits: { ...defaultConfig().limits, maxBodyBytes: 1000 } };
    const workspace = new DecisionWorkspace({ fs, root: '/ws', folders: [`/ws/${D}`], config, validator: new SchemaValidator(), today: TODAY });
    await workspace.scan();
    const findings = [...(await workspace.findings()).values()].flat();
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity]), [['required-sections', 'info']]);
    assert.match(findings[0].message, /sections were not checked/);
  });

  it('reports a file that cannot be read at all, and goes on', async () => {
    const fs = new MemoryFileSystem({ [`/ws/${D}/0001-a.md`]: adr('A') }, { directories: [`/ws/${D}/0002-folder.md`] });
    const workspace = new DecisionWorkspace({ fs, root: '/ws', folders: [`/ws/${D}`], config: defaultConfig(), validator: new SchemaValidator(), today: TODAY });
    await workspace.update(`/ws/${D}/0002-folder.md`);
    await workspace.scan();
    const findings = [...(await workspace.findings()).values()].flat();
    assert.deepEqual(findings.map((f) => [f.path, f.ruleId]), [[`/ws/${D}/0002-folder.md`, 'file-readable']]);
    assert.match(findings[0].message, /could not be read/);
  });

  it('a record linked from outside the repository: one link-outside-repository finding on the link, not indexed, nothing read', async () => {
    const { findings, workspace, fs } = await lintFiles(
      // Beside the workspace (lintFiles puts files under /ws): what a link would like read.
      { [`${D}/0001-a.md`]: adr('A'), '../outside/secret.md': adr('SECRET TITLE'), '../outside/decisions/0003-c.md': adr('C') },
      { symlinks: { [`/ws/${D}/0002-secret.md`]: '/outside/secret.md', [`/ws/${D}/imported`]: '../../../outside/decisions' } },
    );
    assert.deepEqual(
      findings.map((f) => [f.path, f.ruleId, f.severity, f.range.start.line]),
      [
        [`${D}/0002-secret.md`, 'link-outside-repository', 'warning', 0],
        [`${D}/imported`, 'link-outside-repository', 'warning', 0],
      ],
    );
    assert.equal(findings[0].message, '0002-secret.md is a symbolic link that leads outside the repository, so Legible does not read it. Should this record live in the repository, or is the link left over?');
    assert.equal(findings[1].message, 'imported is a symbolic link that leads outside the repository, so Legible does not read it. Should this folder of records live in the repository, or is the link left over?');
    assert.deepEqual(workspace.index.entries().map((e) => e.title), ['A']);
    assert.deepEqual(fs.reads.filter((path) => !path.startsWith('/ws/')), []);
  });

  it('a record named directly through a link out (the CLI\'s lint FILE): file-readable says why, nothing of it is read', async () => {
    const fs = new MemoryFileSystem({ '/outside/secret.md': adr('SECRET TITLE') }, { root: '/ws', symlinks: { [`/ws/${D}/0002-secret.md`]: '/outside/secret.md' }, directories: [`/ws/${D}`] });
    const workspace = new DecisionWorkspace({ fs, root: '/ws', folders: [`/ws/${D}`], config: defaultConfig(), validator: new SchemaValidator(), today: TODAY });
    const { doc } = await workspace.update(`/ws/${D}/0002-secret.md`);
    assert.equal(doc.text, '');
    assert.deepEqual(brief(workspace.fileFindings(`/ws/${D}/0002-secret.md`)), ['file-readable@1']);
    assert.match(workspace.fileFindings(`/ws/${D}/0002-secret.md`)[0].message, /^This file is reached through a symbolic link that leads outside the repository/);
  });

  it('a link out that appears after the walk (the extension\'s watcher): leadsOutside says so, markOutside reports it, remove forgets it', async () => {
    const { workspace, fs } = await lintFiles({ [`${D}/0001-a.md`]: adr('A') });
    const link = `/ws/${D}/0002-later.md`;
    fs.symlink(link, '/outside/secret.md');
    fs.symlink(`/ws/${D}/0003-inside.md`, '0001-a.md');
    assert.equal(await workspace.leadsOutside(link), true);
    assert.equal(await workspace.leadsOutside(`/ws/${D}/0003-inside.md`), false, 'a link inside is a record');
    assert.equal(await workspace.leadsOutside(`/ws/${D}/0001-a.md`), false);
    workspace.markOutside(link);
    assert.deepEqual(brief(await workspace.crossFileFindings()), ['link-outside-repository@1']);
    assert.equal(workspace.index.get(link), undefined);
    workspace.remove(link);
    assert.deepEqual(await workspace.crossFileFindings(), []);
  });

  it('artifact links outside the repository: the same finding whether the file exists there or not, and no lookup', async () => {
    const artifacts = ['knowledge-exit-path:', '  holders: [amira]', '  successors: [bo]', '  mechanisms: [runbook]', '  artifacts:'];
    const links = ['../../../outside/id_rsa', '../../../outside/missing', '/outside/id_rsa', 'runbooks/out/id_rsa', 'runbooks/in.md', 'runbooks/none.md'];
    const text = cleanAdr('A', [...artifacts, ...links.map((l) => `    - ${l}`)]).replace(/knowledge-exit-path: \{[^\n]*\}\n/, '');
    const { findings, fs } = await lintFiles(
      { [`${D}/0001-a.md`]: text, [`${D}/runbooks/in.md`]: '# In\n', '../outside/id_rsa': 'KEY' },
      { config: { ignore: ['runbooks/**'] }, symlinks: { [`/ws/${D}/runbooks/out`]: '/outside' } },
    );
    const byLink = (target: string) => findings.filter((f) => f.message.includes(` ${target},`)).map((f) => f.ruleId);
    for (const outside of ['../../../outside/id_rsa', '../../../outside/missing', '/outside/id_rsa', 'runbooks/out/id_rsa']) assert.deepEqual(byLink(outside), ['link-outside-repository'], outside);
    assert.deepEqual(byLink('runbooks/in.md'), []);
    assert.deepEqual(byLink('runbooks/none.md'), ['reference-resolves']);
    const messages = findings.filter((f) => f.ruleId === 'link-outside-repository').map((f) => f.message.replace(/links \S+,/, 'links X,'));
    assert.equal(new Set(messages).size, 1, `an existing and a missing target read alike: ${[...new Set(messages)].join(" | ")}`);
    assert.deepEqual(fs.lookups.filter((path) => !path.startsWith('/ws/')), []);
  });

  it('answers the day it is given, not the clock', async () => {
    const files = { [`${D}/0001-a.md`]: adr('A', 'review-by: 2027-01-01') };
    assert.deepEqual(brief((await lintFiles(files, { today: '2026-12-31' })).findings), []);
    assert.deepEqual(brief((await lintFiles(files, { today: '2027-01-02' })).findings), ['review-overdue@7']);
  });

  describe('scan in slices (the extension host runs it between other work)', () => {
    const paths = [1, 2, 3, 4, 5].map((n) => `/ws/${D}/000${n}-r.md`);
    function workspaceOf(files: Record<string, string>): DecisionWorkspace {
      return new DecisionWorkspace({ fs: new MemoryFileSystem(files), root: '/ws', folders: [`/ws/${D}`], config: defaultConfig(), validator: new SchemaValidator(), today: TODAY });
    }
    const onDisk = Object.fromEntries(paths.map((p, i) => [p, adr(`Disk ${i + 1}`)]));

    it('waits whenever asked to between files, and takes an open editor\'s text over the file\'s', async () => {
      const workspace = workspaceOf(onDisk);
      let pauses = 0;
      const done = await workspace.scan(paths, { body: false, between: () => Promise.resolve(void pauses++), textOf: (p) => (p === paths[2] ? adr('Edited') : undefined) });
      assert.equal(done, true);
      assert.equal(pauses, paths.length, 'asked after every file');
      assert.deepEqual(workspace.index.entries().map((e) => e.title).sort(), ['Disk 1', 'Disk 2', 'Disk 4', 'Disk 5', 'Edited']);
    });

    it('a record open in an editor but not on disk is indexed from the editor', async () => {
      const workspace = workspaceOf({ [paths[0]]: adr('Disk 1') });
      await workspace.scan([paths[0], paths[1]], { body: false, textOf: (p) => (p === paths[1] ? adr('Unsaved') : undefined) });
      assert.deepEqual(workspace.index.entries().map((e) => e.title).sort(), ['Disk 1', 'Unsaved']);
      assert.deepEqual(workspace.fileFindings(paths[1]), []);
    });

    it('stops at the first pause after it is cancelled, and says so', async () => {
      const workspace = workspaceOf(onDisk);
      let pauses = 0;
      const done = await workspace.scan(paths, { body: false, between: () => Promise.resolve(void pauses++), cancelled: () => pauses >= 2 });
      assert.equal(done, false);
      assert.equal(workspace.index.size, 2);
    });
  });
});
