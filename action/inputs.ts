// The Action's inputs (action.yml) as GitHub hands them to a JavaScript action: environment
// variables INPUT_<NAME>, the name upper-cased with its hyphens kept, always set (to '' when the
// workflow gives no value and action.yml no default).
import * as path from 'node:path';

export const LOG_FORMATS = ['github', 'stylish', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface ActionInputs {
  /** Folders or records to lint, relative to the working directory; none: what `legible lint` finds. */
  readonly paths: readonly string[];
  readonly maxWarnings: string | undefined;
  /** How the findings reach the log: annotations (`github`), a plain report, or JSON. */
  readonly format: LogFormat;
  /** Absolute: where to write SARIF, when asked. */
  readonly sarif: string | undefined;
  /** Absolute: where `legible lint` runs. */
  readonly cwd: string;
  /** The repository's root as checked out: GITHUB_WORKSPACE. */
  readonly workspace: string;
  readonly affected: boolean;
  /** The ref `affected` compares with; undefined: the pull request's base commit. */
  readonly base: string | undefined;
}

/** A wrong input: the step fails with exit code 2, as `legible lint` does on a usage error. */
export class InputError extends Error {}

function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const format = input(env, 'format') || 'github';
  if (!(LOG_FORMATS as readonly string[]).includes(format)) throw new InputError(`input format: '${format}' is not one of ${LOG_FORMATS.join(', ')}. How should the findings reach the log?`);
  const maxWarnings = input(env, 'max-warnings');
  // -1: no limit, as ESLint reads it and `legible lint` too.
  if (maxWarnings && !/^(\d+|-1)$/.test(maxWarnings)) throw new InputError(`input max-warnings: '${maxWarnings}' is not a whole number of 0 or more, nor -1 (no limit). How many warnings may pass?`);
  const affected = input(env, 'affected').toLowerCase();
  if (affected && affected !== 'true' && affected !== 'false') throw new InputError(`input affected: '${affected}' is neither true nor false. Should the summary list the decisions this change touches?`);
  const base = input(env, 'base');
  if (base.startsWith('-')) throw new InputError(`input base: '${base}' starts with "-", which git would read as an option. Which branch will this change be merged into?`);
  const sarif = input(env, 'sarif');
  return {
    // One per line: a path may hold spaces.
    paths: input(env, 'paths').split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
    maxWarnings: maxWarnings && maxWarnings !== '-1' ? maxWarnings : undefined,
    format: format as LogFormat,
    sarif: sarif ? path.resolve(workspace, sarif) : undefined,
    cwd: path.resolve(workspace, input(env, 'working-directory') || '.'),
    workspace,
    affected: affected === 'true',
    base: base || undefined,
  };
}
