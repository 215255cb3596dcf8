import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createDraft, DEFAULT_FOLDER, draftRecord } from '../../core/lifecycle/draft-record';
import { renamedNote } from '../../core/numbering/visible-name';
import { RECORD_TYPES } from '../../core/schema/schema-registry';
import { choice, stringOption, todayOption, UsageError } from '../args';
import { displayPath, toPortable, type CliContext } from '../context';
import { nodeGit } from '../git-user';
import { openWorkspace } from '../open-workspace';
import { HELP_OPTION, type Command } from './command';
import { printable } from '../../core/text/printable';

export const newCommand: Command = {
  name: 'new',
  summary: 'Create a record from the template under the next free number, named as the folder names its records.',
  usage: `new <${RECORD_TYPES.join('|')}> "Title" [options]`,
  options: {
    folder: { type: 'string', value: 'dir', description: `Where to create it (default: the decisions folder for the type, else ${DEFAULT_FOLDER}).` },
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
    const workspace = { fs: opened.fs, root: opened.root, config: opened.loaded.config, folders: opened.folders, git: nodeGit(opened.root) };
    const draft = await draftRecord(workspace, { type, title, date, owner: stringOption(args, 'owner'), folder: given === undefined ? undefined : toPortable(resolve(context.cwd, given)) });
    for (const warning of draft.warnings) context.warn(warning);
    await ensureFolder(draft.folder, context);
    const created = await createDraft(workspace, draft, Date.now());
    if (created.hidden) context.note(renamedNote(created.hidden, created.name));
    context.out(`${printable(displayPath(context.cwd, created.path))}\n`);
    return 0;
  },
};

/** The folder a record goes to, created when missing (the first record of a repository). */
export async function ensureFolder(folder: string, context: CliContext): Promise<void> {
  const found = await stat(folder).catch(() => undefined);
  if (found && !found.isDirectory()) throw new UsageError(`${displayPath(context.cwd, folder)} is not a folder`);
  if (!found) {
    await mkdir(folder, { recursive: true });
    context.note(`created the folder ${displayPath(context.cwd, folder)}`);
  }
}
