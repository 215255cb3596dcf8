import assert from 'node:assert/strict';
import { gatherCodeFacts } from '../../../src/core/code/code-facts';
import { applyEdits, fixesFor } from '../../../src/core/fixes/fixes';
import { documentForFixes } from '../../../src/core/fixes/quick-fixes';
import { applySafeFixes } from '../../../src/core/fixes/fix-all';
import { lintCode } from '../../../src/core/lint/lint-code';
import { re2RegexEngine } from '../../../src/node/re2-regex-engine';
import { cleanAdr, lintFiles, ROOT } from '../support/workspace';

const D = 'docs/decisions';
const superseded = (title: string, by: string) => cleanAdr(title).replace('status: accepted', `status: superseded\nsuperseded-by: [${by}]`);
const CODE = 'services/events.ts';
const TEXT = '// Publishes as ADR-0001 says; retries as ADR-0003 says; see also ADR-0005.\nexport {};\n';

async function citing(records: Readonly<Record<string, string>>) {
  const ws = await lintFiles({ ...records, [CODE]: TEXT });
  const index = ws.workspace.index;
  const facts = await gatherCodeFacts({ index, config: ws.loaded.config, root: ROOT, tracked: [CODE], folders: ws.folders, fs: ws.fs, regexEngine: re2RegexEngine });
  const findings = lintCode(index, facts, ws.loaded.config).filter((f) => f.ruleId === 'code-cites-superseded');
  const doc = documentForFixes(`${ROOT}/${CODE}`, TEXT, ws.loaded.config, ROOT);
  return { ws, findings, doc };
}

describe('cite-successor: a citation of a superseded record rewritten as its successor', () => {
  it('offers the one successor in force, at the citation, and lint --fix leaves it to a person', async () => {
    const { ws, findings, doc } = await citing({
      [`${D}/0001-use-rabbitmq.md`]: superseded('Use RabbitMQ', 'ADR-0002'),
      [`${D}/0002-use-kafka.md`]: cleanAdr('Use Kafka'),
      // Two successors: which one the code follows is not for a fix to say.
      [`${D}/0003-retry-forever.md`]: superseded('Retry forever', 'ADR-0002, ADR-0004'),
      [`${D}/0004-retry-with-backoff.md`]: cleanAdr('Retry with backoff'),
      // A successor itself superseded: no record in force to cite.
      [`${D}/0005-use-soap.md`]: superseded('Use SOAP', 'ADR-0001'),
    });
    assert.deepEqual(findings.map((f) => [f.message.split(',')[0], f.fix]), [
      ['cites ADR-0001', { kind: 'cite-successor', id: 'ADR-0002' }],
      ['cites ADR-0003', undefined],
      ['cites ADR-0005', undefined],
    ]);
    const [fix] = fixesFor(doc, findings[0], ws.loaded.config);
    assert.equal(fix.title, 'Cite ADR-0002 instead');
    assert.equal(applyEdits(TEXT, fix.edits), TEXT.replace('ADR-0001', 'ADR-0002'));
    assert.equal(applySafeFixes(doc, findings, ws.loaded.config), undefined, 'not a safe fix');
  });
});
