import { personKey } from '../../core/knowledge/predicates';
import { knowledgeRisk, whatIfLeaves } from '../../core/report/knowledge-risk';
import { renderDepartureMarkdown, renderReportMarkdown } from '../../core/report/render-report';
import { printableJson } from '../../core/text/printable';
import { choice, stringOption, todayOption, UsageError } from '../args';
import { displayPath, type CliContext } from '../context';
import { chosenFolders, openWorkspace, scanWorkspace } from '../open-workspace';
import { FOLDERS_HELP, HELP_OPTION, TODAY_OPTION, type Command } from './command';

const REPORT_FORMATS = ['md', 'json'] as const;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Knowledge risk: who alone holds which decisions, overdue exit plans and reviews.',
  usage: 'report [folders…] [options]',
  options: {
    format: { type: 'string', short: 'f', value: 'format', description: 'md (default) or json.' },
    person: { type: 'string', value: 'name', description: 'Instead: what would lose its only holder or owner if this person left.' },
    ...TODAY_OPTION,
    ...HELP_OPTION,
  },
  details: () =>
    [
      FOLDERS_HELP,
      '',
      'The report names in-force decisions whose knowledge only one person holds, exit plans past due,',
      'decisions due for review, and one-way doors decided by one person. Links are relative to the',
      'current folder. Records without Legible frontmatter (MADR, adr-tools, log4brains) cannot be',
      'assessed: the report counts them and says how to migrate them (legible migrate).',
    ].join('\n'),
  async run(args, context) {
    const format = choice(stringOption(args, 'format'), REPORT_FORMATS, 'md', 'format');
    const today = todayOption(stringOption(args, 'today'));
    const person = stringOption(args, 'person');
    if (person !== undefined && !person.trim()) throw new UsageError('--person needs a name');

    const opened = await openWorkspace(context, args.positionals);
    const workspace = await scanWorkspace(opened, await chosenFolders(args.positionals, opened, context, 'report'), today, { body: false });
    const entries = workspace.index.entries();
    if (person === undefined) {
      const report = knowledgeRisk(entries, today);
      context.out(format === 'json' ? json(report, context) : renderReportMarkdown(report, context.cwd));
      return 0;
    }
    const known = workspace.index.people();
    if (!known.some((name) => personKey(name) === personKey(person))) {
      context.warn(`no record names "${person}"${known.length ? `; the people named are ${known.join(', ')}` : ''}.`);
    }
    const impact = whatIfLeaves(entries, person.trim());
    context.out(format === 'json' ? json(impact, context) : renderDepartureMarkdown(impact, context.cwd));
    return 0;
  },
};

/** The report's data as JSON, record paths relative to the current folder like every other output. */
function json(data: unknown, context: CliContext): string {
  return `${printableJson(JSON.stringify(data, (key, value: unknown) => (key === 'path' && typeof value === 'string' ? displayPath(context.cwd, value) : value), 2))}\n`;
}
