import { appendFile } from 'node:fs/promises';
import { findAffected, isAffectedFailure, type AffectedReport } from '../../core/affected/affected';
import { renderAffectedJson, renderAffectedMarkdown, weight, whoToAsk } from '../../core/affected/render-affected';
import { entryGoverns, globGoverningLookup, governsFromRecords } from '../../core/code/governing';
import { joinPath, relativePath } from '../../core/port/paths';
import { withEvidence } from '../../core/affected/affected-evidence';
import { GovernsIndex } from '../../core/code/governs-index';
import type { DecisionIndex } from '../../core/index/decision-index';
import type { CliContext } from '../context';
import { readEvidence } from '../code/evidence-scan';
import { workspaceFiles } from '../code/code-scan';
import { choice, stringOption, todayOption, UsageError } from '../args';
import { escapeData, escapeProperty } from '../formats/github';
import { location } from '../formats/lint-output';
import { openWorkspace, scanWorkspace, type OpenedWorkspace } from '../open-workspace';
import { re2RegexEngine } from '../../node/re2-regex-engine';
import { HELP_OPTION, TODAY_OPTION, type Command } from './command';
import { checkedRef, gitFailure, gitRepositoryFor } from './git-base';

const AFFECTED_FORMATS = ['md', 'json', 'github'] as const;

export const affectedCommand: Command = {
  name: 'affected',
  summary: 'What a branch touches: the decisions governing its changed files, who holds them, and number collisions.',
  usage: 'affected --base <ref> [--head <ref>] [options]',
  options: {
    base: { type: 'string', value: 'ref', description: 'The branch the change will be merged into (main, origin/main, a commit). Required.' },
    head: { type: 'string', value: 'ref', description: 'The change\'s tip (default: the working tree, uncommitted and untracked files included).' },
    format: { type: 'string', short: 'f', value: 'format', description: 'md (default: a pull-request comment), json, or github (workflow annotations).' },
    ...TODAY_OPTION,
    ...HELP_OPTION,
  },
  details: () =>
    [
      'The files changed between the merge base of --base and --head (git diff <merge-base> <head>,',
      'renames followed), or, without --head, the working tree: staged and unstaged changes and',
      'untracked files that are not ignored. For each decision whose `governs` globs match a changed',
      'file: what the change touches, the door and risk, and who holds the knowledge. Then the records',
      'the change adds or edits, and number-collision: a record added here whose number the tip of',
      '--base already gives another record.',
      '',
      'With GITHUB_STEP_SUMMARY set, the Markdown is also appended to that file, whatever --format.',
      'Paths are repository-relative, as git names them.',
      '',
      'Exit codes:',
      '  0  nothing to fix before merging',
      '  1  an error-severity finding (number-collision)',
      '  2  usage error, no git, or a ref git does not know (a shallow clone lacks the merge base)',
    ].join('\n'),
  async run(args, context) {
    const format = choice(stringOption(args, 'format'), AFFECTED_FORMATS, 'md', 'format');
    const base = checkedRef(stringOption(args, 'base'), '--base');
    const head = checkedRef(stringOption(args, 'head'), '--head');
    const today = todayOption(stringOption(args, 'today'));
    if (base === undefined) throw new UsageError('affected needs --base <ref>: the branch the change will be merged into (main, origin/main)');
    if (args.positionals.length) throw new UsageError(`unexpected argument '${args.positionals[0]}' (see 'legible affected --help')`);

    const opened = await openWorkspace(context);
    const repository = await gitRepositoryFor(opened.root, 'legible affected', context);
    const workspace = await scanWorkspace(opened, opened.folders, today, { body: false, env: context.env });
    // INTERIM: the GovernsIndex replaces this lookup at the merge (see src/core/code/governing.ts).
    const fromRecords = await governsFromRecords(workspace);
    const governing = globGoverningLookup(workspace.index.entries(), (entry) => entryGoverns(entry) ?? fromRecords.get(entry.path), re2RegexEngine);

    const result = await findAffected({ repository, base, head, repoRoot: repository.root, folders: opened.folders, index: workspace.index, config: opened.loaded.config, governing });
    if (isAffectedFailure(result)) throw gitFailure(result.asked, repository, base);
    const report = await observed(result, workspace.index, opened, repository.root, context, today);

    const markdown = renderAffectedMarkdown(report, repository.root);
    context.out(format === 'md' ? markdown : format === 'json' ? renderAffectedJson(report, repository.root) : renderAffectedGithub(report, repository.root));
    const summary = context.env.GITHUB_STEP_SUMMARY;
    if (summary) {
      try {
        await appendFile(summary, `${markdown}\n`);
      } catch (error) {
        context.warn(`the job summary could not be written (GITHUB_STEP_SUMMARY): ${(error as Error).message}`);
      }
    }
    return report.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
  },
};

/**
 * The history's word on each decision touched (who changed that code lately, which successor has
 * not) and the evidence rules' findings on them; the report as it was when the history cannot be
 * read (the rest of `affected` needs only the diff).
 */
async function observed(report: AffectedReport, index: DecisionIndex, opened: OpenedWorkspace, repoRoot: string, context: CliContext, today: string): Promise<AffectedReport> {
  if (!report.decisions.length) return report;
  const read = await readEvidence(opened, context, today);
  if ('problem' in read) return report;
  const governs = GovernsIndex.build(index.entries(), await workspaceFiles(opened, context), re2RegexEngine);
  const evidencePath = (path: string) => {
    const inWorkspace = relativePath(opened.root, joinPath(repoRoot, path));
    return inWorkspace.startsWith('../') || inWorkspace === '..' ? undefined : inWorkspace;
  };
  return withEvidence(report, { index, governs, evidence: read.evidence, config: opened.loaded.config, evidencePath });
}

/**
 * Workflow annotations: a notice on each changed file a decision governs (a warning when the door
 * is one-way, the risk high or critical, or one person alone holds it), one on each record added or
 * edited, and each finding at its line. Escaped as `lint --format github` escapes.
 */
export function renderAffectedGithub(report: AffectedReport, repoRoot: string): string {
  const lines: string[] = [];
  for (const { record, files } of report.decisions) {
    const heavy = record.door === 'one-way' || record.risk === 'high' || record.risk === 'critical' || record.holders.length === 1;
    const message = `${record.id} ${record.title} governs this file (${weight(record)}). ${whoToAsk(record)}`;
    for (const file of files) {
      if (file.kind === 'deleted') continue;
      lines.push(`::${heavy ? 'warning' : 'notice'} file=${escapeProperty(file.path)},title=${escapeProperty(`Legible: governed by ${record.id}`)}::${escapeData(message)}`);
    }
  }
  for (const { change, record } of report.records) {
    if (!record) continue;
    lines.push(`::notice file=${escapeProperty(change.path)},title=${escapeProperty(`Legible: record ${change.kind}`)}::${escapeData(`${record.id} ${record.title} (${record.status ?? 'no status'}) is ${change.kind} on this branch.`)}`);
  }
  for (const finding of report.findings) {
    const at = location(finding.range);
    const command = finding.severity === 'info' ? 'notice' : finding.severity;
    lines.push(`::${command} file=${escapeProperty(relativePath(repoRoot, finding.path))},line=${at.line},col=${at.column},title=${escapeProperty(`Legible ${finding.ruleId}`)}::${escapeData(finding.message)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
