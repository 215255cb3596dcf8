// The evidence rules in the language server: the repository's history read as `legible lint` and
// the extension read it, published when ready, and again when HEAD moves.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { rm, writeFile } from 'node:fs/promises';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { runCli } from '../cli/cli-process';
import { RULES } from '../../../src/core/rules/registry';
import { gitAs, lines } from '../evidence/history-repo';
import { daysAgo, JONAS, LEDGER_RECORD, ledgerRepository } from '../support/evidence-repository';
import { recordingGit } from '../support/recording-git';
import { CAPABILITIES, logged, lspSessions, openDocument, uriOf } from '../support/lsp-session';

const EVIDENCE_RULES = new Set(RULES.filter((rule) => rule.scope === 'evidence').map((rule) => rule.id));
const evidenceOf = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => EVIDENCE_RULES.has(String(d.code))).map((d) => `${d.code} ${d.range.start.line + 1}`).sort();

describe('language server: the evidence rules from the git history', function () {
  this.timeout(120_000);
  const servers = lspSessions();

  it('publishes what `legible lint` reports from the history, and reads it again when HEAD moves', async () => {
    const root = await ledgerRepository([daysAgo(60), daysAgo(30)], 'legible-lsp-evidence-');
    const cli = await runCli(['lint', '--format', 'json'], { cwd: root });
    const expected = (JSON.parse(cli.stdout) as Array<{ findings: Array<{ ruleId: string; line: number }> }>)
      .flatMap((file) => file.findings)
      .filter((f) => EVIDENCE_RULES.has(f.ruleId))
      .map((f) => `${f.ruleId} ${f.line}`)
      .sort();
    assert.deepEqual(expected, ['observed-single-point-of-knowledge 10', 'successor-without-evidence 14']);
    const session = await servers.start(root);
    const uri = uriOf(path.join(root, LEDGER_RECORD));
    const published = await session.diagnostics(uri, (p) => evidenceOf(p).length > 0);
    assert.deepEqual(evidenceOf(published), expected);
    // jonas, the successor, commits to the ledger: the history is read again and he has a change there.
    await writeFile(path.join(root, 'src', 'ledger', 'b.ts'), lines(25));
    gitAs(root, { ...JONAS, date: daysAgo(1) }, 'commit', '--quiet', '--all', '--message', 'by Jonas');
    const after = await session.diagnostics(uri, (p) => p !== published && session.published.indexOf(p) > session.published.indexOf(published) && !evidenceOf(p).includes('successor-without-evidence 14'));
    assert.ok(!evidenceOf(after).includes('successor-without-evidence 14'), session.stderr());
  });

  it('counts the code files created or deleted after the start, as the client\'s watcher reports them', async () => {
    const root = await ledgerRepository([daysAgo(60), daysAgo(30)], 'legible-lsp-evidence-');
    const session = await servers.start(root);
    const uri = uriOf(path.join(root, LEDGER_RECORD));
    const record = (accept: (p: PublishDiagnosticsParams) => boolean) => session.diagnostics(uri, accept);
    await record((p) => evidenceOf(p).includes('successor-without-evidence 14'));
    // jonas writes a new file of the ledger and commits it: his change counts once the file is on the list.
    const created = path.join(root, 'src', 'ledger', 'c.ts');
    await writeFile(created, lines(10));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(created), type: 1 }] });
    gitAs(root, { ...JONAS, date: daysAgo(1) }, 'add', 'src/ledger/c.ts');
    gitAs(root, { ...JONAS, date: daysAgo(1) }, 'commit', '--quiet', '--message', 'c by Jonas');
    const committed = await record((p) => !evidenceOf(p).includes('successor-without-evidence 14'));
    assert.match(JSON.stringify(committed.diagnostics), /Amira is an author of 2 of its 3 files/, session.stderr());
    // b.ts is deleted: amira is left the author of one file of two, no longer the single point of knowledge.
    await rm(path.join(root, 'src', 'ledger', 'b.ts'));
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, 'src', 'ledger', 'b.ts')), type: 3 }] });
    const deleted = await record((p) => evidenceOf(p).length === 0);
    assert.deepEqual(evidenceOf(deleted), [], session.stderr());
  });

  it('counts a code file created after the start once the client opens it, when it watches no file', async () => {
    const root = await ledgerRepository([daysAgo(60), daysAgo(30)], 'legible-lsp-evidence-');
    const session = await servers.start(root, { capabilities: { ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, didChangeWatchedFiles: undefined } } });
    const uri = uriOf(path.join(root, LEDGER_RECORD));
    await session.diagnostics(uri, (p) => evidenceOf(p).includes('successor-without-evidence 14'));
    const created = path.join(root, 'src', 'ledger', 'c.ts');
    await writeFile(created, lines(10));
    gitAs(root, { ...JONAS, date: daysAgo(1) }, 'add', 'src/ledger/c.ts');
    gitAs(root, { ...JONAS, date: daysAgo(1) }, 'commit', '--quiet', '--message', 'c by Jonas');
    await openDocument(session, created);
    const after = await session.diagnostics(uri, (p) => !evidenceOf(p).includes('successor-without-evidence 14'));
    assert.match(JSON.stringify(after.diagnostics), /Amira is an author of 2 of its 3 files/, session.stderr());
  });

  it('runs no git with --untrusted, where the evidence rules are silent and code files are walked', async () => {
    const root = await ledgerRepository([daysAgo(60), daysAgo(30)], 'legible-lsp-evidence-');
    const git = await recordingGit();
    const uri = uriOf(path.join(root, LEDGER_RECORD));
    const created = path.join(root, 'src', 'ledger', 'c.ts');
    const untrusted = await servers.start(root, { args: ['--untrusted'], env: { PATH: git.path } });
    // The record has no finding without the history: the log says when it is linted.
    await logged(untrusted, 'body rules of 1 records linted');
    await writeFile(created, lines(10));
    await untrusted.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(created), type: 1 }] });
    await openDocument(untrusted, created);
    await untrusted.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(created) }, position: { line: 0, character: 0 } });
    await untrusted.stop();
    assert.deepEqual(untrusted.published.filter((p) => p.uri === uri).flatMap(evidenceOf), []);
    assert.deepEqual(await git.calls(), [], 'git ran untrusted');
    // Trusted, the server asks git (the recording one, which fails, so the evidence rules say why they do not run).
    const trusted = await servers.start(root, { env: { PATH: git.path } });
    await logged(trusted, 'the rules that compare records with the git history do not run');
    assert.ok((await git.calls()).length > 0);
  });
});
