// Code the activation path never runs stays out of the two bundles, in files of their own beside
// them, required on first use:
// - re2.js + re2.wasm: the linear-time engine for repository patterns. re2-wasm reads re2.wasm
//   from beside its glue (`__dirname`), and 1 MB has no place on the activation path;
// - markdown.js: remark, for body rules that cannot prove a body clean from its headings;
// - schema-compiler.js: ajv's compiler, for a trusted workspace's schema extensions.
// Every file V8 does not have to parse on import shortens activation. Shared by scripts/build.mjs,
// the CLI tests' bundle and the benchmark's bundles.
import { build } from 'esbuild';
import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Sidecar file (without .js) → its entry in the sources. */
const LAZY = {
  markdown: path.join(REPO, 'src', 'core', 'parse', 'markdown-parser.ts'),
  'schema-compiler': path.join(REPO, 'src', 'core', 'schema', 'runtime-validator.ts'),
};

/** esbuild plugin: imports of the sidecars' entries stay requires of ./<sidecar>.js, beside the bundle. */
export const sidecarsExternal = {
  name: 'sidecars-external',
  setup(build) {
    build.onResolve({ filter: /^re2-wasm$/ }, () => ({ path: './re2.js', external: true }));
    build.onResolve({ filter: /\/(markdown-parser|runtime-validator)$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, `${args.path}.ts`);
      const name = Object.keys(LAZY).find((key) => LAZY[key] === resolved);
      return name ? { path: `./${name}.js`, external: true } : undefined;
    });
  },
};

/**
 * esbuild plugin: `yaml` from its ES-module build (the package's "default" export, the same code
 * as its CommonJS build, warnings through console.warn instead of process.emitWarning). Hoisted and
 * tree-shaken, it imports in ~16 ms instead of ~23 for the whole extension bundle here: CommonJS
 * modules each run in a wrapper on load, and yaml is the largest library on the activation path.
 */
export const yamlAsEsm = {
  name: 'yaml-as-esm',
  setup(build) {
    const entry = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: entry }));
  },
};

/** The plugins of every bundle of the core: the extension, the CLI, the CLI tests' and the benchmark's. */
export const bundlePlugins = [sidecarsExternal, yamlAsEsm];

/** Writes re2.js and re2.wasm, markdown.js and schema-compiler.js into `outdir`. */
export async function buildSidecars(outdir, { minify = true } = {}) {
  const common = { outdir, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify, logLevel: 'warning', legalComments: 'none' };
  const glue = createRequire(import.meta.url).resolve('re2-wasm');
  await Promise.all([
    build({ ...common, entryPoints: { re2: glue } }),
    // The compiler's patterns run on RE2: the re2-wasm import stays a require of ./re2.js.
    build({ ...common, entryPoints: LAZY, sourcemap: minify ? 'linked' : false, plugins: [{ name: 're2', setup: (b) => b.onResolve({ filter: /^re2-wasm$/ }, () => ({ path: './re2.js', external: true })) }] }),
  ]);
  await copyFile(path.join(path.dirname(glue), '..', 'wasm', 're2.wasm'), path.join(outdir, 're2.wasm'));
}
