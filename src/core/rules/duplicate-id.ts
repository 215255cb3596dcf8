import { basename } from '../port/paths';
import type { WorkspaceRule } from './rule';
import type { DecisionEntry } from '../index/decision-entry';

/** Two files with one number in one folder: usually two branches that each took "the next" number. */
export const duplicateId: WorkspaceRule = {
  id: 'duplicate-id',
  description: 'No two records in a folder share a number.',
  defaultSeverity: 'error',
  scope: 'workspace',
  check(context) {
    const groups = new Map<string, DecisionEntry[]>();
    for (const entry of context.index.entries()) {
      if (entry.number === undefined) continue;
      const key = `${entry.folder}\0${entry.number}`;
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    for (const group of groups.values()) {
      // Legacy records (log4brains dates its files) only ever get their one legacy finding.
      if (group.length < 2 || group.every((e) => e.legacy)) continue;
      for (const entry of group) {
        if (entry.legacy) continue;
        const others = group.filter((o) => o !== entry);
        context.report(entry.path, {
          message: `Number ${entry.id} is also used by ${others.map((o) => basename(o.path)).join(', ')}: were two branches merged? Which record keeps ${entry.id}? Renumber the other and update its references.`,
          range: entry.anchor,
          related: others.map((o) => ({ path: o.path, range: o.anchor, message: `${basename(o.path)} also uses number ${entry.id}` })),
        });
      }
    }
  },
};
