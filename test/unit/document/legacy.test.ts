import assert from 'node:assert/strict';
import { readLegacy } from '../../../src/core/document/legacy';
import { parseLegacyStatus, supersessionIn, typedLink } from '../../../src/core/document/legacy-text';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';

function legacyOf(text: string) {
  const doc = parseDecisionDocument('/ws/docs/decisions/0001-x.md', text, DEFAULT_LIMITS);
  assert.equal(doc.legible, false);
  return doc.legacy!;
}

describe('parseLegacyStatus', () => {
  it('splits "superseded by ADR-0057" into the status and the successor', () => {
    assert.deepEqual(parseLegacyStatus('superseded by ADR-0057'), { word: 'superseded', note: undefined, supersedes: [], supersededBy: ['ADR-0057'] });
  });

  it('splits "accepted; supersedes ADR-0045" into the status and what it replaces', () => {
    assert.deepEqual(parseLegacyStatus('accepted; supersedes ADR-0045'), { word: 'accepted', note: undefined, supersedes: ['ADR-0045'], supersededBy: [] });
  });

  it('reads no status from a template choice list', () => {
    assert.deepEqual(parseLegacyStatus('[draft | proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)]'), { supersedes: [], supersededBy: [] });
    assert.deepEqual(parseLegacyStatus('{proposed | rejected | accepted}'), { supersedes: [], supersededBy: [] });
  });

  it('keeps a two-word status such as "on hold"', () => {
    assert.equal(parseLegacyStatus('on hold').word, 'on hold');
  });

  it('lower-cases and strips emphasis, comments, trailing dots and parenthesised dates', () => {
    assert.equal(parseLegacyStatus('**Accepted**').word, 'accepted');
    assert.equal(parseLegacyStatus('Deprecated.').word, 'deprecated');
    assert.equal(parseLegacyStatus('proposed <!-- until the review -->').word, 'proposed');
    assert.deepEqual(parseLegacyStatus('Accepted (2020-01-01)'), { word: 'accepted', note: '2020-01-01', supersedes: [], supersededBy: [] });
    assert.equal(parseLegacyStatus('').word, undefined);
  });

  it('takes only the ids after "superseded by" or "supersedes", in their own clause', () => {
    assert.deepEqual(parseLegacyStatus('Accepted (ADR-0003 is superseded by this one)'), { word: 'accepted', note: 'ADR-0003 is superseded by this one', supersedes: [], supersededBy: [] });
    assert.deepEqual(parseLegacyStatus('Accepted; ADR-0012 supersedes it').supersedes, [], 'the record that supersedes is named before the word: no record this one replaces');
    assert.deepEqual(parseLegacyStatus('superseded by ADR-0012. See ADR-0003 for the history').supersededBy, ['ADR-0012']);
    assert.deepEqual(supersessionIn('Superseded by [ADR-0012](0012-x.md); supersedes ADR-0003 and ADR-0004 | ADR-0009'), { supersedes: ['ADR-0003', 'ADR-0004'], supersededBy: ['ADR-0012'] });
  });

  it('reads a typed link by its type and its target, not by numbers in the linked title', () => {
    assert.deepEqual(typedLink('Supersedes [2. Use the 2021 budget](0002-use-the-2021-budget.md)'), { kind: 'supersedes', id: '0002' });
    assert.deepEqual(typedLink('Superseded by [ADR-0012](./0012-x.md#status)'), { kind: 'superseded-by', id: 'ADR-0012' });
    assert.deepEqual(typedLink('- Amended by [3. Third](0003-third.md)'), { kind: 'related', id: '0003' });
    assert.deepEqual(typedLink('Partially supersedes [3. Third](0003-third.md)'), { kind: 'related', id: '0003' }, 'only the whole type is a supersession');
    for (const none of ['[3. Third](0003-third.md)', 'Amends [docs](https://example.org/0003-third.md)', 'Amends [the README](README.md)', 'Amends [3. Third](0003-third.md) and more']) assert.equal(typedLink(none), undefined, none);
  });

  it('reads adr-tools\' own spelling, "Superceded by" and "Supercedes", as superseded', () => {
    assert.deepEqual(parseLegacyStatus('Superceded by [5. Use Kafka](0005-use-kafka.md)'), { word: 'superceded', note: undefined, supersedes: [], supersededBy: ['0005'] });
    assert.deepEqual(legacyOf('# 4. Use RabbitMQ\n\n## Status\n\nSuperceded by [5. Use Kafka](0005-use-kafka.md)\n').status?.value, 'superseded');
    assert.deepEqual(parseLegacyStatus('Accepted; supercedes ADR-0002'), { word: 'accepted', note: undefined, supersedes: ['ADR-0002'], supersededBy: [] });
  });

  it('takes ids from adr-tools and log4brains links, but not the year of a date', () => {
    assert.deepEqual(parseLegacyStatus('Superseded by [2. Use Kafka](0002-use-kafka.md)').supersededBy, ['0002']);
    assert.deepEqual(parseLegacyStatus('Superseded by ADR-0009 on 2021-03-04').supersededBy, ['ADR-0009']);
    assert.deepEqual(parseLegacyStatus('Accepted, supersedes rfc-0012 and 0013').supersedes, ['RFC-0012', '0013']);
  });
});

describe('legacy references in lists and linked titles', () => {
  it('a link to a record file names that record: numbers in its title are no ids, nor is the title of a link to a web page', () => {
    assert.deepEqual(parseLegacyStatus('Superseded by [Move to Java 2021 LTS](0003-move-to-java.md)').supersededBy, ['0003']);
    assert.deepEqual(parseLegacyStatus('Superseded by [2. Use OAuth 2.0 and RFC 6749](0002-use-oauth.md)').supersededBy, ['0002']);
    assert.deepEqual(parseLegacyStatus('Superseded by [ADR-0012](0012-x.md)').supersededBy, ['ADR-0012'], 'the link\'s own spelling of the file\'s number');
    assert.deepEqual(supersessionIn('superseded by [OAuth per RFC 6749](https://example.org/rfc6749)').supersededBy, []);
    assert.deepEqual(supersessionIn('superseded by [ADR-0012](#adr-0012)').supersededBy, ['ADR-0012'], 'a link whose text is an id and nothing more');
    assert.deepEqual(legacyOf('# 4. Use RabbitMQ\n\n## Status\n\nSuperseded by [Move to Kafka 2024](0005-move-to-kafka.md)\n').supersededBy, ['0005']);
  });

  it('reads every id of a comma-separated list, in the status line and the preamble; a comma before other words ends it', () => {
    assert.deepEqual(parseLegacyStatus('Superseded by ADR-0003, ADR-0004'), { word: 'superseded', note: undefined, supersedes: [], supersededBy: ['ADR-0003', 'ADR-0004'] });
    assert.deepEqual(parseLegacyStatus('superseded by [ADR-0003](0003-x.md), [ADR-0004](0004-y.md), and 0005').supersededBy, ['ADR-0003', 'ADR-0004', '0005']);
    assert.deepEqual(parseLegacyStatus('Superseded by ADR-0003, which ADR-0009 explains').supersededBy, ['ADR-0003']);
    assert.deepEqual(legacyOf('# X\n\n> This decision is superseded by ADR-0003, ADR-0004.\n\n## Context\n').supersededBy, ['ADR-0003', 'ADR-0004']);
  });

  it('a status that names a successor after its word is superseded ("Accepted, superseded by …"); one that opens with "Supersedes" has no status word', () => {
    const nygard = legacyOf('# X\n\n## Status\n\nAccepted, superseded by ADR-0003, ADR-0004\n');
    assert.deepEqual([nygard.status?.value, nygard.supersededBy, nygard.statusNote], ['superseded', ['ADR-0003', 'ADR-0004'], undefined]);
    const bullets = legacyOf('# X\n\n- Status: Accepted, superseded by [ADR-0003](0003-x.md)\n');
    assert.deepEqual([bullets.status?.value, bullets.supersededBy], ['superseded', ['ADR-0003']]);
    assert.deepEqual(parseLegacyStatus('Supersedes ADR-0002, ADR-0003 and 0004'), { supersedes: ['ADR-0002', 'ADR-0003', '0004'], supersededBy: [] });
    const replaces = legacyOf('# X\n\n## Status\n\nSupersedes ADR-0002, ADR-0003\n\nAccepted\n');
    assert.deepEqual([replaces.status?.value, replaces.supersedes], ['accepted', ['ADR-0002', 'ADR-0003']], 'the status is the next line\'s');
  });
});

describe('readLegacy (through parseDecisionDocument)', () => {
  it('reads an adr-tools record: numbered title, Date line, ## Status section', () => {
    const legacy = legacyOf('# 9. Use Terraform for cloud infrastructure\n\nDate: 2019-05-14\n\n## Status\n\nSuperseded by [12. Use Pulumi](0012-use-pulumi.md)\n\n## Context\n\nStatus: this line is prose, not metadata.\n');
    assert.equal(legacy.format, 'nygard');
    assert.equal(legacy.title?.value, 'Use Terraform for cloud infrastructure');
    assert.equal(legacy.date?.value, '2019-05-14');
    assert.equal(legacy.status?.value, 'superseded');
    assert.deepEqual(legacy.supersededBy, ['0012']);
  });

  it('reads the links adr-tools adds under ## Status: Supersedes on the successor, others as related', () => {
    // What `adr new -s 2 Use CRLF` and `adr link 3 Amends 1 "Amended by"` write (npryce/adr-tools).
    const successor = parseDecisionDocument('/ws/doc/adr/0003-use-crlf.md', '# 3. Use CRLF\n\nDate: 2024-01-03\n\n## Status\n\nAccepted\n\nSupersedes [2. Use BOM](0002-use-bom.md)\n\nAmends [1. Record decisions](0001-record-decisions.md)\n\nClarifies [4. Use LF](0004-use-lf.md)\n\n## Context\n\nText.\n', DEFAULT_LIMITS).legacy!;
    assert.deepEqual([successor.status?.value, successor.supersedes, successor.supersededBy, successor.related], ['accepted', ['0002'], [], ['0001', '0004']]);
    const old = parseDecisionDocument('/ws/doc/adr/0002-use-bom.md', '# 2. Use BOM\n\nDate: 2024-01-02\n\n## Status\n\nSuperseded by [3. Use CRLF](0003-use-crlf.md)\n\nAmended by [5. Say why](0005-say-why.md)\n\n## Context\n', DEFAULT_LIMITS).legacy!;
    assert.deepEqual([old.status?.value, old.supersedes, old.supersededBy, old.related], ['superseded', [], ['0003'], ['0005']]);
    const appended = legacyOf('# 7. X\n\n## Status\n\nAccepted\n\nSuperseded by [9. Y](0009-y.md)\n');
    assert.deepEqual([appended.status?.value, appended.supersededBy], ['superseded', ['0009']], 'a successor added under a stale "Accepted"');
  });

  it('reads MADR 2 / log4brains ## Links bullets to records; a link to a web page or a bullet without a link type is none', () => {
    const legacy = parseDecisionDocument(
      '/ws/docs/adr/20201016-use-the-slug.md',
      '# Use the slug\n\n- Status: accepted\n\n## Decision\n\nText.\n\n## Links <!-- optional -->\n\n- Supersedes [20200926-use-the-number](20200926-use-the-number.md)\n* Refined by [ADR-0005](0005-example.md).\n- Related to [their ADR-0009](https://github.com/o/r/blob/main/docs/adr/0009-x.md)\n- [ADR-0006](0006-y.md), which this decision supersedes\n- GADR: [0007-z.md](0007-z.md)\n',
      DEFAULT_LIMITS,
    ).legacy!;
    assert.deepEqual([legacy.status?.value, legacy.supersedes, legacy.supersededBy, legacy.related], ['accepted', ['20200926'], [], ['ADR-0005']]);
  });

  it('reads log4brains / MADR 2 bullets: status, date, deciders, tags', () => {
    const legacy = legacyOf('# Use Lunr for search\n\n- Status: superseded by [20201016-x](20201016-x.md)\n- Deciders: Thomas Vaillant and Alice, Bob\n- Date: 2020-11-03\n- Tags: search, web\n\n## Context\n');
    assert.equal(legacy.format, 'bullets');
    assert.equal(legacy.title?.value, 'Use Lunr for search');
    assert.equal(legacy.status?.value, 'superseded');
    assert.deepEqual(legacy.supersededBy, ['20201016']);
    assert.equal(legacy.date?.value, '2020-11-03');
    assert.deepEqual(legacy.deciders, ['Thomas Vaillant', 'Alice', 'Bob']);
    assert.deepEqual(legacy.tags, ['search', 'web']);
  });

  it('reads MADR 3/4 frontmatter: status, date, decision-makers, and the H1 title', () => {
    const legacy = legacyOf('---\nstatus: "accepted; supersedes ADR-0045"\ndate: 2024-05-02\ndecision-makers: [Oliver, Justus]\nnav_order: 57\n---\n# Allow a positional input file\n');
    assert.equal(legacy.format, 'madr');
    assert.equal(legacy.title?.value, 'Allow a positional input file');
    assert.equal(legacy.status?.value, 'accepted');
    assert.deepEqual(legacy.supersedes, ['ADR-0045']);
    assert.equal(legacy.date?.value, '2024-05-02');
    assert.deepEqual(legacy.deciders, ['Oliver', 'Justus']);
  });

  it('ignores metadata-looking lines inside code fences, and a template under ## Status', () => {
    const legacy = legacyOf('# Add status field\n\n```yaml\nstatus: on hold\ndate: 2017-01-01\n```\n\n## Status\n\n[proposed | accepted]\n');
    assert.equal(legacy.status, undefined);
    assert.equal(legacy.date, undefined);
  });

  it('reads a plain Markdown file as plain, with its title if it has one', () => {
    assert.deepEqual(readLegacy('Just notes.\n', 0, undefined), {
      format: 'plain',
      type: 'adr',
      title: undefined,
      status: undefined,
      statusInVocabulary: false,
      statusNote: undefined,
      deciders: [],
      owners: [],
      supersedes: [],
      supersededBy: [],
      related: [],
      tags: [],
    });
    assert.equal(readLegacy('Just notes.\n', 0, undefined, { path: '/ws/docs/adr/0004-keep-notes_short.md' }).title?.value, 'Keep notes short', 'no heading: the file name made readable');
    assert.equal(legacyOf('# Notes\n\nText.\n').title?.value, 'Notes');
  });

  it('is not used for Legible records, nor for frontmatter that is broken', () => {
    const legible = parseDecisionDocument('/x/0001-a.md', '---\ntitle: X\nowners: [a]\n---\n# X\n', DEFAULT_LIMITS);
    assert.equal(legible.legible, true, 'owners is Legible vocabulary: a Legible record missing its type');
    assert.equal(legible.legacy, undefined);
    for (const broken of ['---\ntitle: X\n# no closing fence\n', '+++\ntitle = "x"\n+++\n', '\n---\ntitle: X\n---\n', '---\n- a\n---\n', '---\n---\n# Empty\n']) {
      assert.equal(parseDecisionDocument('/x/0001-a.md', broken, DEFAULT_LIMITS).legacy, undefined, JSON.stringify(broken));
    }
  });

  describe('RFC header bullets', () => {
    const rfc = (text: string, path = '/ws/text/0042-async-drop.md') => {
      const doc = parseDecisionDocument(path, text, DEFAULT_LIMITS);
      assert.equal(doc.legible, false);
      return doc.legacy!;
    };

    it('reads title, date, authors and status in any order before the first heading, links and code spans stripped', () => {
      const legacy = rfc('- Status: Active\n- Authors: [Aaron Turon](https://github.com/aturon), Niko and `boats`\n- Title: Async **drop**\n- Start Date: December 1, 2021\n- RFC PR: [rust-lang/rfcs#42](https://github.com/rust-lang/rfcs/pull/42)\n\n# Summary\n\nText.\n');
      assert.deepEqual(
        [legacy.format, legacy.type, legacy.title?.value, legacy.date?.value, legacy.status?.value, legacy.statusInVocabulary, legacy.owners],
        ['rfc', 'rfc', 'Async drop', '2021-12-01', 'accepted', true, ['Aaron Turon', 'Niko', 'boats']],
      );
    });

    it('a heading that names a section is no title: the feature name is, else the file name made readable', () => {
      assert.equal(rfc('- Feature Name: `async_drop`\n- Start Date: 2021-12-01\n\n# Summary\n').title?.value, 'async_drop');
      assert.equal(rfc('- Feature Name: N/A\n- Start Date: 2021-12-01\n\n## Table of Contents\n').title?.value, 'Async drop');
      assert.equal(rfc('- Start Date: 23-07-2014\n\n# Motivation\n').date?.value, '2014-07-23', 'day first when the day cannot be a month');
      assert.equal(rfc('- Feature Name: x\n\n# Async drop, in full\n').title?.value, 'Async drop, in full');
    });

    it('a record in an RFC folder is an RFC even without bullets; the configured type otherwise', () => {
      assert.equal(legacyOf('# Use X\n').type, 'adr');
      assert.equal(parseDecisionDocument('/ws/docs/rfcs/0001-x.md', '# Use X\n', DEFAULT_LIMITS).legacy?.type, 'rfc');
      assert.equal(parseDecisionDocument('/ws/docs/proposals/0001-x.md', '# Use X\n', DEFAULT_LIMITS, undefined, { type: 'rfc' }).legacy?.type, 'rfc');
    });

    it('maps status words onto the type, by the folder mapping first; an unmappable word is kept', () => {
      assert.deepEqual([rfc('- Status: postponed\n').status?.value, rfc('- Status: postponed\n').statusInVocabulary], ['postponed', false]);
      const doc = parseDecisionDocument('/ws/text/0001-x.md', '- Status: postponed\n- Start Date: 2020-01-01\n', DEFAULT_LIMITS, undefined, { statuses: { postponed: 'withdrawn' } });
      assert.equal(doc.legacy?.status?.value, 'withdrawn');
      assert.equal(legacyOf('# X\n\n- Status: Approved\n').status?.value, 'accepted');
    });

    it('reads 10,000 header lines and a 1 MB bullet in bounded work', () => {
      const many = Array.from({ length: 10_000 }, (_, i) => `- Note ${i}: x`).join('\n');
      assert.equal(rfc(`- Start Date: 2020-01-01\n${many}\n`).date?.value, '2020-01-01');
      const huge = rfc(`- Feature Name: ${'a'.repeat(1 << 20)}\n- Start Date: 2020-01-01\n`);
      assert.equal(huge.title?.value, 'Async drop', 'a megabyte feature name is no title: the file name is');
      assert.equal(huge.date?.value, '2020-01-01');
      const names = legacyOf(`# X\n\n- Deciders: ${'ab, '.repeat(260_000)}\n`);
      assert.deepEqual(names.deciders, [], 'a line over 4 KB gives no value (no stack overflow, no cut name)');
      const listed = legacyOf(`---\ndeciders: [${Array.from({ length: 5000 }, (_, i) => `p${i}`).join(', ')}]\n---\n# X\n`);
      assert.equal(listed.deciders.length, 256, 'a list is bounded');
      const comments = parseDecisionDocument('/ws/docs/decisions/0001-x.md', `---\nstatus: "${'<!--‹'.repeat(160_000)}"\n---\n# X\n`, { ...DEFAULT_LIMITS, maxFrontmatterBytes: 4 << 20 }).legacy!;
      assert.equal(comments.status, undefined, 'an unclosed comment hides the rest, in one pass');
      const hashes = legacyOf(`#${' #'.repeat(100_000)}\n`);
      assert.equal(hashes.format, 'plain');
    });
  });

  describe('frontmatter of other tools', () => {
    it('reads MADR frontmatter after an SPDX comment as MADR, not as adr-tools', () => {
      const legacy = legacyOf('<!--\nSPDX-FileCopyrightText: 2024 A <a@example.org>\n\nSPDX-License-Identifier: CC-BY-SA-4.0\n-->\n\n---\nstatus: draft\ndate: 2024-01-12\n---\n# Working with EOL\n');
      assert.deepEqual([legacy.format, legacy.title?.value, legacy.status?.value, legacy.date?.value], ['madr', 'Working with EOL', 'proposed', '2024-01-12']);
    });

    it('reads Docusaurus/Jekyll frontmatter: the title without its id prefix, a [superseded] mark, the successor in an admonition', () => {
      const text = '---\nid: adr013\ntitle: "ADR013: Use JSON for config [superseded]"\ndescription: Config format\nnav_order: 13\n---\n\n:::warning\nThis decision was superseded by [ADR014](./adr014-use-toml.md).\n:::\n';
      const legacy = legacyOf(text);
      assert.deepEqual([legacy.format, legacy.title?.value, legacy.status?.value, legacy.supersededBy], ['jekyll', 'Use JSON for config', 'superseded', ['ADR-0014']]);
    });

    it('a sentence further down naming another record "superseded by this one" gives no successor (ethersync ADR 10)', () => {
      const text = '---\nstatus: proposed\ndate: 2025-06-25\n---\n# New way\n\n## Context\n\nx\n\n## More Information\n\nSee ADR 07 for more information on this decision, which is superseded by this one.\n';
      const newer = parseDecisionDocument('/ws/docs/decisions/10-new.md', text, DEFAULT_LIMITS).legacy!;
      assert.deepEqual([newer.status?.value, newer.supersedes, newer.supersededBy], ['proposed', [], []]);
      const later = legacyOf('# X\n\n- Status: accepted\n\n## Consequences\n\nIf this fails, it will be superseded by ADR-0012.\n');
      assert.deepEqual([later.status?.value, later.supersededBy], ['accepted', []], 'a sentence in a section of the record is no status');
      const top = legacyOf('# X\n\n- Status: accepted\n\n> This decision is **superseded by [ADR-0057](0057-x.md)**. ADR-0045 is superseded by it too.\n\n## Context\n');
      assert.deepEqual([top.status?.value, top.supersededBy], ['superseded', ['ADR-0057']], 'near the top, the id after the words');
      const reverse = legacyOf('# X\n\n> ADR-0012 supersedes this record; this record supersedes ADR-0003.\n\n## Context\n');
      assert.deepEqual([reverse.supersedes, reverse.supersededBy], [['ADR-0003'], []], '"X supersedes this" is no record this one replaces');
    });

    it('"superseded by ADR 10" names ADR-0010; a record naming itself is not superseded', () => {
      assert.deepEqual(legacyOf('---\nstatus: superseded by ADR 10\n---\n# X\n').supersededBy, ['ADR-0010']);
      const self = parseDecisionDocument('/ws/docs/decisions/0057-x.md', '# X\n\nADR-0045 was superseded by this record, ADR-0057.\n', DEFAULT_LIMITS).legacy!;
      assert.deepEqual([self.status, self.supersededBy], [undefined, []]);
    });

    it('a prose status keeps its word and moves the rest to a note', () => {
      const legacy = legacyOf('# X\n\n## Status\n\nAccepted. We revisit this once the billing migration has ended, in the second quarter of next year.\n');
      assert.deepEqual([legacy.status?.value, legacy.statusNote], ['accepted', 'We revisit this once the billing migration has ended, in the second quarter of next year.']);
      assert.deepEqual([legacyOf('# X\n\nStatus: postponed until the audit\n').status?.value, legacyOf('# X\n\nStatus: postponed until the audit\n').statusNote], ['postponed', 'until the audit']);
    });
  });
});

