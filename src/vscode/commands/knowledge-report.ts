import * as vscode from 'vscode';
import { knowledgeRisk, whatIfLeaves } from '../../core/report/knowledge-risk';
import { renderDepartureMarkdown, renderReportMarkdown } from '../../core/report/render-report';
import type { Models } from '../models';
import { pick, type Prompts } from './prompts';

/** The scheme of report documents: read-only, never dirty, nothing to save. */
export const REPORT_SCHEME = 'legible-report';

/** Report texts kept for documents still open: enough for any session, bounded all the same. */
const KEPT = 20;

/**
 * Reports are virtual documents served from here: an Untitled document would be dirty and ask to
 * be saved on close, for a text that is only ever read (and can be run again at any time).
 */
class ReportDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private runs = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /**
   * A new document for each run (its tab named after the report): a document VS Code still holds
   * from an earlier run would otherwise show the old text until it asks for the new one.
   */
  add(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.md`, query: `run=${++this.runs}` });
    this.texts.set(uri.toString(), text);
    // Keep the last few: a report is read, then run again, never kept.
    for (const key of [...this.texts.keys()].slice(0, Math.max(0, this.texts.size - KEPT))) this.texts.delete(key);
    return uri;
  }

  dispose(): void {
    this.texts.clear();
  }
}

const reports = new ReportDocuments();

/** Registers the report documents' provider (once, on activation). */
export function registerReports(): vscode.Disposable {
  return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports), reports);
}

function reportBase(models: Models): string {
  return models.all()[0]?.root ?? '';
}

async function showReport(name: string, content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(reports.add(name, content));
  // A virtual document opens as plain text: it is Markdown (outline, folding, the preview).
  const markdown = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  await vscode.window.showTextDocument(markdown, { preview: true });
  return markdown;
}

/** Show Knowledge Risk: the same report as `legible report`, as a read-only Markdown document. */
export async function showKnowledgeRisk(models: Models): Promise<vscode.TextDocument> {
  await models.settle();
  const today = models.all()[0]?.today() ?? '';
  return showReport('Knowledge risk', renderReportMarkdown(knowledgeRisk(models.entries(), today), reportBase(models)));
}

/**
 * What If Someone Leaves…: pick a person, see what would lose its only holder or owner. The people
 * are the index's, which leaves placeholders out: no `<Who holds…>` among them.
 */
export async function whatIfSomeoneLeaves(models: Models, person?: string, prompts?: Prompts): Promise<vscode.TextDocument | undefined> {
  await models.settle();
  const entries = models.entries();
  const people = [...new Set(entries.flatMap((e) => [...e.owners, ...e.deciders, ...e.holders, ...e.successors]))].sort((a, b) => a.localeCompare(b));
  const chosen =
    person ??
    (
      await pick(
        people.map((name) => {
          const impact = whatIfLeaves(entries, name);
          return { label: name, description: `${impact.loseOnlyHolder.length} held alone · ${impact.loseOnlyOwner.length} owned alone`, name };
        }),
        { title: 'Legible: what if someone leaves?', placeholder: 'Who leaves?' },
        prompts,
      )
    )?.name;
  if (!chosen) return undefined;
  return showReport(`If ${chosen} left`, renderDepartureMarkdown(whatIfLeaves(entries, chosen), reportBase(models)));
}
