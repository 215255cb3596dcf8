import { resolve } from 'node:path';
import { isOutsideWorkspace, type FileSystemPort } from '../../core/port/file-system';
import { isInside } from '../../core/port/paths';
import { createDraft, DEFAULT_FOLDER, draftRecord } from '../../core/lifecycle/draft-record';
import { renamedNote } from '../../core/numbering/visible-name';
import { RECORD_TYPES } from '../../core/schema/schema-registry';
import { choice, stringOption, todayOption, UsageError } from '../args';
import { displayPath, type CliContext } from '../context';
import { toPortable } from '../../node/portable-path';
import { nodeGit } from '../../node/git-user';
import { openWorkspace } from '../open-workspace';
import { HELP_OPTION, type Command } from './command';
import { printable } from '../../core/text/printable';
import { recordThroughLinkRefused } from '../../core/workspace/outside-messages';

export const newCommand: Command = {
  name: 'new',
  summary: 'Create a record from the template under the next free number, named as the folder names its records.',
  usage: `new <${RECORD_TYPES.join('|')}> "Title" [options]`,
  options: {
    folder: { type: 'string', value: 'dir', description: `Where to create it, inside the repository (default: the decisions folder for the type, else ${DEFAULT_FOLDER}).` },
    owner: { type: 'string', value: 'name', description: 'The owner to write (default: git config user.name, else a placeholder).' },
    today: { type: 'string', value: 'YYYY-MM-DD', description: 'The date to write (default: today, local time).' },
    ...HELP_OPTION,
  },
  details: () =>
    [
      'The folder: --folder, else the one .legible.json gives the type ("folders": [{ "path": …, "type": "rfc" }]),',
      'else one whose name says the type (an RFC goes to docs/rfcs when there is one), else the first.',
      'The template is the one .legible.json names under "templates" for the type, else the built-in one.',
      'The file is named in the folder\'s own convention, read from its records or set by "naming":',
      'NNNN-slug, NN-slug, adrNNN-slug, NNNN_slug, YYYYMMDD_slug, YYYY-MM-DD-slug… (see the README).',
      'Nothing is ever overwritten, two creations at once get two numbers, and a name "ignore" hides is',
      'reworded (a trailing "template" dropped). The new file\'s path is printed.',
    ].join('\n'),
  async run(args, context) {
    const [typeArg, ...words] = args.positionals;
    if (typeArg === undefined) throw new UsageError(`which type? expected 'legible new <${RECORD_TYPES.join('|')}> "Title"'`);
    const type = choice(typeArg, RECORD_TYPES, RECORD_TYPES[0], 'record type');
    // Unquoted words are joined, as a shell user typing `legible new adr Use Kafka` means.
    const title = words.join(' ').trim();
    if (!title) throw new UsageError(`the title is empty; expected 'legible new ${type} "Title"'`);
    if (/[\r\n]/.test(title)) throw new UsageError('the title must be one line');
    const date = todayOption(stringOption(args, 'today'));

    const opened = await openWorkspace(context);
    const given = stringOption(args, 'folder');
    const folder = given === undefined ? undefined : toPortable(resolve(context.cwd, given));
    if (folder !== undefined && !isInside(opened.root, folder)) throw new UsageError(`--folder ${given} lies outside the repository (${displayPath(context.cwd, opened.root)}); run 'legible new' in the repository the record belongs to`);
    const workspace = { fs: opened.fs, root: opened.root, config: opened.loaded.config, folders: opened.folders, git: nodeGit(opened.root) };
    const draft = await draftRecord(workspace, { type, title, date, owner: stringOption(args, 'owner'), folder });
    for (const warning of draft.warnings) context.warn(warning);
    const created = await refusingLinksOut(draft.folder, context, async () => {
      await ensureFolder(opened.fs, draft.folder, context);
      return createDraft(workspace, draft, Date.now());
    });
    if (created.hidden) context.note(renamedNote(created.hidden, created.name));
    context.out(`${printable(displayPath(context.cwd, created.path))}\n`);
    return 0;
  },
};

/**
 * The folder a record goes to, created when missing (the first record of a repository), through
 * the port confined to the repository: a link on the way that leads out is refused, not followed.
 */
export async function ensureFolder(fs: FileSystemPort, folder: string, context: CliContext): Promise<void> {
  const real = await fs.realPath?.(folder);
  const found = real === undefined ? undefined : await fs.stat(real);
  if (found && found.kind !== 'directory') throw new UsageError(`${displayPath(context.cwd, folder)} is not a folder`);
  if (!found) {
    await fs.createDirectory!(folder);
    context.note(`created the folder ${displayPath(context.cwd, folder)}`);
  }
}

/** Runs the creation; a folder that leads outside the repository is a usage error that names the link. */
async function refusingLinksOut<T>(folder: string, context: CliContext, create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (!isOutsideWorkspace(error)) throw error;
    const shown = displayPath(context.cwd, folder);
    throw new UsageError(recordThroughLinkRefused(error.link ? displayPath(context.cwd, error.link) : shown, shown));
  }
}
