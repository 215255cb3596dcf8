import assert from 'node:assert/strict';
import { findAffected, isAffectedFailure, type AffectedReport } from '../../../src/core/affected/affected';
import { addedPaths, removedPaths } from '../../../src/core/affected/base-records';
import { codeSpan, renderAffectedJson, renderAffectedMarkdown, whoToAsk } from '../../../src/core/affected/render-affected';
import { frontmatterGoverns, globGoverningLookup, governsFromRecords, type GoverningLookup } from '../../../src/core/code/governing';
import type { DecisionEntry } from '../../../src/core/index/decision-entry';
import type { ChangedFile, RepositoryPort } from '../../../src/core/port/repository';
import { re2RegexEngine } from '../../../src/node/re2-regex-engine';
import { cleanAdr, fixtureRepository, lintFiles, ROOT, type TestWorkspace } from '../support/workspace';

const D = 'docs/decisions';

/** A decision with the knowledge fields a test gives, and `governs` in its frontmatter. */
function decision(title: string, governs: readonly string[], people: { holders?: string[]; successors?: string[]; door?: string; risk?: string } = {}): string {
  return cleanAdr(title, [`governs: [${governs.map((glob) => JSON.stringify(glob)).join(', ')}]`])
    .replace('holders: [amira]', `holders: [${(people.holders ?? ['amira']).join(', ')}]`)
    .replace('successors: [bo]', `successors: [${(people.successors ?? ['jonas']).join(', ')}]`)
    .replace('door: two-way', `door: ${people.door ?? 'two-way'}`)
    .replace('level: low', `level: ${people.risk ?? 'low'}`);
}

async function run(ws: TestWorkspace, changed: readonly ChangedFile[], baseFiles: readonly string[] = [], overrides: Partial<RepositoryPort> = {}): Promise<AffectedReport> {
  const fromRecords = await governsFromRecords(ws.workspace);
  const governing: GoverningLookup = globGoverningLookup(ws.workspace.index.entries(), (entry) => fromRecords.get(entry.path), re2RegexEngine);
  const repository = { ...fixtureRepository({ ref: 'main', files: baseFiles, changed }), ...overrides };
  const result = await findAffected({ repository, base: 'main', repoRoot: ROOT, folders: ws.folders, index: ws.workspace.index, config: ws.loaded.config, governing });
  if (isAffectedFailure(result)) throw new Error(`failed: ${result.asked}`);
  return result;
}

describe('affected: what a change touches (core, on an in-memory repository port)', () => {
  it('cleanAdr carries the knowledge fields the helper rewrites', () => {
    const text = decision('x', ['src/**'], { holders: ['amira'], successors: ['jonas'] });
    assert.match(text, /holders: \[amira\]/);
    assert.match(text, /successors: \[jonas\]/);
    assert.match(text, /governs: \["src\/\*\*"\]/);
  });

  it('names each decision that governs a changed file, renames by either side, and the records changed', async () => {
    const ws = await lintFiles({
      [`${D}/0007-use-postgres.md`]: decision('Use PostgreSQL for the ledger', ['src/billing/**', '!src/billing/generated/**'], { door: 'one-way', risk: 'high' }),
      [`${D}/0008-sign-webhooks.md`]: decision('Sign webhooks', ['src/webhooks'], { holders: ['bo', 'cy'], successors: [] }),
      [`${D}/0009-use-kafka.md`]: decision('Use Kafka', ['src/events/**']),
    });
    const report = await run(ws, [
      { kind: 'modified', path: 'src/billing/ledger.ts' },
      { kind: 'modified', path: 'src/billing/generated/schema.ts' },
      { kind: 'renamed', from: 'src/webhooks/sign.ts', path: 'src/signing/sign.ts' },
      { kind: 'added', path: 'README.md' },
      { kind: 'added', path: `${D}/0010-use-redis.md` },
      { kind: 'modified', path: `${D}/0009-use-kafka.md` },
    ]);
    assert.deepEqual(
      report.decisions.map((d) => [d.record.id, d.files.map((f) => f.path)]),
      [
        ['ADR-0007', ['src/billing/ledger.ts']],
        ['ADR-0008', ['src/signing/sign.ts']],
      ],
    );
    assert.deepEqual(report.records.map((r) => [r.change.kind, r.change.path, r.record?.id]), [
      ['added', `${D}/0010-use-redis.md`, undefined],
      ['modified', `${D}/0009-use-kafka.md`, 'ADR-0009'],
    ]);
    assert.equal(report.changed.length, 6);
    assert.deepEqual(report.findings, []);

    const md = renderAffectedMarkdown(report, ROOT);
    assert.match(md, /^## Decisions this change touches\n\n6 files changed since the merge base of `main` and the working tree \(uncommitted changes included\)\.\n/);
    assert.match(md, /^### ADR-0007 Use PostgreSQL for the ledger\n\naccepted · one-way door · risk high\n\nThis change touches `src\/billing\/ledger\.ts` \(modified\)\.\n\nOnly amira holds this; successors: jonas — ask one of them to review\.$/m);
    assert.match(md, /This change touches `src\/webhooks\/sign\.ts` → `src\/signing\/sign\.ts` \(renamed\)\.\n\nbo and cy hold this; no successor is named — ask one of them to review\./);
    assert.match(md, /^- `docs\/decisions\/0009-use-kafka\.md` \(modified\): ADR-0009 Use Kafka \(accepted\)$/m);
    assert.doesNotMatch(md, /problem/);

    const json = JSON.parse(renderAffectedJson(report, ROOT)) as { base: string; head: null; decisions: Array<{ id: string; path: string; door: string; holders: string[]; files: unknown[] }>; records: Array<{ kind: string; record: unknown }> };
    assert.equal(json.base, 'main');
    assert.equal(json.head, null);
    assert.deepEqual(json.decisions[0], { id: 'ADR-0007', path: `${D}/0007-use-postgres.md`, type: 'adr', title: 'Use PostgreSQL for the ledger', status: 'accepted', door: 'one-way', risk: 'high', owners: ['amira'], holders: ['amira'], successors: ['jonas'], files: [{ kind: 'modified', path: 'src/billing/ledger.ts' }] });
    assert.equal(json.records[0].record, null);
  });

  it('reports a record added here whose number the base already gives another, with the next free number', async () => {
    const ws = await lintFiles({ [`${D}/0011-use-postgres.md`]: cleanAdr('Use PostgreSQL'), [`${D}/0012-use-kafka.md`]: cleanAdr('Use Kafka') });
    const report = await run(ws, [{ kind: 'added', path: `${D}/0012-use-kafka.md` }], [`${D}/0011-use-postgres.md`, `${D}/0012-use-rabbitmq.md`]);
    assert.deepEqual(
      report.findings.map((f) => [f.ruleId, f.severity, f.path, f.message]),
      [['number-collision', 'error', `${ROOT}/${D}/0012-use-kafka.md`, '0012-use-kafka.md takes number 12, which main already gives 0012-use-rabbitmq.md: renumber this record before merging (to 0013-use-kafka.md, the next free number)?']],
    );
    assert.match(renderAffectedMarkdown(report, ROOT), /^### ❌ 1 problem to settle before merging\n\n- `docs\/decisions\/0012-use-kafka\.md` \(`number-collision`\): 0012-use-kafka\.md takes number 12/m);
    assert.match(renderAffectedMarkdown(report, ROOT), /^No decision governs the files this change touches\.$/m);
  });

  it('honours the severity set in .legible.json, and a file that disables the rule', async () => {
    const files = { [`${D}/0012-use-kafka.md`]: cleanAdr('Use Kafka') };
    const base = [`${D}/0012-use-rabbitmq.md`];
    const changed: ChangedFile[] = [{ kind: 'added', path: `${D}/0012-use-kafka.md` }];
    const off = await run(await lintFiles(files, { config: { rules: { 'number-collision': 'off' } } }), changed, base);
    assert.deepEqual(off.findings, []);
    const warning = await run(await lintFiles(files, { config: { rules: { 'number-collision': 'warning' } } }), changed, base);
    assert.deepEqual(warning.findings.map((f) => f.severity), ['warning']);
    const disabled = await run(await lintFiles({ [`${D}/0012-use-kafka.md`]: `${cleanAdr('Use Kafka')}\n<!-- legible-disable number-collision -->\n` }), changed, base);
    assert.deepEqual(disabled.findings, []);
  });

  it('says what git could not answer, never a partial report', async () => {
    const ws = await lintFiles({ [`${D}/0001-a.md`]: cleanAdr('A') });
    const fromRecords = await governsFromRecords(ws.workspace);
    const input = { base: 'main', repoRoot: ROOT, folders: ws.folders, index: ws.workspace.index, config: ws.loaded.config, governing: globGoverningLookup([], (entry: DecisionEntry) => fromRecords.get(entry.path)) };
    const noChanges = await findAffected({ ...input, repository: { ...fixtureRepository({ ref: 'main', files: [], changed: [] }), changedFiles: async () => undefined } });
    assert.deepEqual(noChanges, { asked: 'the files changed since the merge base of main and HEAD' });
    const noFiles = await findAffected({ ...input, head: 'topic', repository: { ...fixtureRepository({ ref: 'main', files: [], changed: [] }), filesAt: async () => undefined } });
    assert.deepEqual(noFiles, { asked: 'the decision records at main' });
  });

  it('names the first ten files a decision governs in the comment, and all of them in JSON', async () => {
    const ws = await lintFiles({ [`${D}/0007-x.md`]: decision('Billing', ['src/**']) });
    const report = await run(ws, Array.from({ length: 13 }, (_, i): ChangedFile => ({ kind: 'modified', path: `src/f${String(i).padStart(2, '0')}.ts` })));
    assert.match(renderAffectedMarkdown(report, ROOT), /^This change touches `src\/f00\.ts` \(modified\), .*`src\/f09\.ts` \(modified\), and 3 more files\.$/m);
    assert.equal((JSON.parse(renderAffectedJson(report, ROOT)) as { decisions: Array<{ files: unknown[] }> }).decisions[0].files.length, 13);
  });

  it('escapes repository text in the Markdown: a file name cannot add a line or close its code span', async () => {
    const ws = await lintFiles({ [`${D}/0007-x.md`]: decision('Title', ['src/**']) });
    const report = await run(ws, [{ kind: 'deleted', path: `${D}/0001-a\`b\n## Forged.md` }]);
    const md = renderAffectedMarkdown(report, ROOT);
    assert.doesNotMatch(md, /^## Forged/m);
    assert.ok(md.includes('- ``docs/decisions/0001-a`b\\u000a## Forged.md`` (deleted)\n'), md);
    assert.equal(codeSpan('`x`'), '`` `x` ``');
  });
});

describe('added and removed paths of a change', () => {
  it('counts new files, copies and renames to a new number or folder as added; renames away and deletions as removed', () => {
    const changed: ChangedFile[] = [
      { kind: 'added', path: 'd/0001-a.md' },
      { kind: 'copied', from: 'd/0002-b.md', path: 'd/0003-b.md' },
      { kind: 'renamed', from: 'd/0004-c.md', path: 'd/0004-c-renamed.md' },
      { kind: 'renamed', from: 'd/0005-d.md', path: 'd/0006-d.md' },
      { kind: 'renamed', from: 'old/0007-e.md', path: 'd/0007-e.md' },
      { kind: 'deleted', path: 'd/0008-f.md' },
      { kind: 'modified', path: 'd/0009-g.md' },
    ];
    assert.deepEqual(addedPaths(changed), ['d/0001-a.md', 'd/0003-b.md', 'd/0006-d.md', 'd/0007-e.md']);
    assert.deepEqual([...removedPaths(changed)], ['d/0004-c.md', 'd/0005-d.md', 'old/0007-e.md', 'd/0008-f.md']);
  });
});

describe('the governing seam (until the GovernsIndex)', () => {
  const entry = (path: string, governs?: unknown) => ({ path, governs }) as unknown as DecisionEntry;

  it('matches globs gitignore-style: the last matching glob decides, a bare folder holds its files', () => {
    const a = entry('/ws/a.md', ['src/billing', '!src/billing/generated/**', 'src/billing/generated/keep.ts']);
    const b = entry('/ws/b.md', ['**/*.sql']);
    const lookup = globGoverningLookup([a, b], undefined, re2RegexEngine);
    assert.deepEqual(lookup.governing('src/billing/ledger.ts'), [a]);
    assert.deepEqual(lookup.governing('src/billing/generated/x.ts'), []);
    assert.deepEqual(lookup.governing('src/billing/generated/keep.ts'), [a]);
    assert.deepEqual(lookup.governing('db/migrations/001.sql'), [b]);
    assert.deepEqual(lookup.governing('src/other.ts'), []);
  });

  it('never follows a glob that is absolute or climbs out with ..', () => {
    const lookup = globGoverningLookup([entry('/ws/a.md', ['/etc/**', '../**', 'C:/x/**', 'src/../../**'])]);
    assert.deepEqual(lookup.governing('etc/passwd'), []);
    assert.deepEqual(lookup.governing('x/y'), []);
  });

  it('reads governs from frontmatter data: a list, or one glob', () => {
    assert.deepEqual(frontmatterGoverns({ governs: ['a/**', 3, 'b'] }), ['a/**', 'b']);
    assert.deepEqual(frontmatterGoverns({ governs: 'a/**' }), ['a/**']);
    assert.equal(frontmatterGoverns({}), undefined);
    assert.equal(frontmatterGoverns(undefined), undefined);
  });
});

describe('whoToAsk', () => {
  const base = { holders: [] as string[], successors: [] as string[], owners: [] as string[] };
  const ask = (people: Partial<typeof base>) => whoToAsk({ ...base, ...people } as unknown as DecisionEntry);

  it('names the one holder and the successors, or says no one is named', () => {
    assert.equal(ask({ holders: ['amira'], successors: ['jonas'] }), 'Only amira holds this; successors: jonas — ask one of them to review.');
    assert.equal(ask({ holders: ['amira'] }), 'Only amira holds this; no successor is named — ask them to review.');
    assert.equal(ask({ holders: ['amira', 'bo', 'cy'], successors: ['Amira', 'dan'] }), 'amira, bo and cy hold this; successors: dan — ask one of them to review.');
    assert.equal(ask({ owners: ['amira'] }), 'No one is named as holding this knowledge; owners: amira — ask them to review.');
    assert.equal(ask({}), 'No one is named as holding this knowledge: who should review this change?');
  });

  it('asks no one the history says has left or stopped committing', () => {
    const gone = (people: Partial<typeof base>, away: string[]) => whoToAsk({ ...base, ...people } as unknown as DecisionEntry, away);
    assert.equal(gone({ holders: ['amira'] }, ['amira']), 'Only amira holds this; no successor is named; amira has left or stopped committing: who else can review this change?');
    assert.equal(gone({ holders: ['amira'], successors: ['jonas'] }, ['Amira']), 'Only amira holds this; successors: jonas; amira has left or stopped committing — ask jonas to review.');
    assert.equal(gone({ holders: ['amira', 'bo'], successors: ['cy'] }, ['amira']), 'amira and bo hold this; successors: cy; amira has left or stopped committing — ask one of bo and cy to review.');
    assert.equal(gone({ holders: ['amira', 'bo'] }, ['amira', 'bo']), 'amira and bo hold this; no successor is named; amira and bo have left or stopped committing: who else can review this change?');
  });
});
