// The language server's measures (issue 17): `legible lsp --stdio` in a fresh process, spoken to
// through vscode-jsonrpc's client side as an editor would. Start to first diagnostics: from spawn
// to the first publishDiagnostics of the open record, over a corpus folder. Keystrokes, once the
// load's progress has ended (the body rules have gone through every record): from a didChange (one
// character of the frontmatter) to the publishDiagnostics of that version; each edit waits for the
// last one's diagnostics, as typing does.
// Alone: `npm run build && tsx test/bench/language-server.ts [--size 1000] [--runs 5] [--edits 200]`.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { DEFAULT_SEED, ensureCorpus, type CorpusInfo } from './generate-corpus';

export interface LanguageServerResult {
  /** Spawn to the open record's first diagnostics, one per fresh process. */
  readonly startMs: number[];
  /** didChange to publishDiagnostics, every edit of every process. */
  readonly changeMs: number[];
  readonly record: string;
  readonly bytes: number;
  readonly records: number;
}

/** The corpus record whose size is closest to 4 KB. */
function recordNear4k(corpus: CorpusInfo): { file: string; bytes: number } {
  let best = { file: '', bytes: Infinity };
  for (const name of fs.readdirSync(corpus.folder)) {
    const bytes = fs.statSync(path.join(corpus.folder, name)).size;
    if (Math.abs(bytes - 4096) < Math.abs(best.bytes - 4096)) best = { file: path.join(corpus.folder, name), bytes };
  }
  return best;
}

async function oneProcess(cli: string, corpus: CorpusInfo, file: string, edits: number, warmup: number): Promise<{ startMs: number; changeMs: number[] }> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd: corpus.root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(file).href;
  let waiting: { version: number | undefined; resolve: (at: number) => void } | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const at = performance.now();
    if (params.uri === uri && waiting && (waiting.version === undefined || params.version === waiting.version)) {
      const { resolve } = waiting;
      waiting = undefined;
      resolve(at);
    }
  });
  connection.onRequest(() => null);
  // The load's work-done progress ends once the body rules have gone through every record: typing starts then.
  const settled = new Promise<void>((resolve) => connection.onUnhandledProgress((params) => (params.value as { kind?: string }).kind === 'end' && resolve()));
  connection.listen();
  const published = (version: number | undefined) => new Promise<number>((resolve) => (waiting = { version, resolve }));
  const first = published(undefined);
  const root = pathToFileURL(corpus.root).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'corpus' }], capabilities: { window: { workDoneProgress: true } } });
  await connection.sendNotification('initialized', {});
  const text = fs.readFileSync(file, 'utf8');
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const startMs = (await first) - started;
  await settled;
  // One character of the title, typed and typed over: the text keeps its size.
  const line = text.split('\n').findIndex((l) => l.startsWith('title:'));
  const changeMs: number[] = [];
  for (let version = 2; version < 2 + warmup + edits; version++) {
    const change = { range: { start: { line, character: 7 }, end: { line, character: 8 } }, text: version % 2 ? 'Q' : 'q' };
    const done = published(version);
    const sent = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const at = await done;
    if (version >= 2 + warmup) changeMs.push(at - sent);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await new Promise((resolve) => child.once('exit', resolve));
  connection.dispose();
  return { startMs, changeMs };
}

/** `runs` fresh server processes on `corpus`, each opening the record nearest 4 KB and typing `edits` characters. */
export async function measureLanguageServer(cli: string, corpus: CorpusInfo, runs: number, edits: number, log: (line: string) => void): Promise<LanguageServerResult> {
  const { file, bytes } = recordNear4k(corpus);
  const result: LanguageServerResult = { startMs: [], changeMs: [], record: path.basename(file), bytes, records: corpus.files };
  for (let run = 0; run < runs; run++) {
    const r = await oneProcess(cli, corpus, file, edits, 10);
    result.startMs.push(r.startMs);
    result.changeMs.push(...r.changeMs);
    log(`  language server run ${run + 1}/${runs}: first diagnostics ${r.startMs.toFixed(0)} ms, didChange → publishDiagnostics p90 ${quantile(r.changeMs, 0.9).toFixed(2)} ms`);
  }
  return result;
}

export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The goals of issue 17 for the language server: [goal, measured, target, value]. */
export function languageServerGoals(r: LanguageServerResult): Array<{ goal: string; value: number; target: number; shown: string }> {
  const p90Change = quantile(r.changeMs, 0.9);
  const medianStart = quantile(r.startMs, 0.5);
  return [
    { goal: 'language server: didChange → publishDiagnostics, 4 KB record, p90 ≤ 5 ms', value: p90Change, target: 5, shown: `${p90Change.toFixed(2)} ms (median ${quantile(r.changeMs, 0.5).toFixed(2)} ms, ${r.changeMs.length} edits)` },
    { goal: 'language server: start to first diagnostics ≤ 300 ms', value: medianStart, target: 300, shown: `${medianStart.toFixed(0)} ms median (p90 ${quantile(r.startMs, 0.9).toFixed(0)} ms, ${r.records.toLocaleString('en-US')} records)` },
  ];
}

if (require.main === module) {
  const value = (name: string, fallback: string) => {
    const i = process.argv.indexOf(name);
    return Number(i === -1 ? fallback : process.argv[i + 1]);
  };
  const cli = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
  if (!fs.existsSync(cli) || !fs.existsSync(path.join(path.dirname(cli), 'languageserver.js.br'))) throw new Error('dist/cli.js or dist/languageserver.js.br is missing: run `npm run build`');
  const corpus = ensureCorpus(value('--size', '1000'), DEFAULT_SEED);
  measureLanguageServer(cli, corpus, value('--runs', '5'), value('--edits', '200'), console.log).then((r) => {
    console.log(`${r.record}: ${(r.bytes / 1024).toFixed(1)} KB, ${r.records} records`);
    for (const g of languageServerGoals(r)) console.log(`${g.value <= g.target ? '✔' : '✖'} ${g.goal}: ${g.shown}`);
  });
}
