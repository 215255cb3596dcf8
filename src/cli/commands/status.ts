import { printable } from '../../core/text/printable';
import { parseDecisionDocument } from '../../core/document/decision-document';
import { applyEdits } from '../../core/fixes/fixes';
import { setStatusEdits, statusVocabulary } from '../../core/lifecycle/set-status';
import { RECORD_TYPES } from '../../core/schema/schema-registry';
import { UsageError } from '../args';
import { displayPath } from '../context';
import { openWorkspace } from '../open-workspace';
import { HELP_OPTION, type Command } from './command';
import { findRecord } from './record-arg';

const encoder = new TextEncoder();

export const statusCommand: Command = {
  name: 'status',
  summary: 'Set a record\'s status, from its type\'s own vocabulary, and print what changed.',
  usage: 'status <id|file> <status>',
  options: { ...HELP_OPTION },
  details: () =>
    [
      'The record: an id (0007, ADR-0007) or the path of its file. The status: one of its type\'s own.',
      ...RECORD_TYPES.map((type) => `  ${type}: ${statusVocabulary(type).values.join(', ')}`),
      'Only the status value changes; everything else in the file stays as written. To supersede a',
      'decision with a new one, use \'legible supersede\', which links the two. Setting accepted,',
      'implemented or verified while placeholders remain writes the status and warns, naming them:',
      '\'legible lint\' reports each as an error on a record in force (placeholder-in-force).',
    ].join('\n'),
  async run(args, context) {
    const [record, status, ...extra] = args.positionals;
    if (record === undefined || status === undefined || extra.length) throw new UsageError(`expected 'legible status <id|file> <status>', e.g. 'legible status 0007 accepted'`);
    const opened = await openWorkspace(context);
    const found = await findRecord(opened, record, context, 'status');
    const shown = printable(displayPath(context.cwd, found.path));
    const change = setStatusEdits(parseDecisionDocument(found.path, found.text, opened.loaded.config.limits), status, opened.loaded.config.placeholder);
    if (change.kind === 'problem') throw new UsageError(`${shown}: ${change.message}`);
    if (change.kind === 'unchanged') {
      context.out(`${shown}: status is already ${change.status}\n`);
      return 0;
    }
    // Written all the same (a script asked for it), but said: `legible lint` now reports each as an error.
    if (change.openQuestions) context.warn(`${shown}: ${change.openQuestions} Answer them, or \`legible lint\` reports each one (placeholder-in-force).`);
    await opened.fs.writeFile(found.path, encoder.encode(applyEdits(found.text, change.edits)));
    context.out(`${shown}: status ${change.from ?? '(none)'} → ${change.to}\n`);
    return 0;
  },
};
