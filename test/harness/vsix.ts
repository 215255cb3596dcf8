// `vsce package --no-dependencies`, run in a staged copy of the repo: vsce globs the whole folder
// before applying .vscodeignore, and the repo holds .legible-cache/ (600+ MB) and run folders.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';
import { run } from './proc';
import { step } from './log';

/** Top-level entries never copied into the stage (the lead's .vscodeignore still applies after). */
const NOT_STAGED = new Set(['.git', '.legible-cache', '.vscode-test', 'node_modules', 'out', 'test-artifacts']);

/** Packages dist/ (run `npm run build` first) into `outFile` and returns its path. */
export async function packageExtension(outFile: string): Promise<string> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }
  const done = step('vsce package --no-dependencies');
  const stage = path.join(REPO_ROOT, 'out', 'vsix-stage');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  for (const entry of fs.readdirSync(REPO_ROOT)) {
    if (NOT_STAGED.has(entry) || entry.endsWith('.vsix')) continue;
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(stage, entry), { recursive: true });
  }
  // Lets a `vscode:prepublish` script find the project's tools; vsce skips node_modules itself.
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  // The flags keep vsce from prompting (no stdin in CI) while the manifest has no repository/LICENSE.
  await run(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', outFile], { cwd: stage, quiet: true });
  done(`${path.relative(REPO_ROOT, outFile)} (${Math.round(fs.statSync(outFile).size / 1024)} KiB)`);
  return outFile;
}
