import type { OptionSpecs } from './args';
import type { Command } from './commands/command';

/** `--format <format>, -f`: how an option is named in help. */
function optionLabel(name: string, spec: OptionSpecs[string]): string {
  return `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` <${spec.value ?? 'value'}>` : ''}`;
}

export function commandHelp(command: Command): string {
  const labels = Object.entries(command.options).map(([name, spec]) => [optionLabel(name, spec), spec.description] as const);
  const width = Math.max(...labels.map(([label]) => label.length));
  const sections = [
    `Usage: legible ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...labels.map(([label, description]) => `  ${label.padEnd(width)}  ${description}`),
  ];
  const details = command.details?.();
  if (details) sections.push('', details);
  return `${sections.join('\n')}\n`;
}

export function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: legible <command> [options]',
    '',
    'Decision records (ADRs, RFCs, exit plans) whose reversibility, risk, tradeoff and knowledge exit path',
    'are visible in review and in CI.',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help (also: legible <command> --help).',
    '  -v, --version  Show the version.',
    '',
    'The workspace root is the nearest folder, from the current one upwards, holding .legible.json or',
    '.git, looking no higher than your home and passing over (with a warning) one in a folder every',
    'user may write to, such as /tmp; else the current folder, or the one above it when it is docs or',
    'docs/decisions (the start of a usual decisions folder). .legible.json there configures every',
    'command. Git is run by its path on PATH, never from the repository; only affected and',
    'lint --base need it (without git they exit 2), everything else works without. Paths printed are',
    'relative to the current folder (lint --format github and sarif: to the repository root, as GitHub',
    'reads them). Colours: only on a terminal; NO_COLOR turns them off, FORCE_COLOR on.',
    'LEGIBLE_DEBUG=1 prints the stack of an internal error.',
    '',
  ].join('\n');
}
