// Bundles the CLI and the extension. unified/remark are ESM-only, so both bundles carry them as CJS.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { buildSidecars, bundlePlugins } from './sidecars.mjs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  // Minified: a smaller VSIX and a faster import on activation; the linked source maps keep stacks readable.
  minify: !process.argv.includes('--no-minify'),
  logLevel: 'warning',
  legalComments: 'none',
  // RE2, remark and ajv's compiler stay out of both bundles: files beside them, required on first use.
  plugins: bundlePlugins,
};

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
  buildSidecars('dist', { minify: common.minify }),
]);
await chmod('dist/cli.js', 0o755);
if (watch) console.log('watch is not supported; run npm run build again');
