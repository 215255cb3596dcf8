import * as vscode from 'vscode';
import type { GovernsGlob } from '../../core/code/governs-index';
import { compileRepositoryGlob, globMatches, PathParts } from '../../core/code/repository-globs';
import type { DecisionEntry } from '../../core/index/decision-entry';
import { plural } from '../../core/text/plural';
import type { Models } from '../models';
import { toUri } from '../vscode-file-system';

/** One `governs` glob of a record, under the record's row in the Decisions view. */
export interface GlobNode {
  readonly kind: 'glob';
  readonly entry: DecisionEntry;
  readonly glob: GovernsGlob;
  readonly parent: string;
}

/** The record's `governs` globs, each with what it matches, from the folder's live code index. */
export async function globNodes(models: Models, entry: DecisionEntry, parent: string): Promise<GlobNode[]> {
  if (!entry.governs?.length) return [];
  const model = models.modelFor(toUri(entry.path));
  const record = model && (await model.code.governsIndex()).get(entry.path);
  return (record?.globs ?? []).map((glob) => ({ kind: 'glob', entry, glob, parent }));
}

/** "services/payments/** — 3 files"; an exclusion says what it takes out; a glob never followed says why. */
export function globItem(node: GlobNode): vscode.TreeItem {
  const { glob } = node;
  const item = new vscode.TreeItem(glob.ref.glob, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.parent}/${node.entry.path}/governs/${glob.ref.glob}`;
  const files = plural(glob.count, 'file');
  item.description = glob.problem ? 'never followed' : glob.exclude ? `excludes ${files}` : files;
  item.tooltip = glob.problem ? `\`${glob.ref.glob}\` ${glob.problem}` : glob.exclude ? `Takes ${files} out of what this record governs.` : `Matches ${files} of the repository that this record governs.`;
  item.iconPath = new vscode.ThemeIcon(glob.problem ? 'warning' : glob.exclude ? 'circle-slash' : 'file-code');
  item.contextValue = glob.problem || glob.exclude || !glob.count ? 'legible.governsGlob' : 'legible.governsGlob.matches';
  return item;
}

/** Repository-relative files a record governs, or those of one of its globs (that the record still governs). */
export async function governedFiles(models: Models, entry: DecisionEntry, glob?: string): Promise<string[]> {
  const model = models.modelFor(toUri(entry.path));
  const files = (model && (await model.code.governsIndex()).get(entry.path)?.files) ?? [];
  if (glob === undefined) return [...files];
  const compiled = model && compileRepositoryGlob(glob, model.regexEngine);
  return compiled && 'glob' in compiled ? files.filter((file) => globMatches(compiled.glob, new PathParts(file))) : [];
}

/**
 * Legible: Reveal Governed Files, on a record or one of its globs in the Decisions view: a quick
 * pick of the files; the one chosen opens and is shown in the Explorer. `pick` (a repository-
 * relative path, for tests) chooses without asking.
 */
export async function revealGovernedFiles(models: Models, node: { readonly entry: DecisionEntry; readonly glob?: GovernsGlob } | undefined, pick?: string): Promise<string[]> {
  if (!node) return [];
  const files = await governedFiles(models, node.entry, node.glob?.ref.glob);
  const model = models.modelFor(toUri(node.entry.path));
  if (!model || !files.length) {
    void vscode.window.showInformationMessage(`${node.glob ? `\`${node.glob.ref.glob}\`` : node.entry.id} governs no file of the repository.`);
    return files;
  }
  const chosen = pick ?? (await vscode.window.showQuickPick(files, { placeHolder: `Files ${node.entry.id} governs (${plural(files.length, 'file')})` }));
  if (!chosen || !files.includes(chosen)) return files;
  const uri = vscode.Uri.joinPath(model.folder.uri, ...chosen.split('/'));
  await vscode.window.showTextDocument(uri);
  await vscode.commands.executeCommand('revealInExplorer', uri);
  return files;
}
