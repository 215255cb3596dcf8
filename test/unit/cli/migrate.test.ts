import { strict as assert } from 'node:assert';
import { cp, mkdir, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import { runMigrate } from '../../../src/cli/commands/migrate';
import type { CliContext } from '../../../src/cli/context';
import { readRecord, replaceRecord, type RecordIo } from '../../../src/node/record-file';
import { findFrontmatter } from '../../../src/core/parse/frontmatter-fence';
import { REAL_WORLD_FOLDERS } from '../support/real-world';
import { buildCli, cleanupTemps, readFile, REAL_WORLD, runCli, snapshot, tempDir, TODAY, writeFile } from './cli-process';
import { scriptedRepository } from '../evidence/history-repo';

interface ListEntry {
  path: string;
  /** The id as the file name writes it: what a record without a title is titled. */
  fileId: string;
  title: string;
  status?: string;
  date?: string;
}

interface JsonFile {
  path: string;
  findings: Array<{ ruleId: string }>;
}

const PLACEHOLDER = /^<.*>$/;

/** A temp workspace holding a copy of one corpus folder, named as in the corpus. */
async function copyCorpus(corpus: string): Promise<string> {
  const root = await tempDir('legible-migrate-');
  await cp(path.join(REAL_WORLD, corpus), path.join(root, corpus), { recursive: true });
  return root;
}

async function listJson(root: string, folder: string): Promise<ListEntry[]> {
  const result = await runCli(['list', folder, '--json', '--today', TODAY], { cwd: root });
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as ListEntry[];
}

/**
 * The migrated file is the original with frontmatter added: a file without a block gets a new one
 * first (after its BOM) and every original byte after it; a file with a block keeps every line of
 * that block, in order (a status written the old way becomes the type's word, the old words kept in
 * a comment), and everything before and after the block byte for byte. A block after a licence
 * comment is moved to the top (after the BOM), the same way: the rest, the comment first, is the
 * original without the block, byte for byte.
 */
function assertOnlyAdded(name: string, before: Buffer, after: Buffer): void {
  const original = before.toString('utf8');
  const migrated = after.toString('utf8');
  const commented = blockAfterComments(original);
  const fenced = findFrontmatter(original);
  const block = commented ?? fenced;
  const newBlock = findFrontmatter(migrated);
  assert.equal(newBlock.kind, 'closed', `${name}: the migrated file has a frontmatter block`);
  if (newBlock.kind !== 'closed') return;
  if (block.kind !== 'closed') {
    const bom = original.startsWith('\uFEFF') ? 3 : 0;
    assert.ok(after.subarray(after.length - (before.length - bom)).equals(before.subarray(bom)), `${name}: every byte after the new frontmatter is the original's`);
    assert.equal(Buffer.byteLength(migrated.slice(0, newBlock.bodyStart)), after.length - (before.length - bom), `${name}: what precedes the original is the new block`);
    assert.ok(after.subarray(0, bom).equals(before.subarray(0, bom)), `${name}: the BOM stays first`);
    return;
  }
  if (commented) {
    const bom = original.startsWith('\uFEFF') ? 1 : 0;
    assert.equal(migrated.slice(0, newBlock.open.start), original.slice(0, bom), `${name}: the block is first, after the BOM`);
    assert.ok(Buffer.from(migrated.slice(newBlock.bodyStart)).equals(Buffer.from(original.slice(bom, block.open.start) + original.slice(block.bodyStart))), `${name}: the comment and the body follow the block byte for byte`);
  } else if (fenced.kind === 'closed') {
    assert.equal(migrated.slice(0, newBlock.open.start), original.slice(0, fenced.open.start), `${name}: what precedes the block is kept`);
    assert.ok(Buffer.from(migrated.slice(newBlock.close.start)).equals(Buffer.from(original.slice(fenced.close.start))), `${name}: the closing fence and the body are kept byte for byte`);
  }
  const oldLines = original.slice(block.content.start, block.content.end).split(/\r\n|\r|\n/);
  const newLines = migrated.slice(newBlock.content.start, newBlock.content.end).split(/\r\n|\r|\n/);
  let at = 0;
  for (const line of oldLines) {
    const status = /^status:\s*(.*)$/.exec(line);
    const found = newLines.findIndex((candidate, i) => i >= at && (candidate === line || (status !== null && new RegExp(`^status: [a-z-]+ # was: ${escape(status[1].trim())}$`).test(candidate))));
    assert.ok(found >= 0, `${name}: the block's line ${JSON.stringify(line)} is kept, in order`);
    at = found + 1;
  }
}

/** A `---` block after leading HTML comments (an SPDX header), by this test's own reading of the corpus. */
function blockAfterComments(text: string): { kind: 'closed'; open: { start: number }; content: { start: number; end: number }; bodyStart: number } | undefined {
  const match = /^(\uFEFF?(?:\s*<!--[^]*?-->)+[ \t]*\r?\n\s*)(---\r?\n)([^]*?\r?\n)---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  const open = match[1].length;
  const content = open + match[2].length;
  return { kind: 'closed', open: { start: open }, content: { start: content, end: content + match[3].length }, bodyStart: match[0].length };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('legible migrate (process)', function () {
  this.timeout(120_000);
  before(buildCli);
  after(cleanupTemps);

  for (const corpus of REAL_WORLD_FOLDERS) {
    it(`${corpus}: migrates every record byte for byte; list shows the same; lint finds no frontmatter-missing`, async () => {
      const root = await copyCorpus(corpus);
      const before = await snapshot(root);
      const listed = await listJson(root, corpus);
      assert.ok(listed.length > 5, `${corpus} holds records`);

      const result = await runCli(['migrate', corpus], { cwd: root });
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.equal(result.stderr, '');
      const names = result.stdout.split('\n').filter((line) => line.startsWith('migrated  ')).map((line) => line.slice('migrated  '.length));
      assert.deepEqual(names.sort(), listed.map((entry) => entry.path).sort(), 'every record is migrated and named');
      assert.ok(result.stdout.endsWith(`${listed.length} records migrated.\n`), result.stdout);

      const after = await snapshot(root);
      for (const [file, bytes] of before) {
        const now = Buffer.from(after.get(file)!, 'base64');
        if (names.includes(file)) assertOnlyAdded(file, Buffer.from(bytes, 'base64'), now);
        else assert.equal(after.get(file), bytes, `${file} is not a record and is left alone`);
      }
      assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'no file added or removed (no temporary file left)');

      // The same titles, statuses and dates; where the record had none, the placeholder that asks for it.
      const relisted = new Map((await listJson(root, corpus)).map((entry) => [entry.path, entry]));
      for (const entry of listed) {
        const now = relisted.get(entry.path)!;
        assert.ok(now.title === entry.title || (entry.title === entry.fileId && PLACEHOLDER.test(now.title)), `${entry.path}: title ${JSON.stringify(entry.title)} → ${JSON.stringify(now.title)}`);
        for (const key of ['status', 'date'] as const) {
          assert.ok(now[key] === entry[key] || (entry[key] === undefined && PLACEHOLDER.test(now[key] ?? '')), `${entry.path}: ${key} ${JSON.stringify(entry[key])} → ${JSON.stringify(now[key])}`);
        }
      }

      const lint = await runCli(['lint', corpus, '--format', 'json', '--today', TODAY], { cwd: root });
      const files = JSON.parse(lint.stdout) as JsonFile[];
      assert.equal(files.length, listed.length);
      assert.deepEqual(files.flatMap((file) => file.findings.filter((f) => f.ruleId === 'frontmatter-missing').map(() => file.path)), []);

      const again = await runCli(['migrate', corpus], { cwd: root });
      assert.equal(again.code, 0, again.stderr);
      assert.equal(again.stdout, `0 records migrated, ${listed.length} already Legible.\n`, 'a second run changes nothing');
      assert.deepEqual(await snapshot(root), after);
    });
  }

  it('--dry-run writes nothing and prints a unified diff that migrate would apply, the report on stderr', async () => {
    const root = await copyCorpus('jabref');
    const before = await snapshot(root);
    const dry = await runCli(['migrate', 'jabref', '--dry-run'], { cwd: root });
    assert.equal(dry.code, 0, dry.stderr);
    assert.deepEqual(await snapshot(root), before, 'nothing written');
    assert.match(dry.stdout, /^--- a\/jabref\/0000-[^\n]+\n\+\+\+ b\/jabref\/0000-[^\n]+\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    assert.match(dry.stderr, /^would migrate {2}jabref\/0000-/);
    assert.ok(dry.stderr.endsWith('70 records would be migrated; nothing written.\n'), dry.stderr);

    const patches = parsePatch(dry.stdout);
    assert.equal(patches.length, 70);
    const run = await runCli(['migrate', 'jabref'], { cwd: root });
    assert.equal(run.code, 0, run.stderr);
    for (const patch of patches) {
      const file = patch.oldFileName!.replace(/^a\//, '');
      assert.equal(applyPatch(Buffer.from(before.get(file)!, 'base64').toString('utf8'), patch), await readFile(path.join(root, file), 'utf8'), `${file}: the diff is what migrate writes`);
    }
  });

  it('in a git repository, a record that names no date gets the day git first recorded it (renames followed), with a note; its own date, or none for a file never committed, as before', async () => {
    const adr = (title: string, extra = '') => `# ${title}\n\n${extra}## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nC.\n`;
    const amira = { name: 'Amira', email: 'amira@example.com' };
    const root = await scriptedRepository([
      { ...amira, date: '2021-03-04T23:30:00+05:00', files: { 'doc/adr/0001-use-postgres.md': adr('Use Postgres') } },
      {
        ...amira,
        date: '2022-05-06T10:00:00Z',
        files: { 'docs/decisions/0001-use-postgres.md': { from: 'doc/adr/0001-use-postgres.md' }, 'docs/decisions/0002-use-kafka.md': adr('Use Kafka'), 'docs/decisions/0003-dated.md': adr('Dated', 'Date: 2020-01-02\n\n') },
      },
    ]);
    await writeFile(path.join(root, 'docs', 'decisions', '0004-not-committed.md'), adr('Not committed'));
    const result = await runCli(['migrate', 'docs/decisions'], { cwd: root });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const dates = new Map((await listJson(root, 'docs/decisions')).map((entry) => [entry.path, entry.date]));
    // The author's own day (23:30 at +05:00), and the day of the first add, not of the move.
    assert.equal(dates.get('docs/decisions/0001-use-postgres.md'), '2021-03-04');
    assert.equal(dates.get('docs/decisions/0002-use-kafka.md'), '2022-05-06');
    assert.equal(dates.get('docs/decisions/0003-dated.md'), '2020-01-02');
    assert.match(await readFile(path.join(root, 'docs', 'decisions', '0004-not-committed.md'), 'utf8'), /^date: <When was this record written\? \(YYYY-MM-DD\)>$/m);
    const notes = result.stdout.split('\n').filter((line) => line.includes('the day git first recorded this file'));
    assert.equal(notes.length, 2, result.stdout);
    assert.match(notes[0], /`date` is 2021-03-04, the day git first recorded this file: the record names no date of its own\. Was it decided then\? When/);
  });

  it('leaves a file it cannot parse untouched, names it with why, migrates the rest and exits 1', async () => {
    const root = await tempDir('legible-migrate-');
    const folder = path.join(root, 'docs', 'decisions');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, '0001-good.md'), '# Good\n\n- Status: accepted\n');
    const broken = '---\nstatus: [accepted\n---\n# Broken\n';
    await writeFile(path.join(folder, '0002-broken.md'), broken);
    await writeFile(path.join(folder, '0003-binary.md'), Buffer.from([0x23, 0x20, 0, 1, 2]));
    const result = await runCli(['migrate'], { cwd: root });
    assert.equal(result.code, 1, result.stderr);
    assert.equal(
      result.stdout,
      [
        'migrated  docs/decisions/0001-good.md',
        'not migrated  docs/decisions/0002-broken.md',
        '  ↳ The frontmatter is not valid YAML (line 2: Flow sequence in block collection must be sufficiently indented and end with a ]): fix it, then migrate again.',
        'not migrated  docs/decisions/0003-binary.md',
        '  ↳ This file contains NUL bytes: it looks binary, not like a Markdown decision record.',
        '1 record migrated, 2 not migrated.',
        '',
      ].join('\n'),
    );
    assert.equal(await readFile(path.join(folder, '0002-broken.md'), 'utf8'), broken);
    assert.deepEqual(await readFile(path.join(folder, '0003-binary.md')), Buffer.from([0x23, 0x20, 0, 1, 2]));
  });

  it('handles 10,000 header-bullet lines, a 1 MB bullet value and a name like 0001-.md, with notes and no crash', async () => {
    const root = await tempDir('legible-migrate-');
    const folder = path.join(root, 'docs', 'decisions');
    await mkdir(folder, { recursive: true });
    const files: Record<string, string> = {
      '0001-.md': '# Empty slug\n\nStatus: accepted\n',
      '0002-many-bullets.md': `# Many bullets\n\n- Status: accepted\n${Array.from({ length: 10_000 }, (_, i) => `- Tags: t${i}\n`).join('')}\n## Context\n\nWhy.\n`,
      '0003-huge-value.md': `# Huge\n\n- Status: accepted\n- Deciders: ${'x'.repeat(1 << 20)}\n\nBody.\n`,
    };
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
    const result = await runCli(['migrate'], { cwd: root });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(
      result.stdout,
      [
        'migrated  docs/decisions/0001-.md',
        'migrated  docs/decisions/0002-many-bullets.md',
        'migrated  docs/decisions/0003-huge-value.md',
        '3 records migrated.',
        '',
      ].join('\n'),
    );
    for (const [name, text] of Object.entries(files)) assertOnlyAdded(name, Buffer.from(text), await readFile(path.join(folder, name)));
    const lint = await runCli(['lint', '--format', 'json', '--today', TODAY], { cwd: root });
    const findings = (JSON.parse(lint.stdout) as JsonFile[]).flatMap((file) => file.findings.map((f) => f.ruleId));
    assert.ok(!findings.includes('frontmatter-missing'), findings.join(', '));
  });

  it('explains itself in --help and refuses a path that does not exist', async () => {
    const root = await tempDir('legible-migrate-');
    const help = await runCli(['migrate', '--help'], { cwd: root });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: legible migrate \[paths…\] \[--dry-run\]\n/);
    assert.match(help.stdout, /--dry-run +Print the change as a unified diff/);
    assert.match(help.stdout, /\n {2}1 {2}some file was not migrated/);
    const missing = await runCli(['migrate', 'nowhere'], { cwd: root });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'legible: no such file or folder: nowhere\n');
  });
});

/** The command in this process, with a RecordIo that steps in between read and write. */
describe('legible migrate (in process)', () => {
  after(cleanupTemps);

  function context(cwd: string): CliContext & { stdout: string; stderr: string } {
    const captured = {
      cwd,
      env: {},
      color: false,
      stdout: '',
      stderr: '',
      out: (text: string) => void (captured.stdout += text),
      err: (text: string) => void (captured.stderr += text),
      warn: (message: string) => void (captured.stderr += `legible: warning: ${message}\n`),
      note: (message: string) => void (captured.stderr += `legible: ${message}\n`),
    };
    return captured;
  }

  async function workspace(): Promise<{ root: string; folder: string }> {
    const root = await tempDir('legible-migrate-');
    const folder = path.join(root, 'docs', 'decisions');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, '0001-a.md'), '# A\n\n- Status: accepted\n');
    await writeFile(path.join(folder, '0002-b.md'), '# B\n\n- Status: proposed\n');
    return { root, folder };
  }

  it('skips a file changed between read and write, keeps the other change, and exits 1', async () => {
    const { root, folder } = await workspace();
    const io: RecordIo = {
      read: readRecord,
      replace: (snapshot, text) => replaceRecord(snapshot, text, { beforeCheck: () => (snapshot.path.endsWith('0002-b.md') ? writeFile(snapshot.path, '# B, edited meanwhile\n') : undefined) }),
    };
    const ctx = context(root);
    assert.equal(await runMigrate([], { dryRun: false }, ctx, io), 1);
    assert.equal(
      ctx.stdout,
      [
        'migrated  docs/decisions/0001-a.md',
        'not migrated  docs/decisions/0002-b.md',
        '  ↳ It changed on disk while Legible was migrating it, so nothing was written. Run legible migrate again once the other change is saved.',
        '1 record migrated, 1 not migrated.',
        '',
      ].join('\n'),
    );
    assert.equal(await readFile(path.join(folder, '0002-b.md'), 'utf8'), '# B, edited meanwhile\n');
    assert.ok((await readFile(path.join(folder, '0001-a.md'), 'utf8')).startsWith('---\ntype: adr\ntitle: A\nstatus: accepted\n'));
    assert.deepEqual((await readdir(folder)).sort(), ['0001-a.md', '0002-b.md'], 'no temporary file left');
  });

  it('reports a file Legible fails on and goes on with the others', async () => {
    const { root, folder } = await workspace();
    const io: RecordIo = {
      read: async (file, limits) => {
        const read = await readRecord(file, limits);
        if (!file.endsWith('0001-a.md')) return read;
        return Object.defineProperty({ ...read }, 'text', {
          get() {
            throw new Error('an internal failure');
          },
        });
      },
      replace: (snapshot, text) => replaceRecord(snapshot, text),
    };
    const ctx = context(root);
    assert.equal(await runMigrate([], { dryRun: false }, ctx, io), 1);
    assert.match(ctx.stdout, /^not migrated {2}docs\/decisions\/0001-a\.md\n {2}↳ Legible failed on this file \(an internal failure\), so it is left as it was\. Please report it, with the file if you can\.\nmigrated {2}docs\/decisions\/0002-b\.md\n/);
    assert.equal(await readFile(path.join(folder, '0001-a.md'), 'utf8'), '# A\n\n- Status: accepted\n');
  });
});
