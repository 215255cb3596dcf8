import type { OptionSpecs, ParsedArgs } from '../args';
import type { CliContext } from '../context';
import { DEFAULT_CACHE_HELP } from '../scan/open-cache';

/** One `legible <name>` command: its options and help live next to what it does. */
export interface Command {
  readonly name: string;
  /** One line for `legible --help`. */
  readonly summary: string;
  /** The synopsis after `legible `, e.g. `lint [paths…] [options]`. */
  readonly usage: string;
  readonly options: OptionSpecs;
  /** Further help sections (exit codes, rules, …), already formatted. */
  readonly details?: () => string;
  run(args: ParsedArgs, context: CliContext): Promise<number>;
}

/** The options every command takes; `--today` is shared by the commands that judge dates. */
export const HELP_OPTION: OptionSpecs = { help: { type: 'boolean', short: 'h', description: 'Show this help.' } };

export const TODAY_OPTION: OptionSpecs = {
  today: { type: 'string', value: 'YYYY-MM-DD', description: 'The day to judge due dates against (default: today, local time).' },
};

/** Where `lint --cache` keeps its file: `lint` writes it, `affected --cache` reads it. */
export const CACHE_LOCATION_OPTION: OptionSpecs = {
  'cache-location': { type: 'string', value: 'path', description: `Where --cache keeps its results: a file, or a folder for it (default: ${DEFAULT_CACHE_HELP}).` },
};

/** The help line of the commands that take decisions folders as operands. */
export const FOLDERS_HELP = 'Folders: with none, the workspace\'s decisions folders (as legible lint finds them).';
