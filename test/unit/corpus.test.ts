import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { NodeFileSystem } from '../../src/node/node-file-system';
import type { DecisionEntry } from '../../src/core/index/decision-entry';
import type { Finding } from '../../src/core/rules/rule';
import { DecisionWorkspace } from '../../src/core/workspace/decision-workspace';
import { loadConfig } from '../../src/core/workspace/load-config';
import { REAL_WORLD, REAL_WORLD_FOLDERS } from './support/real-world';
import { TODAY } from './support/workspace';

/**
 * Decision folders written by other projects (test/fixtures/real-world, copied with their sources
 * and licenses). Linted from the real disk with the Node file system port: nothing may crash, every
 * decision file is indexed, and each legacy record gets exactly one finding, frontmatter-missing.
 * The titles and statuses asserted below were read from the files themselves.
 */

const CORPUS = REAL_WORLD;
const folders = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => statSync(path.join(CORPUS, name)).isDirectory()).sort() : [...REAL_WORLD_FOLDERS];

interface Linted {
  readonly entries: Map<string, DecisionEntry>;
  readonly findings: Map<string, Finding[]>;
}

const cache = new Map<string, Promise<Linted>>();

function corpusFolder(name: string): string {
  const folder = path.join(CORPUS, name);
  assert.ok(existsSync(folder), `The real-world corpus is missing: expected ${folder}.`);
  return folder;
}

/** Lints one corpus folder on the real disk, once per run. */
function lint(name: string): Promise<Linted> {
  let run = cache.get(name);
  if (!run) {
    run = (async () => {
      const folder = corpusFolder(name);
      const fs = new NodeFileSystem();
      const { config, validator } = await loadConfig(fs, folder, { trusted: false });
      const workspace = new DecisionWorkspace({ fs, root: folder, folders: [folder], config, validator, today: TODAY });
      await workspace.scan();
      const findings = await workspace.findings();
      const entries = new Map(workspace.index.entries().map((entry) => [path.basename(entry.path), entry]));
      return { entries, findings: new Map([...findings].map(([file, list]) => [path.basename(file), list])) };
    })();
    cache.set(name, run);
  }
  return run;
}

/** Decision files by this test's own reading: Markdown, minus the index, README and template files. */
function decisionFiles(name: string): string[] {
  const isTemplate = (file: string): boolean => file === 'template.md' || file.endsWith('-template.md');
  return readdirSync(corpusFolder(name))
    .filter((file) => file.endsWith('.md') && file !== 'README.md' && file !== 'index.md' && !isTemplate(file))
    .sort();
}

async function entry(name: string, file: string): Promise<DecisionEntry> {
  const found = (await lint(name)).entries.get(file);
  assert.ok(found, `${name}/${file} is not in the index`);
  return found;
}

describe('the real-world corpus (test/fixtures/real-world)', function () {
  this.timeout(60_000);

  it('is in the repository, every folder of it', () => {
    assert.deepEqual(folders, [...REAL_WORLD_FOLDERS], `the folders of ${CORPUS}`);
  });

  for (const name of folders) {
    describe(`${name}/`, () => {
      it('indexes every decision file, and nothing else', async () => {
        const { entries } = await lint(name);
        const expected = decisionFiles(name);
        assert.ok(expected.length >= 9, `only ${expected.length} decision files found`);
        assert.deepEqual([...entries.keys()].sort(), expected);
      });

      it('reads every record as legacy and gives each exactly one finding: frontmatter-missing', async () => {
        const { entries, findings } = await lint(name);
        for (const [file, found] of entries) {
          assert.ok(found.legacy, `${file} should be read as a legacy record`);
          const list = findings.get(file) ?? [];
          assert.deepEqual(list.map((f) => f.ruleId), ['frontmatter-missing'], `${file}: ${list.map((f) => `${f.ruleId}: ${f.message}`).join(' | ')}`);
          assert.equal(list[0].fix?.kind, 'add-frontmatter');
        }
        for (const file of findings.keys()) assert.ok(entries.has(file), `a finding for ${file}, which is not a decision record`);
      });

      it('gives every record a title', async () => {
        for (const [file, found] of (await lint(name)).entries) assert.ok(found.title.trim() && found.title !== found.id, `${file} has no title`);
      });
    });
  }

  describe('what the records carry', () => {
    it('jabref: titles from the H1, or from the frontmatter title when there is one', async () => {
      assert.equal((await entry('jabref', '0000-use-markdown-architectural-decision-records.md')).title, 'Use Markdown Architectural Decision Records');
      assert.equal((await entry('jabref', '0038-use-entryId-for-bibentries.md')).title, 'Use BibEntry.getId for BibEntry at indexing');
      assert.equal((await entry('jabref', '0039-use-apache-velocity-as-template-engine.md')).title, 'Use Apache Velocity as template engine');
    });

    it('jabref: "superseded by ADR-0057" and "accepted; supersedes ADR-0045"', async () => {
      const old = await entry('jabref', '0045-use-input-flag-always-for-input-files.md');
      assert.equal(old.status, 'superseded');
      assert.equal(old.legacy, 'madr');
      assert.deepEqual(old.supersededBy.map((r) => [r.number, r.prefix]), [[57, 'ADR']]);
      const successor = await entry('jabref', '0057-allow-positional-input-file-argument.md');
      assert.equal(successor.status, 'accepted');
      assert.deepEqual(successor.supersedes.map((r) => [r.number, r.prefix]), [[45, 'ADR']]);
      assert.deepEqual(successor.supersededBy, []);
    });

    it('jabref: MADR 4 status, date and decision-makers', async () => {
      const record = await entry('jabref', '0047-use-references-heading-in-citations-tab.md');
      assert.equal(record.status, 'accepted');
      assert.equal(record.date, '2025-07-31');
      assert.deepEqual(record.deciders, ['@ryan-carpenter', '@ThiloteE', '@SiedlerChr', '@callixtus', '@koppor']);
      assert.equal((await entry('jabref', '0000-use-markdown-architectural-decision-records.md')).status, undefined, 'no status written, none invented');
    });

    it('log4brains: bullets, and a record superseded by a date-named one', async () => {
      const old = await entry('log4brains', '20200926-use-the-adr-number-as-its-unique-id.md');
      assert.equal(old.title, 'Use the ADR number as its unique ID');
      assert.equal(old.status, 'superseded');
      assert.equal(old.date, '2020-09-26');
      assert.equal(old.legacy, 'bullets');
      assert.deepEqual(old.supersededBy.map((r) => r.number), [20201016]);
      const lunr = await entry('log4brains', '20201103-use-lunr-for-search.md');
      assert.deepEqual([lunr.title, lunr.status, lunr.date], ['Use Lunr for search', 'accepted', '2020-11-03']);
    });

    it('log4brains: two records of one day share a number without a duplicate-id finding', async () => {
      const { entries, findings } = await lint('log4brains');
      const sameDay = [...entries.values()].filter((e) => e.number === 20200925).map((e) => path.basename(e.path));
      assert.equal(sameDay.length, 2);
      for (const file of sameDay) assert.deepEqual((findings.get(file) ?? []).map((f) => f.ruleId), ['frontmatter-missing']);
    });

    it('rust-rfcs: header bullets give RFCs their date and title (the feature name, or the file name made readable)', async () => {
      const { entries } = await lint('rust-rfcs');
      for (const [file, found] of entries) {
        assert.equal(found.type, 'rfc', file);
        assert.equal(found.legacy, 'rfc', file);
        assert.match(found.date ?? '', /^\d{4}-\d{2}-\d{2}$/, `${file}: the Start Date bullet`);
        assert.ok(!/^(summary|table of contents|motivation)$/i.test(found.title), `${file}: a section heading is no title`);
      }
      const expect = (file: string, title: string, date: string) => entry('rust-rfcs', file).then((e) => assert.deepEqual([e.title, e.date], [title, date], file));
      await expect('0019-opt-in-builtin-traits.md', 'Opt in builtin traits', '2014-09-18');
      await expect('0179-and-mut-patterns.md', 'And mut patterns', '2014-07-23');
      await expect('1119-result-expect.md', 'result_expect', '2015-05-13');
      await expect('1361-cargo-cfg-dependencies.md', 'Cargo cfg dependencies', '2015-11-10');
      await expect('3119-rust-crate-ownership.md', 'Rust crate ownership policy', '2021-05-04');
    });

    it('ethersync: MADR 3 frontmatter after an SPDX comment, two-digit numbers, "superseded by ADR 10"', async () => {
      const draft = await entry('ethersync', '02-working-with-vims-eol-behavior.md');
      assert.deepEqual([draft.number, draft.legacy, draft.type, draft.title, draft.status, draft.date], [2, 'madr', 'adr', "Working with Vim's EOL behavior", 'proposed', '2024-01-12']);
      const old = await entry('ethersync', '07-cursor-positions.md');
      assert.deepEqual([old.status, old.supersededBy.map((r) => r.number)], ['superseded', [10]]);
      const plain = await entry('ethersync', '00-use-markdown-any-decision-records.md');
      assert.deepEqual([plain.number, plain.title, plain.status], [0, 'Use Markdown Any Decision Records', undefined]);
    });

    it('ethersync: "See ADR 07 …, which is superseded by this one" in More Information gives record 10 no successor', async () => {
      const newer = await entry('ethersync', '10-cursor-positions-ephemeral.md');
      assert.deepEqual([newer.status, newer.supersededBy.map((r) => r.number), newer.supersedes.map((r) => r.number)], ['proposed', [], []]);
    });

    it('log4brains and jabref: typed links under ## Links ("- Supersedes […](20200926-….md)", "* Related to [ADR-0001](…).")', async () => {
      const slug = await entry('log4brains', '20201016-use-the-adr-slug-as-its-unique-id.md');
      assert.deepEqual([slug.status, slug.supersedes.map((r) => r.number), slug.related], ['accepted', [20200926], []]);
      const strings = await entry('jabref', '0006-only-translated-strings-in-language-file.md');
      assert.deepEqual(strings.related.map((r) => [r.number, r.prefix]), [[1, 'ADR']]);
      const positional = await entry('jabref', '0057-allow-positional-input-file-argument.md');
      assert.deepEqual(positional.related, [], '"[ADR-0045](…), which this decision supersedes" has no link type: read from the status, not as related');
    });

    it('madr: MADR frontmatter with and without a status, metadata in code fences ignored', async () => {
      assert.equal((await entry('madr', '0000-use-markdown-architectural-decision-records.md')).title, 'Use Markdown Architectural Decision Records');
      const tooling = await entry('madr', '0003-provide-own-madr-tools.md');
      assert.deepEqual([tooling.title, tooling.status], ['Write Own MADR Tooling', 'on hold']);
      const statusField = await entry('madr', '0008-add-status-field.md');
      assert.deepEqual([statusField.title, statusField.status], ['Add Status Field', undefined]);
      const yaml = await entry('madr', '0013-use-yaml-front-matter-for-meta-data.md');
      assert.deepEqual([yaml.title, yaml.status], ['Use YAML front matter for metadata', undefined]);
    });
  });
});
