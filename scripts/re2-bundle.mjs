// re2-wasm (the linear-time engine for repository patterns) reads re2.wasm from beside its glue
// (`__dirname`), and 1 MB has no place on the activation path: it becomes a file of its own,
// dist/re2.js beside dist/re2.wasm, which the CLI and the extension require only when a repository
// has a pattern. Shared by scripts/build.mjs and the CLI tests' bundle.
import { build } from 'esbuild';
import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** esbuild plugin: `require('re2-wasm')` in the sources stays a require of ./re2.js, beside the bundle. */
export const re2External = {
  name: 're2-external',
  setup(build) {
    build.onResolve({ filter: /^re2-wasm$/ }, () => ({ path: './re2.js', external: true }));
  },
};

/** Writes re2.js (re2-wasm and its Emscripten glue, bundled) and re2.wasm into `outdir`. */
export async function buildRe2(outdir, { minify = true } = {}) {
  const glue = createRequire(import.meta.url).resolve('re2-wasm');
  await build({
    entryPoints: { re2: glue },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify,
    logLevel: 'warning',
    legalComments: 'none',
  });
  await copyFile(path.join(path.dirname(glue), '..', 'wasm', 're2.wasm'), path.join(outdir, 're2.wasm'));
}
