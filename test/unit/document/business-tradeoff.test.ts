import assert from 'node:assert/strict';
import { businessTradeoff } from '../../../src/core/document/business-tradeoff';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { defaultConfig } from '../../../src/core/config/config';

const tradeoffOf = (frontmatter: string) => businessTradeoff(parseDecisionDocument('/w/0001-a.md', `---\n${frontmatter}---\n# A\n`, defaultConfig().limits));

describe('businessTradeoff: the answers a record tooltip reads from the file', () => {
  it('gives each answer as written, trimmed, and leaves out empty ones', () => {
    const answers = tradeoffOf('type: adr\nbusiness-tradeoff:\n  reduces-risk: "  A single acquirer outage  "\n  accepts-cost: >\n    A second\n    integration.\n  eases-later:\n  preserves-option: ""\n');
    assert.deepEqual(answers, { 'reduces-risk': 'A single acquirer outage', 'accepts-cost': 'A second integration.' });
  });

  it('writes numbers and booleans as text, and skips lists and maps', () => {
    assert.deepEqual(tradeoffOf('business-tradeoff:\n  accepts-cost: 0.05\n  reduces-risk: true\n  eases-later: [a, b]\n  protects-outcome: {x: 1}\n'), { 'accepts-cost': '0.05', 'reduces-risk': 'true' });
  });

  it('is empty without the field, with a field that is no map, and without frontmatter', () => {
    assert.deepEqual(tradeoffOf('type: adr\n'), {});
    assert.deepEqual(tradeoffOf('business-tradeoff: [a]\n'), {});
    assert.deepEqual(businessTradeoff(parseDecisionDocument('/w/0001-a.md', '# Plain\n', defaultConfig().limits)), {});
  });
});
