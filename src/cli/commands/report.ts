import { randomBytes } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { personKey } from '../../core/knowledge/predicates';
import { decisionGraph } from '../../core/map/decision-graph';
import { dirname, isInside } from '../../core/port/paths';
import { renderReportHtml } from '../../core/report/render-html';
import { markdownHref } from '../../core/text/markdown-text';
import { businessTradeoff } from '../../core/document/business-tradeoff';
import { parseDecisionDocument } from '../../core/document/decision-document';
import type { DecisionWorkspace } from '../../core/workspace/decision-workspace';
import type { DecisionEntry } from '../../core/index/decision-entry';
import { printable } from '../../core/text/printable';
import { readMapAssets } from '../../node/map-assets';
import { NodeFileSystem } from '../../node/node-file-system';
import { toPortable } from '../../node/portable-path';
import { knowledgeRisk, whatIfLeaves } from '../../core/report/knowledge-risk';
import { renderDepartureMarkdown, renderReportMarkdown } from '../../core/report/render-report';
import { printableJson } from '../../core/text/printable';
import { choice, stringOption, todayOption, UsageError } from '../args';
import { displayPath, type CliContext } from '../context';
import { chosenFolders, openWorkspace, scanWorkspace } from '../open-workspace';
import { FOLDERS_HELP, HELP_OPTION, TODAY_OPTION, type Command } from './command';

const REPORT_FORMATS = ['md', 'json', 'html'] as const;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Knowledge risk: who alone holds which decisions, overdue exit plans and reviews.',
  usage: 'report [folders…] [options]',
  options: {
    format: { type: 'string', short: 'f', value: 'format', description: 'md (default), json (schemas/report.schema.json) or html (one self-contained page: the decision map, these sections, what if each person left, a timeline).' },
    output: { type: 'string', short: 'o', value: 'file', description: 'Write the report into this file instead of printing it.' },
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
      '',
      'With --format html the page needs no network: open it from a CI artifact or a static site.',
    ].join('\n'),
  async run(args, context) {
    const format = choice(stringOption(args, 'format'), REPORT_FORMATS, 'md', 'format');
    const today = todayOption(stringOption(args, 'today'));
    const person = stringOption(args, 'person');
    if (person !== undefined && !person.trim()) throw new UsageError('--person needs a name');

    const opened = await openWorkspace(context, args.positionals);
    const workspace = await scanWorkspace(opened, await chosenFolders(args.positionals, opened, context, 'report'), today, { body: false });
    const entries = workspace.index.entries();
    const output = stringOption(args, 'output');
    const file = output === undefined ? undefined : toPortable(resolve(context.cwd, output));
    // Links from where the file will be read: through its real folder, as record paths are (a link in the --output path would bend every href).
    const base = file ? toPortable(await realpath(dirname(file)).catch(() => dirname(file))) : context.cwd;
    const emit = async (text: string) => {
      if (!file) return context.out(text);
      // A file the user named outside the repository is theirs to write; inside it, through the port confined to it.
      await (isInside(opened.root, file) ? opened.fs : new NodeFileSystem()).writeFile(file, new TextEncoder().encode(text));
      context.out(`${printable(displayPath(context.cwd, file))}\n`);
    };
    if (person === undefined) {
      const report = knowledgeRisk(entries, today);
      if (format === 'html') {
        const tradeoffs = await readTradeoffs(workspace, entries);
        const graph = decisionGraph(workspace.index, { today, report, tradeoff: (entry) => tradeoffs.get(entry.path) });
        const departures = workspace.index.people().map((name) => whatIfLeaves(entries, name));
        const assets = await readMapAssets();
        await emit(renderReportHtml({ report, graph, departures, ...assets, nonce: randomBytes(16).toString('base64'), href: (path) => markdownHref(base, path) }));
        return 0;
      }
      await emit(format === 'json' ? json(report, context) : renderReportMarkdown(report, base));
      return 0;
    }
    if (format === 'html') throw new UsageError('--person prints md or json; the html report has every person\'s view');
    const known = workspace.index.people();
    if (!known.some((name) => personKey(name) === personKey(person))) {
      context.warn(`no record names "${person}"${known.length ? `; the people named are ${known.join(', ')}` : ''}.`);
    }
    const impact = whatIfLeaves(entries, person.trim());
    await emit(format === 'json' ? json(impact, context) : renderDepartureMarkdown(impact, base));
    return 0;
  },
};

/** Each record's business-tradeoff answers (the map's hover shows them), read from its file. */
async function readTradeoffs(workspace: DecisionWorkspace, entries: readonly DecisionEntry[]): Promise<Map<string, Readonly<Record<string, string>>>> {
  const out = new Map<string, Readonly<Record<string, string>>>();
  for (const entry of entries) {
    if (entry.legacy) continue;
    const read = await workspace.read(entry.path).catch(() => undefined);
    if (read) out.set(entry.path, businessTradeoff(parseDecisionDocument(entry.path, read.text, workspace.options.config.limits)));
  }
  return out;
}

/** The report's data as JSON, record paths relative to the current folder like every other output. */
function json(data: unknown, context: CliContext): string {
  return `${printableJson(JSON.stringify(data, (key, value: unknown) => (key === 'path' && typeof value === 'string' ? displayPath(context.cwd, value) : value), 2))}\n`;
}
