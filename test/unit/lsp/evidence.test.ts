// The evidence rules in the language server: the repository's history read as `legible lint` and
// the extension read it, published when ready, and again when HEAD moves.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { runCli } from '../cli/cli-process';
import { RULES } from '../../../src/core/rules/registry';
import { gitAs, lines } from '../evidence/history-repo';
import { daysAgo, JONAS, LEDGER_RECORD, ledgerRepository } from '../support/evidence-repository';
import { cleanupTemps, initialize, startServer, uriOf, type LspSession } from './lsp-client';

const EVIDENCE_RULES = new Set(RULES.filter((rule) => rule.scope === 'evidence').map((rule) => rule.id));
const evidenceOf = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => EVIDENCE_RULES.has(String(d.code))).map((d) => `${d.code} ${d.range.start.line + 1}`).sort();

describe('language server: the evidence rules from the git history', function () {
  this.timeout(120_000);
  let session: LspSession | undefined;
  afterEach(async () => {
    await session?.stop();
    session = undefined;
  });
  after(cleanupTemps);

  it('publishes what `legible lint` reports from the history, and reads it again when HEAD moves', async () => {
    const root = await ledgerRepository([daysAgo(60), daysAgo(30)], 'legible-lsp-evidence-');
    const cli = await runCli(['lint', '--format', 'json'], { cwd: root });
    const expected = (JSON.parse(cli.stdout) as Array<{ findings: Array<{ ruleId: string; line: number }> }>)
      .flatMap((file) => file.findings)
      .filter((f) => EVIDENCE_RULES.has(f.ruleId))
      .map((f) => `${f.ruleId} ${f.line}`)
      .sort();
    assert.deepEqual(expected, ['observed-single-point-of-knowledge 10', 'successor-without-evidence 14']);
    session = await startServer({ cwd: root });
    await initialize(session, root);
    const uri = uriOf(path.join(root, LEDGER_RECORD));
    const published = await session.diagnostics(uri, (p) => evidenceOf(p).length > 0);
    assert.deepEqual(evidenceOf(published), expected);
    // jonas, the successor, commits to the ledger: the history is read again and he has a change there.
    await writeFile(path.join(root, 'src', 'ledger', 'b.ts'), lines(25));
    gitAs(root, { ...JONAS, date: daysAgo(1) }, 'commit', '--quiet', '--all', '--message', 'by Jonas');
    const after = await session.diagnostics(uri, (p) => p !== published && session!.published.indexOf(p) > session!.published.indexOf(published) && !evidenceOf(p).includes('successor-without-evidence 14'));
    assert.ok(!evidenceOf(after).includes('successor-without-evidence 14'), session.stderr());
  });
});
