import { appendFile } from 'node:fs/promises';
import { affectedReport, changeFromGit, changedAsked, isAffectedFailure, type AffectedReport } from '../../core/affected/affected';
import { renderAffectedJson, renderAffectedMarkdown, weight, whoToAsk } from '../../core/affected/render-affected';
import { governsIndexLookup } from '../../core/code/governing';
import { isInside, joinPath, relativePath } from '../../core/port/paths';
import { TreeSnapshotFileSystem } from '../../core/port/tree-snapshot';
import type { DecisionWorkspace } from '../../core/workspace/decision-workspace';
import { evidenceEntries, withEvidence } from '../../core/affected/affected-evidence';
import { GovernsIndex } from '../../core/code/governs-index';
import type { DecisionIndex } from '../../core/index/decision-index';
import { readEvidence } from '../code/evidence-scan';
import { workspaceFiles } from '../code/code-scan';
import { choice, flag, stringOption, todayOption, UsageError } from '../args';
import { escapeData, escapeProperty } from '../formats/github';
import { location } from '../formats/lint-output';
import { openWorkspace, type OpenedWorkspace } from '../open-workspace';
import { re2RegexEngine } from '../../node/re2-regex-engine';
import { openCache } from '../scan/open-cache';
import { CACHE_LOCATION_OPTION, HELP_OPTION, TODAY_OPTION, type Command } from './command';
import { checkedRef, gitFailure, gitRepositoryFor } from './git-base';
import { indexRecords } from './affected-index';
import type { CliContext } from '../context';
import type { NodeGitRepository } from '../../node/git-repository';
import type { RepositoryPort } from '../../core/port/repository';

const AFFECTED_FORMATS = ['md', 'json', 'github'] as const;

export const affectedCommand: Command = {
  name: 'affected',
  summary: 'What a branch touches: the decisions governing its changed files, who holds them, and number collisions.',
  usage: 'affected --base <ref> [--head <ref>] [options]',
  options: {
    base: { type: 'string', value: 'ref', description: 'The branch the change will be merged into (main, origin/main, a commit). Required.' },
    head: { type: 'string', value: 'ref', description: 'The change\'s tip (default: the working tree, uncommitted and untracked files included); its records and history are read from that commit, whatever is checked out.' },
    format: { type: 'string', short: 'f', value: 'format', description: 'md (default: a pull-request comment), json, or github (workflow annotations).' },
    cache: { type: 'boolean', description: 'Take the records unchanged since the last `lint --cache` run, and the history it read, from its cache instead of reading them again (nothing is written to it).' },
    ...CACHE_LOCATION_OPTION,
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
      'With --cache, after `legible lint --cache` in the same job (as the GitHub Action runs them):',
      'the records whose size and modification time are unchanged, and the history when HEAD has',
      'not moved, come from that cache; the report is the same as without it.',
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
    const location = stringOption(args, 'cache-location');
    const cache = flag(args, 'cache') || location !== undefined ? await openCache(opened, today, location, context) : undefined;
    // For what the history says of the decisions touched: the history, read from the start beside
    // everything else (it is the longest of git's answers), and the tracked files. Before the diff
    // tells whether a decision is touched: the history is stopped when none is, or when anything
    // fails first. Without line counts: the report names who changed the code, never how much.
    // With --head, the history ends at that commit, as the records and files below are its own.
    const unneeded = new AbortController();
    const history = started(readEvidence(opened, context, today, { cache, signal: unneeded.signal, lines: false, at: head }));
    try {
      const repository = await gitRepositoryFor(opened.root, 'legible affected', context);
      const tracked = started(head === undefined ? workspaceFiles(opened, context) : filesAt(repository, head, opened.root));
      const mergeBase = await repository.mergeBase(base, head ?? 'HEAD');
      if (mergeBase === undefined) throw gitFailure(changedAsked(base, head), repository, base);
      // The diff (with the untracked files) and the base's decisions folders while this thread
      // indexes the records.
      const changes = changeFromGit({ repository: fromMergeBase(repository, mergeBase), base, head, repoRoot: repository.root, folders: opened.folders });
      const workspace = head === undefined ? await indexRecords(opened, today, cache) : await indexRecordsAt(repository, head, opened, today);
      // The records' globs compiled once: the changed files are matched alone, the evidence's files later.
      const governs = GovernsIndex.build(workspace.index.entries(), [], re2RegexEngine);

      const change = await changes;
      if (isAffectedFailure(change)) throw gitFailure(change.asked, repository, base);
      const result = affectedReport(base, head, change, { repoRoot: repository.root, folders: opened.folders, index: workspace.index, config: opened.loaded.config, governing: governsIndexLookup(governs, workspace.index) });
      if (!result.decisions.length) unneeded.abort();
      const report = result.decisions.length ? observed(result, workspace.index, opened, repository.root, await history, await tracked) : result;
      return await write(report, repository.root, format, context);
    } catch (error) {
      unneeded.abort();
      throw error;
    }
  },
};

/** The report in `format`, and the Markdown appended to GITHUB_STEP_SUMMARY when set; the exit code. */
async function write(report: AffectedReport, repoRoot: string, format: (typeof AFFECTED_FORMATS)[number], context: CliContext): Promise<number> {
  const summary = context.env.GITHUB_STEP_SUMMARY;
  // The Markdown only where it is read: a comment of 1,000 decisions takes tens of milliseconds.
  const markdown = format === 'md' || summary ? renderAffectedMarkdown(report, repoRoot) : '';
  context.out(format === 'md' ? markdown : format === 'json' ? renderAffectedJson(report, repoRoot) : renderAffectedGithub(report, repoRoot));
  if (summary) {
    try {
      await appendFile(summary, `${markdown}\n`);
    } catch (error) {
      context.warn(`the job summary could not be written (GITHUB_STEP_SUMMARY): ${(error as Error).message}`);
    }
  }
  return report.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

/**
 * The history's word on each decision touched (who changed that code lately, which successor has
 * not) and the evidence rules' findings on them; the report as it was when the history cannot be
 * read (the rest of `affected` needs only the diff). The globs of the records the evidence looks
 * at alone are matched against the tracked files the history knows (it counts no other): in a
 * repository whose history knows its 100,000 files, matching them against every record's globs
 * was the better part of a second, and a change touches a few decisions.
 */
function observed(report: AffectedReport, index: DecisionIndex, opened: OpenedWorkspace, repoRoot: string, read: Awaited<ReturnType<typeof readEvidence>>, tracked: readonly string[]): AffectedReport {
  if (!report.decisions.length || 'problem' in read) return report;
  const { evidence } = read;
  const governs = GovernsIndex.build(evidenceEntries(report, index), [], re2RegexEngine);
  for (const path of tracked) if (evidence.knows(path)) governs.add(path);
  const evidencePath = (path: string) => {
    const inWorkspace = relativePath(opened.root, joinPath(repoRoot, path));
    return inWorkspace.startsWith('../') || inWorkspace === '..' ? undefined : inWorkspace;
  };
  return withEvidence(report, { index, governs, evidence, config: opened.loaded.config, evidencePath });
}

/**
 * The records of the decisions folders as `ref`'s tree holds them: `affected --head <ref>` reports
 * on that branch whatever is checked out (the working tree may be the base, or another branch).
 * `lint --cache`'s entries are of the working tree, so none is taken.
 */
async function indexRecordsAt(repository: NodeGitRepository, ref: string, opened: OpenedWorkspace, today: string): Promise<DecisionWorkspace> {
  const folders = opened.folders.filter((folder) => isInside(repository.root, folder)).map((folder) => relativePath(repository.root, folder));
  // A decisions folder at the top of the repository is the whole tree.
  const tree = await repository.treeAt(ref, folders.includes('.') ? [] : folders, opened.loaded.config.limits.maxFileBytes);
  if (tree === undefined) throw gitFailure(`the decision records at ${ref}`, repository, ref);
  return indexRecords({ ...opened, fs: new TreeSnapshotFileSystem(repository.root, tree) }, today);
}

/** The files of `ref`'s tree below the workspace root, relative to it (as `workspaceFiles` lists the working tree's). */
async function filesAt(repository: NodeGitRepository, ref: string, root: string): Promise<readonly string[]> {
  const below = relativePath(repository.root, root);
  const prefix = below === '.' ? '' : `${below}/`;
  const files = (await repository.filesAt(ref, prefix ? below : undefined)) ?? [];
  return files.filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
}

/**
 * The repository port with the merge base already asked: `changedFiles` diffs from it instead of
 * asking git again.
 */
function fromMergeBase(repository: NodeGitRepository, mergeBase: string): RepositoryPort {
  return {
    trackedFiles: () => repository.trackedFiles(),
    changedFiles: (_base, head) => repository.changedSince(mergeBase, head),
    filesAt: (ref, folder) => repository.filesAt(ref, folder),
    textAt: (ref, path, maxBytes) => repository.textAt(ref, path, maxBytes),
  };
}

/** A promise awaited later, maybe never (a usage error first): its rejection is not left unhandled meanwhile. */
function started<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
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
    const message = `${record.id} ${record.title} governs this file (${weight(record)}). ${whoToAsk(record, report.observed?.get(record.path)?.gone)}`;
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
