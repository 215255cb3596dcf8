import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createRecord } from '../../core/numbering/create-record';
import { isInside, joinPath } from '../../core/port/paths';
import { RECORD_TYPES, type RecordType } from '../../core/schema/schema-registry';
import { renderCustomTemplate, renderTemplate } from '../../core/templates/render-template';
import { readCustomTemplate } from '../../core/workspace/read-template';
import { choice, stringOption, todayOption, UsageError } from '../args';
import { displayPath, toPortable, type CliContext } from '../context';
import { gitUserName } from '../git-user';
import { openWorkspace, type OpenedWorkspace } from '../open-workspace';
import { HELP_OPTION, type Command } from './command';
import { printable } from '../../core/text/printable';

const DEFAULT_FOLDER = 'docs/decisions';

export const newCommand: Command = {
  name: 'new',
  summary: 'Create a record from the template under the next free number.',
  usage: `new <${RECORD_TYPES.join('|')}> "Title" [options]`,
  options: {
    folder: { type: 'string', value: 'dir', description: `Where to create it (default: the first decisions folder, else ${DEFAULT_FOLDER}).` },
    owner: { type: 'string', value: 'name', description: 'The owner to write (default: git config user.name, else a placeholder).' },
    today: { type: 'string', value: 'YYYY-MM-DD', description: 'The date to write (default: today, local time).' },
    ...HELP_OPTION,
  },
  details: () =>
    [
      'The template is the one .legible.json names under "templates" for the type, else the built-in one.',
      'The record is written as NNNN-slug.md; nothing is ever overwritten, and two creations at once get',
      'two numbers. The new file\'s path is printed.',
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
    const folder = await targetFolder(opened, stringOption(args, 'folder'), context);
    const owner = stringOption(args, 'owner')?.trim() || gitUserName(opened.root);
    const custom = await customTemplate(opened, type, context);
    const render = (id: string) =>
      custom !== undefined
        ? renderCustomTemplate(custom, { title, date, id, type, owner })
        : renderTemplate({ type, title, date, owners: owner ? [owner] : undefined, sections: opened.loaded.config.sections[type] }).text;
    const created = await createRecord({ fs: opened.fs, folder, title, render, now: Date.now() });
    context.out(`${printable(displayPath(context.cwd, created.path))}\n`);
    return 0;
  },
};

/** `--folder`, else the first decisions folder, else the first configured one, else docs/decisions; created if missing. */
async function targetFolder(opened: OpenedWorkspace, given: string | undefined, context: CliContext): Promise<string> {
  let folder: string;
  if (given !== undefined) folder = toPortable(resolve(context.cwd, given));
  else if (opened.folders.length) folder = opened.folders[0];
  else {
    const configured = opened.loaded.config.folders.map((f) => joinPath(opened.root, f)).find((f) => isInside(opened.root, f));
    folder = configured ?? joinPath(opened.root, DEFAULT_FOLDER);
  }
  const found = await stat(folder).catch(() => undefined);
  if (found && !found.isDirectory()) throw new UsageError(`${displayPath(context.cwd, folder)} is not a folder`);
  if (!found) {
    await mkdir(folder, { recursive: true });
    context.note(`created the folder ${displayPath(context.cwd, folder)}`);
  }
  return folder;
}

/** The repository's own template for the type, if configured and readable; otherwise a warning and the built-in one. */
async function customTemplate(opened: OpenedWorkspace, type: RecordType, context: CliContext): Promise<string | undefined> {
  const { source, problem } = await readCustomTemplate(opened.fs, opened.root, opened.loaded.config, type);
  if (problem) context.warn(`${problem}; using the built-in template.`);
  return source;
}
