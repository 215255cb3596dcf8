// `vsce package --no-dependencies`, run in a staged copy of the repo: vsce globs the whole folder
// before applying .vscodeignore, and the repo holds .legible-cache/ (600+ MB) and run folders.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packVsix } from '../../scripts/package.mjs';
import { REPO_ROOT } from './paths';
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
  // dist/ is built (npm test and npm start build first): without vscode:prepublish, vsce packages
  // it as it is instead of building it again. A release builds through it (scripts/release.mjs).
  const manifestFile = path.join(stage, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { scripts: Record<string, string> };
  delete manifest.scripts['vscode:prepublish'];
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  await packVsix({ cwd: stage, outFile });
  done(`${path.relative(REPO_ROOT, outFile)} (${Math.round(fs.statSync(outFile).size / 1024)} KiB)`);
  return outFile;
}
