import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { parseDecisionDocument } from '../../core/document/decision-document';
import { migrateRecord } from '../../core/migrate/migrate-record';
import { collectDecisionFiles } from '../../core/workspace/collect-files';
import { flag, UsageError } from '../args';
import { displayPath, type CliContext } from '../context';
import { printable, printableLine } from '../../core/text/printable';
import { plural } from '../formats/lint-output';
import { openWorkspace, requireFolders, type OpenedWorkspace } from '../open-workspace';
import { NODE_RECORD_IO, type RecordIo } from '../../node/record-file';
import { isOutsideWorkspace } from '../../core/port/file-system';
import { HELP_OPTION, type Command } from './command';
import { findRepository } from '../../node/repository';
import { NodeGitRepository } from '../../node/git-repository';
import { isInside, relativePath } from '../../core/port/paths';
import { lintTargets } from './lint-targets';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Write Legible frontmatter into every legacy record, keeping the rest of each file byte for byte.',
  usage: 'migrate [paths…] [--dry-run]',
  options: {
    'dry-run': { type: 'boolean', description: 'Print the change as a unified diff (the report on stderr); write nothing.' },
    ...HELP_OPTION,
  },
  details: () =>
    [
      'Paths:',
      '  With none, the workspace\'s decisions folders (as legible lint finds them); else the folders',
      '  and files named. Records that already have Legible frontmatter are left alone.',
      '',
      'What it writes:',
      '  The frontmatter the editor\'s "Add Legible frontmatter" fix writes: type, title, status, date,',
      '  owners, deciders, supersession links and tags from what the record says (a MADR/Jekyll',
      '  block keeps every key and gains the missing ones), and placeholders that ask for the rest.',
      '  In a git repository, a record that names no date gets the day git first recorded it',
      '  (renames followed), with a note that asks whether it was decided then.',
      '  A status that is none of the type\'s words is kept as written and reported. Everything after',
      '  the new frontmatter stays as it was, byte for byte (line breaks and a BOM too). Each file is',
      '  written to a temporary file and renamed over the original, only if the original has not',
      '  changed since it was read.',
      '',
      'Exit codes:',
      '  0  every record migrated (or already Legible)',
      '  1  some file was not migrated: it is named, with why; it was left untouched',
      '  2  usage, configuration or internal error',
    ].join('\n'),
  run(args, context) {
    return runMigrate(args.positionals, { dryRun: flag(args, 'dry-run') }, context);
  },
};

export interface MigrateOptions {
  readonly dryRun: boolean;
}

/** The command without its argument parsing: tests call it with their own RecordIo. */
export async function runMigrate(paths: readonly string[], options: MigrateOptions, context: CliContext, io: RecordIo = NODE_RECORD_IO): Promise<number> {
  const opened = await openWorkspace(context, paths);
  const limits = opened.loaded.config.limits;
  const files = await recordFiles(paths, opened, context);
  // Asked of git once, when the first record that names no date comes (a folder whose records all
  // state theirs runs no git log).
  let addedOn: Promise<Map<string, string>> | undefined;
  // With --dry-run stdout is the patch alone (for `patch -p1` or a review), so the report goes to stderr.
  const report = (line: string) => (options.dryRun ? context.err : context.out)(`${line}\n`);
  let migrated = 0;
  let legible = 0;
  let failed = 0;
  const fail = (display: string, why: string) => {
    failed++;
    report(`not migrated  ${display}`);
    report(`  ↳ ${printableLine(why)}`);
  };

  for (const path of files) {
    const display = printable(displayPath(context.cwd, path));
    if (await leadsOutside(opened, path)) {
      fail(display, OUTSIDE_RECORD);
      continue;
    }
    let snapshot;
    try {
      snapshot = await io.read(path, limits);
    } catch (error) {
      fail(display, `This file could not be read: ${(error as Error).message}`);
      continue;
    }
    let result;
    try {
      const doc = parseDecisionDocument(path, snapshot.text, limits, snapshot.problem);
      result = migrateRecord(doc, limits);
      if (result.outcome === 'migrated' && result.undated) {
        addedOn ??= addedDays(files, opened, context).catch((error: unknown) => {
          context.warn(`git could not say when the records were added (${(error as Error).message}): their dates stay placeholders`);
          return new Map<string, string>();
        });
        const day = (await addedOn).get(path);
        if (day) result = migrateRecord(doc, limits, { addedOn: day });
      }
    } catch (error) {
      // One file Legible cannot handle must not stop the others, nor be half written.
      fail(display, `Legible failed on this file (${(error as Error).message}), so it is left as it was. Please report it, with the file if you can.`);
      continue;
    }
    if (result.outcome === 'legible') {
      legible++;
      continue;
    }
    if (result.outcome === 'unparseable') {
      fail(display, result.reason);
      continue;
    }
    if (options.dryRun) {
      context.out(createTwoFilesPatch(`a/${display}`, `b/${display}`, snapshot.text, result.text, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY }));
    } else {
      let written;
      try {
        written = await io.replace(snapshot, result.text);
      } catch (error) {
        fail(display, `It could not be written: ${(error as Error).message}. The original is unchanged.`);
        continue;
      }
      if (written === 'changed') {
        fail(display, 'It changed on disk while Legible was migrating it, so nothing was written. Run legible migrate again once the other change is saved.');
        continue;
      }
    }
    migrated++;
    report(`${options.dryRun ? 'would migrate' : 'migrated'}  ${display}`);
    for (const note of result.notes) report(`  ↳ ${printableLine(note)}`);
  }

  const parts = [`${plural(migrated, 'record')} ${options.dryRun ? 'would be migrated' : 'migrated'}`];
  if (legible) parts.push(`${legible} already Legible`);
  if (failed) parts.push(`${failed} not migrated`);
  report(`${parts.join(', ')}${options.dryRun ? '; nothing written' : ''}.`);
  return failed ? 1 : 0;
}

/**
 * The day git first recorded each record (absolute path → YYYY-MM-DD), for the ones that name no
 * date: one log of the repository's Markdown adds and renames. Nothing outside a git repository,
 * or where git cannot answer: those dates stay questions, as they always were.
 */
async function addedDays(files: readonly string[], opened: OpenedWorkspace, context: CliContext): Promise<Map<string, string>> {
  const found = files.length ? await findRepository(opened.root) : undefined;
  if (!found) return new Map();
  const repository = new NodeGitRepository(found.root, context.env);
  const relative = new Map(files.filter((path) => isInside(found.root, path)).map((path) => [relativePath(found.root, path), path]));
  const days = await repository.addedDates([...relative.keys()]);
  if (days === undefined) {
    if (!repository.missing) context.warn(`git could not say when the records were added (${repository.problem ?? 'no answer'}): their dates stay placeholders`);
    return new Map();
  }
  return new Map([...days].map(([path, day]) => [relative.get(path)!, day]));
}

/** Why a record named on the command line is neither read nor rewritten. */
export const OUTSIDE_RECORD = 'This file is reached through a symbolic link that leads outside the repository, so Legible neither reads nor rewrites it. Should the record live in the repository?';

/**
 * True when the path, named on the command line, lies behind a link out of the repository (the
 * folder walk never lists such a path). The record files are read and replaced by path, so the
 * confined port checks the way there first.
 */
export async function leadsOutside(opened: OpenedWorkspace, path: string): Promise<boolean> {
  return opened.fs.realPath(path).then(
    () => false,
    (error: unknown) => isOutsideWorkspace(error),
  );
}

/** The decision files the paths name (as `legible lint` reads them), or the workspace's. */
async function recordFiles(paths: readonly string[], opened: OpenedWorkspace, context: CliContext): Promise<string[]> {
  if (!paths.length) await requireFolders(opened, context, 'migrate');
  const targets = await lintTargets(paths, opened, context);
  const listed = await Promise.all(targets.folders.map((folder) => collectDecisionFiles(opened.fs, folder, { ignore: opened.loaded.config.ignore })));
  const files = [...new Set([...listed.flat().filter((path) => targets.shows(path)), ...targets.extraFiles])].sort();
  if (paths.length && !files.length) throw new UsageError(`no decision records in ${paths.join(', ')}`);
  return files;
}
