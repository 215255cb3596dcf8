import { strict as assert } from 'node:assert';
import { escapeData, escapeProperty } from '../../../src/cli/formats/github';

/** What the Actions runner does to a command's data and properties (actions/runner's CommandStringConvert). */
function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

describe('github workflow command escaping', () => {
  it('encodes %, CR and LF in data, and also : and , in properties, so the runner reads back the text', () => {
    const name = 'docs/0001-a%0A,b:c\r\n::error file=x.md,line=1::FORGED.md';
    const property = escapeProperty(name);
    assert.equal(property, 'docs/0001-a%250A%2Cb%3Ac%0D%0A%3A%3Aerror file=x.md%2Cline=1%3A%3AFORGED.md');
    assert.ok(!/[\r\n:,]/.test(property));
    assert.equal(unescapeProperty(property), name);
    const data = escapeData('100% sure\r\n::error::FORGED');
    assert.equal(data, '100%25 sure%0D%0A::error::FORGED');
    assert.equal(unescapeData(data), '100% sure\r\n::error::FORGED');
  });

  it('shows ESC, BEL and bidi controls escaped: the runner has no encoding for them and the log would run them', () => {
    assert.equal(escapeData('a\u001b[2J\u001b]0;t\u0007\u202eb'), 'a\\u001b[2J\\u001b]0;t\\u0007\\u202eb');
    assert.equal(escapeProperty('x\u001b.md'), 'x\\u001b.md');
  });
});
