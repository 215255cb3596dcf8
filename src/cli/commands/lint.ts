import { RULES } from '../../core/rules/registry';
import { choice, flag, nonNegativeInteger, stringOption, todayOption, UsageError } from '../args';
import { displayPath } from '../context';
import { FORMAT_NAMES, FORMATTERS } from '../formats/formats';
import { countFindings, plural, type LintedFile } from '../formats/lint-output';
import { openWorkspace, requireFolders, scanWorkspace } from '../open-workspace';
import { HELP_OPTION, TODAY_OPTION, type Command } from './command';
import { lintTargets } from './lint-targets';
import { DEFAULT_CACHE, openCache } from '../scan/open-cache';
import { applyFixes } from './lint-fix';

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check decision records against the rules; exit 1 when they fail.',
  usage: 'lint [paths…] [options]',
  options: {
    format: { type: 'string', short: 'f', value: 'format', description: `Output format: ${FORMAT_NAMES.join(', ')} (default stylish).` },
    'max-warnings': { type: 'string', value: 'N', description: 'Fail (exit 1) when there are more than N warnings (default: no limit).' },
    quiet: { type: 'boolean', short: 'q', description: 'Print errors only (warnings still count for --max-warnings).' },
    fix: { type: 'boolean', description: 'First apply the fixes that invent nothing (back-links, the status a successor implies, a typo with one candidate); print each file changed on stderr.' },
    cache: { type: 'boolean', description: 'Reuse the results of files unchanged since the last --cache run (size and modification time).' },
    'cache-location': { type: 'string', value: 'file', description: `Where --cache keeps its results (default ${DEFAULT_CACHE}, or .legible-cache/ without node_modules).` },
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
      '  decisions folder; a file is linted with its folder\'s records in the index, so references',
      '  resolve, but only its own findings are printed.',
      '',
      'Fixes (--fix):',
      '  Only what the records already say: a missing back-link in supersedes/superseded-by, the',
      '  status superseded for a record whose successor is named, a vocabulary typo that can be only',
      '  one word. Placeholders and choices are left to you. Each file is rewritten atomically, and',
      '  skipped if it changed meanwhile; the exit code is that of the findings that remain.',
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
    const maxWarnings = nonNegativeInteger(stringOption(args, 'max-warnings'), '--max-warnings');
    const today = todayOption(stringOption(args, 'today'));
    const quiet = flag(args, 'quiet');

    const opened = await openWorkspace(context, args.positionals);
    if (!args.positionals.length) requireFolders(opened, context, 'lint');
    const targets = await lintTargets(args.positionals, opened, context);
    const cache = flag(args, 'cache') || stringOption(args, 'cache-location') ? await openCache(opened, today, stringOption(args, 'cache-location'), context) : undefined;
    const workspace = await scanWorkspace(opened, targets.folders, today, { extraFiles: targets.extraFiles, cache, env: context.env });
    if (flag(args, 'fix')) await applyFixes(workspace, targets.shows, context);
    const byFile = await workspace.findings();

    const shown = [...byFile].filter(([path]) => targets.shows(path));
    if (args.positionals.length && !shown.length) throw new UsageError(`no decision records in ${args.positionals.join(', ')}`);
    const files: LintedFile[] = shown
      .map(([path, findings]) => ({ path, display: displayPath(context.cwd, path), findings: quiet ? findings.filter((f) => f.severity === 'error') : findings }))
      .sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
    context.out(FORMATTERS[format]({ files, root: opened.root, display: (path) => displayPath(context.cwd, path), color: context.color, quiet }));

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
