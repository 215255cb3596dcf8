/**
 * Issue 12, item 1: a crafted repository must not make Legible read or write anything outside it.
 * One test per attack the issue lists, each on a repository built at run time beside a decoy
 * folder (hostile-repo.ts): the CLI runs with a time limit, nothing in the decoy may change, and
 * nothing of it may be printed. Symbolic links inside the repository keep working (the last test).
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, readlink, symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { buildCli, cleanupTemps, git, TODAY } from '../cli/cli-process';
import { hostileRepo, type HostileRepo } from './hostile-repo';

const DECISIONS = 'docs/decisions';

/** A clean ADR on TODAY, with extra frontmatter lines. */
function adr(title: string, extra: readonly string[] = []): string {
  return [
    '---',
    'type: adr',
    `title: ${title}`,
    'status: accepted',
    'date: 2026-03-02',
    'owners: [amira]',
    'reversibility: {door: two-way}',
    'risk: {level: low}',
    'business-tradeoff: {reduces-risk: a, preserves-option: b, accepts-cost: c, eases-later: d, protects-outcome: e}',
    'knowledge-exit-path:',
    '  holders: [amira]',
    '  successors: [bo]',
    '  mechanisms: [runbook]',
    ...extra,
    '---',
    '',
    `# ${title}`,
    '',
    '## Context',
    '',
    'C.',
    '',
    '## Decision',
    '',
    'D.',
    '',
    '## Consequences',
    '',
    'C.',
    '',
  ].join('\n');
}

/** A repository with one clean record and a `.legible.json` (so it is the root), plus what the attack needs. */
async function repository(files: Readonly<Record<string, string>> = {}): Promise<HostileRepo> {
  const hostile = await hostileRepo();
  await hostile.write({ '.legible.json': '{}', [`${DECISIONS}/0001-inside.md`]: adr('Inside'), ...files });
  return hostile;
}

/** Makes a symbolic link in the repository (target as written: relative to the link's folder, or absolute). */
async function link(hostile: HostileRepo, at: string, target: string): Promise<void> {
  await mkdir(path.dirname(path.join(hostile.repo, at)), { recursive: true });
  await symlink(target, path.join(hostile.repo, at));
}

/** Runs the CLI and checks the two things every attack must leave true: no leak, no change outside. */
async function run(hostile: HostileRepo, args: readonly string[], env?: Readonly<Record<string, string | undefined>>) {
  const result = await hostile.run([...args], { env });
  hostile.assertNoLeak(result.stdout + result.stderr);
  await hostile.assertDecoyUntouched();
  return result;
}

interface JsonFile {
  readonly path: string;
  readonly findings: ReadonlyArray<{ ruleId: string; message: string }>;
}

/** The findings of `lint --format json`, as `rule path` lines (paths relative to the repository). */
function findingsOf(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonFile[]).flatMap((file) => file.findings.map((f) => `${f.ruleId} ${file.path}`)).sort();
}

function messagesOf(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonFile[]).flatMap((file) => file.findings.map((f) => f.message));
}

describe('hostile repositories: nothing read or written outside (issue 12)', function () {
  this.timeout(120_000);
  before(buildCli);
  after(cleanupTemps);

  describe('writes outside the repository', () => {
    it('index through a README.md that links outside: refused with a message naming it, the target untouched', async () => {
      const hostile = await repository();
      await link(hostile, `${DECISIONS}/README.md`, '../../../decoy/README.md');
      const result = await run(hostile, ['index']);
      assert.equal(result.code, 2);
      assert.equal(
        result.stderr,
        'legible: error: docs/decisions/README.md leads outside the repository through a symbolic link, so Legible does not read or write it. Should it be a file in the repository? Replace the link, or write the table elsewhere. (--output names another file.)\n',
      );
      assert.equal(await readlink(path.join(hostile.repo, DECISIONS, 'README.md')), '../../../decoy/README.md', 'the link is left as it was');
    });

    it('new through a decisions folder that links outside: refused, no record created there', async () => {
      const hostile = await repository();
      await link(hostile, 'docs/adr', '../../decoy/decisions');
      for (const args of [
        ['new', 'adr', 'Through the link', '--owner', 'mallory', '--today', TODAY, '--folder', 'docs/adr'],
        ['new', 'adr', 'Through the link', '--owner', 'mallory', '--today', TODAY, '--folder', 'docs/adr/sub'],
      ]) {
        const result = await run(hostile, args);
        assert.equal(result.code, 2, result.stderr);
        assert.match(result.stderr, /^legible: docs\/adr is a symbolic link that leads outside the repository, so no record is created/m);
        assert.equal(result.stdout, '');
      }
      // Found by discovery rather than named: the folder is not used, and says why.
      await link(hostile, 'adr', '../decoy/decisions');
      const listed = await run(hostile, ['list']);
      assert.match(listed.stderr, /^legible: warning: adr is a symbolic link that leads outside the repository: the decisions folders through it are not read\.$/m);
    });

    it('new into a configured folder under a parent that links outside: refused, no folder or record made there', async () => {
      const hostile = await repository({ '.legible.json': JSON.stringify({ folders: ['records/adr'] }), 'templates/adr.md': '---\ntype: adr\ntitle: {{title}}\n---\n# Attacker template\n' });
      await link(hostile, 'records', '../decoy');
      const result = await run(hostile, ['new', 'adr', 'Into the configured folder', '--owner', 'mallory', '--today', TODAY]);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /^legible: warning: records is a symbolic link that leads outside the repository/m);
      assert.match(result.stderr, /^legible: records is a symbolic link that leads outside the repository, so no record is created in records\/adr\. Should records\/adr be a folder in the repository\?$/m);
    });

    it('new with a template that links outside: the built-in template is used, nothing of the target is read into the record', async () => {
      const hostile = await repository({ '.legible.json': JSON.stringify({ folders: [DECISIONS], templates: { adr: 'templates/adr.md' } }) });
      await link(hostile, 'templates/adr.md', '../../decoy/secret.md');
      const result = await run(hostile, ['new', 'adr', 'In the house style', '--owner', 'amira', '--today', TODAY]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, 'legible: warning: the adr template templates/adr.md is ignored: it lies outside the workspace; using the built-in template.\n');
      const created = await readFile(path.join(hostile.repo, result.stdout.trim()), 'utf8');
      hostile.assertNoLeak(created);
      assert.match(created, /^---\ntype: adr\ntitle: In the house style\n/);
    });

    it('lint --cache beside a .legible-cache and a node_modules/.cache that link outside: neither is written through', async () => {
      const hostile = await repository();
      await link(hostile, '.legible-cache', '../decoy/secret.md');
      await link(hostile, 'node_modules/.cache', '../../decoy');
      git(hostile.repo, 'init', '--quiet');
      for (let i = 0; i < 2; i++) {
        const result = await run(hostile, ['lint', '--cache', '--today', TODAY]);
        assert.equal(result.code, 0, result.stderr);
      }
      // A location the repository's own links would lead out of is refused, not followed.
      const named = await run(hostile, ['lint', '--cache', '--cache-location', 'node_modules/.cache/legible/', '--today', TODAY]);
      assert.equal(named.code, 0);
      assert.equal(named.stderr, 'legible: warning: --cache is not used: node_modules/.cache is a symbolic link that leads outside the repository; name another place with --cache-location.\n');
      // The cache file named as .legible-cache (a link): replaced by the cache, never written through.
      const file = await run(hostile, ['lint', '--cache', '--cache-location', '.legible-cache', '--today', TODAY]);
      assert.equal(file.code, 0, file.stderr);
      assert.ok((await lstat(path.join(hostile.repo, '.legible-cache'))).isFile());
    });

    it('lint --cache where links are planted under its cache file\'s name and names like its temporary files: none is read or written through', async () => {
      const hostile = await repository();
      // No git: the cache goes to the user's cache folder, which this CI job keeps in the checkout.
      const cacheHome = path.join(hostile.repo, '.cache');
      const folder = path.join(cacheHome, 'legible');
      const name = `lint-cache-${createHash('sha256').update(hostile.repo).digest('hex').slice(0, 16)}.json`;
      const planted = [name, `${name}.tmp`, `${name}.${process.pid}.tmp`, `.${name}.legible-000000000000.tmp`, '.legible-cache.tmp'];
      for (const plant of planted) await link(hostile, path.relative(hostile.repo, path.join(folder, plant)), path.relative(folder, path.join(hostile.decoy, 'secret.md')));
      for (let i = 0; i < 2; i++) {
        const result = await run(hostile, ['lint', '--cache', '--today', TODAY], { XDG_CACHE_HOME: cacheHome });
        assert.equal(result.code, 0, result.stderr);
      }
      assert.ok((await lstat(path.join(folder, name))).isFile(), 'the cache replaced the link at its name (so the name was the one planted)');
      for (const plant of planted.slice(1)) assert.ok((await lstat(path.join(folder, plant))).isSymbolicLink(), `${plant} left alone`);
      assert.deepEqual((await readdir(folder)).filter((entry) => !planted.includes(entry)), [], 'no temporary file left behind');
    });
  });

  describe('rewrites outside the repository', () => {
    it('migrate and lint --fix on a record named behind a folder link out: neither reads nor rewrites it', async () => {
      const hostile = await repository();
      await link(hostile, `${DECISIONS}/imported`, '../../../decoy');
      const migrated = await run(hostile, ['migrate', `${DECISIONS}/imported/secret.md`]);
      assert.equal(migrated.code, 1, migrated.stderr);
      assert.match(migrated.stdout, /^not migrated {2}docs\/decisions\/imported\/secret\.md\n {2}↳ This file is reached through a symbolic link that leads outside the repository/);
      const fixed = await run(hostile, ['lint', '--fix', '--format', 'json', '--today', TODAY, `${DECISIONS}/imported/secret.md`]);
      assert.deepEqual(findingsOf(fixed.stdout), [`file-readable ${DECISIONS}/imported/secret.md`]);
      assert.match(messagesOf(fixed.stdout)[0], /^This file is reached through a symbolic link that leads outside the repository/);
    });
  });

  describe('reads outside the repository', () => {
    it('a record that links outside: list prints nothing of it, lint reports the link, index writes nothing of it', async () => {
      const hostile = await repository();
      await link(hostile, `${DECISIONS}/0002-secret.md`, '../../../decoy/secret.md');
      await link(hostile, `${DECISIONS}/0003-imported.md`, path.join(hostile.decoy, 'decisions', '0001-outside.md'));
      await link(hostile, `${DECISIONS}/imported`, '../../../decoy/decisions');
      const listed = await run(hostile, ['list', '--json']);
      assert.equal(listed.code, 0, listed.stderr);
      assert.deepEqual((JSON.parse(listed.stdout) as Array<{ title: string }>).map((r) => r.title), ['Inside']);
      const linted = await run(hostile, ['lint', '--format', 'json', '--today', TODAY]);
      assert.deepEqual(findingsOf(linted.stdout), [
        `link-outside-repository ${DECISIONS}/0002-secret.md`,
        `link-outside-repository ${DECISIONS}/0003-imported.md`,
        `link-outside-repository ${DECISIONS}/imported`,
      ]);
      const indexed = await run(hostile, ['index']);
      assert.equal(indexed.code, 0, indexed.stderr);
      const readme = await readFile(path.join(hostile.repo, DECISIONS, 'README.md'), 'utf8');
      hostile.assertNoLeak(readme);
      assert.match(readme, /\| Inside \|/);
      assert.doesNotMatch(readme, /0002|0003/);
    });

    it('a record named by a link that leads nowhere (a loop, a missing target): one file-readable, walked or named; a link out named: its warning alone, as walked', async () => {
      const hostile = await repository();
      await link(hostile, `${DECISIONS}/0002-loop.md`, '0002-loop.md');
      await link(hostile, `${DECISIONS}/0003-gone.md`, 'missing.md');
      await link(hostile, `${DECISIONS}/0004-secret.md`, '../../../decoy/secret.md');
      const walked = await run(hostile, ['lint', '--format', 'json', '--today', TODAY]);
      assert.equal(walked.code, 1, walked.stderr);
      assert.deepEqual(findingsOf(walked.stdout), [`file-readable ${DECISIONS}/0002-loop.md`, `file-readable ${DECISIONS}/0003-gone.md`, `link-outside-repository ${DECISIONS}/0004-secret.md`]);
      const broken = 'This file is a symbolic link that leads nowhere: its target is missing, or the link loops back on itself, so there is no record to read. Which record should it point at, or is it left over?';
      assert.deepEqual(messagesOf(walked.stdout).slice(0, 2), [broken, broken]);
      for (const name of ['0002-loop.md', '0003-gone.md', '0004-secret.md']) {
        const named = await run(hostile, ['lint', '--format', 'json', '--today', TODAY, `${DECISIONS}/${name}`]);
        const expected = findingsOf(walked.stdout).filter((finding) => finding.endsWith(name));
        assert.deepEqual(findingsOf(named.stdout), expected, name);
        assert.equal(named.code, name === '0004-secret.md' ? 0 : 1, named.stderr);
      }
    });

    it('a link to / in a decisions folder: the walk does not leave the repository, and ends at once', async () => {
      const hostile = await repository();
      await link(hostile, `${DECISIONS}/machine`, '/');
      await link(hostile, `${DECISIONS}/up`, '../../..');
      const listed = await run(hostile, ['list', '--json']);
      assert.equal(listed.code, 0, listed.stderr);
      assert.deepEqual((JSON.parse(listed.stdout) as Array<{ path: string }>).map((r) => path.basename(r.path)), ['0001-inside.md']);
      const linted = await run(hostile, ['lint', '--format', 'json', '--today', TODAY]);
      assert.deepEqual(findingsOf(linted.stdout), [`link-outside-repository ${DECISIONS}/machine`, `link-outside-repository ${DECISIONS}/up`]);
    });

    it('a schema extension that links to /dev/zero, or names a path outside: lint --cache ends at once and reads neither', async () => {
      const hostile = await repository({ '.legible.json': JSON.stringify({ schemaExtensions: { adr: 'schemas/adr.json', rfc: '../decoy/secret.md' } }) });
      await link(hostile, 'schemas/adr.json', '/dev/zero');
      git(hostile.repo, 'init', '--quiet');
      const result = await hostile.run(['lint', '--cache', '--today', TODAY], { limitMs: 10_000 });
      hostile.assertNoLeak(result.stdout + result.stderr);
      await hostile.assertDecoyUntouched();
      assert.equal(result.code, 0, result.stderr);
      // The configuration's own schema already refuses a path with `..`; the port would refuse it anyway.
      assert.match(result.stderr, /^legible: warning: \.legible\.json: \/schemaExtensions\/rfc must match pattern /m);
      assert.match(result.stderr, /^legible: warning: \.legible\.json: Schema extension schemas\/adr\.json ignored: it lies outside the workspace$/m);
      assert.match(result.stderr, /^legible: warning: \.legible\.json: Schema extension \.\.\/decoy\/secret\.md ignored: it lies outside the workspace$/m);
    });

    it('artifact links outside: reported as outside, the same whether the file exists there or not', async () => {
      const hostile = await repository();
      const targets = [path.join(hostile.decoy, 'id_rsa'), path.join(hostile.decoy, 'id_ed25519'), '../../../decoy/id_rsa', '../../../decoy/id_ed25519', 'runbooks/id_rsa', 'runbooks/id_ed25519'];
      await hostile.write({ [`${DECISIONS}/0002-artifacts.md`]: adr('Artifacts', ['  artifacts:', ...targets.map((t) => `    - ${t}`)]) });
      await link(hostile, `${DECISIONS}/runbooks`, '../../../decoy');
      const result = await run(hostile, ['lint', '--format', 'json', '--today', TODAY]);
      const record = `${DECISIONS}/0002-artifacts.md`;
      assert.deepEqual(findingsOf(result.stdout), [...targets.map(() => `link-outside-repository ${record}`), `link-outside-repository ${DECISIONS}/runbooks`].sort());
      // id_rsa exists in the decoy, id_ed25519 does not: the messages must not tell them apart.
      const messages = messagesOf(result.stdout).filter((m) => m.includes('artifacts'));
      assert.deepEqual(
        messages.map((m) => m.replace(/id_rsa|id_ed25519/, 'KEY')),
        targets.map((t) => `\`knowledge-exit-path.artifacts\` links ${t.replace(/id_rsa|id_ed25519/, 'KEY')}, which lies outside the repository, so Legible does not check it. Where in the repository does the successor find this artifact?`),
      );
    });
  });

  it('links that stay inside the repository keep working: a linked record, a linked folder, a linked README', async () => {
    const hostile = await repository({ 'shared/adr/0002-shared.md': adr('Shared'), 'shared/0004-single.md': adr('Single'), 'shared/INDEX.md': '# Index\n' });
    await link(hostile, `${DECISIONS}/team`, '../../shared/adr');
    await link(hostile, `${DECISIONS}/0004-linked.md`, path.join(hostile.repo, 'shared', '0004-single.md'));
    await link(hostile, `${DECISIONS}/README.md`, '../../shared/INDEX.md');
    const linted = await run(hostile, ['lint', '--format', 'json', '--today', TODAY]);
    assert.equal(linted.code, 0, linted.stdout);
    const listed = await run(hostile, ['list', '--json']);
    assert.deepEqual((JSON.parse(listed.stdout) as Array<{ title: string }>).map((r) => r.title).sort(), ['Inside', 'Shared', 'Single']);
    const indexed = await run(hostile, ['index']);
    assert.equal(indexed.code, 0, indexed.stderr);
    assert.match(await readFile(path.join(hostile.repo, 'shared', 'INDEX.md'), 'utf8'), /^# Index\n\n<!-- legible:index:start -->/);
    assert.ok((await lstat(path.join(hostile.repo, DECISIONS, 'README.md'))).isSymbolicLink(), 'written through, the link kept');
    const created = await run(hostile, ['new', 'adr', 'In the linked folder', '--owner', 'amira', '--today', TODAY, '--folder', `${DECISIONS}/team`]);
    assert.equal(created.code, 0, created.stderr);
    assert.ok((await lstat(path.join(hostile.repo, 'shared', 'adr', '0003-in-the-linked-folder.md'))).isFile());
  });
});
