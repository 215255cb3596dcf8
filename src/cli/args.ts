import { parseArgs } from 'node:util';
import { listOr } from '../core/text/word-list';

/** Bad input from the user: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's name in `--help` (`--format <format>`). */
  readonly value?: string;
  readonly description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Node's own parser, strict: an unknown flag is a usage error rather than silently ignored, so a
 * typo in CI (`--max-warning 0`) fails loudly instead of passing.
 */
export function parseCommandArgs(args: readonly string[], specs: OptionSpecs, command: string): ParsedArgs {
  const options = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.short ? { type: spec.type, short: spec.short } : { type: spec.type }]));
  try {
    const parsed = parseArgs({ args: joinNegativeValues(args, specs), options, allowPositionals: true, strict: true });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(`${describeParseError(error as Error & { code?: string })} (see 'legible ${command} --help')`);
  }
}

/**
 * `--max-warnings -1` as `--max-warnings=-1`: Node's parser calls a value that starts with `-`
 * ambiguous (it could be a forgotten value, then a flag), but no flag is `-` and digits, and CI
 * configs copied from ESLint pass `-1` so. After `--` everything is a positional, left as it is.
 */
function joinNegativeValues(args: readonly string[], specs: OptionSpecs): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = /^--([\w-]+)$/.exec(args[i])?.[1];
    if (args[i] === '--') return [...out, ...args.slice(i)];
    if (name !== undefined && specs[name]?.type === 'string' && /^-\d+$/.test(args[i + 1] ?? '')) out.push(`${args[i]}=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}

/** Node's messages run to several sentences of advice; one short line reads better in a terminal. */
function describeParseError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) return `unknown option ${quoted}`;
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted) return `unexpected argument '${quoted}'`;
  const long = quoted && /--[\w-]+/.exec(quoted)?.[0];
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && long && /argument missing/.test(error.message)) return `option ${long} needs a value`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && long && /does not take an argument/.test(error.message)) return `option ${long} takes no value`;
  const first = error.message.split(/(?<=\.)\s/)[0].replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}

export function choice<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, what: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${what} '${value}'; expected ${listOr(allowed)}`);
}


export function nonNegativeInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${option} must be a whole number of 0 or more, not '${value}'`);
  return Number(value.trim());
}

/** `--max-warnings`: a whole number, or -1 for no limit (ESLint's default, which CI configs copy). */
export function warningLimit(value: string | undefined, option: string): number | undefined {
  if (value?.trim() === '-1') return undefined;
  if (value !== undefined && !/^\d+$/.test(value.trim())) throw new UsageError(`${option} must be a whole number of 0 or more, or -1 for no limit, not '${value}'. How many warnings may pass?`);
  return nonNegativeInteger(value, option);
}

/** `--today`, checked as a real calendar day; rules compare dates as strings, so the form matters. */
export function todayOption(value: string | undefined): string {
  if (value === undefined) return localDate(new Date());
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match && new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (!match || !date || date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) {
    throw new UsageError(`--today must be a date written YYYY-MM-DD, not '${value}'`);
  }
  return value;
}

/** The user's calendar day, not UTC's: a review due "today" is due in the user's time zone. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
