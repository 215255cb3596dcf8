import assert from 'node:assert/strict';
import { parseLegacyStatus, readLegacy } from '../../../src/core/document/legacy';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';

function legacyOf(text: string) {
  const doc = parseDecisionDocument('/ws/docs/decisions/0001-x.md', text, DEFAULT_LIMITS);
  assert.equal(doc.legible, false);
  return doc.legacy!;
}

describe('parseLegacyStatus', () => {
  it('splits "superseded by ADR-0057" into the status and the successor', () => {
    assert.deepEqual(parseLegacyStatus('superseded by ADR-0057'), { status: 'superseded', supersedes: [], supersededBy: ['ADR-0057'] });
  });

  it('splits "accepted; supersedes ADR-0045" into the status and what it replaces', () => {
    assert.deepEqual(parseLegacyStatus('accepted; supersedes ADR-0045'), { status: 'accepted', supersedes: ['ADR-0045'], supersededBy: [] });
  });

  it('reads no status from a template choice list', () => {
    assert.deepEqual(parseLegacyStatus('[draft | proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)]'), { supersedes: [], supersededBy: [] });
    assert.deepEqual(parseLegacyStatus('{proposed | rejected | accepted}'), { supersedes: [], supersededBy: [] });
  });

  it('keeps a two-word status such as "on hold"', () => {
    assert.equal(parseLegacyStatus('on hold').status, 'on hold');
  });

  it('lower-cases and strips emphasis, comments, trailing dots and parenthesised dates', () => {
    assert.equal(parseLegacyStatus('**Accepted**').status, 'accepted');
    assert.equal(parseLegacyStatus('Deprecated.').status, 'deprecated');
    assert.equal(parseLegacyStatus('proposed <!-- until the review -->').status, 'proposed');
    assert.deepEqual(parseLegacyStatus('Accepted (2020-01-01)'), { status: 'accepted', supersedes: [], supersededBy: [] });
    assert.equal(parseLegacyStatus('').status, undefined);
  });

  it('takes ids from adr-tools and log4brains links, but not the year of a date', () => {
    assert.deepEqual(parseLegacyStatus('Superseded by [2. Use Kafka](0002-use-kafka.md)').supersededBy, ['0002']);
    assert.deepEqual(parseLegacyStatus('Superseded by ADR-0009 on 2021-03-04').supersededBy, ['ADR-0009']);
    assert.deepEqual(parseLegacyStatus('Accepted, supersedes rfc-0012 and 0013').supersedes, ['RFC-0012', '0013']);
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
    assert.deepEqual(readLegacy('Just notes.\n', 0, undefined), { format: 'plain', deciders: [], supersedes: [], supersededBy: [], tags: [] });
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
});
