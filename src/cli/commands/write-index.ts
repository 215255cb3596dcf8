import { resolve } from 'node:path';
import type { DecisionEntry } from '../../core/index/decision-entry';
import { dirname } from '../../core/port/paths';
import { renderToc, updateToc } from '../../core/toc/render-toc';
import { tocFile } from '../../core/toc/toc-file';
import { stringOption } from '../args';
import { displayPath, toPortable } from '../context';
import { chosenFolders, openWorkspace, scanWorkspace, type OpenedWorkspace } from '../open-workspace';
import { FOLDERS_HELP, HELP_OPTION, type Command } from './command';
import { printable } from '../../core/text/printable';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** `legible index`: the table of contents, kept between markers in a README. */
export const indexCommand: Command = {
  name: 'index',
  summary: 'Write the table of contents into each decisions folder\'s README.md (or its index.md).',
  usage: 'index [folders…] [options]',
  options: {
    output: { type: 'string', short: 'o', value: 'file', description: 'Write one table of every folder\'s records into this file instead.' },
    ...HELP_OPTION,
  },
  details: () =>
    [
      FOLDERS_HELP,
      '',
      'Each folder\'s table goes into its README.md, else into its index.md when it has one, else into a',
      'new README.md. The table goes between <!-- legible:index:start --> and <!-- legible:index:end -->;',
      'text around the markers is kept, and a file without them gets the table appended. Running it again',
      'changes nothing unless the records did. The paths written are printed.',
    ].join('\n'),
  async run(args, context) {
    const opened = await openWorkspace(context, args.positionals);
    const folders = await chosenFolders(args.positionals, opened, context, 'index');
    // The table shows no dates, so the day does not matter.
    const workspace = await scanWorkspace(opened, folders, '1970-01-01', { body: false });
    const entries = workspace.index.entries();
    const output = stringOption(args, 'output');
    const targets = output
      ? [{ file: toPortable(resolve(context.cwd, output)), entries }]
      : await Promise.all(folders.map(async (folder) => ({ file: await tocFile(opened.fs, folder), entries: entries.filter((entry) => entry.folder === folder) })));
    for (const target of targets) {
      await writeToc(opened, target.file, target.entries);
      context.out(`${printable(displayPath(context.cwd, target.file))}\n`);
    }
    return 0;
  },
};

/** Rewrites the file only when the table changed, in the file's own line endings. */
async function writeToc(opened: OpenedWorkspace, file: string, entries: readonly DecisionEntry[]): Promise<void> {
  const existing = (await opened.fs.stat(file)) ? decoder.decode(await opened.fs.readFile(file)) : undefined;
  const crlf = existing?.includes('\r\n') ?? false;
  let text = updateToc(existing?.replace(/\r\n/g, '\n'), renderToc(entries, dirname(file)));
  if (crlf) text = text.replace(/\n/g, '\r\n');
  if (text !== existing) await opened.fs.writeFile(file, encoder.encode(text));
}

