import type { Finding } from '../../core/rules/rule';
import type { Range } from '../../core/text/position';

/** One linted file as every format sees it. */
export interface LintedFile {
  /** Absolute, '/'-separated. */
  readonly path: string;
  /** As shown to the user: relative to the current directory. */
  readonly display: string;
  /**
   * A decision record, or a code file whose citations were checked. Not the extension's to say: a
   * runbook outside the decisions folders is Markdown and still code.
   */
  readonly kind: 'record' | 'code';
  readonly findings: readonly Finding[];
}

export interface LintOutput {
  /** Every file linted, sorted by `display`, with or without findings. */
  readonly files: readonly LintedFile[];
  /**
   * Absolute, '/'-separated: the repository root (the folder holding `.git`), else the workspace
   * root. GitHub's annotations and code scanning resolve paths from there; SARIF's %SRCROOT%.
   */
  readonly root: string;
  /** Turns any absolute path (related locations) into its displayed form. */
  display(path: string): string;
  readonly color: boolean;
  /** --quiet: only errors are in `files`. */
  readonly quiet: boolean;
}

/** 1-based line and column, end column exclusive: how editors, GitHub and SARIF count. */
export interface Location {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function location(range: Range): Location {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function countFindings(all: readonly Finding[]): Counts {
  return {
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    infos: all.filter((f) => f.severity === 'info').length,
  };
}

// One wording of counts for the CLI, the editor and the core's messages.
export { plural } from '../../core/text/plural';
