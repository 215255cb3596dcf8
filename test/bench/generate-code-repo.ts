// The seeded repository of issue 15's speed goals: 100,000 tracked files (99,000 code files and
// 1,000 ADRs whose `governs` name parts of them), 5,000 citations of ADR ids in the code, and a
// second commit that changes a few hundred files (for `affected`). Written once under the bench's
// cache folder by `git fast-import` (one stream, no file written by hand) and checked out with
// `git reset --hard`, so it is a real repository for `git ls-files`, `git grep` and `git diff`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BENCH_DIR, BENCH_TODAY, DEFAULT_SEED, Random } from './generate-corpus';

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

// ---------------------------------------------------------------------------------------------
// The same trees through an ordinary history. The repository above adds its 100,000 files in one
// commit, over `evidence.maxFilesPerCommit`, so the history reader skips it and knows only the
// few hundred files of the second commit: `affected`'s evidence phase is then nearly free. In a
// real repository the files arrived in ordinary commits and the history knows every one of them;
// this second repository is that case, with the same `bench-base` tree and the same change after it.

export interface HistoryRepoInfo extends CodeRepoInfo {
  /** The code repository's folder name, whose objects this one borrows (its alternates). */
  readonly codeRepo: string;
  readonly commits: number;
  readonly addCommits: number;
  readonly editCommits: number;
  /** The largest commit before the change, in files: under `evidence.maxFilesPerCommit` (1,000). */
  readonly largestCommit: number;
  readonly authors: readonly string[];
  /** The first and last commit's day (YYYY-MM-DD), inside the evidence window before BENCH_TODAY. */
  readonly firstDay: string;
  readonly lastDay: string;
}

// Six people: five of the six holders the ADRs name, and omar, every ADR's successor. kofi, the
// sixth holder, has no commit: a holder who has left, as real repositories have.
const HISTORY_AUTHORS: ReadonlyArray<{ readonly name: string; readonly email: string; readonly weight: number }> = [
  { name: 'Amira Haddad', email: 'amira@example.com', weight: 25 },
  { name: 'Jonas Weber', email: 'jonas@example.com', weight: 20 },
  { name: 'Priya Raman', email: 'priya@example.com', weight: 20 },
  { name: 'Li Wei', email: 'li.wei@example.com', weight: 15 },
  { name: 'Dana Okafor', email: 'dana@example.com', weight: 12 },
  { name: 'Omar Farouk', email: 'omar@example.com', weight: 8 },
];
/** Under the default `evidence.maxFilesPerCommit` (1,000), so every commit is attributed. */
const MAX_ADDED_PER_COMMIT = 500;
const EDIT_COMMITS = 300;
const DAY = 86_400;
// Every commit inside 180 days before BENCH_TODAY: inside the default evidence window (12
// months) and inside `inactiveDays` (180), so every author counts as active. Fixed offsets from
// BENCH_TODAY, not the clock: `--today BENCH_TODAY` then judges the same history every run.
const ADDS_FROM_DAY = -178;
const ADDS_TO_DAY = -130;
const EDITS_TO_DAY = -2;

function gitIn(root: string) {
  return (args: string[], input?: Buffer): Buffer => {
    const ran = spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], { cwd: root, input, maxBuffer: 1 << 30 });
    if (ran.status !== 0) throw new Error(`git ${args[0]} failed: ${ran.stderr.toString()}`);
    return ran.stdout;
  };
}

/** `git ls-tree -r` of `rev`: each path's blob id (every file of the code repository is 100644). */
function treeOf(git: (args: string[]) => Buffer, rev: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of git(['ls-tree', '-r', '-z', '--full-tree', rev]).toString('utf8').split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode, type, id] = entry.slice(0, tab).split(' ');
    if (mode !== '100644' || type !== 'blob') throw new Error(`unexpected tree entry ${entry}`);
    files.set(entry.slice(tab + 1), id);
  }
  return files;
}

/** The texts of blobs `ids`, by one `git cat-file --batch`. */
function blobTexts(git: (args: string[], input?: Buffer) => Buffer, ids: Iterable<string>): Map<string, string> {
  const wanted = [...new Set(ids)];
  const out = git(['cat-file', '--batch'], Buffer.from(wanted.map((id) => `${id}\n`).join('')));
  const texts = new Map<string, string>();
  let at = 0;
  for (const id of wanted) {
    const eol = out.indexOf(10, at);
    const size = Number(out.subarray(at, eol).toString('latin1').split(' ')[2]);
    texts.set(id, out.subarray(eol + 1, eol + 1 + size).toString('utf8'));
    at = eol + 1 + size + 1;
  }
  return texts;
}

/** An earlier state of a file whose last state is `text`: the same text and one line of work in progress. */
function draftOf(file: string, text: string, n: number, who: string): string {
  const note = `work in progress ${n} (${who})`;
  if (file.endsWith('.md')) return `${text}\n${note}\n`;
  return `${text}${file.endsWith('.py') ? '#' : '//'} ${note}\n`;
}

const dayOf = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * Builds the history repository for `seed` (and the code repository it borrows from) unless the
 * same one is there. Its history, all of it inside the evidence window: the 100,000 files added in
 * commits of at most 500 files, then 300 edits of 10 to 30 files each by six authors, each file
 * ending on the code repository's blob, then the tag `bench-base` (the code repository's
 * `bench-base` tree), then one commit whose tree is the code repository's HEAD tree.
 */
export function ensureHistoryRepo(seed = DEFAULT_SEED): HistoryRepoInfo {
  const code = ensureCodeRepo(seed);
  // The blobs are the code repository's, read through `.git/objects/info/alternates` rather than
  // copied: nothing to write but commits, trees and the drafts, so generation takes seconds and
  // no second copy of the code repository's pack. Alternates break if that repository goes, so
  // this folder is named after it: a regenerated code repository (another generator hash) gets
  // a new history repository, and the old one, naming a folder that is gone, is removed below.
  const name = `history-of-${path.basename(code.root)}`;
  const root = path.join(BENCH_DIR, name);
  const manifestPath = path.join(root, '.git', 'bench-manifest.json');
  if (fs.existsSync(manifestPath)) return { ...(JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as HistoryRepoInfo), root, reused: true };
  for (const old of fs.readdirSync(BENCH_DIR)) if (old.startsWith(`history-of-code-repo-s${seed}-`) && old !== name) fs.rmSync(path.join(BENCH_DIR, old), { recursive: true, force: true });
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const git = gitIn(root);
  const codeGit = gitIn(code.root);
  git(['init', '-q', '-b', 'main']);
  fs.writeFileSync(path.join(root, '.git', 'objects', 'info', 'alternates'), `${path.join(code.root, '.git', 'objects')}\n`);
  const base = treeOf(codeGit, `${code.base}^{tree}`);
  const head = treeOf(codeGit, 'HEAD^{tree}');

  const r = new Random(seed ^ 0x4157);
  const pickAuthor = () => HISTORY_AUTHORS[Number(r.weighted(Object.fromEntries(HISTORY_AUTHORS.map((a, i) => [String(i), a.weight]))))];
  // Each service has a home author who adds and mostly edits it: knowledge is concentrated, as
  // in real teams, rather than spread evenly over everyone.
  const home = Array.from({ length: SERVICES }, () => pickAuthor());
  const serviceOf = (file: string) => (file.startsWith('services/svc') ? Number(file.slice(12, 14)) : -1);

  // The adds: units (a module's 99 files, 100 records, the configuration) in path order with the
  // record groups spread among the services, packed into commits of 200 to 500 files.
  const byFolder = new Map<string, string[]>();
  for (const file of base.keys()) {
    const folder = file.startsWith('services/') ? file.slice(0, file.lastIndexOf('/')) : file.startsWith('docs/decisions/') ? `records${file.slice(15, 17)}` : file;
    (byFolder.get(folder) ?? byFolder.set(folder, []).get(folder)!).push(file);
  }
  const records = [...byFolder.entries()].filter(([folder]) => folder.startsWith('records')).map(([, files]) => files);
  const units = [...byFolder.entries()].filter(([folder]) => !folder.startsWith('records')).map(([, files]) => files);
  for (const group of records) units.splice(r.int(1, units.length), 0, group);
  const adds: Array<{ files: string[]; author: (typeof HISTORY_AUTHORS)[number] }> = [];
  for (let i = 0; i < units.length; ) {
    const target = r.int(200, MAX_ADDED_PER_COMMIT);
    const files = [...units[i++]];
    while (i < units.length && files.length + units[i].length <= target) files.push(...units[i++]);
    const service = serviceOf(files[files.length - 1]);
    adds.push({ files, author: service >= 0 && r.chance(0.8) ? home[service] : pickAuthor() });
  }

  // The edits: an author, then 10 to 30 files of one module of a service of theirs (most of the
  // time), of any module, or of the records.
  const modules = [...byFolder.entries()].filter(([folder]) => folder.startsWith('services/')).map(([, files]) => files);
  const edits: Array<{ files: string[]; author: (typeof HISTORY_AUTHORS)[number] }> = [];
  for (let i = 0; i < EDIT_COMMITS; i++) {
    const author = pickAuthor();
    const theirs = modules.filter((files) => home[serviceOf(files[0])] === author);
    const where = r.weighted({ home: 80, anywhere: 10, records: 10 });
    const pool = where === 'records' ? records.flat() : r.pick(where === 'home' && theirs.length ? theirs : modules);
    edits.push({ files: r.some(pool, r.int(10, 30)), author });
  }

  // Each file's touches, in order: every touch but the last writes a draft (the final text and a
  // line of work in progress, different each time), the last writes the code repository's blob.
  const touches = new Map<string, number>();
  for (const edit of edits) for (const file of edit.files) touches.set(file, (touches.get(file) ?? 0) + 1);
  const finals = blobTexts(codeGit, [...touches.keys()].map((file) => base.get(file)!));
  const seen = new Map<string, number>();
  const chunks: Buffer[] = [];
  let mark = 0;
  const blobMarks = new Map<string, number>();
  const blob = (text: string): string => {
    let known = blobMarks.get(text);
    if (!known) {
      const data = Buffer.from(text, 'utf8');
      chunks.push(Buffer.from(`blob\nmark :${++mark}\ndata ${data.length}\n`), data, Buffer.from('\n'));
      blobMarks.set(text, (known = mark));
    }
    return `:${known}`;
  };
  /** The blob a touch of `file` writes (`add`: its first; `who`: the author, named in drafts). */
  const touch = (file: string, who: string): string => {
    const n = seen.get(file) ?? 0;
    seen.set(file, n + 1);
    const remaining = touches.get(file) ?? 0;
    return n === remaining ? base.get(file)! : blob(draftOf(file, finals.get(base.get(file)!)!, n, who));
  };

  const start = Date.parse(`${BENCH_TODAY}T00:00:00Z`) / 1000;
  const timeline = (count: number, fromDay: number, toDay: number) => Array.from({ length: count }, (_, i) => start + Math.floor((fromDay + ((toDay - fromDay) * (i + r.next() * 0.9)) / count) * DAY));
  const times = [...timeline(adds.length, ADDS_FROM_DAY, ADDS_TO_DAY), ...timeline(edits.length, ADDS_TO_DAY, EDITS_TO_DAY)];
  let parent = 0;
  const commit = (message: string, author: (typeof HISTORY_AUTHORS)[number], when: number, entries: Iterable<[string, string | null]>) => {
    const who = `${author.name} <${author.email}> ${when} +0000`;
    const lines = [`commit refs/heads/main\nmark :${++mark}\nauthor ${who}\ncommitter ${who}\ndata ${Buffer.byteLength(message)}\n${message}\n`];
    if (parent) lines.push(`from :${parent}\n`);
    for (const [file, id] of entries) lines.push(id === null ? `D ${file}\n` : `M 100644 ${id} ${file}\n`);
    chunks.push(Buffer.from(`${lines.join('')}\n`));
    parent = mark;
  };
  let when = 0;
  for (const add of adds) {
    const first = add.files[0].startsWith('services/') ? add.files[0].slice(0, add.files[0].lastIndexOf('/')) : add.files[0];
    commit(`Add ${first} and ${add.files.length - 1} more files`, add.author, times[when++], add.files.map((file) => [file, touch(file, add.author.email)]));
  }
  for (const edit of edits) {
    const handle = edit.author.email.split('@')[0];
    commit(`Rework ${edit.files[0].slice(0, edit.files[0].lastIndexOf('/'))} (${handle})`, edit.author, times[when++], edit.files.map((file) => [file, touch(file, handle)]));
  }
  chunks.push(Buffer.from(`reset refs/tags/bench-base\nfrom :${parent}\n\n`));
  // The change `affected` reports, the same as the code repository's: its HEAD tree against its
  // `bench-base` tree, written as M and D lines (a rename is a D and an M, as git stores it).
  const change: Array<[string, string | null]> = [];
  for (const [file, id] of head) if (base.get(file) !== id) change.push([file, id]);
  for (const file of base.keys()) if (!head.has(file)) change.push([file, null]);
  commit('A change to measure affected with', pickAuthor(), start - DAY + 3600 * 10, change);
  git(['fast-import', '--quiet'], Buffer.concat(chunks));
  git(['reset', '--hard', '-q', 'main']);
  // As for the code repository: an index refreshed once, not racily clean (see there).
  git(['update-index', '-q', '--really-refresh']);
  const largestCommit = Math.max(...adds.map((add) => add.files.length), ...edits.map((edit) => edit.files.length));
  const info: HistoryRepoInfo = {
    ...code,
    root,
    codeRepo: path.basename(code.root),
    changed: change.length,
    commits: adds.length + edits.length + 1,
    addCommits: adds.length,
    editCommits: edits.length,
    largestCommit,
    authors: [...new Set([...adds, ...edits].map((c) => c.author.email.split('@')[0]))].sort(),
    firstDay: dayOf(times[0]),
    lastDay: dayOf(start - DAY),
    reused: false,
  };
  fs.writeFileSync(manifestPath, `${JSON.stringify({ ...info, root: undefined }, null, 2)}\n`);
  return info;
}

// Usage: tsx test/bench/generate-code-repo.ts [seed] [--history] (the history repository too).
if (require.main === module) {
  const seed = Number(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? DEFAULT_SEED);
  let started = performance.now();
  const info = ensureCodeRepo(seed);
  console.log(`${info.reused ? 'reused' : 'wrote'} ${info.trackedFiles} tracked files in ${path.relative(process.cwd(), info.root)} (${Math.round(performance.now() - started)} ms)`);
  if (process.argv.includes('--history')) {
    started = performance.now();
    const history = ensureHistoryRepo(seed);
    console.log(`${history.reused ? 'reused' : 'wrote'} ${history.commits} commits by ${history.authors.length} authors (${history.firstDay} to ${history.lastDay}) in ${path.relative(process.cwd(), history.root)} (${Math.round(performance.now() - started)} ms)`);
  }
}
