import { resolve } from 'node:path';
import { parseIdRef } from '../../core/index/ids';
import { refOf } from '../../core/report/knowledge-risk';
import { localDate, UsageError } from '../args';
import { displayPath, type CliContext } from '../context';
import { toPortable } from '../../node/portable-path';
import { requireFolders, scanWorkspace, type OpenedWorkspace } from '../open-workspace';
import { isMarkdownPath } from '../../core/port/paths';
import type { DecisionIndex } from '../../core/index/decision-index';

/** A record named on the command line, with its text as it is on disk (a BOM kept: edits are applied to it and written back). */
export interface NamedRecord {
  readonly path: string;
  /** The decisions folder it is in (its own folder when it lies outside every one). */
  readonly folder: string;
  readonly text: string;
  /** The workspace's index, when the id was looked up in it (a path is not). */
  readonly index?: DecisionIndex;
}

// `ignoreBOM`: the BOM stays in the text, so the file written back from it keeps it (status and
// supersede change a value, not the encoding); the core reads frontmatter past it.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * `0007`, `ADR-0007`, `RFC-7` (the index resolves it, as references resolve) or the path of a
 * Markdown file. An id that names no record, or several (two folders, two records of one day), is
 * a usage error that says what to write instead.
 */
export async function findRecord(opened: OpenedWorkspace, arg: string, context: CliContext, command: string): Promise<NamedRecord> {
  const folderOf = (path: string) => opened.folders.filter((f) => path === f || path.startsWith(`${f}/`)).sort((a, b) => b.length - a.length)[0] ?? path.slice(0, path.lastIndexOf('/'));
  if (isMarkdownPath(arg) || /[/\\]/.test(arg)) {
    const path = toPortable(resolve(context.cwd, arg));
    const found = await opened.fs.stat(path);
    if (found?.kind !== 'file') throw new UsageError(`no such record file: ${arg}`);
    return { path, folder: folderOf(path), text: await readText(opened, path, arg) };
  }
  const ref = parseIdRef(arg);
  if (ref.number === undefined) throw new UsageError(`which record? '${arg}' is neither an id (0007, ADR-0007) nor a Markdown file (see 'legible ${command} --help')`);
  const folders = await requireFolders(opened, context, command);
  const workspace = await scanWorkspace(opened, folders, localDate(new Date()), { body: false });
  const matches = workspace.index.resolve(ref);
  if (!matches.length) throw new UsageError(`no record has the id ${arg} in ${folders.map((f) => displayPath(context.cwd, f)).join(', ')}; which record did you mean? ('legible list' shows every id)`);
  if (matches.length > 1) {
    const named = matches.map((e) => `${refOf(e).id} ${displayPath(context.cwd, e.path)}`).join(', ');
    throw new UsageError(`${arg} names ${matches.length} records (${named}); name the file instead`);
  }
  return { path: matches[0].path, folder: matches[0].folder, text: await readText(opened, matches[0].path, arg), index: workspace.index };
}

async function readText(opened: OpenedWorkspace, path: string, arg: string): Promise<string> {
  try {
    return decoder.decode(await opened.fs.readFile(path));
  } catch (error) {
    throw new UsageError(`${arg} cannot be read as UTF-8 text (${(error as Error).message})`);
  }
}
