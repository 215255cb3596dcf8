// The seeded repository of issue 15's speed goals: 100,000 tracked files (99,000 code files and
// 1,000 ADRs whose `governs` name parts of them), 5,000 citations of ADR ids in the code, and a
// second commit that changes a few hundred files (for `affected`). Written once under the bench's
// cache folder by `git fast-import` (one stream, no file written by hand) and checked out with
// `git reset --hard`, so it is a real repository for `git ls-files`, `git grep` and `git diff`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BENCH_DIR, DEFAULT_SEED, Random } from './generate-corpus';

export interface CodeRepoInfo {
  readonly root: string;
  readonly seed: number;
  readonly trackedFiles: number;
  readonly codeFiles: number;
  readonly decisions: number;
  readonly citations: number;
  /** The tag of the first commit: `affected --base` compares HEAD (one commit later) with it. */
  readonly base: string;
  /** Files the second commit changes (modified, added, renamed, records edited). */
  readonly changed: number;
  /** Some code files, repository-relative, for the per-file measures (explain, lens). */
  readonly samples: readonly string[];
  readonly reused: boolean;
}

const SERVICES = 50;
const MODULES = 20;
const FILES_PER_MODULE = 99;
const DECISIONS = 1000;
const CITATIONS = 5000;
const EXTENSIONS = ['ts', 'ts', 'ts', 'go', 'py', 'kt'];
const AUTHOR = 'Bench <bench@example.com> 1767225600 +0000';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const servicePath = (s: number) => `services/svc${pad(s, 2)}`;
const modulePath = (s: number, m: number) => `${servicePath(s)}/mod${pad(m, 2)}`;
const fileName = (s: number, m: number, f: number) => `${f % 7 === 0 ? 'handler' : 'file'}${pad(f, 3)}.${EXTENSIONS[(s + m + f) % EXTENSIONS.length]}`;

/** The `governs` of decision `n`: mostly folders, some with exclusions, some by extension or name anywhere. */
function governsOf(n: number, r: Random): string[] {
  const s = r.int(0, SERVICES - 1);
  const m = r.int(0, MODULES - 1);
  const shape = r.weighted({ module: 40, folder: 20, service: 10, excluded: 15, file: 8, extension: 4, name: 2, anywhere: 1 });
  switch (shape) {
    case 'module':
      return [`${modulePath(s, m)}/**`];
    case 'folder':
      return [`${modulePath(s, m)}/`, `${modulePath(s, (m + 1) % MODULES)}/*.ts`];
    case 'service':
      return [`${servicePath(s)}/**/*.${r.pick(EXTENSIONS)}`];
    case 'excluded':
      return [`${modulePath(s, m)}/`, `!${modulePath(s, m)}/handler*`];
    case 'file':
      return [`${modulePath(s, m)}/${fileName(s, m, r.int(0, FILES_PER_MODULE - 1))}`];
    case 'extension':
      return [`*.${r.pick(['go', 'py', 'kt'])}`, `!${servicePath(s)}/`];
    case 'name':
      return [`**/mod${pad(m, 2)}/handler0${r.int(0, 9)}*`];
    default:
      return [`**/*${pad(n % 100, 2)}.*`];
  }
}

function record(n: number, r: Random): { path: string; text: string } {
  const status = r.weighted({ accepted: 80, proposed: 10, deprecated: 5, superseded: 5 });
  const holder = r.pick(['amira', 'jonas', 'priya', 'li.wei', 'dana', 'kofi']);
  const governs = governsOf(n, r);
  const text = [
    '---',
    'type: adr',
    `title: Decision ${n} on module boundaries`,
    `status: ${status}`,
    'date: 2024-03-01',
    `owners: [${holder}]`,
    'review-by: 2028-03-01',
    'reversibility:',
    `  door: ${r.pick(['one-way', 'two-way'])}`,
    'risk:',
    `  level: ${r.pick(['low', 'medium', 'high'])}`,
    'business-tradeoff:',
    `  reduces-risk: Outages of module ${n} when its neighbours change.`,
    '  accepts-cost: Two more services to deploy.',
    'knowledge-exit-path:',
    `  holders: [${holder}]`,
    '  successors: [omar]',
    '  mechanisms: [documentation]',
    '  due: 2027-06-30',
    'governs:',
    ...governs.map((glob) => `  - "${glob}"`),
    '---',
    '',
    `# Decision ${n} on module boundaries`,
    '',
    '## Context',
    '',
    `Module ${n} grew without an owner.`,
    '',
    '## Decision',
    '',
    'We split it along its data.',
    '',
    '## Consequences',
    '',
    'Two deploys instead of one.',
    '',
  ].join('\n');
  return { path: `docs/decisions/${pad(n, 4)}-decision-${n}-on-module-boundaries.md`, text };
}

/** A code file's text: one of a few dozen bodies (shared blobs), or a unique one with two citations. */
function codeText(body: number, cites?: readonly number[], variant = 0): string {
  const lines = [`// module body ${body}${variant ? ` v${variant}` : ''}`, 'export function handle(input: Input): Output {', '  const checked = validate(input);', '  return render(checked, { retries: 3 });', '}'];
  if (cites) lines.splice(1, 0, `// Follows ADR-${pad(cites[0], 4)}; see also ADR-${pad(cites[1], 4)} for the retry budget.`);
  return `${lines.join('\n')}\n`;
}

function generatorHash(): string {
  return createHash('sha256').update(fs.readFileSync(__filename)).digest('hex').slice(0, 10);
}

/** Builds the repository for `seed` unless the same one is there; returns where it is. */
export function ensureCodeRepo(seed = DEFAULT_SEED): CodeRepoInfo {
  const name = `code-repo-s${seed}-g${generatorHash()}`;
  const root = path.join(BENCH_DIR, name);
  const manifestPath = path.join(root, '.git', 'bench-manifest.json');
  if (fs.existsSync(manifestPath)) return { ...(JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as CodeRepoInfo), root, reused: true };
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  for (const old of fs.readdirSync(BENCH_DIR)) if (old.startsWith(`code-repo-s${seed}-`) && old !== name) fs.rmSync(path.join(BENCH_DIR, old), { recursive: true, force: true });
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const git = (args: string[], input?: Buffer) => {
    const ran = spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], { cwd: root, input, maxBuffer: 1 << 30 });
    if (ran.status !== 0) throw new Error(`git ${args[0]} failed: ${ran.stderr.toString()}`);
  };
  git(['init', '-q', '-b', 'main']);

  const r = new Random(seed ^ 0xc0de);
  const chunks: Buffer[] = [];
  let mark = 0;
  const blobs = new Map<string, number>();
  const blob = (text: string): number => {
    const known = blobs.get(text);
    if (known) return known;
    const data = Buffer.from(text, 'utf8');
    chunks.push(Buffer.from(`blob\nmark :${++mark}\ndata ${data.length}\n`), data, Buffer.from('\n'));
    blobs.set(text, mark);
    return mark;
  };
  const files = new Map<string, number>();
  // 2,500 code files cite two records each (5,000 citations), a few of them an id no record has.
  const citing = new Set<number>();
  const total = SERVICES * MODULES * FILES_PER_MODULE;
  while (citing.size < CITATIONS / 2) citing.add(r.int(0, total - 1));
  let k = 0;
  const samples: string[] = [];
  for (let s = 0; s < SERVICES; s++) {
    for (let m = 0; m < MODULES; m++) {
      for (let f = 0; f < FILES_PER_MODULE; f++, k++) {
        const file = `${modulePath(s, m)}/${fileName(s, m, f)}`;
        const cites = citing.has(k) ? [r.int(1, DECISIONS + (r.chance(0.02) ? 50 : 0)), r.int(1, DECISIONS)] : undefined;
        files.set(file, blob(codeText(k % 40, cites, cites ? k : 0)));
        if (k % 997 === 0) samples.push(file);
      }
    }
  }
  for (let n = 1; n <= DECISIONS; n++) {
    const rec = record(n, r);
    files.set(rec.path, blob(rec.text));
  }
  files.set('.legible.json', blob(`${JSON.stringify({ folders: ['docs/decisions'] }, null, 2)}\n`));
  const commit = (message: string, entries: Iterable<[string, number | null]>, from?: number) => {
    const lines = [`commit refs/heads/main\nmark :${++mark}\nauthor ${AUTHOR}\ncommitter ${AUTHOR}\ndata ${Buffer.byteLength(message)}\n${message}\n`];
    if (from) lines.push(`from :${from}\n`);
    for (const [file, id] of entries) lines.push(id === null ? `D ${file}\n` : `M 100644 :${id} ${file}\n`);
    chunks.push(Buffer.from(`${lines.join('')}\n`));
    return mark;
  };
  const first = commit('The seeded repository', files);
  chunks.push(Buffer.from(`reset refs/tags/bench-base\nfrom :${first}\n\n`));
  // The change `affected` reports: 300 files edited, 20 added, 20 renamed, 5 records edited.
  const paths = [...files.keys()].filter((file) => file.startsWith('services/'));
  const change: Array<[string, number | null]> = [];
  for (const file of r.some(paths, 340).slice(0, 300)) change.push([file, blob(`${codeText(1, undefined, 1)}// edited ${file}\n`)]);
  for (let i = 0; i < 20; i++) change.push([`${modulePath(i, i)}/added${pad(i, 2)}.ts`, blob(codeText(2, undefined, 100 + i))]);
  for (const file of r.some(paths, 20)) change.push([file, null], [file.replace(/\/([^/]+)$/, '/renamed-$1'), files.get(file)!]);
  for (let n = 1; n <= 5; n++) {
    const rec = record(n * 97, new Random(seed ^ n));
    change.push([rec.path, blob(`${rec.text}\nEdited on the branch.\n`)]);
  }
  commit('A change to measure affected with', change, first);
  git(['fast-import', '--quiet'], Buffer.concat(chunks));
  git(['reset', '--hard', '-q', 'main']);
  // The checkout writes the index in the same seconds as the files: entries git cannot trust by
  // their timestamps ("racily clean") make every diff with the working tree read those files again,
  // until some command rewrites the index. Refreshed once, as a developer's clone is, so that
  // `git diff` and `affected` are measured on the same, settled state each run.
  git(['update-index', '-q', '--really-refresh']);
  const info: CodeRepoInfo = { root, seed, trackedFiles: files.size, codeFiles: total, decisions: DECISIONS, citations: CITATIONS, base: 'bench-base', changed: change.length, samples, reused: false };
  fs.writeFileSync(manifestPath, `${JSON.stringify({ ...info, root: undefined }, null, 2)}\n`);
  return info;
}

if (require.main === module) {
  const started = performance.now();
  const info = ensureCodeRepo(Number(process.argv[2] ?? DEFAULT_SEED));
  console.log(`${info.reused ? 'reused' : 'wrote'} ${info.trackedFiles} tracked files in ${path.relative(process.cwd(), info.root)} (${Math.round(performance.now() - started)} ms)`);
}
