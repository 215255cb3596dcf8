import assert from 'node:assert/strict';
import { applySafeFixes, fixWorkspace, hasSafeFix } from '../../../src/core/fixes/fix-all';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { cleanAdr, lintFiles, ROOT, type TestWorkspace } from '../support/workspace';

const DIR = 'docs/decisions';

/** `0001` superseded by `0002` (which alone says so), `0003` with a status typo, `0004` with a word that is no typo. */
function records(): Record<string, string> {
  return {
    [`${DIR}/0001-a.md`]: cleanAdr('A'),
    [`${DIR}/0002-b.md`]: cleanAdr('B', ['supersedes: [ADR-0001]']),
    [`${DIR}/0003-c.md`]: cleanAdr('C').replace('status: accepted', 'status: acepted'),
    [`${DIR}/0004-d.md`]: cleanAdr('D').replace('status: accepted', 'status: on hold'),
  };
}

async function fixAll(ws: TestWorkspace, refuse: readonly string[] = []) {
  const decoder = new TextDecoder();
  return fixWorkspace(ws.workspace, {
    shows: () => true,
    textOf: async (path) => (refuse.some((name) => path.endsWith(name)) ? undefined : decoder.decode(await ws.fs.readFile(path))),
  });
}

describe('fixes: the safe ones, all at once (lint --fix in the core)', () => {
  it('marks as safe only the fixes that invent nothing', async () => {
    const ws = await lintFiles({ ...records(), [`${DIR}/0005-e.md`]: cleanAdr('E').replace('owners: [amira]\n', '') });
    const safe = (path: string) => ws.of(path).map((finding) => `${finding.ruleId}${hasSafeFix(finding) ? ' (safe)' : ''}`);
    assert.deepEqual(safe(`${DIR}/0001-a.md`), ['status-consistency (safe)'], 'a missing back-link');
    assert.deepEqual(safe(`${DIR}/0003-c.md`), ['frontmatter-schema (safe)'], 'a typo one word away from "accepted"');
    assert.deepEqual(safe(`${DIR}/0004-d.md`), ['frontmatter-schema'], '"on hold" could be several words: a choice, not a fix');
    assert.deepEqual(safe(`${DIR}/0005-e.md`), ['frontmatter-schema'], 'a missing field is a placeholder to fill, not a fix');
    assert.equal(ws.of(`${DIR}/0005-e.md`)[0].fix?.kind, 'add-fields');
  });

  it('applies them, leaves the rest, and the findings that remain are the ones it could not fix', async () => {
    const ws = await lintFiles(records());
    const fixed = await fixAll(ws);
    assert.deepEqual([...fixed.keys()].sort(), [`${ROOT}/${DIR}/0001-a.md`, `${ROOT}/${DIR}/0003-c.md`]);
    const first = fixed.get(`${ROOT}/${DIR}/0001-a.md`)!;
    assert.deepEqual(first.applied, ['Add ADR-0002 to `superseded-by` and set `status: superseded`']);
    assert.equal(first.text, cleanAdr('A').replace('status: accepted\n', 'status: superseded\n').replace('owners: [amira]\n', 'owners: [amira]\nsuperseded-by: [ADR-0002]\n'));
    assert.deepEqual(fixed.get(`${ROOT}/${DIR}/0003-c.md`)!.applied, ['Change to "accepted"']);
    assert.equal(fixed.get(`${ROOT}/${DIR}/0003-c.md`)!.text, cleanAdr('C'));
    const remaining = [...(await ws.workspace.findings())].flatMap(([path, list]) => list.map((finding) => `${path.slice(ROOT.length + 1)} ${finding.ruleId}`));
    assert.deepEqual(remaining, [`${DIR}/0004-d.md frontmatter-schema`]);
  });

  it('sets `status: superseded` on a record that names its successor', async () => {
    const ws = await lintFiles({
      [`${DIR}/0001-a.md`]: cleanAdr('A', ['superseded-by: [ADR-0002]']),
      [`${DIR}/0002-b.md`]: cleanAdr('B', ['supersedes: [ADR-0001]']),
    });
    const finding = ws.of(`${DIR}/0001-a.md`)[0];
    assert.equal(finding.ruleId, 'status-consistency');
    assert.ok(hasSafeFix(finding));
    const fixed = await fixAll(ws);
    assert.equal(fixed.get(`${ROOT}/${DIR}/0001-a.md`)!.text, cleanAdr('A', ['superseded-by: [ADR-0002]']).replace('status: accepted', 'status: superseded'));
    assert.deepEqual([...(await ws.workspace.findings()).values()].flat(), []);
  });

  it('takes as many passes as a chain of back-links needs, one edit per place and pass', async () => {
    const ws = await lintFiles({
      [`${DIR}/0001-a.md`]: cleanAdr('A'),
      [`${DIR}/0002-b.md`]: cleanAdr('B', ['supersedes: [ADR-0001]']),
      [`${DIR}/0003-c.md`]: cleanAdr('C', ['supersedes: [ADR-0001]']),
    });
    const fixed = await fixAll(ws);
    const first = fixed.get(`${ROOT}/${DIR}/0001-a.md`)!;
    assert.deepEqual(first.applied, ['Add ADR-0002 to `superseded-by` and set `status: superseded`', 'Add ADR-0003 to `superseded-by`']);
    assert.match(first.text, /\nsuperseded-by: \[ADR-0002, ADR-0003\]\n/);
    assert.deepEqual([...(await ws.workspace.findings()).values()].flat(), []);
  });

  it('skips, in one pass, a fix whose edits touch another\'s', async () => {
    const ws = await lintFiles({
      [`${DIR}/0001-a.md`]: cleanAdr('A'),
      [`${DIR}/0002-b.md`]: cleanAdr('B', ['supersedes: [ADR-0001]']),
      [`${DIR}/0003-c.md`]: cleanAdr('C', ['supersedes: [ADR-0001]']),
    });
    const path = `${ROOT}/${DIR}/0001-a.md`;
    const doc = parseDecisionDocument(path, cleanAdr('A'), ws.loaded.config.limits);
    const findings = (await ws.workspace.findings()).get(path)!;
    assert.equal(findings.length, 2, 'two records ask for a back-link, both at the same place');
    const once = applySafeFixes(doc, findings, ws.loaded.config)!;
    assert.deepEqual(once.titles, ['Add ADR-0002 to `superseded-by` and set `status: superseded`']);
    assert.equal(once.text.match(/superseded-by:/g)?.length, 1, 'no duplicate key');
  });

  it('in a two-digit folder (07-x.md) adds the back-link as an id the schema accepts, and names the records so', async () => {
    const ws = await lintFiles({
      [`${DIR}/01-a.md`]: cleanAdr('A', ['superseded-by: [ADR-0002]']).replace('status: accepted', 'status: superseded'),
      [`${DIR}/02-b.md`]: cleanAdr('B'),
    });
    const [finding] = ws.of(`${DIR}/02-b.md`);
    assert.equal(finding.message, 'ADR-0001 (01-a.md) says this record supersedes it, but `supersedes` does not name ADR-0001. Which records does this one replace?');
    const fixed = await fixAll(ws);
    assert.deepEqual(fixed.get(`${ROOT}/${DIR}/02-b.md`)!.applied, ['Add ADR-0001 to `supersedes`']);
    assert.match(fixed.get(`${ROOT}/${DIR}/02-b.md`)!.text, /\nsupersedes: \[ADR-0001\]\n/);
    assert.deepEqual([...(await ws.workspace.findings()).values()].flat(), [], 'the id written is one frontmatter-schema accepts');
  });

  it('writes no back-link to a record whose file name carries no id (recordsWithoutId): the question is asked on it, both ways', async () => {
    const config = { recordsWithoutId: true };
    const ws = await lintFiles({ [`${DIR}/0001-a.md`]: cleanAdr('A'), [`${DIR}/use-b.md`]: cleanAdr('B', ['supersedes: [ADR-0001]']) }, { config });
    assert.deepEqual(ws.findings.map((f) => `${f.path} ${f.ruleId}: ${f.message}`), [
      `${DIR}/use-b.md status-consistency: \`supersedes\` names ADR-0001, but this record's file name (use-b.md) carries no id, so ADR-0001 cannot name it back in \`superseded-by\` (ids only, such as ADR-0007). Which number should this record have? Give its file one, then link the two both ways.`,
    ]);
    assert.equal(ws.findings[0].fix, undefined);
    assert.deepEqual([...(await fixAll(ws)).keys()], []);
    const other = await lintFiles({ [`${DIR}/use-a.md`]: cleanAdr('A', ['superseded-by: [ADR-0002]']).replace('status: accepted', 'status: superseded'), [`${DIR}/0002-b.md`]: cleanAdr('B') }, { config });
    assert.deepEqual(other.findings.map((f) => `${f.path} ${f.ruleId} ${f.fix === undefined ? 'no fix' : 'fix'}`), [`${DIR}/use-a.md status-consistency no fix`]);
    assert.deepEqual([...(await fixAll(other)).keys()], []);
  });

  describe('an id several records share (date-named records of one day)', () => {
    const lunr = `${DIR}/20201103-use-lunr.md`;
    const algolia = `${DIR}/20261121-use-algolia.md`;
    const kafka = `${DIR}/20261121-use-kafka.md`;
    const superseded = (extra: readonly string[]) => cleanAdr('Lunr', extra).replace('status: accepted', 'status: superseded');

    it('is consistent when one of them links back; the other is never blamed, and no fix edits it', async () => {
      const ws = await lintFiles({ [lunr]: superseded(['superseded-by: [ADR-20261121]']), [algolia]: cleanAdr('Algolia', ['supersedes: [ADR-20201103]']), [kafka]: cleanAdr('Kafka') });
      assert.deepEqual(ws.findings.map((f) => `${f.path} ${f.ruleId}`), []);
      assert.deepEqual([...(await fixAll(ws)).keys()], []);
    });

    it('is questioned on the record that holds it when none links back, with no fix', async () => {
      const ws = await lintFiles({ [lunr]: superseded(['superseded-by: [ADR-20261121]']), [algolia]: cleanAdr('Algolia'), [kafka]: cleanAdr('Kafka') });
      assert.deepEqual(ws.findings.map((f) => `${f.path} ${f.ruleId}`), [`${lunr} status-consistency`]);
      const [finding] = ws.findings;
      assert.equal(finding.message, '`superseded-by` names ADR-20261121, which 2 records share (20261121-use-algolia.md and 20261121-use-kafka.md), and none of them names ADR-20201103 in `supersedes`. Which one replaces this record?');
      assert.equal(finding.fix, undefined);
      assert.deepEqual([...(await fixAll(ws)).keys()], []);
      // The other way round: `supersedes` names a day two records share.
      const other = await lintFiles({ [`${DIR}/20201103-a.md`]: cleanAdr('A'), [`${DIR}/20201103-b.md`]: cleanAdr('B'), [algolia]: cleanAdr('Algolia', ['supersedes: [ADR-20201103]']) });
      assert.deepEqual(other.findings.map((f) => `${f.path} ${f.ruleId}: ${f.message}`), [
        `${algolia} status-consistency: \`supersedes\` names ADR-20201103, which 2 records share (20201103-a.md and 20201103-b.md), and none of them names ADR-20261121 in \`superseded-by\`. Which one does this record replace?`,
      ]);
    });

    it('offers no fix that would write it: a back-link to a record dated the day another is', async () => {
      const ws = await lintFiles({ [lunr]: cleanAdr('Lunr'), [algolia]: cleanAdr('Algolia', ['supersedes: [ADR-20201103]']), [kafka]: cleanAdr('Kafka') });
      const [finding] = ws.of(lunr);
      assert.equal(finding.ruleId, 'status-consistency');
      assert.equal(finding.fix, undefined);
      assert.deepEqual([...(await fixAll(ws)).keys()], []);
    });
  });

  it('does not touch a file whose text the caller withholds (one it could not read whole)', async () => {
    const ws = await lintFiles(records());
    const fixed = await fixAll(ws, ['0001-a.md']);
    assert.deepEqual([...fixed.keys()], [`${ROOT}/${DIR}/0003-c.md`]);
  });
});
