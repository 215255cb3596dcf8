import { randomBytes } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { unknownPersonNote } from '../../core/knowledge/unknown-person';
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
import { choice, flag, stringOption, todayOption, UsageError } from '../args';
import { evidenceReport, personEvidence, type EvidenceReportInput } from '../../core/report/evidence-report';
import { renderEvidenceMarkdown, renderPersonEvidenceMarkdown } from '../../core/report/render-evidence';
import { GovernsIndex } from '../../core/code/governs-index';
import type { DecisionIndex } from '../../core/index/decision-index';
import { re2RegexEngine } from '../../node/re2-regex-engine';
import { readEvidence } from '../code/evidence-scan';
import { workspaceFiles } from '../code/code-scan';
import { displayPath, type CliContext } from '../context';
import { chosenFolders, openWorkspace, scanWorkspace, type OpenedWorkspace } from '../open-workspace';
import { FOLDERS_HELP, HELP_OPTION, TODAY_OPTION, type Command } from './command';

const REPORT_FORMATS = ['md', 'json', 'html'] as const;

export const reportCommand: Command = {
  name: 'report',
  summary: 'Knowledge risk: who alone holds which decisions, overdue exit plans and reviews.',
  usage: 'report [folders…] [options]',
  options: {
    format: { type: 'string', short: 'f', value: 'format', description: 'md (default), json (schemas/report.schema.json) or html (one self-contained page: the decision map, these sections, what if each person left, a timeline).' },
    output: { type: 'string', short: 'o', value: 'file', description: 'Write the report into this file instead of printing it.' },
    person: { type: 'string', value: 'name', description: 'Instead: what would lose its only holder or owner if this person left (and, with git, the code and decisions the history shows they alone know).' },
    evidence: { type: 'boolean', description: 'Instead: declared holders and successors beside what the git history shows, per decision, with the observed truck factor. Needs git.' },
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
      'With --evidence: per decision with `governs`, who the history shows as authors of its code (degree of',
      'authorship), their commits and lines within evidence.since (12 months by default), who is inactive or',
      'has left, and the observed truck factor; and the repository\'s. The JSON is described by',
      'schemas/evidence-report.schema.json. History is a proxy for knowledge: pairing and reviews leave no commits.',
      '',
      'With --format html the page needs no network: open it from a CI artifact or a static site.',
    ].join('\n'),
  async run(args, context) {
    const format = choice(stringOption(args, 'format'), REPORT_FORMATS, 'md', 'format');
    const today = todayOption(stringOption(args, 'today'));
    const person = stringOption(args, 'person');
    if (person !== undefined && !person.trim()) throw new UsageError('--person needs a name');

    const withEvidence = flag(args, 'evidence');
    if (withEvidence && person !== undefined) throw new UsageError('--evidence and --person are two reports: give one (--person includes the evidence when git can read it)');

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
    if (withEvidence) {
      const input = await evidenceInput(opened, workspace.index, context, today);
      if (format === 'html') throw new UsageError('--evidence prints md or json');
      if ('problem' in input) throw new UsageError(`legible report --evidence reads the git history, and ${input.problem}.`);
      const report = evidenceReport(input);
      await emit(format === 'json' ? json(report, context) : renderEvidenceMarkdown(report, base));
      return 0;
    }
    if (person === undefined) {
      const report = knowledgeRisk(entries, today, workspace.index);
      if (format === 'html') {
        const tradeoffs = await readTradeoffs(workspace, entries);
        const graph = decisionGraph(workspace.index, { today, report, tradeoff: (entry) => tradeoffs.get(entry.path) });
        const departures = workspace.index.people().map((name) => whatIfLeaves(entries, name, workspace.index));
        const assets = await readMapAssets();
        await emit(renderReportHtml({ report, graph, departures, ...assets, nonce: randomBytes(16).toString('base64'), href: (path) => markdownHref(base, path) }));
        return 0;
      }
      await emit(format === 'json' ? json(report, context) : renderReportMarkdown(report, base));
      return 0;
    }
    if (format === 'html') throw new UsageError('--person prints md or json; the html report has every person\'s view');
    const unknown = unknownPersonNote(workspace.index.people(), person);
    if (unknown) context.warn(unknown);
    const impact = whatIfLeaves(entries, person.trim(), workspace.index);
    // The history's word when git can read it; without git the declared report stands alone.
    const input = await evidenceInput(opened, workspace.index, context, today);
    const observed = 'problem' in input ? undefined : personEvidence(person.trim(), input);
    await emit(format === 'json' ? json(observed ? { ...impact, evidence: observed } : impact, context) : renderDepartureMarkdown(impact, base) + (observed ? `\n${renderPersonEvidenceMarkdown(observed, base)}` : ''));
    return 0;
  },
};

/** The history and `governs` matched against the tracked files, for the evidence reports. */
async function evidenceInput(opened: OpenedWorkspace, index: DecisionIndex, context: CliContext, today: string): Promise<EvidenceReportInput | { problem: string }> {
  const read = await readEvidence(opened, context, today);
  if ('problem' in read) return read;
  const files = await workspaceFiles(opened, context);
  const governs = GovernsIndex.build(index.entries(), files, re2RegexEngine);
  return { index, governs, evidence: read.evidence, files, head: read.read.head, notes: read.notes };
}

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
