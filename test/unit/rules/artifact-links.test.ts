import assert from 'node:assert/strict';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { applyEdits, fixesFor } from '../../../src/core/fixes/fixes';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { cleanAdr, lintFiles, ROOT } from '../support/workspace';

/**
 * An artifact link is read from its record's folder, as Markdown reads a link. Written as from the
 * workspace root (as `governs` globs are), it misses: the finding then says where the file is and
 * offers the link that reaches it, which `lint --fix` may write (the file is there).
 */
const RECORD = 'docs/decisions/0001-keep-the-ledger.md';
const text = (artifact: string) =>
  cleanAdr('Keep the ledger in PostgreSQL').replace('mechanisms: [runbook]}', `mechanisms: [runbook], artifacts: [${artifact}]}`);

describe('reference-resolves: an artifact written from the workspace root', () => {
  it('names the file at the root and fixes the link to reach it from the record, fragment kept', async () => {
    const written = text('services/ledger/README.md#failover');
    const ws = await lintFiles({ [RECORD]: written, 'services/ledger/README.md': '# Ledger\n' });
    const [finding, ...rest] = ws.of(RECORD);
    assert.deepEqual(rest, []);
    assert.equal(finding.ruleId, 'reference-resolves');
    assert.equal(
      finding.message,
      "`knowledge-exit-path.artifacts` links services/ledger/README.md#failover, which does not exist beside this record: a link is read from the record's folder, as in Markdown. Did you mean ../../services/ledger/README.md#failover, the file at services/ledger/README.md#failover from the workspace root?",
    );
    const doc = parseDecisionDocument(`${ROOT}/${RECORD}`, written, DEFAULT_LIMITS);
    const actions = fixesFor(doc, { ...finding, path: `${ROOT}/${RECORD}` }, ws.loaded.config);
    assert.deepEqual(actions.map((a) => a.title), ['Change to "../../services/ledger/README.md#failover"']);
    const fixed = applyEdits(written, actions[0].edits);
    assert.equal(fixed, text('../../services/ledger/README.md#failover'));
    const after = await lintFiles({ [RECORD]: fixed, 'services/ledger/README.md': '# Ledger\n' });
    assert.deepEqual(after.of(RECORD), []);
  });

  it('says only that the link leads nowhere when no file is at the root either, or the link says where it starts', async () => {
    for (const artifact of ['services/ledger/restore.md', './services/ledger/README.md']) {
      const ws = await lintFiles({ [RECORD]: text(artifact), 'services/ledger/README.md': '# Ledger\n' });
      const findings = ws.of(RECORD);
      assert.deepEqual(findings.map((f) => [f.ruleId, f.message, f.fix]), [['reference-resolves', `\`knowledge-exit-path.artifacts\` links ${artifact}, which does not exist. Where does the successor find this artifact?`, undefined]]);
    }
  });

  it('offers no fix when the list already holds the link that reaches the file (it would be written twice)', async () => {
    const ws = await lintFiles({ [RECORD]: text('services/ledger/README.md, ../../services/ledger/README.md'), 'services/ledger/README.md': '# Ledger\n' });
    const findings = ws.of(RECORD);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.message.includes('Did you mean ../../services/ledger/README.md'), f.fix]), [['reference-resolves', true, undefined]]);
  });
});
