/**
 * The packages as a release makes them (scripts/package.mjs), made once per mocha process and
 * shared by the shipping tests: a clean clone of the work tree (no dist/), packed by `npm pack`
 * (its prepack builds, once: the Action's tests run that same build's dist/action.js), then
 * packaged by `vsce package` in a second clean clone (its vscode:prepublish builds). The tarball
 * is installed into an empty project with no network and an empty npm cache.
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as yauzl from 'yauzl';
import { packNpm, packVsix, stageClone, type PackedFile } from '../../../scripts/package.mjs';
import { capture, npmChildEnv, type Captured } from '../../harness/proc';

export { BUDGETS, megabytes, REPO } from '../../../scripts/package.mjs';

let root: Promise<string> | undefined;

/** One temp folder for everything below, removed when mocha exits. */
function tempRoot(): Promise<string> {
  root ??= mkdtemp(path.join(tmpdir(), 'legible-shipping-')).then((dir) => {
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  });
  return root;
}

/** npm with none of the calling `npm test`'s lifecycle variables, offline, and an npm cache of its own. */
export async function npmEnv(): Promise<NodeJS.ProcessEnv> {
  return npmChildEnv({ npm_config_cache: path.join(await tempRoot(), 'npm-cache'), npm_config_offline: 'true', npm_config_update_notifier: 'false' });
}

export interface Packed {
  /** The clean clone it was packed in: dist/ is the release build that went into the tarball. */
  readonly stage: string;
  readonly tarball: string;
  readonly unpackedSize: number;
  readonly files: readonly PackedFile[];
  /** Whether the clone had a dist/ before `npm pack` (a clean clone has none). */
  readonly builtBefore: boolean;
}

let packed: Promise<Packed> | undefined;

export function packedTarball(): Promise<Packed> {
  packed ??= (async () => {
    const dir = await tempRoot();
    const stage = await stageClone(path.join(dir, 'npm-stage'));
    const builtBefore = existsSync(path.join(stage, 'dist'));
    const result = await packNpm({ cwd: stage, outDir: path.join(dir, 'npm-out'), env: await npmEnv() });
    return { stage, tarball: result.file, unpackedSize: result.unpackedSize, files: result.files, builtBefore };
  })();
  return packed;
}

export interface Installed {
  /** The empty project the tarball was installed into. */
  readonly project: string;
  /** npm install's own output. */
  readonly install: Captured;
}

let installed: Promise<Installed> | undefined;

/** `npm install --offline <tarball>` into an empty project: a dependency to fetch fails it. */
export function installedProject(): Promise<Installed> {
  installed ??= (async () => {
    const { tarball } = await packedTarball();
    const project = path.join(await tempRoot(), 'project');
    await mkdir(project, { recursive: true });
    await writeFile(path.join(project, 'package.json'), `${JSON.stringify({ name: 'a-team-project', version: '1.0.0', private: true }, null, 2)}\n`);
    const install = await capture('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, env: await npmEnv() });
    if (install.code !== 0) throw new Error(`npm install --offline ${tarball} failed (exit ${install.code}):\n${install.stdout}${install.stderr}`);
    return { project, install };
  })();
  return installed;
}

/** Runs `npx --no-install legible …` in the installed project: the local bin, never a download. */
export async function npxLegible(args: readonly string[], cwd?: string, input?: string): Promise<Captured> {
  const { project } = await installedProject();
  const env = { ...(await npmEnv()), NO_COLOR: '1', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(project, 'no-gitconfig') };
  return capture('npx', ['--no-install', 'legible', ...args], { cwd: cwd ?? project, env, input });
}

export interface Vsix {
  readonly file: string;
  /** Everything vsce printed. */
  readonly log: string;
  /** Each entry of the VSIX (a zip) with its bytes. */
  readonly entries: ReadonlyMap<string, Buffer>;
}

let vsix: Promise<Vsix> | undefined;

export function packagedVsix(): Promise<Vsix> {
  vsix ??= (async () => {
    const dir = await tempRoot();
    const stage = await stageClone(path.join(dir, 'vsix-stage'));
    const result = await packVsix({ cwd: stage, outFile: path.join(dir, 'legible.vsix'), env: await npmEnv() });
    return { file: result.file, log: result.log, entries: await unzip(result.file) };
  })();
  return vsix;
}

/** Every entry of a zip file with its bytes (yauzl, the reader vsce itself uses). */
export async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await promisify<string, yauzl.Options, yauzl.ZipFile>(yauzl.open)(file, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', reject);
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return entries;
}

export async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}
