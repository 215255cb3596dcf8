import * as vscode from 'vscode';
import { defaultConfig } from '../../core/config/config';
import { createDraft, draftRecord } from '../../core/lifecycle/draft-record';
import { renamedNote } from '../../core/numbering/visible-name';
import type { RecordType } from '../../core/schema/schema-registry';
import { answersProblem, type Answers, type RecordQuestion } from '../../core/templates/record-questions';
import { typeLabel } from '../../core/views/decision-groups';
import type { Models } from '../models';
import { toCorePath, toUri } from '../vscode-file-system';
import { isOutsideWorkspace } from '../../core/port/file-system';
import { isInside, relativePath } from '../../core/port/paths';
import { recordThroughLinkRefused } from '../../core/workspace/outside-messages';
import { pickDecisionsFolder } from './pick-folder';
import { output } from '../output';

export interface NewRecordArgs {
  /** Skips the input box (tests, other commands). */
  readonly title?: string;
  /** An absolute core path of a decisions folder. */
  readonly folder?: string;
  /**
   * Answers to the questions after the title, by dotted path (`{ 'reversibility.door': 'one-way',
   * 'risk.level': 'high', 'risk.blast-radius': 'team' }`): each one given skips its quick pick.
   */
  readonly answers?: Answers;
}

export function validateTitle(value: string): string | undefined {
  return value.trim() ? undefined : 'A title is required: what is being decided?';
}

/**
 * Asks each question the caller did not answer, as Set Status asks a status: the field's values with
 * their meanings. Undefined when the user cancels one (Escape): the record is then not created.
 */
async function askQuestions(questions: readonly RecordQuestion[], given: Answers, noun: string, title: string): Promise<Answers | undefined> {
  const answers: Record<string, string> = {};
  for (const question of questions) {
    const value =
      given[question.key] ??
      (
        await vscode.window.showQuickPick(
          question.choices.map((choice) => ({ label: choice.value, detail: choice.description, value: choice.value })),
          { title: `Legible: ${question.title} of the new ${noun} "${title}"`, placeHolder: question.question, ignoreFocusOut: true },
        )
      )?.value;
    if (value === undefined) return undefined;
    answers[question.key] = value;
  }
  return answers;
}

/**
 * New ADR / RFC / Exit Plan: the title, then the door, the risk level and the blast radius as quick
 * picks (the questions the template asks), then the core's draft (folder, owner from git, template,
 * the folder's naming convention) written under a free name and opened as a snippet: the remaining
 * required fields are its tab stops, the cursor on the first. Escape at any question creates nothing.
 */
export async function newRecord(models: Models, type: RecordType, args: NewRecordArgs = {}): Promise<vscode.Uri | undefined> {
  const target = await pickDecisionsFolder(models, args.folder, type);
  if (!target) return undefined;
  const noun = typeLabel(type).replace(/s$/, '');
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: `Legible: New ${noun}`,
      prompt: `What is being decided? The title names the ${noun} and its file.`,
      placeHolder: type === 'exit-plan' ? 'Hand over settlement operations from Jonas' : 'Use PostgreSQL as the system of record for the ledger',
      validateInput: validateTitle,
      ignoreFocusOut: true,
    }));
  if (title === undefined || validateTitle(title)) return undefined;
  const model = target.model;
  const context = { fs: model.fs, root: model.root, config: model.config ?? defaultConfig(), folders: model.folders, git: model.git };
  const draft = await draftRecord(context, { type, title, date: model.today(), folder: target.folder });
  const given = Object.fromEntries(Object.entries(args.answers ?? {}).filter(([key]) => draft.questions.some((q) => q.key === key)));
  const problem = answersProblem(type, given);
  if (problem) {
    void vscode.window.showWarningMessage(`Legible: ${problem}`);
    return undefined;
  }
  const answers = await askQuestions(draft.questions, given, noun, draft.title);
  if (!answers) return undefined;
  for (const warning of draft.warnings) void vscode.window.showWarningMessage(`Legible: ${warning}`);
  let created;
  try {
    // Through the folder's confined port: a decisions folder (or a folder above it) that is a link
    // out of the workspace is refused, never created in or written through.
    await model.fs.createDirectory(draft.folder);
    created = await createDraft(context, draft, Date.now(), answers);
  } catch (error) {
    if (!isOutsideWorkspace(error)) throw error;
    const folder = relativePath(model.root, draft.folder);
    const link = error.link ? linkShown(model.root, error.link) : folder;
    void vscode.window.showErrorMessage(`Legible: ${recordThroughLinkRefused(link, folder)}`);
    return undefined;
  }
  if (created.hidden) void vscode.window.showInformationMessage(`Legible: ${renamedNote(created.hidden, created.name)}.`);
  // The first record of a folder Legible did not know yet (the welcome view's New ADR): read the
  // workspace again, so the folder is found and the record is indexed before its editor opens.
  if (!target.model.folders.includes(target.folder)) await models.reload();
  const uri = toUri(created.path);
  try {
    const editor = await vscode.window.showTextDocument(uri);
    if (created.snippet) {
      // The same record as a snippet: every placeholder becomes a tab stop, starting at the first.
      const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
      await editor.insertSnippet(new vscode.SnippetString(created.snippet), whole);
    } else {
      const offset = editor.document.getText().search(/<[^<>\n]+>/);
      if (offset >= 0) {
        const start = editor.document.positionAt(offset);
        const end = editor.document.positionAt(offset + editor.document.getText().slice(offset).indexOf('>') + 1);
        editor.selection = new vscode.Selection(start, end);
      }
    }
  } catch (error) {
    // Another editor opened in this one's place before it was shown or filled (say, two New ADR at
    // once): the record is written; only its editor or its tab stops are lost. Not a failed command.
    output().warn(`${created.path}: created, but its editor could not be opened or filled (${error instanceof Error ? error.message : String(error)})`);
  }
  return uri;
}

/** The link the port named (a disk path on disk, a core path elsewhere), relative to the workspace folder. */
function linkShown(root: string, link: string): string {
  const path = link.includes('://') ? link : toCorePath(vscode.Uri.file(link));
  return isInside(root, path) ? relativePath(root, path) : link;
}
