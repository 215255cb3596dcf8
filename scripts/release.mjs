// `npm run package`: the release's packages, made from the committed tree in a clean stage (as a
// clone would make them), into out/release/:
//   legible-<version>.tgz   the npm package (the CLI): npm publish takes it as it is
//   legible-<version>.vsix  the extension, one file for the Marketplace (vsce) and Open VSX (ovsx)
//   SHA256SUMS, NOTES.md    checksums, and the CHANGELOG section that is the GitHub release's text
// It refuses a version without a CHANGELOG section and packages over their size budgets.
// `--worktree` packages uncommitted edits too (to try a change; never for a release).
// Publishing is .github/workflows/release.yml's job; CONTRIBUTING.md has the checklist.
import { createHash } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { changelogSection } from './changelog.mjs';
import { BUDGETS, megabytes, packNpm, packVsix, REPO, stageClone } from './package.mjs';

const manifest = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8'));
const version = manifest.version;
const notes = changelogSection(await readFile(path.join(REPO, 'CHANGELOG.md'), 'utf8'), version);
if (!notes) fail(`CHANGELOG.md has no "## ${version}" section: what does this release change for its users?`);

const out = path.join(REPO, 'out', 'release');
await rm(out, { recursive: true, force: true });
const stage = await stageClone(path.join(out, 'stage'), { from: process.argv.includes('--worktree') ? 'worktree' : 'head' });
// The README's images as they are at this release's tag, not at whatever the default branch holds later.
const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
const npm = await packNpm({ cwd: stage, outDir: out });
const vsix = await packVsix({ cwd: stage, outFile: path.join(out, `legible-${version}.vsix`), baseImagesUrl: `${repository}/raw/v${version}/` });
if (/\bWARNING\b/.test(vsix.log)) fail(`vsce warned while packaging:\n${vsix.log}`);

const vsixBytes = (await stat(vsix.file)).size;
if (npm.unpackedSize > BUDGETS.npmUnpackedBytes) fail(`the npm package unpacks to ${megabytes(npm.unpackedSize)}, over its ${megabytes(BUDGETS.npmUnpackedBytes)} budget`);
if (vsixBytes > BUDGETS.vsixBytes) fail(`the VSIX is ${megabytes(vsixBytes)}, over its ${megabytes(BUDGETS.vsixBytes)} budget`);

const sums = await Promise.all([npm.file, vsix.file].map(async (file) => `${createHash('sha256').update(await readFile(file)).digest('hex')}  ${path.basename(file)}`));
await writeFile(path.join(out, 'SHA256SUMS'), `${sums.join('\n')}\n`);
await writeFile(path.join(out, 'NOTES.md'), `${notes}\n`);
await rm(stage, { recursive: true, force: true });
console.log(`legible ${version}
  ${path.relative(REPO, npm.file)}  ${megabytes(npm.size)} (${megabytes(npm.unpackedSize)} unpacked, ${npm.files.length} files; budget ${megabytes(BUDGETS.npmUnpackedBytes)})
  ${path.relative(REPO, vsix.file)}  ${megabytes(vsixBytes)} (budget ${megabytes(BUDGETS.vsixBytes)})
  out/release/SHA256SUMS, out/release/NOTES.md`);

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}
