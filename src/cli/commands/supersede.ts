import { printable } from '../../core/text/printable';
import { applyEdits } from '../../core/fixes/fixes';
import { planSupersede } from '../../core/lifecycle/supersede';
import { renamedNote } from '../../core/numbering/visible-name';
import { stringOption, todayOption, UsageError } from '../args';
import { displayPath } from '../context';
import { nodeGit } from '../../node/git-user';
import { openWorkspace, scanWorkspace } from '../open-workspace';
import { HELP_OPTION, type Command } from './command';
import { findRecord } from './record-arg';

const encoder = new TextEncoder();

export const supersedeCommand: Command = {
  name: 'supersede',
  summary: 'Replace a decision with a new record: both linked, the old one superseded.',
  usage: 'supersede <id|file> "New title" [options]',
  options: {
    owner: { type: 'string', value: 'name', description: 'The new record\'s owner (default: the old record\'s owners, else git config user.name, else a placeholder).' },
    today: { type: 'string', value: 'YYYY-MM-DD', description: 'The date to write (default: today, local time).' },
    ...HELP_OPTION,
  },
  details: () =>
    [
      'The record: an id (0007, ADR-0007) or the path of its file; an ADR or an RFC with Legible frontmatter.',
      'The new record is created in the same folder and naming convention, from the same template as',
      '\'legible new\', with `supersedes: [old]`; the old one gets `superseded-by: [new]` and',
      '`status: superseded`, everything else in it unchanged. The new record carries over the old',
      'one\'s owners (unless --owner is given), deciders, related, tags, risk level and blast radius,',
      'holders and successors; never a placeholder. The new file\'s path is printed first, then what',
      'changed in the old one; what was carried over is noted on stderr. An id that would name another',
      'record of its type in the folder too (date-named records of one day share theirs) is refused,',
      'and nothing is written; so is a record whose file name carries no id (references are ids, never slugs).',
      'A record already superseded by a record of the same title is left as it is (exit 0): nothing changed.',
    ].join('\n'),
  async run(args, context) {
    const [record, ...words] = args.positionals;
    const title = words.join(' ').trim();
    if (record === undefined || !title) throw new UsageError(`expected 'legible supersede <id|file> "New title"', e.g. 'legible supersede 0007 "Use Kafka for billing events"'`);
    if (/[\r\n]/.test(title)) throw new UsageError('the title must be one line');
    const date = todayOption(stringOption(args, 'today'));
    const opened = await openWorkspace(context);
    const old = await findRecord(opened, record, context, 'supersede');
    const shown = printable(displayPath(context.cwd, old.path));
    const workspace = { fs: opened.fs, root: opened.root, config: opened.loaded.config, folders: opened.folders, git: nodeGit(opened.root) };
    // Ids are resolved as references resolve: in the workspace's records, the old one's folder included.
    const index = old.index ?? (await scanWorkspace(opened, [...new Set([...opened.folders, old.folder])], date, { body: false })).index;
    const plan = await planSupersede(workspace, { old, title, date, owner: stringOption(args, 'owner'), now: Date.now(), index });
    if ('problem' in plan) {
      if (!plan.unchanged) throw new UsageError(`${shown}: ${plan.problem}`);
      context.out(`${shown}: ${plan.problem}\n`);
      return 0;
    }
    try {
      for (const warning of plan.warnings) context.warn(warning);
      if (!(await opened.fs.createExclusive(plan.path, encoder.encode(plan.text)))) throw new Error(`${displayPath(context.cwd, plan.path)} appeared while it was reserved; nothing was changed`);
      await opened.fs.writeFile(old.path, encoder.encode(applyEdits(old.text, plan.oldEdits)));
    } finally {
      await plan.release();
    }
    if (plan.hidden) context.note(renamedNote(plan.hidden, plan.path.slice(plan.path.lastIndexOf('/') + 1)));
    if (plan.carried.length) context.note(`carried over from ${plan.oldId}: ${plan.carried.join(', ')}`);
    const status = plan.oldStatus === 'superseded' ? 'status already superseded' : `status ${plan.oldStatus ?? '(none)'} → superseded`;
    context.out(`${printable(displayPath(context.cwd, plan.path))}\n${shown}: ${status}, superseded-by + ${plan.newId}\n`);
    return 0;
  },
};
