import * as vscode from 'vscode';
import type { DecisionEntry } from '../../core/index/decision-entry';
import type { Models } from '../models';
import { recordId } from '../tree/record-item';
import { toCorePath, toUri } from '../vscode-file-system';
import { pick, type Prompts } from './prompts';

/** The record a command was given: a tree node, or a Uri (explorer, editor title). */
export function givenEntry(models: Models, arg: unknown): DecisionEntry | undefined {
  if (arg && typeof arg === 'object') {
    if ('entry' in arg) return (arg as { entry: DecisionEntry }).entry;
    if ('ref' in arg) return models.entries().find((e) => e.path === (arg as { ref: { path: string } }).ref.path);
    if (arg instanceof vscode.Uri) return models.entryFor(arg);
  }
  return undefined;
}

/** The record in the active editor, if it is one. */
export function activeEntry(models: Models): DecisionEntry | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return active ? models.entryFor(active) : undefined;
}

/** Commands receive a tree node, a Uri (explorer, editor title) or nothing (the active editor). */
export function entryFromArg(models: Models, arg: unknown): DecisionEntry | undefined {
  return givenEntry(models, arg) ?? activeEntry(models);
}

/**
 * Picks a record: id and title, with status, risk and door (the index leaves placeholders out, so
 * an unfilled `<low | medium…>` never shows as a fact). `active` opens the picker on that record.
 */
export async function pickRecord(models: Models, title: string, filter: (e: DecisionEntry) => boolean = () => true, active?: DecisionEntry, prompts?: Prompts): Promise<DecisionEntry | undefined> {
  await models.whenReady();
  const items = models
    .entries()
    .filter(filter)
    .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
    .map((entry) => ({ label: `${recordId(entry)} ${entry.title}`, description: [entry.status, entry.risk, entry.door].filter(Boolean).join(' · '), entry }));
  const current = active && items.find((item) => item.entry.path === active.path);
  return (await pick(items, { title, active: current, matchOnDescription: true }, prompts))?.entry;
}

export async function copyId(models: Models, arg: unknown): Promise<string | undefined> {
  const entry = entryFromArg(models, arg);
  if (!entry) return undefined;
  const id = recordId(entry);
  await vscode.env.clipboard.writeText(id);
  void vscode.window.setStatusBarMessage(`Copied ${id}`, 3000);
  return id;
}

export async function revealInExplorer(models: Models, arg: unknown): Promise<void> {
  const entry = entryFromArg(models, arg);
  if (entry) await vscode.commands.executeCommand('revealInExplorer', toUri(entry.path));
}

export function activeDecisionPath(models: Models): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && models.entryFor(uri) ? toCorePath(uri) : undefined;
}
