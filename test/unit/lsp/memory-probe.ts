// Run by memory.test.ts as `node --expose-gc --import tsx memory-probe.ts`: the language server and
// a client in this one process over in-memory streams, 10,000 edits to a record, the heap measured
// after a full GC at 100 edits and at 10,000. Prints `{"after100":…,"after10000":…}`.
import { PassThrough } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { createConnection, createMessageConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { startServer } from '../../../src/lsp/server';
import { recordsWorkspace, uriOf, cleanupTemps } from '../support/lsp-session';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function heap(): number {
  for (let i = 0; i < 4; i++) gc!();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  const { root, second } = await recordsWorkspace();
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(ProposedFeatures.all, toServer, toClient), { cwd: root, version: 'probe' });
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  let waiting: { version: number; resolve: () => void } | undefined;
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (waiting && params.uri === uri && params.version === waiting.version) waiting.resolve();
  });
  client.onRequest(() => null);
  client.listen();
  const uri = uriOf(second);
  await client.sendRequest('initialize', { processId: null, rootUri: uriOf(root), capabilities: {}, initializationOptions: { debounceMs: 5 } });
  await client.sendNotification('initialized', {});
  const text = await readFile(second, 'utf8');
  const at = text.split('\n').findIndex((line) => line.startsWith('Every public identifier'));
  await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const published = (version: number) => new Promise<void>((resolve) => (waiting = { version, resolve }));
  let version = 1;
  /** `count` edits, each the same size (one letter replaced), waiting for the findings of every 100th. */
  const edit = async (count: number) => {
    for (let i = 0; i < count; i++) {
      version++;
      const change = { range: { start: { line: at, character: 0 }, end: { line: at, character: 1 } }, text: version % 2 ? 'E' : 'e' };
      const done = version % 100 === 1 ? published(version) : undefined;
      void client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await done;
    }
  };
  await edit(100);
  const after100 = heap();
  await edit(9_900);
  const after10000 = heap();
  process.stdout.write(`${JSON.stringify({ after100, after10000 })}\n`);
  await cleanupTemps();
  process.exit(0);
}

void main();
