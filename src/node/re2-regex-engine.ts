import type { RE2 } from 're2-wasm';
import type { CompiledPattern, RegexEngine } from '../core/port/regex-engine';

/**
 * The linear-time engine for repository patterns: RE2 compiled to WebAssembly (re2-wasm), shared
 * by the CLI and the extension. Loaded on the first repository pattern only: 1 MB of glue and
 * WebAssembly has no place on the activation path. The bundles load it from dist/re2.js, next to
 * dist/re2.wasm (scripts/build.mjs).
 *
 * Its heap is a fixed 16 MB that nothing frees (re2-wasm has no dispose), and running out aborts
 * that instance for good. So compiled patterns are shared through a cache, and an instance that
 * aborts is replaced by a fresh one, into which the patterns in use are compiled again.
 */
type Re2Class = typeof RE2;

interface Instance {
  readonly RE2: Re2Class;
  readonly compiled: Map<string, RE2>;
}

let instance: Instance | undefined;
let loadedKeys: string[] = [];

/** A fresh copy of re2-wasm: the module cache would otherwise hand back the aborted one. */
function load(): Instance {
  for (const key of loadedKeys) delete require.cache[key];
  const before = new Set(Object.keys(require.cache));
  // A static require: the bundles map it to ./re2.js (scripts/build.mjs); tests resolve node_modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RE2: Re2 } = require('re2-wasm') as { RE2: Re2Class };
  loadedKeys = Object.keys(require.cache).filter((key) => !before.has(key));
  return { RE2: Re2, compiled: new Map() };
}

/** RE2's message without its `Invalid regular expression: /…/u: ` prefix, and why, when it is a JavaScript-only feature. */
function reason(error: unknown): string {
  const message = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  if (/invalid perl operator: \(\?[=!<]/.test(message)) return `${message} (lookahead and lookbehind cannot run in linear time; RE2 refuses them)`;
  if (/invalid escape sequence: \\[1-9k]/.test(message)) return `${message} (back-references cannot run in linear time; RE2 refuses them)`;
  return message;
}

/** The instance's compiled pattern, compiling it there once. */
function compiledIn(current: Instance, source: string, flags: string): RE2 {
  const key = `${flags}/${source}`;
  let re = current.compiled.get(key);
  if (!re) {
    re = new current.RE2(source, flags);
    current.compiled.set(key, re);
  }
  return re;
}

/** Runs `work` on the current instance; once more on a fresh one when this one has aborted (out of memory). */
function withInstance<T>(work: (current: Instance) => T): T {
  instance ??= load();
  try {
    return work(instance);
  } catch (error) {
    if (!String((error as Error).message).startsWith('abort(')) throw error;
    instance = load();
    return work(instance);
  }
}

class Re2Pattern implements CompiledPattern {
  constructor(readonly source: string, private readonly flags: string) {}

  test(value: string): boolean {
    return withInstance((current) => compiledIn(current, this.source, this.flags).test(value));
  }
}

export const re2RegexEngine: RegexEngine = {
  compile(source: string, flags: string): CompiledPattern {
    // Only the u flag and the ones that change meaning: g and y would make test() stateful.
    const kept = [...new Set(`${flags}u`)].filter((flag) => 'imsu'.includes(flag)).join('');
    try {
      withInstance((current) => compiledIn(current, source, kept));
    } catch (error) {
      throw new Error(`RE2 cannot run it: ${reason(error)}`, { cause: error });
    }
    return new Re2Pattern(source, kept);
  },
};
