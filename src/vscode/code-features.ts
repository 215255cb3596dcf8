import * as vscode from 'vscode';
import type { Citation } from '../core/code/citations';
import { documentCitations } from '../core/code/document-citations';
import { governedByTitle, recordHoverMarkdown, recordSummary, summarizeRecord } from '../core/code/record-summary';
import type { DecisionEntry } from '../core/index/decision-entry';
import { citationLinks } from '../core/editor/record-links';
import type { FolderModel } from './folder-model';
import type { Models } from './models';
import { toRange } from './convert';
import { toCorePath, toUri } from './vscode-file-system';

/** The code files of a folder: not its records (their ids are references, with their own features). */
function codeModel(models: Models, document: vscode.TextDocument): FolderModel | undefined {
  const model = models.modelFor(document.uri);
  return model && !model.isDecisionFile(toCorePath(document.uri)) ? model : undefined;
}

function openRecord(entry: DecisionEntry, title = 'Open'): vscode.Command {
  return { command: 'vscode.open', title, arguments: [toUri(entry.path)] };
}

/** At the top of a governed file, one lens per governing record: its summary, opening the record. */
export class GovernedLenses implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly models: Models) {
    this.onDidChangeCodeLenses = models.onDidChangeCode;
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const model = codeModel(this.models, document);
    const index = model?.decisions?.index;
    if (!model || !index) return [];
    const governing = await model.code.governing(toCorePath(document.uri));
    const top = new vscode.Range(0, 0, 0, 0);
    return governing.map((entry) => new GovernedLens(top, model, entry, openRecord(entry, governedByTitle(summarizeRecord(index, entry)))));
  }

  /** The lens's tooltip, for the lenses in view only: the business tradeoff, read from the record. */
  async resolveCodeLens(lens: vscode.CodeLens): Promise<vscode.CodeLens> {
    if (!(lens instanceof GovernedLens) || !lens.command) return lens;
    const tradeoff = await lens.model.tradeoff(lens.entry.path);
    lens.command = { ...lens.command, tooltip: tradeoffTooltip(lens.entry, tradeoff) };
    return lens;
  }
}

class GovernedLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly model: FolderModel,
    readonly entry: DecisionEntry,
    command: vscode.Command,
  ) {
    super(range, command);
  }
}

/** A lens tooltip is plain text: the record's id and title, then each tradeoff answer on its line. */
function tradeoffTooltip(entry: DecisionEntry, tradeoff: Readonly<Record<string, string>>): string {
  const answers = Object.entries(tradeoff).map(([field, answer]) => `${field}: ${answer}`);
  return [`Open ${entry.title}`, ...(answers.length ? ['', 'Business tradeoff:', ...answers] : [])].join('\n');
}

/** The citations of a code document and the records each names (none: a dangling id). */
function citationsOf(models: Models, document: vscode.TextDocument): Array<{ citation: Citation; records: DecisionEntry[] }> {
  const index = codeModel(models, document)?.decisions?.index;
  return index ? documentCitations(document.getText(), index) : [];
}

/** Each record id cited in a code file links to the record (an id several records share, to none). */
export class CitationLinks implements vscode.DocumentLinkProvider {
  constructor(private readonly models: Models) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const index = codeModel(this.models, document)?.decisions?.index;
    return (index ? citationLinks(document.getText(), index) : []).map((found) => {
      const link = new vscode.DocumentLink(toRange(found.range), toUri(found.target));
      link.tooltip = found.tooltip;
      return link;
    });
  }
}

/** Hovering a cited id shows the record: status, door, risk, the people to ask, its successors. */
export class CitationHovers implements vscode.HoverProvider {
  constructor(private readonly models: Models) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const found = citationsOf(this.models, document).find(({ citation }) => toRange(citation.range).contains(position));
    const model = this.models.modelFor(document.uri);
    const index = model?.decisions?.index;
    if (!found || !model || !index) return undefined;
    const records = await Promise.all(found.records.map(async (entry) => summarizeRecord(index, entry, await model.tradeoff(entry.path))));
    const markdown = records.length
      ? records.map((record) => recordHoverMarkdown(record, (path) => toUri(path).toString())).join('\n\n---\n\n')
      : `No record has the id ${found.citation.raw}.`;
    return new vscode.Hover(new vscode.MarkdownString(markdown), toRange(found.citation.range));
  }
}

/** The documents the code features serve: local files, and each workspace folder's scheme (a virtual workspace). */
export function codeSelector(): vscode.DocumentSelector {
  const schemes = new Set(['file', ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)]);
  return [...schemes].map((scheme) => ({ scheme }));
}

export function registerCodeFeatures(models: Models): vscode.Disposable[] {
  const selector = codeSelector();
  return [
    vscode.languages.registerCodeLensProvider(selector, new GovernedLenses(models)),
    vscode.languages.registerDocumentLinkProvider(selector, new CitationLinks(models)),
    vscode.languages.registerHoverProvider(selector, new CitationHovers(models)),
  ];
}

/** A record the file is tied to, as the quick pick of Decisions for This File lists it. */
export interface FileDecision extends vscode.QuickPickItem {
  /** `ADR-0007`. */
  readonly id: string;
  readonly entry: DecisionEntry;
}

/** The records governing a document, then those it cites (each once, governing first). */
export async function decisionsForDocument(models: Models, document: vscode.TextDocument): Promise<FileDecision[]> {
  const model = codeModel(models, document);
  const index = model?.decisions?.index;
  if (!model || !index) return [];
  const items = new Map<string, FileDecision>();
  const add = (entry: DecisionEntry, why: string) => {
    if (items.has(entry.path)) return;
    const record = summarizeRecord(index, entry);
    items.set(entry.path, { label: `${record.id} ${record.title}`, description: why, detail: recordSummary(record), id: record.id, entry });
  };
  for (const entry of await model.code.governing(toCorePath(document.uri))) add(entry, 'governs this file');
  for (const { citation, records } of citationsOf(models, document)) for (const entry of records) add(entry, `cited on line ${citation.range.start.line + 1}`);
  return [...items.values()];
}

/**
 * Legible: Decisions for This File. `pick` (an id, as tests and keybindings may pass) opens that
 * record without asking.
 */
export async function showDecisionsForFile(models: Models, args?: { pick?: string }): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('Open a file to see the decisions that govern it or that it cites.');
    return;
  }
  const items = await decisionsForDocument(models, document);
  if (!items.length) {
    void vscode.window.showInformationMessage(`No decision governs ${vscode.workspace.asRelativePath(document.uri)}, and it cites none.`);
    return;
  }
  const chosen = args?.pick ? items.find((item) => item.id === args.pick) : await vscode.window.showQuickPick(items, { placeHolder: 'Decisions that govern this file or that it cites', matchOnDetail: true });
  if (chosen) await vscode.window.showTextDocument(toUri(chosen.entry.path));
}
