import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { runInThisContext } from 'node:vm';
import { brotliDecompressSync } from 'node:zlib';

/**
 * Loads the CommonJS bundle `file` from `file.br` beside it, as `require(file)` would load the
 * plain file: its own requires (Node's modules, the sidecars beside it) resolve from its folder.
 * The code that only one command runs (the MCP server's SDK, and in the VSIX the server itself;
 * the language server's protocol library, ajv's compiler) ships compressed so that the npm package
 * and the VSIX stay within their budgets (scripts/package.mjs); it is inflated in a few
 * milliseconds when that command first needs it. Loaded once per file.
 */
export function requireCompressed<T>(file: string): T {
  const cached = loaded.get(file);
  if (cached) return cached.exports as T;
  const code = brotliDecompressSync(readFileSync(`${file}.br`)).toString('utf8');
  const module = { exports: {} as unknown };
  loaded.set(file, module);
  const wrapped = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: file }) as (...args: unknown[]) => void;
  wrapped(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports as T;
}

const loaded = new Map<string, { exports: unknown }>();
