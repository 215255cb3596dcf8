import assert from 'node:assert/strict';
import { findAffected, isAffectedFailure, type AffectedReport } from '../../../src/core/affected/affected';
import { evidenceEntries, withEvidence } from '../../../src/core/affected/affected-evidence';
import { listBaseFolders, readBaseRecords } from '../../../src/core/affected/base-records';
import { globGoverningLookup, governsIndexLookup } from '../../../src/core/code/governing';
import { GovernsIndex } from '../../../src/core/code/governs-index';
import { Evidence } from '../../../src/core/evidence/evidence';
import type { LogCommit } from '../../../src/core/evidence/git-log';
import { emptyHistory, foldCommit } from '../../../src/core/evidence/history';
import { lintEvidence } from '../../../src/core/lint/lint-evidence';
import type { ChangedFile } from '../../../src/core/port/repository';
import { indexRecords } from '../../../src/cli/commands/affected-index';
import { re2RegexEngine } from '../../../src/node/re2-regex-engine';
import { cleanAdr, fixtureRepository, lintFiles, ROOT, TODAY, type TestWorkspace } from '../support/workspace';

// What `affected` skips to cost little more than `git diff`, each checked against the long way.

const D = 'docs/decisions';

function decision(title: string, governs: readonly string[], successors = 'jonas'): string {
  return cleanAdr(title, [`governs: [${governs.map((glob) => JSON.stringify(glob)).join(', ')}]`]).replace('successors: [bo]', `successors: [${successors}]`);
}

const RECORDS = {
  [`${D}/0001-billing.md`]: decision('Billing', ['src/billing/**', '!src/billing/generated/**']),
  [`${D}/0002-webhooks.md`]: decision('Webhooks', ['src/webhooks', '*.proto']),
  [`${D}/0003-events.md`]: decision('Events', ['src/events/**'], 'amira'),
  [`${D}/0004-no-governs.md`]: cleanAdr('No code'),
  [`${D}/0005-broken.md`]: '---\ntitle: [unclosed\n---\n# Broken\n',
  [`${D}/0006-plan.md`]: '---\ntype: exit-plan\ntitle: Leave the billing vendor\nstatus: in-progress\ndecisions: [ADR-0001]\nholders: [amira]\nsuccessors: [jonas]\n---\n# Leave the billing vendor\n',
};

const TRACKED = ['src/billing/ledger.ts', 'src/billing/fees.ts', 'src/billing/generated/schema.ts', 'src/webhooks/sign.ts', 'api/events.proto', 'src/events/bus.ts', 'src/events/old.ts', 'README.md'];

const CHANGED: ChangedFile[] = [
  { kind: 'modified', path: 'src/billing/ledger.ts' },
  { kind: 'modified', path: 'src/billing/generated/schema.ts' },
  { kind: 'renamed', from: 'src/webhooks/sign.ts', path: 'src/signing/sign.ts' },
  { kind: 'deleted', path: 'src/events/old.ts' },
  { kind: 'added', path: 'README.md' },
];

const amira = { name: 'Amira', email: 'amira@example.com' };
const bo = { name: 'Bo', email: 'bo@example.com' };
const day = (date: string) => Date.parse(`${date}T10:00:00Z`) / 1000;
/** Newest first, as git log prints: amira wrote billing and events; bo changed the ledger once; a file since deleted. */
const HISTORY: LogCommit[] = [
  { ...bo, hash: 'c'.repeat(40), time: day('2026-09-01'), files: [{ path: 'src/billing/ledger.ts', added: 3, removed: 1 }] },
  { ...amira, hash: 'b'.repeat(40), time: day('2026-06-01'), files: [{ path: 'src/events/bus.ts', added: 20, removed: 0 }, { path: 'src/events/gone.ts', added: 5, removed: 0 }] },
  { ...amira, hash: 'a'.repeat(40), time: day('2026-03-01'), files: [{ path: 'src/billing/ledger.ts', added: 40, removed: 0 }, { path: 'src/billing/fees.ts', added: 10, removed: 0 }] },
];

async function report(ws: TestWorkspace, governing = globGoverningLookup(ws.workspace.index.entries(), undefined, re2RegexEngine)): Promise<AffectedReport> {
  const result = await findAffected({ repository: fixtureRepository({ ref: 'main', files: [], changed: CHANGED }), base: 'main', repoRoot: ROOT, folders: ws.folders, index: ws.workspace.index, config: ws.loaded.config, governing });
  if (isAffectedFailure(result)) throw new Error(result.asked);
  return result;
}

function evidence(ws: TestWorkspace): Evidence {
  const history = emptyHistory(Evidence.windowStart(ws.loaded.config.people, TODAY));
  for (const commit of HISTORY) foldCommit(history, commit);
  return new Evidence(history, ws.loaded.config.people, TODAY);
}

describe('affected: the shortcuts give what the long way gives', () => {
  it('matches changed paths on a GovernsIndex as the glob lookup does, and leaves the index as it was', async () => {
    const ws = await lintFiles(RECORDS);
    const governs = GovernsIndex.build(ws.workspace.index.entries(), TRACKED.slice(0, 2), re2RegexEngine);
    const before = [...governs.records.values()].map((record) => [record.path, record.files, record.globs.map((glob) => glob.count)]);
    const lookup = governsIndexLookup(governs, ws.workspace.index);
    const glob = globGoverningLookup(ws.workspace.index.entries(), undefined, re2RegexEngine);
    for (const path of [...TRACKED, 'src/signing/sign.ts', 'docs/x.md', 'src/billing/ledger.ts']) {
      assert.deepEqual(lookup.governing(path).map((entry) => entry.path), glob.governing(path).map((entry) => entry.path), path);
    }
    assert.deepEqual([...governs.records.values()].map((record) => [record.path, record.files, record.globs.map((glob) => glob.count)]), before);
    assert.equal(governs.fileCount, 2);
    assert.deepEqual(await report(ws, lookup), await report(ws));
  });

  it('indexes the records as the scan does, without running a rule, in path order', async () => {
    const ws = await lintFiles(RECORDS);
    const indexed = await indexRecords({ fs: ws.fs, root: ROOT, loaded: ws.loaded, folders: ws.folders }, TODAY);
    const paths = indexed.index.entries().map((entry) => entry.path);
    assert.deepEqual(paths, Object.keys(RECORDS).map((path) => `${ROOT}/${path}`).sort());
    for (const entry of ws.workspace.index.entries()) assert.deepEqual(indexed.index.get(entry.path), entry, entry.path);
    assert.deepEqual(indexed.fileFindings(`${ROOT}/${D}/0005-broken.md`), []);
  });

  it('gives the same evidence when governs is matched only against the files the history knows, and lints only the decisions touched', async () => {
    const ws = await lintFiles(RECORDS);
    const affected = await report(ws);
    assert.deepEqual(affected.decisions.map((d) => d.record.id), ['ADR-0001', 'ADR-0002', 'ADR-0003']);
    const read = evidence(ws);
    const known = TRACKED.filter((path) => read.knows(path));
    assert.deepEqual(known, ['src/billing/ledger.ts', 'src/billing/fees.ts', 'src/events/bus.ts']);
    assert.equal(read.knows('src/events/gone.ts'), true, 'the history knows a file deleted since');
    const input = { index: ws.workspace.index, evidence: read, config: ws.loaded.config, evidencePath: (path: string) => path };
    const all = GovernsIndex.build(ws.workspace.index.entries(), TRACKED, re2RegexEngine);
    const long = withEvidence(affected, { ...input, governs: all });
    const short = withEvidence(affected, { ...input, governs: GovernsIndex.build(ws.workspace.index.entries(), known, re2RegexEngine) });
    assert.deepEqual(short, long);
    // The long way linted every record and kept the touched ones' findings: the same findings.
    const touched = new Set(affected.decisions.map((d) => d.record.path));
    const everyRecord = lintEvidence(ws.workspace.index, all, read, ws.loaded.config).filter((finding) => touched.has(finding.path));
    assert.deepEqual(long.findings.slice(affected.findings.length), everyRecord);
    assert.ok(everyRecord.length > 0, 'the fixture gives the evidence rules something to say');
    assert.deepEqual(long.observed?.get(`${ROOT}/${D}/0001-billing.md`)?.changedBy, ['Amira', 'Bo']);
  });

  it('gives the same evidence when governs holds only the records touched and the decisions of a touched exit plan', async () => {
    // The plan governs a file the change adds: its evidence counts its decision's code too.
    const plan = RECORDS[`${D}/0006-plan.md`].replace('holders: [amira]', 'holders: [amira]\ngoverns: [README.md]');
    const ws = await lintFiles({ ...RECORDS, [`${D}/0006-plan.md`]: plan });
    const affected = await report(ws);
    assert.deepEqual(affected.decisions.map((d) => d.record.id), ['ADR-0001', 'ADR-0002', 'ADR-0003', 'EXIT-0006']);
    const read = evidence(ws);
    const known = TRACKED.filter((path) => read.knows(path));
    const input = { index: ws.workspace.index, evidence: read, config: ws.loaded.config, evidencePath: (path: string) => path };
    const long = withEvidence(affected, { ...input, governs: GovernsIndex.build(ws.workspace.index.entries(), known, re2RegexEngine) });
    const needed = evidenceEntries({ ...affected, decisions: affected.decisions.slice(3) }, ws.workspace.index);
    assert.deepEqual(needed.map((entry) => entry.path), [`${ROOT}/${D}/0006-plan.md`, `${ROOT}/${D}/0001-billing.md`], 'the plan, and the decision it plans the exit from');
    const short = withEvidence(affected, { ...input, governs: GovernsIndex.build(evidenceEntries(affected, ws.workspace.index), known, re2RegexEngine) });
    assert.deepEqual(short, long);
    assert.deepEqual(long.observed?.get(`${ROOT}/${D}/0006-plan.md`)?.truckFactorPeople, ['Amira'], "the plan's evidence holds its decision's billing code");
  });

  it('lists each decisions folder at the base side by side, and fails when one cannot be listed', async () => {
    const folders = [`${ROOT}/docs/adr`, `${ROOT}/docs/rfc`];
    const files = ['docs/adr/0001-a.md', 'docs/rfc/0001-b.md', 'docs/other/0001-c.md'];
    const repository = fixtureRepository({ ref: 'main', files, changed: [] });
    assert.deepEqual(await listBaseFolders(repository, 'main', ROOT, folders), ['docs/adr/0001-a.md', 'docs/rfc/0001-b.md']);
    const changed: ChangedFile[] = [{ kind: 'deleted', path: 'docs/rfc/0001-b.md' }, { kind: 'added', path: 'docs/adr/0002-d.md' }];
    assert.deepEqual(await readBaseRecords({ ...repository, changedFiles: async () => changed }, 'main', changed, ROOT, folders), { ref: 'main', files: [`${ROOT}/docs/adr/0001-a.md`], added: new Set([`${ROOT}/docs/adr/0002-d.md`]) });
    const failing = { ...repository, filesAt: async (_ref: string, folder?: string) => (folder === 'docs/rfc' ? undefined : []) };
    assert.equal(await listBaseFolders(failing, 'main', ROOT, folders), undefined);
  });
});
