import assert from 'node:assert/strict';
import { LiveCode } from '../../../src/core/code/live-code';
import { LiveCodeRules } from '../../../src/core/live/live-code-rules';
import { LiveWorkspace } from '../../../src/core/live/live-workspace';
import { re2RegexEngine } from '../../../src/node/re2-regex-engine';
import { MemoryFileSystem } from '../support/memory-file-system';
import { ManualClock, ManualScheduler } from '../support/manual-scheduler';
import { cleanAdr, ROOT, TODAY } from '../support/workspace';

const D = `${ROOT}/docs/decisions`;
const A = `${D}/0001-payments.md`;
const B = `${D}/0002-old-ledger.md`;
const LEDGER = `${ROOT}/services/payments/ledger.ts`;
const DEBOUNCE = 300;
const CITING = '// Follows ADR-0001; the rounding still as ADR-0002 says, see also ADR-0099.\nexport {};\n';

/** An engine, its code view and the code rules on it, wired as the front-ends wire them. */
function setup(records: Readonly<Record<string, string>>, files: Readonly<Record<string, string>> = { [LEDGER]: CITING }, listing?: 'eager' | 'lazy') {
  const fs = new MemoryFileSystem({}, { root: ROOT });
  for (const [path, text] of Object.entries({ ...records, ...files })) fs.put(path, text);
  const scheduler = new ManualScheduler();
  const engine = new LiveWorkspace({ fs, root: ROOT, name: 'ws', scheduler, clock: new ManualClock(TODAY), regexEngine: re2RegexEngine, settings: () => ({ debounceMs: DEBOUNCE }) });
  let listed = 0;
  const code = new LiveCode({
    fs,
    root: ROOT,
    regexEngine: re2RegexEngine,
    listFiles: async () => {
      listed++;
      return undefined; // no git: the folder is walked
    },
  });
  engine.onDidChangeIndex(() => code.indexChanged(engine.decisions?.index));
  const errors: unknown[] = [];
  const rules = new LiveCodeRules({ live: engine, code, scheduler, report: (_context, error) => errors.push(error), listing });
  const codeRules = (path: string) =>
    engine
      .findingsFor(path)
      .filter((f) => ['governs-matches-nothing', 'governs-glob-invalid', 'governs-too-broad', 'code-reference-resolves', 'code-cites-superseded'].includes(f.ruleId))
      .map((f) => `${f.ruleId}: ${f.message}`)
      .sort();
  /** The engine's pause passes and the rules' check is done. */
  const settled = async () => {
    await engine.settle();
    scheduler.advance(DEBOUNCE);
    await rules.settle();
  };
  return { fs, engine, code, rules, scheduler, codeRules, settled, errors, listed: () => listed };
}

const governing = cleanAdr('Payments', ['governs: ["services/payments/**", "legacy/billing/**"]']);
const superseded = cleanAdr('Old ledger').replace('status: accepted', 'status: superseded\nsuperseded-by: ADR-0001');

describe('LiveCodeRules: the code rules in an editor', () => {
  it('reports a governs glob that matches no file, and takes it back once a file it matches is created', async () => {
    const t = setup({ [A]: governing, [B]: superseded });
    await t.engine.load();
    await t.settled();
    assert.deepEqual(t.codeRules(A), ['governs-matches-nothing: `governs[1]` `legacy/billing/**` matches no file: the code moved or was deleted — is this decision still in force?']);
    t.fs.put(`${ROOT}/legacy/billing/invoice.ts`, 'export {};\n');
    await t.code.created(`${ROOT}/legacy/billing/invoice.ts`, async () => false);
    await t.settled();
    assert.deepEqual(t.codeRules(A), []);
    assert.deepEqual(t.errors, []);
  });

  it('checks the citations of a code document while it is open, at the citation, and forgets them when it closes', async () => {
    const t = setup({ [A]: governing, [B]: superseded });
    await t.engine.load();
    await t.settled();
    assert.deepEqual(t.codeRules(LEDGER), [], 'a code file no editor shows is not read');
    t.rules.open(LEDGER, CITING);
    await t.settled();
    assert.deepEqual(t.codeRules(LEDGER), [
      'code-cites-superseded: cites ADR-0002, superseded by ADR-0001: does this code still follow it, or the record that replaced it?',
      'code-reference-resolves: cites ADR-0099, which no record has: which decision does this code follow?',
    ]);
    const dangling = t.engine.findingsFor(LEDGER).find((f) => f.ruleId === 'code-reference-resolves');
    assert.deepEqual(dangling?.range.start, { line: 0, character: CITING.indexOf('ADR-0099') });
    // Typing: the text the editor has, not the file's.
    t.rules.change(LEDGER, '// Follows ADR-0001 only.\n');
    await t.settled();
    assert.deepEqual(t.codeRules(LEDGER), []);
    t.rules.change(LEDGER, CITING);
    await t.settled();
    assert.equal(t.codeRules(LEDGER).length, 2);
    t.rules.close(LEDGER);
    await t.settled();
    assert.deepEqual(t.codeRules(LEDGER), []);
    // A folder deleted while its file's document is still open (an editor closed, its document not yet).
    t.rules.open(LEDGER, CITING);
    await t.settled();
    assert.equal(t.codeRules(LEDGER).length, 2);
    t.rules.deleted(`${ROOT}/services`);
    await t.settled();
    assert.deepEqual(t.codeRules(LEDGER), []);
  });

  it('follows the records: a citation of a record later superseded is reported once the record says so', async () => {
    const t = setup({ [A]: governing, [B]: cleanAdr('Old ledger') });
    await t.engine.load();
    t.rules.open(LEDGER, CITING);
    await t.settled();
    assert.deepEqual(t.codeRules(LEDGER).map((line) => line.split(':')[0]), ['code-reference-resolves']);
    t.engine.applyText(B, superseded);
    await t.settled();
    assert.deepEqual(t.codeRules(LEDGER).map((line) => line.split(':')[0]), ['code-cites-superseded', 'code-reference-resolves']);
  });

  it('leaves out what lint leaves out: records in decisions folders, dependencies, code.exclude, and everything with code.enabled false', async () => {
    const vendored = `${ROOT}/node_modules/x/index.js`;
    const excluded = `${ROOT}/generated/client.ts`;
    const t = setup({ [A]: governing, [B]: superseded, [`${ROOT}/.legible.json`]: JSON.stringify({ code: { exclude: ['generated/**'] } }) }, { [LEDGER]: CITING, [vendored]: CITING, [excluded]: CITING });
    await t.engine.load();
    for (const path of [vendored, excluded, B]) t.rules.open(path, CITING);
    await t.settled();
    for (const path of [vendored, excluded]) assert.deepEqual(t.codeRules(path), [], path);
    assert.deepEqual(t.codeRules(B), [], 'ids in a record are references, which reference-resolves checks');
    t.fs.put(`${ROOT}/.legible.json`, JSON.stringify({ code: { enabled: false } }));
    t.rules.open(LEDGER, CITING);
    await t.engine.load();
    await t.settled();
    assert.deepEqual([...t.codeRules(LEDGER), ...t.codeRules(A)], []);
  });

  it('lazy (the web): the governs rules wait for a list something else made', async () => {
    const t = setup({ [A]: governing, [B]: superseded }, undefined, 'lazy');
    await t.engine.load();
    await t.settled();
    assert.equal(t.listed(), 0);
    assert.deepEqual(t.codeRules(A), []);
    await t.code.governing(LEDGER); // a lens asks
    await t.settled();
    assert.equal(t.listed(), 1);
    assert.deepEqual(t.codeRules(A).map((line) => line.split(':')[0]), ['governs-matches-nothing']);
  });

  it('lists no file where no record has governs', async () => {
    const t = setup({ [B]: superseded });
    await t.engine.load();
    t.rules.open(LEDGER, CITING);
    await t.settled();
    assert.deepEqual(t.codeRules(LEDGER).map((line) => line.split(':')[0]), ['code-cites-superseded', 'code-reference-resolves', 'code-reference-resolves'], 'the citations are still checked (ADR-0001 is no record here)');
    assert.equal(t.listed(), 0);
  });
});
