/**
 * Regular expressions a repository supplies (`placeholderPattern`, `pattern` and
 * `patternProperties` in schema extensions) never run on JavaScript's backtracking engine, where
 * `(a+)+$` or `.*.*.*x` hang on a short value. The CLI and the extension supply a linear-time
 * engine (RE2) through this port; the core stays free of WebAssembly and file access.
 */
export interface CompiledPattern {
  /** The pattern as written. */
  readonly source: string;
  test(value: string): boolean;
}

export interface RegexEngine {
  /**
   * Compiles `source` with JavaScript's flags (`u` at least). Throws an Error whose message says
   * why when the engine cannot run it: lookaround, back-references, invalid syntax, too large.
   */
  compile(source: string, flags: string): CompiledPattern;
}
