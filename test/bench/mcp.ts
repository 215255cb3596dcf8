// The MCP server's goal (issue 17): `decisions_for_path` ≤ 50 ms at 1,000 records after start,
// measured as an agent meets it: `legible mcp` in a process of its own, asked through the MCP SDK's
// client over stdio, each call timed from request to answer. Registered in run.ts; on its own:
// `npm run build && tsx test/bench/mcp.ts [--size 1000] [--calls 300]`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { BENCH_DIR, BENCH_TODAY, DEFAULT_SEED, ensureCorpus, Random, type CorpusInfo } from './generate-corpus';

/** Folders of code, each governed by about a tenth of a percent of the records. */
const AREAS = 100;
const FILES_PER_AREA = 10;

export interface McpCorpus {
  readonly root: string;
  readonly records: number;
  readonly codeFiles: number;
  /** Paths asked about: tracked code files, files not created yet, and files no decision governs. */
  readonly paths: readonly string[];
}

/**
 * The corpus of run.ts with code beside it: its records (copied, so the other workloads' corpus is
 * untouched), each given `governs` over one or two areas of `services/`, and 1,000 code files
 * citing records by id. Written once per corpus and version of this file.
 */
export function ensureMcpCorpus(corpus: CorpusInfo): McpCorpus {
  const hash = createHash('sha256').update(fs.readFileSync(__filename)).digest('hex').slice(0, 10);
  const root = path.join(BENCH_DIR, `mcp-${path.basename(corpus.root)}-g${hash}`);
  const manifest = path.join(root, 'mcp-manifest.json');
  if (fs.existsSync(manifest)) return { ...(JSON.parse(fs.readFileSync(manifest, 'utf8')) as McpCorpus), root };
  for (const old of fs.readdirSync(BENCH_DIR)) if (old.startsWith(`mcp-${path.basename(corpus.root)}-`)) fs.rmSync(path.join(BENCH_DIR, old), { recursive: true, force: true });
  const r = new Random(corpus.seed ^ 0x3c9);
  const folder = path.join(root, 'docs', 'decisions');
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(path.join(corpus.root, '.legible.json'), path.join(root, '.legible.json'));
  const ids: string[] = [];
  let records = 0;
  for (const name of fs.readdirSync(corpus.folder).sort()) {
    let text = fs.readFileSync(path.join(corpus.folder, name), 'utf8');
    const type = /^type: (adr|rfc|exit-plan)$/m.exec(text)?.[1];
    const number = /^(\d{4})-/.exec(name)?.[1];
    if (type && number) ids.push(`${{ adr: 'ADR', rfc: 'RFC', 'exit-plan': 'EXIT' }[type]}-${number}`);
    if (text.startsWith('---\n')) {
      const areas = [r.int(0, AREAS - 1), ...(r.next() < 0.3 ? [r.int(0, AREAS - 1)] : [])];
      const globs = areas.map((a, i) => (i === 0 ? `services/area-${a}/**` : `services/area-${a}/*.ts`));
      text = `---\ngoverns: [${globs.join(', ')}]\n${text.slice(4)}`;
    }
    fs.writeFileSync(path.join(folder, name), text);
    records++;
  }
  const paths: string[] = [];
  for (let a = 0; a < AREAS; a++) {
    fs.mkdirSync(path.join(root, 'services', `area-${a}`), { recursive: true });
    for (let k = 0; k < FILES_PER_AREA; k++) {
      const file = `services/area-${a}/module-${k}.ts`;
      const cited = [r.pick(ids), r.pick(ids)];
      const lines = Array.from({ length: 60 }, (_, i) => (i % 20 === 3 ? `// Follows ${cited[(i / 20) | 0] ?? cited[0]}: see the record before changing this.` : `export const value${i} = ${i} * 2; // plain code`));
      fs.writeFileSync(path.join(root, file), `${lines.join('\n')}\n`);
      if (k < 2) paths.push(file);
    }
    paths.push(`services/area-${a}/not-yet-written.ts`);
    if (a % 10 === 0) paths.push(`tools/script-${a}.sh`);
  }
  // A repository, as agents work in: `governs` is matched against git's tracked files.
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: '2026-06-01T09:00:00Z', GIT_COMMITTER_DATE: '2026-06-01T09:00:00Z' },
    });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git('commit', '--quiet', '--message', 'Decision records and code');
  const info: McpCorpus = { root, records, codeFiles: AREAS * FILES_PER_AREA, paths };
  fs.writeFileSync(manifest, `${JSON.stringify({ ...info, root: undefined }, null, 2)}\n`);
  return info;
}

export interface McpResult {
  /** Spawn to the first answer (the workspace loaded, linted, the governs index built). */
  readonly startMs: number;
  /** Each `decisions_for_path` call, request to answer, after start. */
  readonly calls: number[];
  readonly records: number;
  readonly codeFiles: number;
}

/** Starts `<cli> mcp` on the corpus and times `decisions_for_path` over its paths, in turn. */
export async function measureMcp(cli: string, corpus: McpCorpus, calls: number): Promise<McpResult> {
  const started = performance.now();
  const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', '--root', corpus.root, '--today', BENCH_TODAY], stderr: 'ignore' });
  const client = new Client({ name: 'legible-bench', version: '1.0.0' });
  await client.connect(transport);
  const ask = async (file: string) => {
    const result = (await client.callTool({ name: 'decisions_for_path', arguments: { path: file } })) as CallToolResult;
    if (result.isError) throw new Error(`decisions_for_path ${file}: ${JSON.stringify(result.content)}`);
    return result;
  };
  try {
    await ask(corpus.paths[0]);
    const startMs = performance.now() - started;
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t = performance.now();
      await ask(corpus.paths[i % corpus.paths.length]);
      times.push(performance.now() - t);
    }
    return { startMs, calls: times, records: corpus.records, codeFiles: corpus.codeFiles };
  } finally {
    await client.close();
  }
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const size = Number(arg('--size') ?? 1000);
  const calls = Number(arg('--calls') ?? 300);
  const cli = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');
  void (async () => {
    const corpus = ensureMcpCorpus(ensureCorpus(size, DEFAULT_SEED));
    for (let rep = 0; rep < 3; rep++) {
      const result = await measureMcp(cli, corpus, calls);
      const sorted = [...result.calls].sort((a, b) => a - b);
      const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)].toFixed(2);
      console.log(`[mcp] ${result.records} records, ${result.codeFiles} code files: start ${result.startMs.toFixed(0)} ms; decisions_for_path ×${calls}: median ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms`);
    }
  })();
}
