// The MCP server's bundle, dist/mcp.js: `legible mcp` requires it beside dist/cli.js. Shared by
// scripts/build.mjs and the MCP tests' bundle. The SDK brings more than a read-only stdio server
// uses, left out here so the npm package stays lean (1 MB of bundle → about half):
// - zod's error messages in 40 languages: only English is kept (the SDK sets no other locale);
// - ajv, which the SDK's Server constructs to validate the answers to elicitation requests
//   (`elicitInput`). Legible's server elicits nothing, so the validator it gets says so if asked.
// The bundle ships Brotli-compressed, as re2.wasm does (630 KB → about 150 KB): the npm package
// stays within its budget, and `legible mcp` inflates it in a few milliseconds when it starts.
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { bundlePlugins } from './sidecars.mjs';

const NO_VALIDATOR = `
export class AjvJsonSchemaValidator {
  getValidator() {
    throw new Error('Legible\\'s MCP server validates no JSON Schema: it sends no elicitation requests.');
  }
}`;

export const mcpTrimmed = {
  name: 'mcp-trimmed',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js', resolveDir: undefined }));
    build.onLoad({ filter: /[\\/]@modelcontextprotocol[\\/]sdk[\\/]dist[\\/]esm[\\/]validation[\\/]ajv-provider\.js$/ }, () => ({ contents: NO_VALIDATOR, loader: 'js' }));
  },
};

/** esbuild options for dist/mcp.js (without outdir and the minify/sourcemap choices). */
export function mcpBundle(repo) {
  return {
    entryPoints: { mcp: path.join(repo, 'src', 'mcp', 'main.ts') },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'warning',
    // The SDK's ES-module build: its imports of zod are tree-shaken, its CommonJS build's are not.
    mainFields: ['module', 'main'],
    conditions: ['import'],
    plugins: [...bundlePlugins, mcpTrimmed],
  };
}

/** The compressed bundle, beside dist/cli.js. */
export const MCP_BUNDLE = 'mcp.js.br';

/** Builds the MCP server into `outdir`/mcp.js.br (no source map: the bundle is compressed). */
export async function buildMcpBundle(repo, outdir, { minify = true } = {}) {
  const result = await build({ ...mcpBundle(repo), minify, write: false, outdir });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'));
  const compressed = brotliCompressSync(code.contents, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } });
  await writeFile(path.join(outdir, MCP_BUNDLE), compressed);
}
