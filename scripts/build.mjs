// Bundles the CLI, the extension (desktop and web), the MCP server and the decision map. unified/remark are ESM-only, so both bundles carry them as CJS.
// `--release` (npm pack's prepack, vsce's vscode:prepublish) writes no source maps: the packages
// ship none, so the bundles must not point at files that are not there.
import { build } from 'esbuild';
import { chmod, mkdir, readdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { buildMcpEntry, buildSidecars, bundlePlugins, webBuild, writeCompressedCopy } from './sidecars.mjs';
import { writeIcon } from './icon.mjs';
import { buildMap } from './map-bundle.mjs';

const watch = process.argv.includes('--watch');
const release = process.argv.includes('--release');
const sourcemap = release ? false : 'linked';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap,
  // Minified: a smaller VSIX and a faster import on activation; the linked source maps keep stacks readable.
  minify: !process.argv.includes('--no-minify'),
  logLevel: 'warning',
  legalComments: 'none',
  // RE2, remark and ajv's compiler stay out of both bundles: files beside them, required on first use.
  plugins: bundlePlugins,
};

await mkdir('dist', { recursive: true });
// Maps of an earlier development build would otherwise sit beside bundles that no longer name them.
if (release) await Promise.all((await readdir('dist').catch(() => [])).filter((name) => name.endsWith('.map')).map((name) => rm(path.join('dist', name))));

await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({
    ...common,
    entryPoints: { extension: 'src/vscode/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
  }),
  // The web worker host's entry (package.json "browser": vscode.dev, github.dev): one file, no Node.
  build({ ...webBuild, sourcemap, minify: common.minify, outfile: 'dist/web/extension.js' }),
  buildMap('dist', { minify: common.minify }).then(() => writeCompressedCopy('dist/map.js')),
  // The GitHub Action's entry (action.yml): it runs dist/cli.js beside it.
  build({
    ...common,
    entryPoints: { action: 'action/main.ts' },
    outdir: 'dist',
  }),
  buildSidecars('dist', { minify: common.minify, sourcemap: common.minify && sourcemap }),
  // The VSIX's MCP server: the server alone, without the CLI's other commands (see buildMcpEntry).
  buildMcpEntry('dist', { minify: common.minify }),
  // The Marketplace's icon (package.json "icon"), drawn from the activity-bar glyph.
  writeIcon('media/legible.svg', 'dist/icon.png'),
]);
await chmod('dist/cli.js', 0o755);
if (watch) console.log('watch is not supported; run npm run build again');
