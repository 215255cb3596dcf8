// The pre-commit hook (.pre-commit-hooks.yaml) as pre-commit runs it. pre-commit's node language
// installs a hook's repository as `npm pack` (its stdout read as the tarball's name) and then
// `npm install -g <that name>` into an environment of its own; then it runs `entry` with the
// staged files that match `files`. The staged records are linted with their folder in the index;
// a record not staged, broken or not, is not reported.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { USUAL_FOLDERS } from '../../../src/core/workspace/discover-folders';
import { git, gitRepository } from '../cli/cli-process';
import { capture, type Captured } from '../../harness/proc';
import { baseEnv } from '../cli/cli-process';
import { npmEnv, packedTarball, REPO } from './packages';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  require_serial?: boolean;
  pass_filenames?: boolean;
}

async function hooks(): Promise<Hook[]> {
  return parse(await readFile(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
}

let hookEnv: Promise<string> | undefined;

/**
 * pre-commit's install of the hook: `npm pack` in the clone (packNpm checks that its stdout is the
 * tarball's name alone, as pre-commit reads it), then `npm install -g` of that tarball.
 */
function installHook(): Promise<string> {
  hookEnv ??= (async () => {
    const { stage, tarball } = await packedTarball();
    const prefix = await mkdtemp(path.join(tmpdir(), 'legible-pre-commit-env-'));
    process.once('exit', () => rmSync(prefix, { recursive: true, force: true }));
    const install = await capture('npm', ['install', '-g', '--no-audit', '--no-fund', '--prefix', prefix, tarball], { cwd: stage, env: await npmEnv() });
    assert.equal(install.code, 0, install.stderr);
    return path.join(prefix, 'bin', 'legible');
  })();
  return hookEnv;
}

/** Runs the hook's entry with `files` in `repo`, as pre-commit does. */
async function runHook(hook: Hook, files: readonly string[], repo: string, extra: readonly string[] = []): Promise<Captured> {
  const [, ...entryArgs] = hook.entry.split(' ');
  return capture(await installHook(), [...entryArgs, ...extra, ...files], { cwd: repo, env: { ...baseEnv(repo), NO_COLOR: '1' } });
}

describe('the pre-commit hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(180_000);

  it('is one node hook, legible-lint, that passes the staged files to legible lint', async () => {
    const [hook, ...others] = await hooks();
    assert.deepEqual(others, []);
    assert.deepEqual([hook.id, hook.language, hook.entry, hook.pass_filenames ?? true, hook.require_serial], ['legible-lint', 'node', 'legible lint', true, true]);
  });

  it("matches Markdown in each of Legible's usual decisions folders, at the root or in a project, and nothing else", async () => {
    const [hook] = await hooks();
    // pre-commit's `files` is a Python regex searched in the path; this one is JavaScript too.
    const files = new RegExp(hook.files);
    for (const folder of USUAL_FOLDERS) {
      assert.match(`${folder}/0001-use-postgresql.md`, files);
      assert.match(`services/payments/${folder}/2024-01-02-use-kafka.md`, files);
      assert.doesNotMatch(`${folder}/diagram.png`, files);
    }
    for (const other of ['README.md', 'docs/guide.md', 'src/decisions.md', 'CHANGELOG.md', 'docs/decisions-old.md']) assert.doesNotMatch(other, files);
  });

  it('installs as pre-commit installs it: npm pack, then npm install -g of the tarball it names', async () => {
    const legible = await installHook();
    const ran = await capture(legible, ['--version']);
    const { version } = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.equal(ran.stdout, `${version}\n`);
  });

  it('fails on a staged record with an error, and reports only the staged records', async () => {
    const repo = await mkdtemp(path.join(tmpdir(), 'legible-hooked-'));
    try {
      // Two good records, committed.
      await cp(path.join(REPO, 'examples', 'workspace', 'docs'), path.join(repo, 'docs'), { recursive: true });
      gitRepository(repo);
      const records = path.join('docs', 'decisions');
      const [first, second] = ['0006-sign-merchant-webhooks-with-hmac-sha256.md', '0007-use-uuids-for-public-payment-identifiers.md'];
      // A broken record staged, another broken one only in the work tree, and a guide that is no record.
      const broken = (text: string) => text.replace(/^status: .*$/m, 'status: shipped');
      await writeFile(path.join(repo, records, first), broken(await readFile(path.join(repo, records, first), 'utf8')));
      await writeFile(path.join(repo, records, second), broken(await readFile(path.join(repo, records, second), 'utf8')));
      await writeFile(path.join(repo, 'docs', 'guide.md'), '# How we write decisions\n');
      git(repo, 'add', path.join(records, first), path.join('docs', 'guide.md'));

      const [hook] = await hooks();
      const staged = git(repo, 'diff', '--cached', '--name-only').split('\n').filter((file) => file && new RegExp(hook.files).test(file));
      assert.deepEqual(staged, [`docs/decisions/${first}`]);
      const ran = await runHook(hook, staged, repo, ['--format', 'json', '--today', '2026-11-21']);
      assert.equal(ran.code, 1, ran.stderr);
      const files = JSON.parse(ran.stdout) as Array<{ path: string; findings: Array<{ ruleId: string; message: string }> }>;
      assert.deepEqual(files.map((file) => file.path), [`docs/decisions/${first}`]);
      assert.ok(files[0].findings.some((finding) => finding.ruleId === 'frontmatter-schema' && finding.message.startsWith('`status`')), ran.stdout);

      // Fixed and staged again: the hook passes, though the unstaged record is still broken.
      git(repo, 'checkout', 'HEAD', '--', path.join(records, first));
      const clean = await runHook(hook, [`docs/decisions/${first}`], repo, ['--today', '2026-11-21']);
      assert.equal(clean.code, 0, clean.stdout);
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});
