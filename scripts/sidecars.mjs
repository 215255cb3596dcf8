// Code the activation path never runs stays out of the two bundles, in files of their own beside
// them, required on first use:
// - re2.js + re2.wasm.br: the linear-time engine for repository patterns. 1 MB has no place on the
//   activation path. The WebAssembly ships Brotli-compressed (858 KB → 210 KB, 6 ms to inflate on
//   first use): it alone would put the npm package over its 1.5 MB budget. re2.js inflates it from
//   beside itself (`__dirname`) instead of reading re2.wasm (see re2WasmCompressed);
// - yaml.js: the YAML library, for the first frontmatter read (after activation, not on import);
// - picomatch.js: the glob matcher, for the first glob compiled (`ignore`, `governs`), after import;
// - validators.js: the schemas' validators ajv compiled at build time, for the first record checked;
// - markdown.js.br: remark, for body rules that cannot prove a body clean from its headings (compressed);
// - schema-compiler.js.br: ajv's compiler, for a trusted workspace's schema extensions (compressed, see COMPRESSED);
// - languageserver.js.br: vscode-languageserver, for `legible lsp` only (compressed) (the server's own code is in
//   the CLI's bundle, run on that command only).
// Every file V8 does not have to parse on import shortens activation. Shared by scripts/build.mjs,
// the CLI tests' bundle and the benchmark's bundles.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** picomatch's POSIX entry, the one the core imports (`picomatch/posix`). */
const PICOMATCH = createRequire(import.meta.url).resolve('picomatch/posix');

/** yaml's ES-module build (the package's "default" export): see yamlAsEsm. */
const YAML_ESM = path.join(path.dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser', 'index.js');

/** Sidecar file (without .js) → its entry in the sources. */
const LAZY = {
  yaml: YAML_ESM,
  picomatch: PICOMATCH,
  markdown: path.join(REPO, 'src', 'core', 'parse', 'markdown-parser.ts'),
  'schema-compiler': path.join(REPO, 'src', 'core', 'schema', 'runtime-validator.ts'),
  validators: path.join(REPO, 'src', 'core', 'schema', 'generated', 'validators.js'),
  languageserver: path.join(REPO, 'src', 'lsp', 'protocol.ts'),
  'mcp-sdk': path.join(REPO, 'src', 'mcp', 'sdk.ts'),
};

/**
 * Sidecars shipped Brotli-compressed as <name>.js.br and inflated by src/node/compressed-module.ts
 * when first required, so the npm package stays within its budget: those only one command or a
 * rare case loads (the language server's protocol library, the MCP SDK, ajv's compiler for schema
 * extensions), and remark (markdown.js, 115 KB to 31 KB), which only the bodies line scans cannot
 * settle need. The validators stay plain: every record is validated, and inflating them cost the
 * first diagnostics 10 ms (28 to 38 ms in the bench at 1528c7a).
 */
const COMPRESSED = new Set(['languageserver', 'mcp-sdk', 'schema-compiler', 'markdown']);
const INFLATER = path.join(REPO, 'src', 'node', 'compressed-module.ts');

/** The stand-in a bundle gets for a compressed sidecar: inflate ./<name>.js.br beside the bundle on first require. */
function compressedStandIn(name) {
  return `module.exports = require(${JSON.stringify(INFLATER)}).requireCompressed(require('path').join(__dirname, ${JSON.stringify(`${name}.js`)}));`;
}

/** The validators ajv compiled at build time: what generated/validators.js exports (`adr`, `rfc`, `exit_plan`, `config`). */
const VALIDATOR_NAMES = ['adr', 'rfc', 'exit_plan', 'config'];

/**
 * The bundles' stand-in for generated/validators.js (a third of the extension bundle, which V8
 * would parse on every activation): each export a function that requires ./validators.js beside
 * the bundle on its first call, validates with it and carries its `errors` over, as ajv's own
 * functions do. The core keeps its plain import; only the bundles load the validators late.
 */
function lazyValidators() {
  const exports = VALIDATOR_NAMES.map(
    (name) => `export function ${name}(data) { const validate = load().${name}; const valid = validate(data); ${name}.errors = validate.errors; return valid; }`,
  );
  return ['let loaded;', "function load() { return (loaded ??= require('./validators.js')); }", ...exports].join('\n');
}

/** What the core takes from `yaml`: every one used on a call, none on import (see lazyYaml). */
const YAML_FUNCTIONS = ['isAlias', 'isMap', 'isScalar', 'isSeq', 'parseDocument', 'stringify'];
const YAML_CLASSES = ['Composer', 'Parser', 'Schema'];

/**
 * The bundles' stand-in for `yaml` (a quarter of the extension bundle, 98 KB that V8 parsed on
 * every activation): its functions and classes require ./yaml.js beside the bundle on first use,
 * which is the first frontmatter read, after activation. A class is a function returning the real
 * instance, so `new Parser()` is yaml's own. Names the core imports beyond these fail the build.
 */
function lazyYaml() {
  return [
    'let loaded;',
    "function load() { return (loaded ??= require('./yaml.js')); }",
    ...YAML_FUNCTIONS.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
    ...YAML_CLASSES.map((name) => `export function ${name}(...args) { return new (load().${name})(...args); }`),
  ].join('\n');
}

/**
 * What the core takes from picomatch: these members of its default export, none on import (see
 * lazyPicomatch). A unit test holds the core's uses to them (test/unit/shipping/sidecars.test.ts).
 */
const PICOMATCH_FUNCTIONS = ['makeRe', 'scan'];
export const PICOMATCH_MEMBERS = [...PICOMATCH_FUNCTIONS, 'constants'];

/**
 * The bundles' stand-in for `picomatch/posix` (24 KB of the extension bundle's 334, which V8 parsed
 * on every activation): its functions and `constants` require ./picomatch.js beside the bundle on
 * first use, the first glob compiled, after import. It has no other member: unlike yaml's named
 * imports, a new one would not fail the build, so a unit test reads the core's uses instead.
 */
function lazyPicomatch() {
  return [
    'let loaded;',
    "function load() { return (loaded ??= require('./picomatch.js')); }",
    'export default {',
    ...PICOMATCH_FUNCTIONS.map((name) => `  ${name}: (...args) => load().${name}(...args),`),
    '  get constants() { return load().constants; },',
    '};',
  ].join('\n');
}

/** esbuild plugin: imports of the sidecars' entries stay requires of ./<sidecar>.js, beside the bundle. */
export const sidecarsExternal = {
  name: 'sidecars-external',
  setup(build) {
    build.onResolve({ filter: /^re2-wasm$/ }, () => ({ path: './re2.js', external: true }));
    build.onResolve({ filter: /\/(markdown-parser|runtime-validator|protocol|sdk)$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, `${args.path}.ts`);
      const name = Object.keys(LAZY).find((key) => LAZY[key] === resolved);
      if (!name || args.kind === 'entry-point') return undefined;
      return COMPRESSED.has(name) ? { path: name, namespace: 'compressed-sidecar' } : { path: `./${name}.js`, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: 'compressed-sidecar' }, (args) => ({ contents: compressedStandIn(args.path), loader: 'js', resolveDir: REPO }));
    // Inside the validators' own sidecar the import is the real module; everywhere else the stand-in.
    build.onResolve({ filter: /\/generated\/validators\.js$/ }, (args) =>
      path.resolve(args.resolveDir, args.path) === LAZY.validators && args.kind !== 'entry-point' ? { path: 'lazy-validators', namespace: 'lazy-validators' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-validators' }, () => ({ contents: lazyValidators(), loader: 'js' }));
    build.onResolve({ filter: /^\.\/validators\.js$/, namespace: 'lazy-validators' }, () => ({ path: './validators.js', external: true }));
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: 'lazy-yaml', namespace: 'lazy-yaml' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, () => ({ contents: lazyYaml(), loader: 'js' }));
    build.onResolve({ filter: /^\.\/yaml\.js$/, namespace: 'lazy-yaml' }, () => ({ path: './yaml.js', external: true }));
    build.onResolve({ filter: /^picomatch\/posix$/ }, () => ({ path: 'lazy-picomatch', namespace: 'lazy-picomatch' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-picomatch' }, () => ({ contents: lazyPicomatch(), loader: 'js' }));
    build.onResolve({ filter: /^\.\/picomatch\.js$/, namespace: 'lazy-picomatch' }, () => ({ path: './picomatch.js', external: true }));
  },
};

/**
 * esbuild plugin: `yaml` from its ES-module build (the package's "default" export, the same code
 * as its CommonJS build, warnings through console.warn instead of process.emitWarning), for the web
 * bundle, which has no file beside it to require. Hoisted and tree-shaken, it imports faster than
 * the CommonJS build, whose modules each run in a wrapper on load. The Node bundles take the same
 * build as their yaml.js sidecar.
 */
export const yamlAsEsm = {
  name: 'yaml-as-esm',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: YAML_ESM }));
  },
};

/** The plugins of every bundle of the core: the extension, the CLI, the CLI tests' and the benchmark's. */
export const bundlePlugins = [sidecarsExternal];

/**
 * The compressed files as small as Brotli makes them: quality 11 with its largest window, about
 * 30 KB less in each package than quality 9 (25 KB of it on re2.wasm: 235 → 210 KB). Every build
 * compresses alike, so the VSIX the tests and the bench package from a development build is the
 * size of a release's. Off the main thread (zlib's pool), beside esbuild's work.
 */
const compress = promisify(brotliCompress);
const BROTLI = { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_LGWIN]: 24 };

function brotli(bytes) {
  return compress(bytes, { params: { ...BROTLI, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
}

/**
 * re2.wasm compressed once per version (6 s at quality 11 on a busy machine), kept in
 * node_modules/.cache/legible/ under its content's hash: the file is the lock file's, the same
 * in every build.
 */
async function brotliCached(bytes) {
  const key = createHash('sha256').update(JSON.stringify(BROTLI)).update(bytes).digest('hex').slice(0, 24);
  const cache = path.join(REPO, 'node_modules', '.cache', 'legible');
  const file = path.join(cache, `${key}.br`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) return cached;
  const compressed = await brotli(bytes);
  await mkdir(cache, { recursive: true });
  await writeFile(file, compressed);
  return compressed;
}

/**
 * Writes re2.js and re2.wasm.br, yaml.js, picomatch.js, validators.js, and markdown, schema-compiler, languageserver and mcp-sdk (each .js.br) into `outdir`; minified ones with
 * linked source maps unless `sourcemap` is false (a release build).
 */
export async function buildSidecars(outdir, { minify = true, sourcemap = minify ? 'linked' : false } = {}) {
  const common = { outdir, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify, logLevel: 'warning', legalComments: 'none' };
  const glue = createRequire(import.meta.url).resolve('re2-wasm');
  const wasm = path.join(path.dirname(glue), '..', 'wasm', 're2.wasm');
  await Promise.all([
    build({ ...common, entryPoints: { re2: glue }, plugins: [re2WasmCompressed] }),
    // The compiler's patterns run on RE2: the re2-wasm import stays a require of ./re2.js.
    build({ ...common, entryPoints: without(LAZY, 'mcp-sdk'), sourcemap, plugins: [{ name: 're2', setup: (b) => b.onResolve({ filter: /^re2-wasm$/ }, () => ({ path: './re2.js', external: true })) }] }),
    // The SDK's ES-module build: its imports of zod are tree-shaken, its CommonJS build's are not.
    build({ ...common, entryPoints: { 'mcp-sdk': LAZY['mcp-sdk'] }, mainFields: ['module', 'main'], conditions: ['import'], plugins: [mcpTrimmed] }),
  ]);
  await Promise.all([
    writeFile(path.join(outdir, RE2_WASM), await brotliCached(await readFile(wasm))),
    ...[...COMPRESSED].map((name) => compressInPlace(path.join(outdir, `${name}.js`))),
  ]);
}

/**
 * `file.br` beside `file`, which stays: the decision map's script (dist/map.js) is loaded plain by
 * the extension's webview (the VSIX ships it), and read by `legible report --format html` only, so
 * the npm package ships the compressed copy (54 → 14 KB; src/node/map-assets.ts inflates it).
 */
export async function writeCompressedCopy(file) {
  await writeFile(`${file}.br`, await brotli(await readFile(file)));
}

/** A compressed sidecar replaces its plain file (and map: an inflated module has no file to map). */
async function compressInPlace(file) {
  await writeFile(`${file}.br`, await brotli(await readFile(file)));
  await Promise.all([rm(file), rm(`${file}.map`, { force: true })]);
}

/**
 * The VSIX's MCP server (src/vscode/mcp-provider.ts starts `node dist/mcp.js --root <folder>`):
 * src/mcp/stdio-main.ts, the server without the CLI's other commands, bundled as mcp-server.js.br
 * and inflated by dist/mcp.js, a loader of a few hundred bytes. The CLI's bundle would give the
 * VSIX a second copy of the core in 166 KB (deflated); this is about 85 KB, run only when an
 * agent asks for the server. Its SDK is the same sidecar as the CLI's (mcp-sdk.js.br).
 */
export async function buildMcpEntry(outdir, { minify = true } = {}) {
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify, logLevel: 'warning', legalComments: 'none' };
  await build({ ...common, entryPoints: { 'mcp-server': path.join(REPO, 'src', 'mcp', 'stdio-main.ts') }, outdir, plugins: bundlePlugins });
  await compressInPlace(path.join(outdir, 'mcp-server.js'));
  await build({ ...common, stdin: { contents: compressedStandIn('mcp-server'), loader: 'js', resolveDir: REPO }, outfile: path.join(outdir, 'mcp.js') });
}

function without(entries, name) {
  return Object.fromEntries(Object.entries(entries).filter(([key]) => key !== name));
}

const NO_VALIDATOR = `
export class AjvJsonSchemaValidator {
  getValidator() {
    throw new Error('Legible\\'s MCP server validates no JSON Schema: it sends no elicitation requests.');
  }
}`;

/**
 * esbuild plugin for the MCP SDK's sidecar: the SDK brings more than a read-only stdio server uses,
 * left out so the package stays lean:
 * - zod's error messages in 40 languages: only English is kept (the SDK sets no other locale);
 * - ajv, which the SDK's Server constructs to validate the answers to elicitation requests
 *   (`elicitInput`). Legible's server elicits nothing, so the validator it gets says so if asked.
 */
const mcpTrimmed = {
  name: 'mcp-trimmed',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js', resolveDir: undefined }));
    build.onLoad({ filter: /[\\/]@modelcontextprotocol[\\/]sdk[\\/]dist[\\/]esm[\\/]validation[\\/]ajv-provider\.js$/ }, () => ({ contents: NO_VALIDATOR, loader: 'js' }));
  },
};

/** The compressed WebAssembly of RE2, beside re2.js. */
export const RE2_WASM = 're2.wasm.br';

/**
 * esbuild plugin for re2-wasm's Emscripten glue: its module starts from `wasmBinary`, the bytes
 * inflated from re2.wasm.br beside the bundle, instead of reading re2.wasm. The glue is the exact
 * version the lock file pins; a new one without the line this replaces fails the build here.
 */
const re2WasmCompressed = {
  name: 're2-wasm-compressed',
  setup(build) {
    build.onLoad({ filter: /re2-wasm[\\/]build[\\/]wasm[\\/]re2\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const declaration = 'var wasmBinary;';
      if (source.split(declaration).length !== 2) throw new Error(`${args.path}: expected one \`${declaration}\` to replace; has re2-wasm changed?`);
      const inflated = `var wasmBinary = require('zlib').brotliDecompressSync(require('fs').readFileSync(require('path').join(__dirname, ${JSON.stringify(RE2_WASM)})));`;
      return { contents: source.replace(declaration, inflated), loader: 'js' };
    });
  },
};

/**
 * The web worker host's bundle (vscode.dev, github.dev): esbuild's browser platform, so an import
 * of a Node built-in fails the build instead of the activation. The host loads one CommonJS file
 * and `require`s nothing but `vscode`, so nothing is a sidecar: the validators and remark are
 * inside it; ajv's compiler is replaced by src/vscode/web/no-schema-compiler.ts (see there), and
 * RE2 is never reached (src/vscode/web/web-regex-engine.ts).
 */
export const webBuild = {
  entryPoints: [path.join(REPO, 'src', 'vscode', 'web', 'extension.ts')],
  bundle: true,
  platform: 'browser',
  // The web worker host of VS Code 1.90 (engines.vscode) and later: Chromium, Firefox and Safari of 2023 on.
  target: 'es2022',
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
  legalComments: 'none',
  // When the host began to run the bundle: the bench times the web activation from here
  // (LegibleApi.startup). Its own "use strict" first: the banner would otherwise end the bundle's prologue.
  banner: { js: '"use strict";var __legibleBundleStart = performance.now();' },
  plugins: [
    yamlAsEsm,
    {
      name: 'web-no-schema-compiler',
      setup(build) {
        const stub = path.join(REPO, 'src', 'vscode', 'web', 'no-schema-compiler.ts');
        build.onResolve({ filter: /\/runtime-validator$/ }, (args) => (path.resolve(args.resolveDir, `${args.path}.ts`) === LAZY['schema-compiler'] ? { path: stub } : undefined));
      },
    },
  ],
};

/**
 * The web bundle's budget (issue 17: ≤ 700 KB): what vscode.dev downloads before Legible can start.
 * In decimal kilobytes, as the packages' budgets (scripts/package.mjs).
 */
export const WEB_BUNDLE_BUDGET = 700_000;
