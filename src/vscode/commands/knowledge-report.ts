import * as vscode from 'vscode';
import { knowledgeRisk, whatIfLeaves } from '../../core/report/knowledge-risk';
import { renderDepartureMarkdown, renderReportMarkdown } from '../../core/report/render-report';
import type { Models } from '../models';

function reportBase(models: Models): string {
  return models.all()[0]?.root ?? '';
}

async function showMarkdown(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document, { preview: true });
  return document;
}

/** Show Knowledge Risk: the same report as `legible report`, as a Markdown document. */
export async function showKnowledgeRisk(models: Models): Promise<vscode.TextDocument> {
  await models.settle();
  const today = models.all()[0]?.today() ?? '';
  return showMarkdown(renderReportMarkdown(knowledgeRisk(models.entries(), today), reportBase(models)));
}

/** What If Someone Leaves…: pick a person, see what would lose its only holder or owner. */
export async function whatIfSomeoneLeaves(models: Models, person?: string): Promise<vscode.TextDocument | undefined> {
  await models.settle();
  const entries = models.entries();
  const people = [...new Set(entries.flatMap((e) => [...e.owners, ...e.deciders, ...e.holders, ...e.successors]))].sort((a, b) => a.localeCompare(b));
  const chosen =
    person ??
    (
      await vscode.window.showQuickPick(
        people.map((name) => {
          const impact = whatIfLeaves(entries, name);
          return { label: name, description: `${impact.loseOnlyHolder.length} held alone · ${impact.loseOnlyOwner.length} owned alone`, name };
        }),
        { title: 'Legible: what if someone leaves?', placeHolder: 'Who leaves?' },
      )
    )?.name;
  if (!chosen) return undefined;
  return showMarkdown(renderDepartureMarkdown(whatIfLeaves(entries, chosen), reportBase(models)));
}
