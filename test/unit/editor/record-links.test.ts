import assert from 'node:assert/strict';
import { citationLinks, recordLinks } from '../../../src/core/editor/record-links';
import { cleanAdr, lintFiles, ROOT } from '../support/workspace';

const DIR = 'docs/decisions';
const lunr = `${DIR}/20201103-use-lunr.md`;
const algolia = `${DIR}/20261121-use-algolia.md`;
const kafka = `${DIR}/20261121-use-kafka.md`;
const superseded = cleanAdr('Use Lunr', ['superseded-by: [ADR-20261121]', 'related: [ADR-20201103]']).replace('status: accepted', 'status: superseded');

describe('document links: an id several records share (date-named records of one day)', () => {
  it('a record\'s reference to the shared id links nowhere, as status-consistency resolves it to none of them; an id one record has links to it', async () => {
    const ws = await lintFiles({ [lunr]: superseded, [algolia]: cleanAdr('Use Algolia', ['supersedes: [ADR-20201103]']), [kafka]: cleanAdr('Use Kafka') });
    const links = recordLinks(ws.workspace.index, `${ROOT}/${lunr}`);
    // `related: [ADR-20201103]` is this record itself, the one record of that day: it links.
    assert.deepEqual(links.map((link) => [link.range.start.line, link.target, link.tooltip]), [[7, `${ROOT}/${lunr}`, 'Open ADR-20201103: Use Lunr']]);
    const back = recordLinks(ws.workspace.index, `${ROOT}/${algolia}`);
    assert.deepEqual(back.map((link) => link.target), [`${ROOT}/${lunr}`]);
  });

  it('a code file\'s citation of the shared id links nowhere; a citation of one record links to it', async () => {
    const ws = await lintFiles({ [lunr]: superseded, [algolia]: cleanAdr('Use Algolia'), [kafka]: cleanAdr('Use Kafka') });
    const links = citationLinks('// ADR-20261121 and ADR-20201103\n', ws.workspace.index);
    assert.deepEqual(links.map((link) => [link.range.start.character, link.target, link.tooltip]), [[20, `${ROOT}/${lunr}`, 'Open ADR-20201103: Use Lunr']]);
  });
});
