import type { RegexEngine } from '../../core/port/regex-engine';

/**
 * Why a repository's own pattern does not run on the web. RE2 (re2-wasm) is Node glue around 860 KB
 * of WebAssembly, more than the whole web bundle may weigh, and JavaScript's engine is the one that
 * backtracks: `(a+)+$` in a record's repository would hang the worker on a short value. So the
 * web build refuses such patterns, and each place that compiles one says so where it would have
 * used it (a config problem, a `governs` glob "never followed"). Legible's own patterns, and globs
 * with at most one unbounded repetition, never come here: they run on JavaScript's engine in
 * linear time, as on Node.
 */
export const WEB_NO_RE2 = 'the web build has no linear-time engine (RE2) to run it; desktop VS Code and the CLI do';

/** The regex-engine port in the web worker host: every pattern refused, with the reason. */
export const webRegexEngine: RegexEngine = {
  compile(): never {
    throw new Error(WEB_NO_RE2);
  },
};
