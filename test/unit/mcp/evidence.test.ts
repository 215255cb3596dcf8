// The evidence rules in the MCP server: `lint` and `knowledge_risk {person}` answer from the git
// history as `legible lint` and `legible report --person` do.
import { strict as assert } from 'node:assert';
import { runCli, TODAY } from '../cli/cli-process';
import { LEDGER_RECORD, ledgerRepository } from '../support/evidence-repository';
import { call, mcpServers } from './mcp-process';

describe('legible mcp: the evidence rules from the git history', function () {
  this.timeout(120_000);
  const servers = mcpServers();

  it('lint reports the evidence findings `legible lint` reports', async () => {
    const root = await ledgerRepository();
    const cli = await runCli(['lint', '--today', TODAY, '--format', 'json', LEDGER_RECORD], { cwd: root });
    const expected = (JSON.parse(cli.stdout) as Array<{ findings: Array<{ ruleId: string; line: number; column: number; message: string }> }>)[0].findings.map((f) => [f.ruleId, f.line, f.column, f.message]);
    assert.ok(expected.some(([rule]) => rule === 'successor-without-evidence'), cli.stdout);
    const server = await servers.connect(root);
    const answer = await call(server.client, 'lint', { paths: [LEDGER_RECORD] });
    assert.deepEqual(answer.json.files[0].findings.map((f: { rule: string; line: number; column: number; message: string }) => [f.rule, f.line, f.column, f.message]), expected);
  });

  it('knowledge_risk with a person adds the evidence block `legible report --person` has', async () => {
    const root = await ledgerRepository();
    const cli = await runCli(['report', '--today', TODAY, '--person', 'amira', '--format', 'json'], { cwd: root });
    const expected = JSON.parse(cli.stdout) as { evidence: { decisionsAlone: unknown[]; filesAlone: string[] } };
    assert.deepEqual(expected.evidence.filesAlone, [LEDGER_RECORD, 'src/ledger/a.ts', 'src/ledger/b.ts']);
    const server = await servers.connect(root);
    const answer = await call(server.client, 'knowledge_risk', { person: 'amira' });
    assert.deepEqual(answer.json, expected);
  });
});
