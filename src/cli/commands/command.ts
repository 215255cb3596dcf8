import type { OptionSpecs, ParsedArgs } from '../args';
import type { CliContext } from '../context';

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

/** The help line of the commands that take decisions folders as operands. */
export const FOLDERS_HELP = 'Folders: with none, the workspace\'s decisions folders (as legible lint finds them).';
