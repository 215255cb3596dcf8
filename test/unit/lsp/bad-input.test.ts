// The language server is long-running: what a broken or hostile client sends is answered per
// protocol or ignored, never a crash. Each case ends by checking the server still answers.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, ResponseError, type CodeAction, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { adr, initialize, lspSessions, recordsWorkspace, uriOf, type LspSession } from '../support/lsp-session';

/** A request every live server answers: hover on a document never opened (null). */
async function answers(session: LspSession): Promise<void> {
  const result = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere/never-opened.md' }, position: { line: 0, character: 0 } });
  assert.equal(result, null);
  assert.equal(session.child.exitCode, null, 'the server exited');
}

/** A frame as the base protocol writes it. */
function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

describe('language server: requests outside the session', function () {
  this.timeout(60_000);
  const servers = lspSessions();

  it('answers a request before initialize with ServerNotInitialized, and after shutdown with InvalidRequest', async () => {
    const { root, first } = await recordsWorkspace();
    const session = await servers.spawn(root);
    const hover = () => session.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(first) }, position: { line: 0, character: 0 } });
    const links = () => session.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: uriOf(first) } });
    await assert.rejects(hover(), (error: ResponseError<unknown>) => error.code === ErrorCodes.ServerNotInitialized);
    await assert.rejects(links(), (error: ResponseError<unknown>) => error.code === ErrorCodes.ServerNotInitialized);
    await initialize(session, root);
    assert.equal(await hover(), null);
    await session.connection.sendRequest('shutdown');
    await assert.rejects(hover(), (error: ResponseError<unknown>) => error.code === ErrorCodes.InvalidRequest);
    await assert.rejects(links(), (error: ResponseError<unknown>) => error.code === ErrorCodes.InvalidRequest);
    await session.connection.sendNotification('exit');
    assert.equal(await session.exited, 0);
  });
});

describe('language server: bad input', function () {
  this.timeout(60_000);
  const servers = lspSessions();
  let session: LspSession;
  let files: { root: string; first: string; second: string };
  beforeEach(async () => {
    files = await recordsWorkspace();
    session = await servers.start(files.root, { initializationOptions: { debounceMs: 20 } });
    await session.diagnostics(uriOf(files.second));
  });

  it('ignores a message whose body is not JSON, or not JSON-RPC', async () => {
    session.child.stdin.write(frame('{"jsonrpc": "2.0", "id": 1, "method": '));
    session.child.stdin.write(frame('[1, 2, 3]'));
    session.child.stdin.write(frame('"just a string"'));
    await answers(session);
  });

  it('answers an unknown request with MethodNotFound and ignores an unknown notification', async () => {
    await session.connection.sendNotification('legible/noSuchNotification', { any: 'thing' });
    await assert.rejects(session.connection.sendRequest('legible/noSuchMethod', {}), (error: ResponseError<unknown>) => error.code === ErrorCodes.MethodNotFound);
    await answers(session);
  });

  it('answers requests for a document never opened with nothing', async () => {
    const uri = uriOf(path.join(files.root, 'docs', 'decisions', '0009-never-opened.md'));
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    const c = session.connection;
    assert.deepEqual(await c.sendRequest('textDocument/completion', { textDocument: { uri }, position }), []);
    assert.equal(await c.sendRequest('textDocument/hover', { textDocument: { uri }, position }), null);
    assert.deepEqual(await c.sendRequest('textDocument/documentLink', { textDocument: { uri } }), []);
    assert.deepEqual(await c.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }), []);
    // Changes and closes of a document never opened, and a URI that is no file, are ignored.
    await c.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'x' }] });
    await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await c.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'markdown', version: 1, text: '---\ntype: adr\n---\n' } });
    assert.equal(await c.sendRequest('textDocument/hover', { textDocument: { uri: 'untitled:Untitled-1' }, position }), null);
    await answers(session);
  });

  it('lints a 5 MB record and keeps answering', async () => {
    const big = `${adr({ title: 'Big', how: null })}\n${'A paragraph of context that goes on and on.\n'.repeat(120_000)}`;
    assert.ok(big.length > 5_000_000);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(files.second), languageId: 'markdown', version: 1, text: big } });
    const published = await session.diagnostics(uriOf(files.second), (p) => p.version === 1);
    assert.ok(published.diagnostics.some((d) => d.code === 'frontmatter-schema'), JSON.stringify(published.diagnostics.map((d) => [d.code, d.message])));
    await answers(session);
  });

  it('takes 1,000 changes in a second and publishes the last text\'s findings', async () => {
    const text = await readFile(files.second, 'utf8');
    const uri = uriOf(files.second);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const end = { line: text.split('\n').length - 1, character: 0 };
    // Each change types one more character at the end of the body.
    for (let version = 2; version <= 1001; version++) {
      void session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: end, end }, text: 'x' }] });
    }
    const last = await session.diagnostics(uri, (p: PublishDiagnosticsParams) => p.version === 1001);
    assert.deepEqual(last.diagnostics.map((d) => d.code), ['frontmatter-schema']);
    // Versions only go up: no older text's findings come after a newer one's.
    const versions = session.published.filter((p) => p.uri === uri && p.version !== undefined).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    await answers(session);
  });

  it('answers a cancelled request with RequestCancelled or its result, and goes on', async () => {
    const text = await readFile(files.second, 'utf8');
    const uri = uriOf(files.second);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await session.diagnostics(uri, (p) => p.version === 1);
    const source = new CancellationTokenSource();
    const request = session.connection.sendRequest<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }, source.token);
    source.cancel();
    await request.then(
      (result) => assert.ok(result === null || Array.isArray(result)),
      (error: ResponseError<unknown>) => assert.equal(error.code, LSPErrorCodes.RequestCancelled),
    );
    await answers(session);
  });

  it('exits when the client closes its stdin', async () => {
    session.child.stdin.end();
    const code = await session.exited;
    assert.notEqual(code, null);
  });

  it('exits when the client process is gone', async () => {
    // A client process that lives until the test kills it (it waits on its stdin), named in initialize.
    const client = spawn(process.execPath, ['-e', 'process.stdin.resume()'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const other = await servers.spawn(files.root);
    try {
      await other.connection.sendRequest('initialize', { processId: client.pid, rootUri: uriOf(files.root), capabilities: {} });
      client.kill();
      // The server looks for its client every 3 seconds.
      assert.equal(await other.exited, 1);
    } finally {
      client.kill();
      await other.stop();
    }
  });
});
