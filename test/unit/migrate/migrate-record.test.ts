import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DecisionDocument } from '../../../src/core/document/decision-document';
import { findFrontmatter } from '../../../src/core/parse/frontmatter-fence';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { addFrontmatterFix } from '../../../src/core/fixes/add-frontmatter';
import { applyEdits } from '../../../src/core/fixes/text-edit';
import { migrateRecord, type MigrationResult } from '../../../src/core/migrate/migrate-record';
import { statusesOf } from '../../../src/core/schema/statuses';
import { REAL_WORLD } from '../support/real-world';
import { crlf, docOf, lines, lintDoc, lintDocs } from '../fixes/fix-harness';

type Migrated = Extract<MigrationResult, { outcome: 'migrated' }>;

function migrate(name: string, text: string): MigrationResult {
  return migrateRecord(docOf(name, text), DEFAULT_LIMITS);
}

function migrated(name: string, text: string): Migrated {
  const result = migrate(name, text);
  assert.equal(result.outcome, 'migrated', result.outcome === 'unparseable' ? result.reason : result.outcome);
  return result as Migrated;
}

/** The new text is a frontmatter block, then the original byte for byte (after its BOM, which stays first). */
function assertPrefixedOnly(original: string, result: Migrated): string {
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  assert.ok(result.text.startsWith(`${bom}---`), 'the new frontmatter opens the file (after the BOM)');
  assert.ok(result.text.endsWith(original.slice(bom.length)), 'everything after the new frontmatter is the original');
  const block = findFrontmatter(result.text);
  assert.equal(block.kind, 'closed');
  assert.equal(result.text.slice(block.kind === 'closed' ? block.bodyStart : 0), original.slice(bom.length));
  return result.text.slice(0, result.text.length - (original.length - bom.length));
}

const corpus = (rel: string) => readFileSync(path.join(REAL_WORLD, rel), 'utf8');

describe('migrate: one record (core)', () => {
  it('says when the date it writes is a placeholder (undated), and takes the day git gives instead, with a note; a date the record states stays', () => {
    const text = '# Use Kafka\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n';
    const plain = migrated('0001-use-kafka.md', text);
    assert.equal(plain.undated, true);
    assert.match(plain.text, /^date: <.*>$/m);
    const dated = migrateRecord(docOf('0001-use-kafka.md', text), DEFAULT_LIMITS, { addedOn: '2021-03-04' }) as Migrated;
    assert.equal(dated.undated, undefined);
    assert.match(dated.text, /^date: 2021-03-04$/m);
    assert.ok(dated.notes.some((note) => note.startsWith('`date` is 2021-03-04, the day git first recorded this file')), dated.notes.join('\n'));
    const own = migrateRecord(docOf('0002-dated.md', '# Dated\n\nDate: 2020-01-02\n\n## Status\n\nAccepted\n'), DEFAULT_LIMITS, { addedOn: '2021-03-04' }) as Migrated;
    assert.equal(own.undated, undefined);
    assert.match(own.text, /^date: 2020-01-02$/m);
    assert.ok(!own.notes.some((note) => note.includes('git first recorded')));
  });

  it('puts the quick fix\'s frontmatter above a log4brains record and keeps its bullets and body (real record)', async () => {
    const text = corpus('log4brains/20201103-use-lunr-for-search.md');
    const doc = docOf('20201103-use-lunr-for-search.md', text);
    const result = migrated(doc.path.split('/').pop()!, text);
    assert.equal(result.text, applyEdits(text, addFrontmatterFix(doc)!.edits), 'migration writes what the editor\'s quick fix writes');
    const head = assertPrefixedOnly(text, result);
    assert.ok(head.startsWith(lines('---', 'type: adr', 'title: Use Lunr for search', 'status: accepted', 'date: 2020-11-03', '')));
    assert.deepEqual(result.notes, []);
    assert.equal(result.unmappedStatus, undefined);
    const after = docOf('20201103-use-lunr-for-search.md', result.text);
    assert.equal(after.legible, true);
    assert.deepEqual((await lintDoc(after)).filter((f) => f.ruleId === 'frontmatter-missing'), []);
  });

  it('keeps a BOM first and every CRLF of an adr-tools record', () => {
    const body = crlf(lines('# 9. Use Terraform', '', 'Date: 2019-03-01', '', '## Status', '', 'Accepted', '', '## Context', '', 'Why.', ''));
    const original = `\uFEFF${body}`;
    const result = migrated('0009-use-terraform.md', original);
    const head = assertPrefixedOnly(original, result);
    assert.ok(head.startsWith(`\uFEFF${crlf(lines('---', 'type: adr', 'title: Use Terraform', 'status: accepted', 'date: 2019-03-01', ''))}`));
    assert.ok(!/(^|[^\r])\n/.test(head), 'no bare LF in the inserted lines');
  });

  it('keeps MADR 2 header bullets and a file without a final line break as they are', () => {
    const text = lines('# Use Postgres', '', '* Status: accepted', '* Deciders: amira, jonas', '* Date: 2021-04-01', '', 'Technical Story: none', '', '## Context', '', 'No final line break');
    const result = migrated('0004-use-postgres.md', text);
    const head = assertPrefixedOnly(text, result);
    assert.ok(head.includes(lines('deciders:', '  - amira', '  - jonas', '')));
  });

  it('adds to a MADR block and keeps each of its lines; a status it cannot map is kept and reported (real MADR record)', () => {
    const text = corpus('madr/0003-provide-own-madr-tools.md');
    const result = migrated('0003-provide-own-madr-tools.md', text);
    const before = findFrontmatter(text);
    const after = findFrontmatter(result.text);
    assert.ok(before.kind === 'closed' && after.kind === 'closed');
    assert.equal(result.text.slice(after.bodyStart), text.slice(before.bodyStart), 'the body is byte for byte the same');
    assert.ok(result.text.startsWith(lines('---', 'parent: Decisions', 'nav_order: 3', 'status: on hold', 'type: adr', 'title: Write Own MADR Tooling', '')));
    assert.equal(result.unmappedStatus, 'on hold');
    assert.equal(result.notes.length, 1);
    assert.match(result.notes[0], /^`status` "on hold" is kept as written, but it is none of the ADR statuses \(proposed, accepted, rejected, deprecated, superseded\)\. Where is this ADR in its life cycle\?$/);
  });

  it('keeps an unmappable status from a bullet as written, and reports it', () => {
    const text = lines('# Use Lunr', '', '- Status: on hold', '');
    const result = migrated('0001-use-lunr.md', text);
    assert.ok(assertPrefixedOnly(text, result).includes('\nstatus: on hold\n'));
    assert.equal(result.unmappedStatus, 'on hold');
    assert.ok(!statusesOf('adr').includes('on hold'));
  });

  it('rewrites a block status written the old way to the type\'s word, keeping the old words in a comment', () => {
    const text = lines('---', 'parent: Decisions', 'status: "superseded by ADR-0057"', '---', '# Use input flag', '');
    const result = migrated('0045-use-input-flag.md', text);
    assert.ok(result.text.startsWith(lines('---', 'parent: Decisions', 'status: superseded # was: "superseded by ADR-0057"', 'type: adr', '')));
    assert.ok(result.text.includes(lines('superseded-by:', '  - ADR-0057', '')));
    assert.equal(result.unmappedStatus, undefined);
  });

  it('writes both sides of an adr-tools supersession, and its other links as related; lint then finds them consistent', async () => {
    // What `adr new -s 2 Use CRLF` and `adr link 3 Amends 1 "Amended by"` write (npryce/adr-tools).
    const texts: Record<string, string> = {
      '0001-record-decisions.md': lines('# 1. Record decisions', '', 'Date: 2024-01-01', '', '## Status', '', 'Accepted', '', 'Amended by [3. Use CRLF](0003-use-crlf.md)', '', '## Context', '', 'Why.', ''),
      '0002-use-bom.md': lines('# 2. Use BOM', '', 'Date: 2024-01-02', '', '## Status', '', 'Superseded by [3. Use CRLF](0003-use-crlf.md)', '', '## Context', '', 'Why.', ''),
      '0003-use-crlf.md': lines('# 3. Use CRLF', '', 'Date: 2024-01-03', '', '## Status', '', 'Accepted', '', 'Supersedes [2. Use BOM](0002-use-bom.md)', '', 'Amends [1. Record decisions](0001-record-decisions.md)', '', '## Context', '', 'Why.', ''),
    };
    const results = Object.entries(texts).map(([name, text]) => {
      const result = migrated(name, text);
      assertPrefixedOnly(text, result);
      return docOf(name, result.text);
    });
    assert.deepEqual(results.map((doc) => [doc.data?.supersedes, doc.data?.['superseded-by'], doc.data?.related]), [
      [undefined, undefined, ['0003']],
      [undefined, ['0003'], undefined],
      [['0002'], undefined, ['0001']],
    ]);
    assert.deepEqual((await lintDocs(results)).filter((f) => f.ruleId === 'status-consistency' || f.ruleId === 'reference-resolves'), []);
  });

  describe('a MADR block after an SPDX comment (ethersync)', () => {
    const spdx = ['<!--', 'SPDX-FileCopyrightText: 2024 blinry <mail@blinry.org>', '', 'SPDX-License-Identifier: CC-BY-SA-4.0', '-->'];

    /** The block moved to the top with the Legible keys added, then the original without the block, byte for byte. */
    function assertMoved(original: string, result: Migrated, oldBlock: string): string {
      const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
      const block = findFrontmatter(result.text);
      assert.ok(block.kind === 'closed', 'the file opens with frontmatter');
      assert.equal(result.text.slice(block.bodyStart), original.slice(bom.length).replace(oldBlock, ''), 'the comment follows the block, and every other byte is the original\'s');
      assert.equal(findFrontmatter(result.text.slice(block.bodyStart)).kind, 'none');
      assert.equal(result.text.split('\n---').length - 1, 1, 'one closing fence, no block left below the comment');
      return result.text.slice(0, block.bodyStart);
    }

    it('moves the block to the top, keeps each of its keys and adds the missing ones; the comment follows it (real record)', () => {
      const text = corpus('ethersync/07-cursor-positions.md');
      const doc = docOf('07-cursor-positions.md', text);
      const result = migrated('07-cursor-positions.md', text);
      assert.equal(result.text, applyEdits(text, addFrontmatterFix(doc)!.edits), 'migration writes what the editor\'s quick fix writes');
      const head = assertMoved(text, result, lines('---', 'status: superseded by ADR 10', 'date: 2024-06-27', '---', ''));
      assert.ok(head.startsWith(lines('---', 'status: superseded # was: superseded by ADR 10', 'date: 2024-06-27', 'type: adr', 'title: How do we transmit cursor positions?', '')), head);
      assert.ok(head.includes(lines('superseded-by:', '  - ADR-0010', '')));
      const comment = text.slice(0, text.indexOf('-->') + 3);
      assert.ok(comment.startsWith('<!--\nSPDX-FileCopyrightText: 2024 blinry'));
      assert.ok(result.text.slice(head.length).startsWith(lines(comment, '', '# How do we transmit cursor positions?', '')));
      const after = docOf('07-cursor-positions.md', result.text);
      assert.deepEqual([after.legible, after.data?.status, after.data?.date], [true, 'superseded', '2024-06-27']);
      assert.deepEqual(migrateRecord(after, DEFAULT_LIMITS), { outcome: 'legible' }, 'a second run changes nothing');
    });

    it('a broken block there gets what a broken block at the top gets: frontmatter-malformed at each error, and migrate refuses, saying where', async () => {
      const blocks = [
        ['status: [accepted', 'date: 2024-01-02', 'deciders: alice'],
        ['status: accepted', 'status: rejected', 'date: 2024-01-02'],
      ];
      for (const block of blocks) {
        const top = lines('---', ...block, '---', '', '# Use Postgres', '');
        const below = lines(...spdx, '', top);
        const shift = spdx.length + 1;
        const said = async (text: string, by: number) =>
          (await lintDoc(docOf('0001-use-postgres.md', text))).filter((f) => f.ruleId.startsWith('frontmatter-')).map((f) => `${f.ruleId}@${f.range.start.line - by}: ${f.message}`);
        assert.deepEqual(await said(below, shift), await said(top, 0), block.join(' / '));
        assert.ok((await said(top, 0)).some((finding) => finding.startsWith('frontmatter-malformed@')), block.join(' / '));
        const refused = migrate('0001-use-postgres.md', below);
        assert.equal(refused.outcome, 'unparseable');
        const reason = (migrate('0001-use-postgres.md', top) as { reason: string }).reason;
        assert.equal((refused as { reason: string }).reason, reason.replace(/\(line (\d+)/, (_all, line: string) => `(line ${Number(line) + shift}`));
      }
      // A thematic break, then a sentence YAML cannot read under a setext underline: Markdown, not a block.
      const prose = docOf('0001-x.md', lines(...spdx, '---', 'We chose Postgres: the team says: enough', '---', ''));
      assert.deepEqual([prose.block.kind, prose.commented, prose.legacy?.format], ['none', undefined, 'plain']);
    });

    it('keeps a BOM first, CRLF line breaks, and a closing fence on the last line', () => {
      const body = crlf(lines(...spdx, '', '---', 'status: accepted', 'date: 2023-11-23', '---', '# Use Markdown', '', 'Text.', ''));
      const original = `\uFEFF${body}`;
      const result = migrated('00-use-markdown.md', original);
      const head = assertMoved(original, result, crlf(lines('---', 'status: accepted', 'date: 2023-11-23', '---', '')));
      assert.ok(head.startsWith(`\uFEFF${crlf(lines('---', 'status: accepted', 'date: 2023-11-23', 'type: adr', 'title: Use Markdown', ''))}`));
      assert.ok(!/(^|[^\r])\n/.test(result.text), 'no bare LF anywhere');

      const last = lines(...spdx, '---', 'status: accepted', '---');
      const moved = migrated('01-x.md', last);
      assert.ok(moved.text.endsWith(lines('---', ...spdx, '')), 'the comment starts its own line after the fence');
      assert.equal(docOf('01-x.md', moved.text).data?.status, 'accepted');
    });
  });

  it('writes an RFC\'s type, status vocabulary and owners when the legacy reader says it is one', () => {
    const text = lines('- Feature Name: const_vs_static', '- Start Date: 2014-10-28', '', '# Summary', '', 'Two kinds of constants.', '');
    const doc = docOf('0246-const-vs-static.md', text);
    // What the legacy reader reports for an RFC (its type, its authors, a status of the RFC vocabulary).
    const rfc: DecisionDocument = { ...doc, legacy: { ...doc.legacy!, type: 'rfc', owners: ['aturon', 'nikomatsakis'], status: { value: 'implemented', span: { start: 0, end: 0 } } } };
    const result = migrateRecord(rfc, DEFAULT_LIMITS);
    assert.equal(result.outcome, 'migrated');
    const { text: written, type, unmappedStatus } = result as Migrated;
    assert.equal(type, 'rfc');
    assert.equal(unmappedStatus, undefined, '`implemented` is an RFC status');
    const head = assertPrefixedOnly(text, result as Migrated);
    assert.ok(head.startsWith(lines('---', 'type: rfc', 'title: const_vs_static', 'status: implemented', '')), head);
    assert.ok(head.includes(lines('owners:', '  - aturon', '  - nikomatsakis', '')));
    assert.equal(docOf('0246-const-vs-static.md', written).data?.type, 'rfc');
  });

  it('carries the file name made readable when a record has no title line', () => {
    const text = lines('- Start Date: 2014-10-28', '', 'Just prose, no heading.', '');
    const result = migrated('0093-remove-format-intl.md', text);
    assert.ok(assertPrefixedOnly(text, result).includes('\ntitle: Remove format intl\n'));
  });

  it('leaves an already Legible record alone', () => {
    assert.deepEqual(migrate('0001-a.md', lines('---', 'type: adr', 'title: A', '---', '# A', '')), { outcome: 'legible' });
  });

  const unparseable: Array<[string, string, RegExp]> = [
    ['an unclosed block', lines('---', 'status: accepted', '# A', ''), /never closed/],
    ['invalid YAML', lines('---', 'status: [accepted', '---', '# A', ''), /^The frontmatter is not valid YAML \(line \d+: /],
    ['TOML', lines('+++', 'status = "accepted"', '+++', '# A', ''), /TOML/],
    ['a fence after blank lines', lines('', '---', 'status: accepted', '---', '# A', ''), /^The `---` on line 2 comes after blank lines/],
    ['a flow mapping', lines('---', '{status: accepted}', '---', '# A', ''), /flow mapping/],
    ['a block of words', lines('---', 'just some words', '---', '# A', ''), /^The frontmatter is not valid YAML \(line 2: The frontmatter must be a mapping/],
    ['a block that is YAML null', lines('---', '~', '---', '# A', ''), /^The frontmatter is not a mapping of `key: value` lines/],
  ];
  for (const [what, text, reason] of unparseable) {
    it(`reports ${what} as not migratable, with what to change first`, () => {
      const result = migrate('0001-a.md', text);
      assert.equal(result.outcome, 'unparseable');
      assert.match((result as { reason: string }).reason, reason);
      assert.equal(addFrontmatterFix(docOf('0001-a.md', text)), undefined, 'and the editor offers no fix that would break it');
    });
  }

  it('reports a file that could not be read whole', () => {
    const doc = docOf('0001-a.md', '');
    const result = migrateRecord({ ...doc, readProblem: 'This file is not valid UTF-8.' }, DEFAULT_LIMITS);
    assert.deepEqual(result, { outcome: 'unparseable', reason: 'This file is not valid UTF-8.' });
  });

  it('writes nothing that would not read back: with a frontmatter limit too small for the block, the file is reported', () => {
    const result = migrateRecord(docOf('0001-a.md', lines('# A', '', '- Status: accepted', '')), { ...DEFAULT_LIMITS, maxFrontmatterBytes: 200 });
    assert.equal(result.outcome, 'unparseable');
    assert.match((result as { reason: string }).reason, /^The frontmatter Legible would write does not read back/);
  });

  describe('bad input, in linear time', () => {
    it('10,000 header-bullet lines: migrated, every line kept', () => {
      const bullets = Array.from({ length: 10_000 }, (_, i) => `- Tags: t${i}`);
      const text = lines('# Many bullets', '', '- Status: accepted', ...bullets, '', '## Context', '', 'Why.', '');
      const result = migrated('0001-many-bullets.md', text);
      const head = assertPrefixedOnly(text, result);
      assert.ok(head.includes('\nstatus: accepted\n'));
      assert.ok(head.length < DEFAULT_LIMITS.maxFrontmatterBytes);
    });

    it('a bullet with a 1 MB value: migrated, the value left in the body and the field a placeholder, with a note', () => {
      const text = lines('# Huge', '', '- Status: accepted', `- Deciders: ${'x'.repeat(1 << 20)}`, '', 'Body.', '');
      const result = migrated('0003-huge.md', text);
      const head = assertPrefixedOnly(text, result);
      assert.ok(head.includes(lines('deciders:', '  - <Who made this decision?>', '')));
      assert.ok(head.length < 10_000);
    });

    it('a 1 MB title: kept in the heading, the field a placeholder, with a note', () => {
      const text = lines(`# ${'T'.repeat(1 << 20)}`, '', '- Status: accepted', '');
      const result = migrated('0004-huge-title.md', text);
      const head = assertPrefixedOnly(text, result);
      assert.ok(head.includes('\ntitle: Huge title\n'), 'the heading is no metadata: the file name is the title');
      assert.ok(head.length < 10_000);
    });

    it('a name like 0001-.md', () => {
      const text = lines('# Empty slug', '', 'Status: accepted', '');
      const result = migrated('0001-.md', text);
      assert.ok(assertPrefixedOnly(text, result).includes('\ntitle: Empty slug\n'));
    });
  });
});
