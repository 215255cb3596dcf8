import { formatGithub } from './github';
import { formatJson } from './json';
import type { LintOutput } from './lint-output';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

/** `--format` values and what writes each. */
export const FORMATTERS = {
  stylish: formatStylish,
  json: formatJson,
  github: formatGithub,
  sarif: formatSarif,
} satisfies Record<string, (output: LintOutput) => string>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
