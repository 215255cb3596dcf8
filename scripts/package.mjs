// The two packages of a release, made as a new user's clean clone would make them: the npm tarball
// (`npm pack`: prepack builds dist/) and the VSIX (`vsce package`: vscode:prepublish builds it).
// Shared by scripts/release.mjs, the test harness (test/harness/vsix.ts) and the shipping tests
// (test/unit/shipping/), so what the tests check is what a release ships.
import { spawn, execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, stat, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The issues' budgets: what `npm install legible` unpacks (≤ 1.5 MB) and the VSIX the Marketplace
 * serves (≤ 1 MB), in decimal megabytes (10^6 bytes), as the bench (test/bench/run.ts) measures
 * them: one definition for the release script, the shipping tests and the bench.
 */
export const BUDGETS = { npmUnpackedBytes: 1_500_000, vsixBytes: 1_000_000 };

/** A size in decimal megabytes, as the budgets are written: 1.5 MB, 0.9 MB. */
export function megabytes(bytes) {
  return `${Number((bytes / 1e6).toFixed(3))} MB`;
}

/** Top-level entries of a work tree never staged: local caches, build output, run folders. */
const NOT_STAGED = new Set(['.git', '.legible-cache', '.vscode-test', 'node_modules', 'out', 'test-artifacts', 'dist']);

/**
 * Copies the repository into `stage` as a clone would have it, without dist/, and links the
 * project's node_modules (the build tools; neither package takes anything from it).
 * `from: 'head'` takes the committed tree (a release ships only what is committed); `'worktree'`
 * the files git tracks or would track, edited or not (for the tests, while work is uncommitted).
 */
export async function stageClone(stage, { from = 'worktree' } = {}) {
  await rm(stage, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });
  if (from === 'head') {
    const archive = execFileSync('git', ['archive', '--format=tar', 'HEAD'], { cwd: REPO, maxBuffer: 256 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', stage], { input: archive });
  } else {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const files = listed.split('\0').filter((file) => file && !NOT_STAGED.has(file.split('/')[0]));
    // A file deleted but not yet staged is still listed: copy what exists.
    await Promise.all(files.map((file) => cp(path.join(REPO, file), path.join(stage, file), { force: true, errorOnExist: false }).catch((error) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)))));
  }
  await symlink(path.join(REPO, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  return stage;
}

/**
 * The environment for npm in the stage: without the variables of an `npm run` that started us
 * (npm_config_local_prefix, npm_package_*, INIT_CWD…), which would point it back at this project.
 */
function stageEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_(package|lifecycle)_|npm_config_local_prefix$|INIT_CWD$|npm_command$)/.test(key)));
}

/**
 * Runs `npm pack` in `cwd` (its prepack builds dist/) into `outDir`, as pre-commit does to install
 * the hook: stdout must be the tarball's name alone (pre-commit reads it so). Returns the tarball's
 * path and what it holds: every file with its size, the packed and the unpacked size.
 */
export async function packNpm({ cwd, outDir, env = stageEnv() }) {
  await mkdir(outDir, { recursive: true });
  const { stdout, log } = await run('npm', ['pack', '--pack-destination', outDir], { cwd, env });
  const name = stdout.trim();
  if (!/^[\w.@-]+\.tgz$/.test(name)) throw new Error(`npm pack printed more than the tarball's name on stdout, which pre-commit reads as the name:\n${stdout}`);
  const file = path.join(outDir, name);
  const unpacked = await mkdtemp(path.join(outDir, 'unpacked-'));
  try {
    execFileSync('tar', ['-xzf', file, '-C', unpacked]);
    const root = path.join(unpacked, 'package');
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const files = await Promise.all(
      entries.filter((entry) => entry.isFile()).map(async (entry) => {
        const full = path.join(entry.parentPath, entry.name);
        return { path: path.relative(root, full).split(path.sep).join('/'), size: (await stat(full)).size };
      }),
    );
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { file, size: (await stat(file)).size, unpackedSize: files.reduce((sum, entry) => sum + entry.size, 0), files, log };
  } finally {
    await rm(unpacked, { recursive: true, force: true });
  }
}

/**
 * Runs `vsce package` in `cwd` (its vscode:prepublish builds dist/, unless the caller removed it)
 * into `outFile`. `baseImagesUrl` is where the README's relative images are served from (vsce's
 * default: the repository's default branch). Returns the VSIX's path and vsce's output.
 */
export async function packVsix({ cwd, outFile, env = stageEnv(), baseImagesUrl }) {
  await mkdir(path.dirname(outFile), { recursive: true });
  const vsce = createRequire(path.join(REPO, 'package.json')).resolve('@vscode/vsce/vsce');
  // --no-dependencies: the bundles carry everything; vsce would otherwise list node_modules.
  const args = [vsce, 'package', '--no-dependencies', '--out', outFile, ...(baseImagesUrl ? ['--baseImagesUrl', baseImagesUrl] : [])];
  const { stdout, log } = await run(process.execPath, args, { cwd, env });
  return { file: outFile, log: `${stdout}${log}` };
}

/** A process's stdout and, separately, everything it printed; rejects with both when it fails. */
function run(command, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let log = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve({ stdout, log });
      reject(new Error(`${command} ${args.join(' ')} in ${cwd} failed (${signal ?? `exit ${code}`}):\n${`${stdout}${log}`.split('\n').slice(-40).join('\n')}`));
    });
  });
}
