import assert from 'node:assert/strict';
import { atxHeading } from '../../../src/core/parse/atx-heading';
import { scanTopLevelHeadings } from '../../../src/core/document/heading-scan';

describe('atxHeading: the one reading of `## Heading ##` for the line scans', () => {
  it('reads depth and text as CommonMark does', () => {
    const read = (line: string) => {
      const heading = atxHeading(line);
      return heading && [heading.depth, heading.text];
    };
    assert.deepEqual(read('# Context'), [1, 'Context']);
    assert.deepEqual(read('##   Decision   ##  '), [2, 'Decision']);
    assert.deepEqual(read('# foo#'), [1, 'foo#'], 'a closing run needs a space before it');
    assert.deepEqual(read('### ###'), [3, '']);
    assert.deepEqual(read('#'), [1, '']);
    assert.deepEqual(read('#\tTabbed'), [1, 'Tabbed']);
    assert.equal(read('#NoSpace'), undefined);
    assert.equal(read('####### seven'), undefined);
  });

  it('a 200 KB heading line of spaces, or of " #", is read in one pass (the old pattern was quadratic)', () => {
    const spaces = `# a${' '.repeat(200_000)}b`;
    assert.deepEqual(atxHeading(spaces), { depth: 1, text: `a${' '.repeat(200_000)}b` });
    const hashes = `#${' #'.repeat(100_000)} x`;
    assert.equal(atxHeading(hashes)?.text.endsWith('# x'), true);
    const scan = scanTopLevelHeadings(`\n${spaces}\n\n## Decision\n`, 0);
    assert.deepEqual(scan?.headings.map((h) => h.depth), [1, 2]);
  });
});
