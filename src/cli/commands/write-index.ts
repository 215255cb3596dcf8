import { resolve } from 'node:path';
import type { DecisionEntry } from '../../core/index/decision-entry';
import { isOutsideWorkspace, type FileSystemPort } from '../../core/port/file-system';
import { dirname, isInside } from '../../core/port/paths';
import { nextTocFileText, renderToc } from '../../core/toc/render-toc';
import { tocFile } from '../../core/toc/toc-file';
import { stringOption } from '../args';
import { displayPath } from '../context';
import { toPortable } from '../../node/portable-path';
import { NodeFileSystem } from '../../node/node-file-system';
import { chosenFolders, openWorkspace, scanWorkspace } from '../open-workspace';
import { FOLDERS_HELP, HELP_OPTION, type Command } from './command';
import { printable } from '../../core/text/printable';
import { indexThroughLinkRefused } from '../../core/workspace/outside-messages';

// The byte order mark stays in the text, so the file written back keeps it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
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
      'changes nothing unless the records did. The paths written are printed. A README that is a',
      'symbolic link is written through only when it leads to a file inside the repository.',
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
    // A file the user named outside the repository is theirs to write; inside it, the repository's
    // links are not trusted, so the port confined to it reads and writes.
    const port = (file: string): FileSystemPort => (isInside(opened.root, file) ? opened.fs : new NodeFileSystem());
    for (const target of targets) {
      try {
        await writeToc(port(target.file), target.file, target.entries);
      } catch (error) {
        if (!isOutsideWorkspace(error)) throw error;
        throw new Error(`${indexThroughLinkRefused(displayPath(context.cwd, target.file))} (--output names another file.)`, { cause: error });
      }
      context.out(`${printable(displayPath(context.cwd, target.file))}\n`);
    }
    return 0;
  },
};

/** Rewrites the file only when the table changed, in the file's own line endings, its byte order mark kept. */
async function writeToc(fs: FileSystemPort, file: string, entries: readonly DecisionEntry[]): Promise<void> {
  const existing = (await fs.stat(file)) ? decoder.decode(await fs.readFile(file)) : undefined;
  const text = nextTocFileText(existing, renderToc(entries, dirname(file)));
  if (text !== undefined) await fs.writeFile(file, encoder.encode(text));
}

