import * as vscode from 'vscode';
import { GROUP_BY, type GroupBy } from '../../core/views/decision-groups';
import type { Models } from '../models';
import type { DecisionsTree } from '../tree/decisions-tree';
import { reportError } from '../output';
import { newRecord, type NewRecordArgs } from './new-record';
import { lintWorkspace } from './lint-workspace';
import { generateIndex } from './generate-index';
import { registerReports, showKnowledgeRisk, whatIfSomeoneLeaves } from './knowledge-report';
import { copyId, revealInExplorer } from './record-actions';
import { configureFolder } from './configure-folder';
import { setStatus } from './set-status';
import { supersede } from './supersede';
import { promptsOf } from './prompts';
import { showDecisionsForFile } from '../code-features';
import { revealGovernedFiles } from '../tree/governed-rows';
import { DecisionMapPanel, focusPathOf } from '../map/decision-map-panel';

export interface CommandServices {
  readonly models: Models;
  readonly decisionsTree: DecisionsTree;
  /** Where dist/ is: the decision map's page loads its script from there. */
  readonly extensionUri: vscode.Uri;
}

type Handler = (...args: unknown[]) => unknown;

/** Every command of the manifest, wrapped so a failure is logged and shown, never silent. */
export function registerCommands(services: CommandServices, extra: Record<string, Handler> = {}): vscode.Disposable[] {
  const { models, decisionsTree, extensionUri } = services;
  const handlers: Record<string, Handler> = {
    'legible.newAdr': (args) => newRecord(models, 'adr', args as NewRecordArgs),
    'legible.newRfc': (args) => newRecord(models, 'rfc', args as NewRecordArgs),
    'legible.newExitPlan': (args) => newRecord(models, 'exit-plan', args as NewRecordArgs),
    'legible.lintWorkspace': () => lintWorkspace(models),
    'legible.generateIndex': (args) => generateIndex(models, (args ?? {}) as { folder?: string }),
    'legible.showKnowledgeRisk': () => showKnowledgeRisk(models),
    'legible.whatIfLeaves': (person, prompts) => whatIfSomeoneLeaves(models, typeof person === 'string' ? person : undefined, promptsOf(prompts)),
    'legible.copyId': (arg) => copyId(models, arg),
    'legible.revealInExplorer': (arg) => revealInExplorer(models, arg),
    'legible.decisionsForFile': (args) => showDecisionsForFile(models, args as { pick?: string }),
    // From the Decisions view: a record node or one of its globs; tests pass `pick` too.
    'legible.revealGovernedFiles': (node, pick) => revealGovernedFiles(models, node as Parameters<typeof revealGovernedFiles>[1], pick as string | undefined),
    'legible.configureFolder': () => configureFolder(models),
    'legible.setStatus': (arg, value, prompts) => setStatus(models, arg, typeof value === 'string' ? value : undefined, promptsOf(prompts)),
    'legible.supersede': (arg, title, prompts) => supersede(models, arg, typeof title === 'string' ? title : undefined, promptsOf(prompts)),
    'legible.refresh': () => models.reload(),
    // From the palette, the Decisions view's title bar, or a record's context menu (centred on it).
    'legible.showDecisionMap': (arg) => void DecisionMapPanel.show(models, extensionUri, focusPathOf(models, arg)),
    'legible.groupBy': async (by) => {
      const choice = typeof by === 'string' && (GROUP_BY as string[]).includes(by)
        ? (by as GroupBy)
        : (await vscode.window.showQuickPick(GROUP_BY.map((g) => ({ label: g === 'type' ? 'Type, then status' : g[0].toUpperCase() + g.slice(1), description: g === decisionsTree.grouping ? 'current' : undefined, value: g })), { title: 'Legible: group decisions by' }))?.value;
      if (!choice) return;
      decisionsTree.setGroupBy(choice);
      await vscode.commands.executeCommand('setContext', 'legible.groupBy', choice);
      return choice;
    },
    ...extra,
  };
  return [registerReports(), ...Object.entries(handlers).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        reportError(`${id.replace('legible.', '')} failed`, error);
        return undefined;
      }
    }),
  )];
}
