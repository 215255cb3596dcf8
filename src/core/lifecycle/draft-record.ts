import type { ResolvedConfig } from '../config/config';
import { folderSettingsAt } from '../config/folder-settings';
import { createRecord, type CreatedRecord } from '../numbering/create-record';
import { folderConvention } from '../numbering/folder-convention';
import type { NamingConvention } from '../numbering/naming-convention';
import type { FileSystemPort } from '../port/file-system';
import type { GitPort } from '../port/git';
import { isInside, joinPath } from '../port/paths';
import type { RecordType } from '../schema/schema-registry';
import { recordQuestions, type Answers, type RecordQuestion } from '../templates/record-questions';
import { renderCustomTemplate, renderTemplate } from '../templates/render-template';
import { readCustomTemplate } from '../workspace/read-template';
import { rankFolders } from './choose-folder';

/** Where records go in a workspace that has no decisions folder yet. */
export const DEFAULT_FOLDER = 'docs/decisions';

/** The workspace a record is drafted in, as each front-end knows it. */
export interface DraftContext {
  readonly fs: FileSystemPort;
  /** Absolute, '/'-separated. */
  readonly root: string;
  readonly config: ResolvedConfig;
  /** The decisions folders that exist, absolute (configured or discovered). */
  readonly folders: readonly string[];
  /** Who is writing, for `owners`; without it, the owner is left a placeholder. */
  readonly git?: GitPort;
}

export interface DraftRequest {
  readonly type: RecordType;
  readonly title: string;
  /** `YYYY-MM-DD`: the record's `date`, and its id in a date-named folder. */
  readonly date: string;
  /** A folder the user chose (absolute); else the best one for the type. */
  readonly folder?: string;
  /** An owner the user gave; else git's user name. */
  readonly owner?: string;
}

export interface RenderedRecord {
  readonly text: string;
  /** The same record as a snippet, each placeholder a tab stop (the built-in template only). */
  readonly snippet?: string;
}

/** A record about to be written: everything but its file name, which it gets when it is created. */
export interface Draft {
  readonly type: RecordType;
  readonly title: string;
  readonly date: string;
  /** Absolute; may not exist yet (the front-end creates it). */
  readonly folder: string;
  readonly owner?: string;
  readonly convention: NamingConvention;
  /** Worth telling the user: why the configured template was not used. */
  readonly warnings: readonly string[];
  /**
   * What the template asks before the record is written (door, risk level, blast radius): the
   * built-in template's questions, none for a repository's own template (which writes what it writes).
   */
  readonly questions: readonly RecordQuestion[];
  /** The record's text for the id its file name gives it (templates may write `{{id}}`), with the questions' answers. */
  render(id: string, answers?: Answers): RenderedRecord;
}

export interface CreatedDraft extends CreatedRecord, RenderedRecord {}

/**
 * New ADR / RFC / exit plan, for the CLI's `legible new` and the extension's New commands alike:
 * the folder (the user's, else the one for the type), the owner (the user's, else git's), the
 * template (the repository's, else the built-in one) and the folder's naming convention.
 */
export async function draftRecord(context: DraftContext, request: DraftRequest): Promise<Draft> {
  const { fs, root, config } = context;
  const title = request.title.trim();
  const folder = request.folder ?? targetFolder(context, request.type);
  const owner = request.owner?.trim() || (await context.git?.userName())?.trim() || undefined;
  const convention = await folderConvention(fs, folder, folderSettingsAt(config.folderSettings, root, folder)?.naming, config.ignore);
  const { source, problem } = await readCustomTemplate(fs, root, config, request.type);
  const warnings = problem ? [`${problem}; using the built-in template.`] : [];
  const { type, date } = request;
  const render = (id: string, answers?: Answers): RenderedRecord => {
    if (source !== undefined) return { text: renderCustomTemplate(source, { title, date, id, type, owner }) };
    return renderTemplate({ type, title, date, owners: owner ? [owner] : undefined, sections: config.sections[type], answers });
  };
  const questions = source === undefined ? recordQuestions(type) : [];
  return { type, title, date, folder, owner, convention, warnings, questions, render };
}

/**
 * The folder a new record of `type` goes to when the user names none: the best existing decisions
 * folder for the type (an RFC goes to the RFC folder when there is one); with none, the configured
 * folder for the type inside the workspace; else `docs/decisions`.
 */
export function targetFolder(context: Pick<DraftContext, 'root' | 'config' | 'folders'>, type: RecordType): string {
  const { root, config } = context;
  const settingsOf = (folder: string) => folderSettingsAt(config.folderSettings, root, folder);
  const existing = rankFolders(type, root, context.folders, settingsOf)[0];
  if (existing) return existing;
  const configured = config.folders.map((f) => joinPath(root, f)).filter((f) => isInside(root, f));
  return rankFolders(type, root, configured, settingsOf)[0] ?? joinPath(root, DEFAULT_FOLDER);
}

/**
 * Writes the draft under a free name in its folder's convention (the next number, or the day);
 * never overwrites a file, never takes a name `ignore` hides. The folder must exist. `answers` are
 * those of `draft.questions` the user gave; a question left out stays a placeholder.
 */
export async function createDraft(context: Pick<DraftContext, 'fs' | 'config'>, draft: Draft, now: number, answers?: Answers): Promise<CreatedDraft> {
  let rendered: RenderedRecord | undefined;
  const created = await createRecord({
    fs: context.fs,
    folder: draft.folder,
    now,
    title: draft.title,
    convention: draft.convention,
    date: draft.date,
    ignore: context.config.ignore,
    type: draft.type,
    render: (id) => (rendered = draft.render(id, answers)).text,
  });
  return { ...created, ...rendered! };
}
