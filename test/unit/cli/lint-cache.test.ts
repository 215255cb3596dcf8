import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { buildEntry } from '../../../src/core/index/build-entry';
import type { DecisionEntry } from '../../../src/core/index/decision-entry';
import type { Finding } from '../../../src/core/rules/rule';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { LintCache } from '../../../src/cli/scan/lint-cache';
import { entryFromStore, storedEntry } from '../../../src/cli/scan/stored-entry';
import { cleanupTemps, tempDir } from './cli-process';

const EXAMPLES = path.resolve(__dirname, '../../../examples/workspace/docs/decisions');
const FOLDER = '/ws/docs/decisions';

/** Every example record, an unfinished one, a legacy one (no frontmatter) and one that disables every rule. */
function entries(): DecisionEntry[] {
  const texts: Array<[string, string]> = readdirSync(EXAMPLES).map((name) => [name, readFileSync(path.join(EXAMPLES, name), 'utf8')]);
  texts.push(['0100-unfinished.md', '---\ntitle: Unfinished\nstatus: proposed\nowners: [TBD]\ntags: []\n---\n# Unfinished\n']);
  texts.push(['0101-legacy.md', '# 101. Use Rust\n\nDate: 2019-05-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe need speed.\n']);
  texts.push(['0102-quiet.md', '---\ntitle: Quiet\n---\n<!-- legible-disable -->\n# Quiet\n']);
  return texts.map(([name, text]) => buildEntry(parseDecisionDocument(`${FOLDER}/${name}`, text, DEFAULT_LIMITS), FOLDER));
}

/** The entry as data: a value left unset the same as one set to undefined (a cache of JSON kept neither, before too). */
function values(entry: DecisionEntry): unknown {
  return JSON.parse(JSON.stringify(entry));
}

/** Through the file's JSON, as a later run reads it back. */
function roundTrip(entry: DecisionEntry, folders: string[]): DecisionEntry | undefined {
  const index = (folder: string) => (folders.includes(folder) ? folders.indexOf(folder) : folders.push(folder) - 1);
  return entryFromStore(JSON.parse(JSON.stringify(storedEntry(entry, index))), entry.path, folders);
}

describe('the lint cache file: entries stored briefly, read back whole', function () {
  this.timeout(30_000);
  after(cleanupTemps);

  it('reads back every entry as it was built: people with their ranges, empty and absent lists, legacy records, suppressions', () => {
    const built = entries();
    assert.ok(built.some((entry) => entry.named?.length) && built.some((entry) => entry.legacy) && built.some((entry) => entry.suppressed === 'all'));
    assert.ok(built.some((entry) => entry.governs?.length) && built.some((entry) => entry.placeholders.length), 'the examples govern code, the unfinished record has placeholders');
    const folders: string[] = [];
    for (const entry of built) {
      const back = roundTrip(entry, folders);
      assert.ok(back, entry.path);
      assert.deepStrictEqual(values(back), values(entry), entry.path);
      // The same own keys in the same order whatever the record lacks: one shape for the rules to
      // read 10,000 entries of (the people are the prototype's, made on use).
      assert.deepEqual(Object.keys(back), Object.keys(roundTrip(built[0], folders)!), entry.path);
      assert.ok(!Object.keys(back).includes('named'));
      // Stored again, the people are stored as they came, never made into objects.
      const stored = JSON.stringify(storedEntry(back, () => 0));
      assert.equal(stored, JSON.stringify(storedEntry(entry, () => 0)), entry.path);
    }
    assert.deepEqual(folders, [FOLDER]);
  });

  it('makes the named people when asked, once, and writes them as JSON', () => {
    const entry = entries().find((candidate) => (candidate.named?.length ?? 0) > 2)!;
    const back = roundTrip(entry, [])!;
    const first = back.named;
    assert.deepStrictEqual(first, entry.named);
    assert.equal(back.named, first, 'kept after the first read');
    assert.deepStrictEqual(JSON.parse(JSON.stringify(back)).named, JSON.parse(JSON.stringify(entry.named)), 'as JSON too');
    assert.equal(roundTrip(entries().find((candidate) => !candidate.named)!, [])!.named, undefined, 'none for a record that names no one');
  });

  it('stores less than the entry: no path, the folder by number, no empty list, people flat, ranges as numbers', () => {
    const entry = entries().find((candidate) => (candidate.named?.length ?? 0) > 2)!;
    const stored = JSON.stringify(storedEntry(entry, () => 0));
    assert.ok(!stored.includes(entry.path) && !stored.includes(FOLDER), stored);
    assert.ok(!stored.includes('[]'), stored);
    assert.match(stored, /"named":\[\d,"/, 'six values per person, no objects');
    assert.match(stored, /"anchor":\[\d+,\d+,\d+,\d+\]/);
    assert.ok(stored.length < JSON.stringify(entry).length * 0.8, `${stored.length} of ${JSON.stringify(entry).length}`);
  });

  it('refuses what is not a stored entry (the file is the user\'s to break): the record is read again', () => {
    const stored = JSON.parse(JSON.stringify(storedEntry(entries().find((candidate) => candidate.named?.length)!, () => 0))) as Record<string, unknown>;
    assert.ok(entryFromStore(stored, '/ws/docs/decisions/x.md', [FOLDER]));
    for (const broken of [null, 7, 'entry', { ...stored, folder: 1 }, { ...stored, folder: '0' }, { ...stored, anchor: undefined }, { ...stored, anchor: [1, 2, 3] }, { ...stored, statusRange: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } } }, { ...stored, named: [0, 'amira', 1, 2, 3] }, { ...stored, named: [9, 'amira', 1, 2, 3, 4] }, { ...stored, named: [0, 7, 1, 2, 3, 4] }, { ...stored, named: [0, 'amira', 1, 2, 3, '4'] }, { ...stored, named: {} }]) {
      assert.equal(entryFromStore(broken, '/ws/docs/decisions/x.md', [FOLDER]), undefined, JSON.stringify(broken));
    }
  });

  it('a cache read back serves what was set, forgets folders no entry names, and starts afresh from a file of another shape', async () => {
    const dir = await tempDir('legible-lint-cache-');
    const location = path.join(dir, 'cache.json');
    const [first, second] = entries();
    const elsewhere = { ...second, path: '/ws/other/0002-x.md', folder: '/ws/other' };
    const cache = await LintCache.load(location, 'key', { root: '/ws' });
    cache.set(first.path, 10, 1000, true, { entry: first, findings: [] });
    cache.set(elsewhere.path, 20, 2000, false, { entry: elsewhere, findings: [] });
    await cache.save();

    // Each record one array, named from the workspace root.
    assert.deepEqual(JSON.parse(await readFile(location, 'utf8')).files.map((file: unknown[]) => file.slice(0, 4)), [['docs/decisions/' + path.basename(first.path), 10, 1000, true], ['other/0002-x.md', 20, 2000, false]]);
    const again = await LintCache.load(location, 'key', { root: '/ws' });
    assert.deepStrictEqual(values(again.get(first.path, 10, 1000, true)!.entry), values(first));
    assert.equal(again.get(first.path, 11, 1000, true), undefined, 'another size');
    assert.equal(again.get(elsewhere.path, 20, 2000, true), undefined, 'its body was not linted');
    assert.equal(again.get(elsewhere.path, 20, 2000, false)!.entry.folder, '/ws/other');
    assert.deepEqual(JSON.parse(await readFile(location, 'utf8')).folders, [FOLDER, '/ws/other']);
    again.retain(new Set([elsewhere.path]));
    await again.save();
    assert.deepEqual(JSON.parse(await readFile(location, 'utf8')).folders, ['/ws/other'], 'the folder no entry names is gone');
    const third = await LintCache.load(location, 'key', { root: '/ws' });
    assert.equal(third.get(elsewhere.path, 20, 2000, false)!.entry.path, elsewhere.path);
    assert.equal(third.get(elsewhere.path, 20, 2000, false)!.entry.folder, '/ws/other', 'renumbered');

    // Written by an older Legible (entries whole, no table of folders): nothing is taken from it.
    const old = JSON.parse(await readFile(location, 'utf8'));
    delete old.folders;
    await writeFile(location, JSON.stringify(old));
    assert.equal((await LintCache.load(location, 'key', { root: '/ws' })).get(elsewhere.path, 20, 2000, false), undefined);
    // A record outside the root (named on the command line) is named by its absolute path.
    const outside = await LintCache.load(path.join(dir, 'outside.json'), 'key', { root: '/ws/docs' });
    outside.set(elsewhere.path, 1, 1, true, { entry: elsewhere, findings: [] });
    await outside.save();
    assert.equal(JSON.parse(await readFile(path.join(dir, 'outside.json'), 'utf8')).files[0][0], elsewhere.path);
    assert.equal((await LintCache.load(path.join(dir, 'outside.json'), 'key', { root: '/ws/docs' })).get(elsewhere.path, 1, 1, true)?.entry.path, elsewhere.path);
  });

  it('does not serve findings of another shape (the file is the user\'s to break): the record is read again', async () => {
    const dir = await tempDir('legible-lint-cache-');
    const location = path.join(dir, 'cache.json');
    const [first] = entries();
    const finding = { ruleId: 'placeholder', severity: 'warning', message: 'm', path: first.path, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } } };
    const related = { path: first.path, message: 'r', range: finding.range };
    const cache = await LintCache.load(location, 'key', { root: '/ws' });
    cache.set(first.path, 10, 1000, true, { entry: first, findings: [{ ...finding, related: [related] }] as Finding[] });
    await cache.save();
    const saved = JSON.parse(await readFile(location, 'utf8'));
    assert.equal((await LintCache.load(location, 'key', { root: '/ws' })).get(first.path, 10, 1000, true)?.findings.length, 1);
    const broken = [[{ ruleId: 'x' }], ['finding'], [null], [{ ...finding, severity: 'fatal' }], [{ ...finding, range: { start: { line: 1 } } }], [{ ...finding, range: null }], [{ ...finding, message: 7 }], [{ ...finding, related: [{ ...related, range: [1, 2] }] }], [{ ...finding, related: 'r' }]];
    for (const findings of broken) {
      saved.files[0][5] = findings;
      await writeFile(location, JSON.stringify(saved));
      assert.equal((await LintCache.load(location, 'key', { root: '/ws' })).get(first.path, 10, 1000, true), undefined, JSON.stringify(findings));
    }
  });

  it('an unread cache refuses to be used (it would miss everything, then overwrite the file)', async () => {
    const dir = await tempDir('legible-lint-cache-');
    const cache = LintCache.unread(path.join(dir, 'cache.json'), 'key');
    assert.throws(() => cache.get('/ws/x.md', 1, 1, true), /used before it is read/);
    await assert.rejects(cache.save(), /used before it is read/);
    await cache.read();
    assert.equal(cache.get('/ws/x.md', 1, 1, true), undefined);
  });
});
