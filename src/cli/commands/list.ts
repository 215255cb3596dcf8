import { isOpen, type DecisionEntry } from '../../core/index/decision-entry';
import type { DecisionWorkspace } from '../../core/workspace/decision-workspace';
import { parseDecisionDocument } from '../../core/document/decision-document';
import { businessTradeoff } from '../../core/document/business-tradeoff';
import { displayId } from '../../core/index/ids';
import { byFolderAndNumber } from '../../core/views/filter-decisions';
import { printable, printableJson, printableLine } from '../../core/text/printable';
import { flag, stringOption, todayOption } from '../args';
import { displayPath, type CliContext } from '../context';
import { chosenFolders, openWorkspace, scanWorkspace } from '../open-workspace';
import { FOLDERS_HELP, HELP_OPTION, TODAY_OPTION, type Command } from './command';

export const listCommand: Command = {
  name: 'list',
  summary: 'List the records: id, status, risk, door, title and file.',
  usage: 'list [folders…] [options]',
  options: {
    json: { type: 'boolean', description: 'Print every record\'s data as JSON (paths relative to the current folder).' },
    ...TODAY_OPTION,
    ...HELP_OPTION,
  },
  details: () => FOLDERS_HELP,
  async run(args, context) {
    const today = todayOption(stringOption(args, 'today'));
    const opened = await openWorkspace(context, args.positionals);
    const workspace = await scanWorkspace(opened, await chosenFolders(args.positionals, opened, context, 'list'), today, { body: false });
    const entries = workspace.index.entries().sort(byFolderAndNumber);
    context.out(
      flag(args, 'json')
        ? `${printableJson(JSON.stringify(await Promise.all(entries.map((entry) => recordJson(entry, workspace, context))), null, 2))}\n`
        : listText(entries, context),
    );
    return 0;
  },
};

/**
 * `ADR-0007  accepted  high  one-way  Title  (path)`: short columns aligned, the title left free.
 * `-` is a value not given, `?` one still a template placeholder (the index leaves those out and
 * lists where they are). One record, one line, whatever the record holds: line breaks in values
 * fold, control characters in them and in the path are escaped (core/text/printable).
 */
function listText(entries: readonly DecisionEntry[], context: CliContext): string {
  const cell = (entry: DecisionEntry, value: string | undefined, pointer: string) =>
    value !== undefined && value !== '' ? printableLine(value) : isOpen(entry, pointer) ? '?' : '-';
  const rows = entries.map((entry) => [
    printable(displayId(entry)),
    cell(entry, entry.status, '/status'),
    cell(entry, entry.risk, '/risk/level'),
    cell(entry, entry.door, '/reversibility/door'),
    `${printableLine(entry.title)}  (${printable(displayPath(context.cwd, entry.path))})`,
  ]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(0, ...rows.map((row) => row[column].length)));
  return rows.map((row) => `${row.map((cell, column) => (column < 4 ? cell.padEnd(widths[column]) : cell)).join('  ')}\n`).join('');
}

// Where a value sits in its file (editor positions, JSON Pointers) is not the record's data.
const RANGES = new Set(['range', 'anchor', 'statusRange', 'pointer']);
const PATHS = new Set(['path', 'folder', 'resolved']);

/** A record's index entry, with the business-tradeoff answers the index leaves in the file. */
async function recordJson(entry: DecisionEntry, workspace: DecisionWorkspace, context: CliContext): Promise<unknown> {
  const read = await workspace.read(entry.path);
  const tradeoff = businessTradeoff(parseDecisionDocument(entry.path, read.text, workspace.options.config.limits));
  return { ...(entryJson(entry, context) as Record<string, unknown>), tradeoff };
}

/**
 * An entry as plain data: ranges dropped (they are editor positions), sets as arrays, paths relative.
 * `id` is the id every other output shows (`ADR-0007`, core/index/ids.ts displayId); the index's own
 * id, as the file name writes it (`0007`, or `use-postgres` without a number), is `fileId`.
 */
function entryJson(entry: DecisionEntry, context: CliContext): unknown {
  const data = JSON.parse(
    JSON.stringify(entry, (key, value: unknown) => {
      if (RANGES.has(key)) return undefined;
      if (value instanceof Set) return [...value].sort();
      if (PATHS.has(key) && typeof value === 'string') return displayPath(context.cwd, value);
      return value;
    }),
  ) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(data).flatMap(([key, value]) => (key === 'id' ? [['id', displayId(entry)], ['fileId', value]] : [[key, value]])));
}
