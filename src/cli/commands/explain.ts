import { resolve } from 'node:path';
import { CitationForms } from '../../core/code/citations';
import { explainPath, renderExplainMarkdown, type FileExplanation } from '../../core/code/explain';
import { isInside, joinPath, relativePath } from '../../core/port/paths';
import { printableKeepingBreaks, printableJson } from '../../core/text/printable';
import { re2RegexEngine } from '../../node/re2-regex-engine';
import { toPortable } from '../../node/portable-path';
import { choice, stringOption, todayOption, UsageError } from '../args';
import { scanCode, workspaceListing } from '../code/code-scan';
import { ignoredFilesAt } from '../../node/tracked-files';
import { displayPath } from '../context';
import { openWorkspace, requireFolders, scanWorkspace } from '../open-workspace';
import { HELP_OPTION, TODAY_OPTION, type Command } from './command';

const EXPLAIN_FORMATS = ['md', 'json'] as const;

export const explainCommand: Command = {
  name: 'explain',
  summary: 'For each file: the decisions that govern it and the records it cites.',
  usage: 'explain <paths…> [options]',
  options: {
    format: { type: 'string', short: 'f', value: 'format', description: 'md (default) or json.' },
    ...TODAY_OPTION,
    ...HELP_OPTION,
  },
  details: () =>
    [
      'Paths: files of the workspace (a file need not exist any more: governs still matches its path).',
      '',
      'A file is governed by a record whose governs globs match it (the last matching glob decides;',
      '! excludes). Citations are record ids in the file\'s text (ADR-0007, RFC-0012, EXIT-0011, a',
      'folder\'s own prefix). Each record comes with its status, door, risk, owners, holders,',
      'successors and the records that replaced it. Files and record links are relative to the current folder.',
    ].join('\n'),
  async run(args, context) {
    const format = choice(stringOption(args, 'format'), EXPLAIN_FORMATS, 'md', 'format');
    const today = todayOption(stringOption(args, 'today'));
    if (!args.positionals.length) throw new UsageError('name the files to explain (legible explain src/ledger.ts)');
    const opened = await openWorkspace(context, args.positionals);
    const folders = await requireFolders(opened, context, 'explain');
    const paths = args.positionals.map((given) => {
      const path = toPortable(resolve(context.cwd, given));
      if (!isInside(opened.root, path) || path === opened.root) throw new UsageError(`${given} is not a file inside the workspace (${displayPath(context.cwd, opened.root)})`);
      return path;
    });
    const workspace = await scanWorkspace(opened, folders, today, { body: false });
    const index = workspace.index;
    const facts = await scanCode(opened, index, context, { scan: [] });
    // A file the list lacks (not tracked yet, or not created yet) is matched on its own, as the
    // MCP server's decisions_for_path matches it: what would govern it once it is committed. Not
    // one git ignores (a log, a local build), which the editor does not govern either.
    const listing = await workspaceListing(opened, context);
    const listed = new Set(listing.files);
    const missing = paths.map((path) => relativePath(opened.root, path)).filter((path) => !listed.has(path));
    // git lists only files that are there: one not written yet is asked about by no one.
    const present: string[] = [];
    for (const path of missing) if (await opened.fs.stat(joinPath(opened.root, path)).catch(() => undefined)) present.push(path);
    const ignored = new Set(listing.tracked && present.length ? ((await ignoredFilesAt(opened.root, present, context.env)) ?? []) : []);
    for (const path of missing) if (!ignored.has(path)) facts.governs.add(path);
    const forms = new CitationForms(index.entries());
    // Each file is named as the record links are, relative to the current folder, as lint names files.
    const files: FileExplanation[] = [];
    for (const path of paths) files.push({ ...(await explainPath(opened.fs, path, relativePath(opened.root, path), index, facts.governs, forms, re2RegexEngine)), path: displayPath(context.cwd, path) });
    if (format === 'json') {
      const json = JSON.stringify(files, (key, value: unknown) => (key === 'path' && typeof value === 'string' && value.startsWith('/') ? displayPath(context.cwd, value) : value), 2);
      context.out(`${printableJson(json)}\n`);
    } else context.out(printableKeepingBreaks(renderExplainMarkdown(files, (path) => displayPath(context.cwd, path))));
    return 0;
  },
};
