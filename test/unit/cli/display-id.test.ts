import { strict as assert } from 'node:assert';
import { appendFile } from 'node:fs/promises';
import * as path from 'node:path';
import { cleanAdr } from '../support/workspace';
import { filesAt } from '../support/put-file';
import { call, connect } from '../mcp/mcp-process';
import { buildCli, cleanupTemps, gitRepository, runCli, tempDir, TODAY } from './cli-process';

/** One record is held by amira alone, so the report names it too. */
const alone = (text: string) => text.replace('holders: [amira], successors: [bo]', 'holders: [amira], successors: []');

/**
 * A repository whose records are named with five digits (`00007-…`, as some folders number them)
 * and with four, a file that cites both, and a change to it: every output that names a record.
 */
async function repository(): Promise<string> {
  const root = await tempDir('legible-ids-');
  const put = filesAt(root);
  await put('docs/decisions/00007-use-seven.md', alone(cleanAdr('Use seven', ['governs: [src/pay/**]'])));
  await put('docs/decisions/0045-use-forty-five.md', cleanAdr('Use forty-five'));
  await put('src/pay/ledger.ts', '// ADR-00007 and ADR-0045\n');
  gitRepository(root);
  await appendFile(path.join(root, 'src/pay/ledger.ts'), 'export {};\n');
  return root;
}

describe('one id for a record in every output (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  it('list (text and JSON), report, explain, affected and the MCP server name ADR-00007 and ADR-0045 alike', async () => {
    const root = await repository();
    const run = async (args: string[]) => {
      const result = await runCli([...args, '--today', TODAY], { cwd: root });
      assert.equal(result.code, 0, result.stderr);
      return result.stdout;
    };
    assert.deepEqual((await run(['list'])).split('\n').filter(Boolean).map((line) => line.split(' ')[0]), ['ADR-00007', 'ADR-0045']);
    const listed = JSON.parse(await run(['list', '--json'])) as Array<Record<string, unknown>>;
    assert.deepEqual(listed.map((r) => [r.id, r.fileId, r.number]), [['ADR-00007', '00007', 7], ['ADR-0045', '0045', 45]]);
    const report = JSON.parse(await run(['report', '--format', 'json'])) as { soleHolders: Array<{ decisions: Array<{ id: string }> }> };
    assert.deepEqual(report.soleHolders.flatMap((p) => p.decisions.map((d) => d.id)), ['ADR-00007']);
    const [explained] = JSON.parse(await run(['explain', '--format', 'json', 'src/pay/ledger.ts'])) as Array<{ governedBy: Array<{ record: { id: string } }>; cites: Array<{ records: Array<{ id: string }> }> }>;
    assert.deepEqual(explained.governedBy.map((g) => g.record.id), ['ADR-00007']);
    assert.deepEqual(explained.cites.flatMap((c) => c.records.map((r) => r.id)), ['ADR-00007', 'ADR-0045']);
    const changed = await runCli(['affected', '--base', 'HEAD', '--format', 'json'], { cwd: root });
    assert.equal(changed.code, 0, changed.stderr);
    const affected = JSON.parse(changed.stdout) as { decisions: Array<{ id: string }> };
    assert.deepEqual(affected.decisions.map((d) => d.id), ['ADR-00007']);
    const server = await connect(root);
    try {
      const mcp = (await call(server.client, 'list_decisions', {})).json as { records: Array<{ id: string }> };
      assert.deepEqual(mcp.records.map((r) => r.id), ['ADR-00007', 'ADR-0045']);
    } finally {
      await server.close();
    }
  });
});
