import { strict as assert } from 'node:assert';
import { mkdir, readdir, symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { parse } from 'yaml';
import { RECORD_TYPES } from '../../../src/core/schema/schema-registry';
import { buildCli, cleanupTemps, copyExamples, DECISIONS, exists, readFile, runCli, snapshot, tempDir, TODAY, writeFile } from './cli-process';

/** The frontmatter of a record, as YAML reads it. */
function frontmatter(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(match, `no frontmatter in:\n${text.slice(0, 200)}`);
  return parse(match[1]) as Record<string, unknown>;
}

/** Runs `legible new` and returns the created file (absolute) after checking it is the only change. */
async function create(root: string, args: readonly string[], env?: Record<string, string | undefined>): Promise<{ file: string; text: string; stdout: string }> {
  const before = await snapshot(root);
  const result = await runCli(['new', '--today', TODAY, ...args], { cwd: root, env });
  assert.equal(result.code, 0, result.stderr);
  const file = path.resolve(root, result.stdout.trim());
  const after = await snapshot(root);
  const added = [...after.keys()].filter((key) => !before.has(key));
  assert.deepEqual(added, [path.relative(root, file).split(path.sep).join('/')], 'exactly one file added, and it is the one printed');
  for (const [key, bytes] of before) assert.equal(after.get(key), bytes, `${key} unchanged`);
  return { file, text: await readFile(file, 'utf8'), stdout: result.stdout };
}

describe('legible new (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  for (const type of RECORD_TYPES) {
    it(`creates a ${type} under the next number, from the built-in template, and prints its path`, async () => {
      const root = await copyExamples();
      const { file, text, stdout } = await create(root, [type, 'Adopt a second region', '--owner', 'dana']);
      assert.equal(stdout, `docs/decisions/0015-adopt-a-second-region.md\n`);
      assert.equal(path.dirname(file), path.join(root, DECISIONS));
      const data = frontmatter(text);
      assert.equal(data.type, type);
      assert.equal(data.title, 'Adopt a second region');
      assert.equal(data.date, TODAY);
      assert.deepEqual(data.owners, ['dana']);
      assert.match(text, /\n# Adopt a second region\n/);
      // The new record is a draft: it may hold placeholders, but nothing malformed.
      const lint = JSON.parse((await runCli(['lint', file, '--format', 'json', '--today', TODAY], { cwd: root })).stdout) as Array<{ findings: Array<{ ruleId: string }> }>;
      const rules = new Set(lint[0].findings.map((f) => f.ruleId));
      assert.ok(!rules.has('frontmatter-malformed') && !rules.has('frontmatter-missing'), [...rules].join(', '));
      assert.ok(rules.has('placeholder'), 'the unfilled fields are flagged as placeholders');
      // Every field the schema requires is there (as a question); the recommended ones are left to completion.
      assert.ok(!rules.has('frontmatter-schema'), [...rules].join(', '));
      assert.ok(!('review-by' in data), 'review-by is not in the template');
    });
  }

  const hostile: Array<[string, string, RegExp]> = [
    ['a path', '../../etc/passwd', /^0015-etc-passwd\.md$/],
    ['YAML syntax', 'Fix #42: yes', /^0015-fix-42-yes\.md$/],
    ['a number', '0007', /^0015-0007\.md$/],
    ['300 characters', `${'Decide '.repeat(42)}it`.padEnd(300, '!'), /^0015-[a-z0-9-]{1,60}\.md$/],
    ['only emoji', '🚀🔥', /^0015-[a-z0-9-]+\.md$/],
    ['quotes and a leading dash', `- "quoted" 'single' & *star* {braces} [list] |pipe`, /^0015-[a-z0-9-]+\.md$/],
  ];
  for (const [what, title, name] of hostile) {
    it(`keeps a title with ${what} exact, in a safe file name inside the folder`, async () => {
      const root = await copyExamples();
      // `--` ends the options, so a title may start with a dash.
      const { file, text } = await create(root, ['--owner', 'dana', 'adr', '--', title]);
      assert.equal(path.dirname(file), path.join(root, DECISIONS));
      assert.match(path.basename(file), name);
      assert.equal(frontmatter(text).title, title);
      assert.ok(text.includes(`\n# ${title}\n`), 'the heading repeats the title');
    });
  }

  it('rejects an empty or blank title, and an unknown type, with exit 2 and no file', async () => {
    const root = await copyExamples();
    const before = await snapshot(root);
    for (const args of [['adr', ''], ['adr', '   '], ['adr'], ['memo', 'A title'], []]) {
      const result = await runCli(['new', ...args], { cwd: root });
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /^legible: .+\n$/);
    }
    assert.deepEqual(await snapshot(root), before);
  });

  it('skips a number another creation holds, and never overwrites a record with the same title', async () => {
    const root = await copyExamples();
    const folder = path.join(root, DECISIONS);
    // A creation in progress elsewhere holds 0015.
    await writeFile(path.join(folder, '.legible-reserve-0015'), String(Date.now()));
    const first = await create(root, ['adr', 'Same title', '--owner', 'dana']);
    assert.equal(path.basename(first.file), '0016-same-title.md');
    const second = await create(root, ['adr', 'Same title', '--owner', 'dana']);
    assert.equal(path.basename(second.file), '0017-same-title.md');
    assert.equal(await readFile(first.file, 'utf8'), first.text);
  });

  it('gives 8 racing creations 8 distinct numbers and overwrites nothing', async () => {
    const root = await copyExamples();
    const folder = path.join(root, DECISIONS);
    const before = await snapshot(root);
    const titles = Array.from({ length: 8 }, (_, i) => `Race ${i + 1}`);
    const results = await Promise.all(titles.map((title) => runCli(['new', 'adr', title, '--owner', 'dana', '--today', TODAY], { cwd: root })));
    for (const result of results) assert.equal(result.code, 0, result.stderr);
    const printed = results.map((r) => r.stdout.trim());
    const numbers = printed.map((p) => Number(/(\d{4})-race-\d\.md$/.exec(p)?.[1]));
    assert.deepEqual([...numbers].sort((a, b) => a - b), [15, 16, 17, 18, 19, 20, 21, 22]);
    for (const [i, printedPath] of printed.entries()) assert.equal(frontmatter(await readFile(path.join(root, printedPath), 'utf8')).title, titles[i]);
    const after = await snapshot(root);
    for (const [key, bytes] of before) assert.equal(after.get(key), bytes, `${key} unchanged`);
    assert.equal(after.size, before.size + 8);
    assert.deepEqual((await readdir(folder)).filter((name) => name.startsWith('.legible-reserve')), [], 'no reservation left behind');
  });

  it('takes the owner from git config user.name, else leaves the owner placeholder', async () => {
    const root = await copyExamples();
    const home = await tempDir();
    const gitconfig = path.join(home, '.gitconfig');
    await writeFile(gitconfig, '[user]\n\tname = Grace Hopper\n');
    const fromGit = await create(root, ['rfc', 'From git'], { GIT_CONFIG_GLOBAL: gitconfig });
    assert.deepEqual(frontmatter(fromGit.text).owners, ['Grace Hopper']);
    // No git at all on the PATH: the placeholder stays, and nothing fails.
    const noGit = await create(root, ['rfc', 'Without git'], { PATH: home });
    const owners = frontmatter(noGit.text).owners as string[];
    assert.equal(owners.length, 1);
    assert.match(owners[0], /^<.+>$/);
  });

  it('uses --folder, creating it when missing, and else docs/decisions in a workspace without one', async () => {
    const root = await copyExamples();
    const made = await create(root, ['adr', 'Elsewhere', '--owner', 'dana', '--folder', 'docs/rfcs']);
    assert.equal(path.relative(root, made.file), path.join('docs', 'rfcs', '0001-elsewhere.md'));

    const empty = await tempDir();
    await mkdir(path.join(empty, '.git'));
    const result = await runCli(['new', 'exit-plan', 'First one', '--owner', 'dana', '--today', TODAY], { cwd: empty });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'docs/decisions/0001-first-one.md\n');
    assert.equal(result.stderr, 'legible: created the folder docs/decisions\n');
    assert.equal(frontmatter(await readFile(path.join(empty, 'docs', 'decisions', '0001-first-one.md'), 'utf8')).type, 'exit-plan');
  });

  it('uses the repository template named in .legible.json', async () => {
    const root = await copyExamples();
    await mkdir(path.join(root, 'templates'));
    await writeFile(path.join(root, 'templates', 'adr.md'), '---\ntype: {{type}}\ntitle: {{title}}\nstatus: proposed\ndate: {{date}}\nowners: [{{owner}}]\n---\n\n# ADR-{{id}}\n\nHouse style.\n');
    await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: ['docs/decisions'], templates: { adr: 'templates/adr.md' } }));
    const { text } = await create(root, ['adr', 'Fix #42: yes', '--owner', 'dana']);
    assert.equal(text, `---\ntype: adr\ntitle: "Fix #42: yes"\nstatus: proposed\ndate: ${TODAY}\nowners: [dana]\n---\n\n# ADR-0015\n\nHouse style.\n`);
    assert.equal(frontmatter(text).title, 'Fix #42: yes');
  });

  it('falls back to the built-in template, with a warning, when the configured one is missing', async () => {
    const root = await copyExamples();
    await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: ['docs/decisions'], templates: { rfc: 'templates/missing.md' } }));
    const result = await runCli(['new', 'rfc', 'Fallback', '--owner', 'dana', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 0);
    assert.equal(result.stderr, 'legible: warning: the rfc template templates/missing.md is ignored: no such file; using the built-in template.\n');
    assert.equal(frontmatter(await readFile(path.join(root, result.stdout.trim()), 'utf8')).type, 'rfc');
  });

  it('refuses a --folder that is a file', async () => {
    const root = await copyExamples();
    const result = await runCli(['new', 'adr', 'Nope', '--folder', '.legible.json'], { cwd: root });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'legible: .legible.json is not a folder\n');
  });

  it('follows a decisions folder that is a symbolic link', async () => {
    const root = await copyExamples();
    await symlink(path.join(root, DECISIONS), path.join(root, 'linked'));
    const result = await runCli(['new', 'adr', 'Through a link', '--owner', 'dana', '--folder', 'linked', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'linked/0015-through-a-link.md\n');
    assert.ok(await exists(path.join(root, DECISIONS, '0015-through-a-link.md')));
  });
});
