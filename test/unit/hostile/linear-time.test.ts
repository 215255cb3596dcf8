import { strict as assert } from 'node:assert';
import { buildCli, cleanupTemps, type RunResult } from '../cli/cli-process';
import { cleanAdr } from '../support/workspace';
import { hostileRepo, type HostileRepo } from './hostile-repo';

/**
 * Issue 12, item 2: no input the repository controls costs more than linear time. One crafted
 * repository per attack, each linted by the CLI within the harness's time limit (the attacks took
 * from 12 s to past a minute before), with nothing outside the repository changed or printed.
 */

const D = 'docs/decisions';
const TODAY = ['--today', '2026-11-21'];

/** A Legible ADR with no finding of its own, with `body` below its title. */
function adr(title: string, body: string): string {
  return cleanAdr(title, [], body);
}

interface JsonFile {
  path: string;
  findings: Array<{ ruleId: string; severity: string; message: string; line: number }>;
}

/** Runs `legible lint --format json` and checks what every attack must leave alone; returns the files' findings. */
async function lintJson(hostile: HostileRepo, args: readonly string[] = []): Promise<{ result: RunResult; files: JsonFile[] }> {
  const result = await hostile.run(['lint', '--format', 'json', ...TODAY, ...args]);
  assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr.slice(0, 2000)}`);
  hostile.assertNoLeak(result.stdout + result.stderr);
  await hostile.assertDecoyUntouched();
  return { result, files: JSON.parse(result.stdout) as JsonFile[] };
}

function findingsOf(files: readonly JsonFile[], path: string): JsonFile['findings'] {
  return files.find((file) => file.path === path)?.findings ?? [];
}

describe('hostile repositories: linear time on every input the repository controls (issue 12)', function () {
  this.timeout(120_000);
  before(buildCli);
  after(cleanupTemps);

  it('a legacy record with a 6 KB title line and 6 KB field lines: linted and listed at once', async () => {
    const hostile = await hostileRepo();
    const title = `# ${'**ADR-1** : '.repeat(500)}`;
    await hostile.write({
      [`${D}/0001-long.md`]: `${title}\n\n* Status: ${'accepted '.repeat(700)}\n* Deciders: ${'a, '.repeat(2000)}\n\n## Context\n\n${'x '.repeat(3000)}\n`,
      [`${D}/0002-spaces.md`]: `#${' \t'.repeat(3000)}x\n\nStatus:${' '.repeat(6000)}\u2028\n`,
    });
    const { files } = await lintJson(hostile);
    assert.deepEqual(files.map((file) => file.path).sort(), [`${D}/0001-long.md`, `${D}/0002-spaces.md`]);
    assert.ok(files.every((file) => file.findings.some((f) => f.ruleId === 'frontmatter-missing')));
    const listed = await hostile.run(['list', ...TODAY]);
    assert.equal(listed.code, 0, listed.stderr);
    hostile.assertNoLeak(listed.stdout + listed.stderr);
  });

  it('200 KB heading lines (plain, emphasis, links, escapes): the sections are checked, in linear time', async () => {
    const hostile = await hostileRepo();
    const lines: Record<string, string> = { hashes: '# '.repeat(100_000), emphasis: '*a'.repeat(100_000), links: '[a'.repeat(100_000), escapes: '\\*'.repeat(100_000) };
    const files: Record<string, string> = {};
    Object.entries(lines).forEach(([name, line], i) => {
      files[`${D}/000${i + 1}-${name}.md`] = adr(name, `## ${line}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n`);
    });
    await hostile.write(files);
    const { files: linted } = await lintJson(hostile);
    for (const path of Object.keys(files)) {
      const missing = findingsOf(linted, path).filter((f) => f.ruleId === 'required-sections');
      assert.deepEqual(missing.map((f) => f.message.slice(0, 37)), ['The section "Consequences" is missing'], path);
    }
  });

  it('`a\\n=\\n` 8,000 times, and 5,000 lines of `> - > - a`: one note that the sections were not checked, the frontmatter still is', async () => {
    const hostile = await hostileRepo();
    await hostile.write({
      [`${D}/0001-setext.md`]: adr('Setext', 'a\n=\n'.repeat(8000)),
      [`${D}/0002-nested.md`]: adr('Nested', `${'> - > - a\n'.repeat(5000)}\nb\n=\n`),
      [`${D}/0003-lazy.md`]: adr('Lazy', `${'> a\nb\n'.repeat(5000)}\nc\n-\n`),
    });
    const { files } = await lintJson(hostile);
    for (const path of [`${D}/0001-setext.md`, `${D}/0002-nested.md`, `${D}/0003-lazy.md`]) {
      const notes = findingsOf(files, path);
      assert.deepEqual(
        notes.map((f) => [f.ruleId, f.severity]),
        [['required-sections', 'info']],
        `${path}: ${notes.map((f) => f.message).join(' / ')}`,
      );
      assert.match(notes[0].message, /^The body's lists, quotes and setext headings take as long to parse as one block of \d+ lines .*body rules parse at most 2000, so its sections were not checked\./);
    }
  });

  it('2,000 records sharing a number: one finding per file naming three others, the output bounded (and no crash)', async () => {
    const hostile = await hostileRepo();
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`${D}/0001-record-${i}.md`] = `# Record ${i}\n`;
    await hostile.write(files);
    const { result, files: linted } = await lintJson(hostile);
    assert.ok(result.stdout.length < 8 * 1024 * 1024, `${result.stdout.length} characters of output`);
    const duplicates = linted.flatMap((file) => file.findings.filter((f) => f.ruleId === 'duplicate-id'));
    assert.equal(duplicates.length, 2000);
    assert.ok(duplicates.every((f) => f.message.includes('and 1,996 more')), duplicates[0].message);
    const stylish = await hostile.run(['lint', ...TODAY]);
    assert.ok(stylish.stdout.length < 8 * 1024 * 1024, `${stylish.stdout.length} characters of output`);
    hostile.assertNoLeak(stylish.stdout + stylish.stderr);
  });

  it('an ignore glob of 40 stars, and one of 30 `*a` (exponential on JavaScript\'s engine), on 250-character names: answered at once, and right', async () => {
    const hostile = await hostileRepo();
    const long = 'a'.repeat(240);
    await hostile.write({
      '.legible.json': JSON.stringify({ ignore: [`${'*'.repeat(40)}b.md`, `${'*a'.repeat(30)}c.md`] }),
      [`${D}/0001-${long}.md`]: '# Kept\n',
      [`${D}/0002-${long}b.md`]: '# Ignored by the 40 stars\n',
      [`${D}/0003-${'a'.repeat(30)}c.md`]: '# Ignored by the 30 *a\n',
    });
    const { result, files } = await lintJson(hostile);
    assert.equal(result.stderr, '', 'no configuration problem: both globs run');
    assert.equal(files.length, 1);
    assert.deepEqual(files.map((file) => file.path), [`${D}/0001-${long}.md`]);
  });

  it('32 schema patterns of 500 characters RE2 cannot fit: refused once per run, before the engine, with 300 records linted on workers', async () => {
    const hostile = await hostileRepo();
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 32; i++) properties[`field${i}`] = { type: 'string', pattern: `\\p{L}{1,1000}${i}`.padEnd(500, 'x') };
    const files: Record<string, string> = {
      '.legible.json': JSON.stringify({ schemaExtensions: { adr: 'schemas/adr-extra.json' } }),
      'schemas/adr-extra.json': JSON.stringify({ type: 'object', properties }),
    };
    for (let i = 1; i <= 300; i++) files[`${D}/${String(i).padStart(4, '0')}-r.md`] = adr(`Record ${i}`, '## Context\n\n## Decision\n\n## Consequences\n');
    await hostile.write(files);
    const { result, files: linted } = await lintJson(hostile);
    assert.match(result.stderr, /Schema extension schemas\/adr-extra\.json ignored: "pattern": "\\\\p\{L\}\{1,1000\}0x+" is refused: its repetitions make it too large to run in linear time/);
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
    assert.equal(linted.length, 300);
    assert.deepEqual(linted.flatMap((file) => file.findings), [], 'the shipped schema lints all 300 records: no finding');
  });

  it('limits.maxYamlNodes raised to a billion beside an alias bomb: the ceiling applies, the bomb is refused', async () => {
    const hostile = await hostileRepo();
    let bomb = 'type: adr\nlol0: &lol0 "lol"\n';
    for (let i = 1; i <= 9; i++) bomb += `lol${i}: &lol${i} [${Array(10).fill(`*lol${i - 1}`).join(', ')}]\n`;
    await hostile.write({
      '.legible.json': JSON.stringify({ limits: { maxYamlNodes: 1_000_000_000, maxFrontmatterBytes: 100_000_000 } }),
      [`${D}/0001-bomb.md`]: `---\n${bomb}---\n# Bomb\n`,
    });
    const { result, files } = await lintJson(hostile);
    assert.match(result.stderr, /limits\.maxYamlNodes is above 20000, Legible's own limit, which applies: a repository can lower a limit, never raise it/);
    assert.match(result.stderr, /limits\.maxFrontmatterBytes is above 65536/);
    const malformed = findingsOf(files, `${D}/0001-bomb.md`).filter((f) => f.ruleId === 'frontmatter-malformed');
    assert.equal(malformed.length, 1);
    assert.match(malformed[0].message, /expands to more than 20000 values/);
  });
});
