import { isInside, relativePath } from '../../core/port/paths';
import { CONFIG_FILE } from '../../core/workspace/load-config';
import { RULES } from '../../core/rules/registry';
import { choice, flag, stringOption, todayOption, warningLimit, type ParsedArgs } from '../args';
import { displayPath, type CliContext } from '../context';
import { FORMAT_NAMES, FORMATTERS } from '../formats/formats';
import { countFindings, plural, type LintedFile } from '../formats/lint-output';
import { requireFolders, scanWorkspace, type OpenedWorkspace } from '../open-workspace';
import { scanCode, workspaceListing } from '../code/code-scan';
import { lintCode } from '../../core/lint/lint-code';
import { lintEvidence } from '../../core/lint/lint-evidence';
import { severityOf } from '../../core/lint/lint-document';
import type { CodeFacts } from '../../core/code/code-facts';
import { readEvidence } from '../code/evidence-scan';
import type { DecisionIndex } from '../../core/index/decision-index';
import type { Finding } from '../../core/rules/rule';
import type { LintCache } from '../scan/lint-cache';
import { namesFolder, openCache } from '../scan/open-cache';
import { CACHE_LOCATION_OPTION, HELP_OPTION, TODAY_OPTION, type Command } from './command';
import type { LintTargets } from './lint-targets';
import { openLintWorkspaces } from './lint-workspaces';
import { applyFixes } from './lint-fix';
import { addBaseFindings, checkedRef } from './git-base';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check decision records against the rules; exit 1 when they fail.',
  usage: 'lint [paths…] [options]',
  options: {
    format: { type: 'string', short: 'f', value: 'format', description: `Output format: ${FORMAT_NAMES.join(', ')} (default stylish).` },
    'max-warnings': { type: 'string', value: 'N', description: 'Fail (exit 1) when there are more than N warnings (default, or -1 as in ESLint: no limit).' },
    quiet: { type: 'boolean', short: 'q', description: 'Print errors only (warnings still count for --max-warnings).' },
    fix: { type: 'boolean', description: 'First apply the fixes that invent nothing (back-links, the status a successor implies, a typo with one candidate); print each file changed on stderr.' },
    base: { type: 'string', value: 'ref', description: 'Also compare with the branch this one will be merged into: number-collision (needs git).' },
    verbose: { type: 'boolean', description: 'Also say what was read besides the records: the git history for the evidence rules, or why it was not.' },
    cache: { type: 'boolean', description: 'Reuse the results of files unchanged since the last --cache run (records: size and modification time; code in git: unchanged since the tree of that run).' },
    ...CACHE_LOCATION_OPTION,
    ...TODAY_OPTION,
    ...HELP_OPTION,
  },
  details: () => {
    const width = Math.max(...RULES.map((rule) => rule.id.length));
    const severity = Math.max(...RULES.map((rule) => rule.defaultSeverity.length));
    return [
      'Paths:',
      '  With none, the decisions folders of .legible.json ("folders"), else those named by .adr-dir or',
      '  .log4brains.yml, else the usual places (docs/decisions, docs/adr, …). A folder is linted as a',
      '  decisions folder; a Markdown file is linted with its folder\'s records in the index, so',
      '  references resolve, but only its own findings are printed; any other file is code (below). A',
      '  folder with no records is a warning, not a failure, whether it is named here or in .legible.json.',
      '  Each path is linted in its own workspace: paths in several projects of one repository (each with',
      '  its .legible.json) are linted project by project and reported as one; another repository\'s are',
      '  refused.',
      '',
      'Code (unless "code": { "enabled": false } in .legible.json):',
      '  With no paths, every tracked text file outside the decisions folders, node_modules and build',
      '  output (dist, out, build, target, coverage), up to 1 MB and not binary, is scanned for',
      '  citations of records (ADR-0007, RFC-0012, EXIT-0011, a folder\'s own prefix), and every',
      '  record\'s governs globs are matched against the tracked files (git ls-files; without git, the',
      '  files below the root). "code": { "include": [...], "exclude": [...] } narrows the scan. With',
      '  paths, governs is matched for the records named, and only the code files named are scanned.',
      '',
      'Paths printed are relative to the current folder, except --format github (relative to the',
      'repository root, the folder holding .git, as GitHub resolves them) and sarif (relative to the',
      'same root, %SRCROOT%).',
      '',
      'Fixes (--fix):',
      '  Only what the records already say: a missing back-link in supersedes/superseded-by, the',
      '  status superseded for a record whose successor is named, a vocabulary typo that can be only',
      '  one word. Placeholders and choices are left to you. Each file is rewritten atomically, and',
      '  skipped if it changed meanwhile; the exit code is that of the findings that remain.',
      '',
      'Base (--base <ref>):',
      '  Also runs the rules that compare this branch with <ref> (number-collision: a record added since',
      '  the merge base whose number the tip of <ref> already gives another record). Uncommitted and',
      '  untracked records count as added. Needs git; without it, or for a ref git does not know, exit 2.',
      '',
      'Exit codes:',
      '  0  no errors, and no more warnings than --max-warnings',
      '  1  errors, or too many warnings',
      '  2  usage, configuration or internal error',
      '',
      'Rules (default severity; change it under "rules" in .legible.json):',
      ...RULES.map((rule) => `  ${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(severity)}  ${rule.description}`),
    ].join('\n');
  },
  async run(args, context) {
    const format = choice(stringOption(args, 'format'), FORMAT_NAMES, 'stylish', 'format');
    const maxWarnings = warningLimit(stringOption(args, 'max-warnings'), '--max-warnings');
    const options: LintOptions = { today: todayOption(stringOption(args, 'today')), quiet: flag(args, 'quiet'), base: checkedRef(stringOption(args, 'base'), '--base'), named: args.positionals.length > 0 };

    // One workspace, or with paths in a monorepo's projects, one per project: linted one by one, printed as one.
    const { workspaces, repository } = await openLintWorkspaces(args.positionals, context);
    const location = stringOption(args, 'cache-location');
    if (workspaces.length > 1 && location !== undefined && !(await namesFolder(location, context))) {
      context.warn(`--cache-location names one file, but the paths lie in ${workspaces.length} workspaces: each writes it in turn, so it keeps only the last one's results. Name a folder (${location.replace(/[^\\/]*$/, '') || './'}), which holds a cache file per workspace.`);
    }
    const shown: ShownFile[] = [];
    for (const { opened, targets } of workspaces) shown.push(...(await lintWorkspace(opened, targets, options, args, context)));

    const files: LintedFile[] = shown
      .map(([path, findings, kind]) => ({ path, display: displayPath(context.cwd, path), kind, findings: options.quiet ? findings.filter((f) => f.severity === 'error') : findings }))
      .sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
    // GitHub and code scanning resolve paths from the repository root, wherever lint runs.
    context.out(FORMATTERS[format]({ files, root: repository, display: (path) => displayPath(context.cwd, path), color: context.color, quiet: options.quiet }));

    // Counted before --quiet hides anything: what passes CI must not depend on what is printed.
    const counts = countFindings(shown.flatMap(([, findings]) => findings));
    if (counts.errors) return 1;
    if (maxWarnings !== undefined && counts.warnings > maxWarnings) {
      context.warn(`${plural(counts.warnings, 'warning')}, more than --max-warnings ${maxWarnings} allows.`);
      return 1;
    }
    return 0;
  },
};

interface LintOptions {
  readonly today: string;
  readonly quiet: boolean;
  readonly base: string | undefined;
  /** Paths were named on the command line (else the workspace's folders are linted). */
  readonly named: boolean;
}

/** One workspace's lint (its own config, folders, rules, cache): the files it shows, with their findings. */
/** A file linted: its path, its findings, and whether it is a record of its workspace or code. */
type ShownFile = [path: string, findings: Finding[], kind: 'record' | 'code'];

async function lintWorkspace(opened: OpenedWorkspace, targets: LintTargets, options: LintOptions, args: ParsedArgs, context: CliContext): Promise<ShownFile[]> {
  const { today, base } = options;
  // The code rules' file list (git's, in a process of its own) is asked now: git lists while the
  // records are read, and starting a process is cheaper before the scan has grown this one.
  if (opened.loaded.config.code.enabled) workspaceListing(opened, context).catch(() => undefined);
  const cache = flag(args, 'cache') || stringOption(args, 'cache-location') !== undefined ? await openCache(opened, today, stringOption(args, 'cache-location'), context, { read: false }) : undefined;
  const workspace = await scanWorkspace(opened, targets.folders, today, { extraFiles: targets.extraFiles, cache, env: context.env });
  if (flag(args, 'fix')) await applyFixes(workspace, targets.shows, context);
  const byFile = await workspace.findings();
  if (base !== undefined) await addBaseFindings(byFile, workspace, opened, base, context);
  if (targets.codeFiles.length && !opened.folders.length) await requireFolders(opened, context, 'lint');
  if (targets.codeFiles.length && !opened.loaded.config.code.enabled) context.warn(`code.enabled is false in ${CONFIG_FILE}: the citations in ${targets.codeFiles.map((path) => displayPath(context.cwd, path)).join(', ')} are not checked.`);
  if (opened.loaded.config.code.enabled) {
    const scan = options.named ? targets.codeFiles.map((path) => relativePath(opened.root, path)) : undefined;
    const facts = await addCodeFindings(byFile, workspace.index, opened, context, scan, cache);
    await addEvidenceFindings(byFile, workspace.index, facts, opened, context, today, flag(args, 'verbose'), cache);
  }
  if (cache) await saveCache(cache, context);
  // A code file named and clean was checked all the same: it counts, as a clean record does.
  for (const path of targets.codeFiles) if (opened.loaded.config.code.enabled && !byFile.has(path)) byFile.set(path, []);

  const shown = [...byFile].filter(([path]) => targets.shows(path));
  warnEmptyFolders(targets.askedFolders, shown.map(([path]) => path), !options.named && !opened.loaded.config.folders.length, context);
  return shown.map(([path, findings]): ShownFile => [path, findings, workspace.index.get(path) ? 'record' : 'code']);
}

/**
 * An empty folder passes, named on the command line or in .legible.json alike: a repository that
 * sets Legible up before its first record must not fail CI. A warning still catches a typo'd or
 * misplaced folder. Folders found by looking in the usual places were named by no one: one of them
 * empty beside others with records is no news, so they are mentioned only when all are empty.
 */
function warnEmptyFolders(folders: readonly string[], linted: readonly string[], discovered: boolean, context: CliContext): void {
  const empty = folders.filter((folder) => !linted.some((path) => isInside(folder, path)));
  if (discovered && empty.length < folders.length) return;
  for (const folder of empty) context.warn(`${displayPath(context.cwd, folder)} holds no decision records yet (no Markdown file outside the "ignore" patterns); is it the folder you meant?`);
}

/**
 * The rules about records and code. Without paths (`scan` undefined): every code file is scanned
 * for citations and every record's `governs` matched. With paths, `governs` is matched (its
 * findings print for the records named) and only the code files named are scanned (workspace-
 * relative): scanning the whole repository for one record's sake would make `lint <record>` cost
 * a full scan.
 */
async function addCodeFindings(byFile: Map<string, Finding[]>, index: DecisionIndex, opened: OpenedWorkspace, context: CliContext, scan: readonly string[] | undefined, cache: LintCache | undefined): Promise<CodeFacts> {
  // With paths the cache keeps its code entries for the next full run.
  const facts = await scanCode(opened, index, context, scan ? { scan } : { cache });
  addFindings(byFile, lintCode(index, facts, opened.loaded.config));
  return facts;
}

/**
 * The rules that set declared knowledge against the history (`holder-departed`…), when git can
 * read it: without git or outside a repository they are silent, and `--verbose` says why once.
 */
async function addEvidenceFindings(byFile: Map<string, Finding[]>, index: DecisionIndex, facts: CodeFacts, opened: OpenedWorkspace, context: CliContext, today: string, verbose: boolean, cache: LintCache | undefined): Promise<void> {
  if (!RULES.some((rule) => rule.scope === 'evidence' && severityOf(rule, opened.loaded.config) !== 'off')) return;
  const read = await readEvidence(opened, context, today, { cache });
  if ('problem' in read) {
    if (verbose) context.note(`the rules that compare records with the git history did not run: ${read.problem}.`);
    return;
  }
  // A shallow clone (most CI checkouts), an empty repository, a .mailmap line git skips: said on request.
  if (verbose) for (const note of read.notes) context.note(note);
  if (verbose) context.note(`evidence from ${read.read.history.commits} commits (${read.read.how === 'full' ? 'history read' : read.read.how === 'incremental' ? 'cache brought up to HEAD' : read.read.how === 'cached' ? 'from the cache' : 'no commit yet'}), window since ${read.evidence.since}.`);
  addFindings(byFile, lintEvidence(index, facts.governs, read.evidence, opened.loaded.config));
}

/** New lists, sorted by position: the workspace's own must not change under it. */
function addFindings(byFile: Map<string, Finding[]>, findings: readonly Finding[]): void {
  for (const finding of findings) byFile.set(finding.path, [...(byFile.get(finding.path) ?? []), finding]);
  for (const [path, list] of byFile) byFile.set(path, [...list].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
}

/** A cache that cannot be written costs the next run time, not this run its result. */
async function saveCache(cache: LintCache, context: CliContext): Promise<void> {
  try {
    await cache.save();
  } catch (error) {
    context.warn(`the lint cache could not be written to ${cache.shown}: ${(error as Error).message}`);
  }
}
