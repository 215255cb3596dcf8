import { basename } from '../port/paths';
import { recordNameOf } from '../numbering/record-name';
import type { WorkspaceRule } from './rule';
import type { DecisionEntry } from '../index/decision-entry';

/** How many of the other files a finding names: 2,000 files sharing a number must not print 2,000² names. */
const NAMED = 3;

/**
 * Two files with one number in one folder: usually two branches that each took "the next" number.
 * Legacy records count too (that is where it happens most); date-named records (log4brains) share
 * the day's number by design and are no duplicates.
 */
export const duplicateId: WorkspaceRule = {
  id: 'duplicate-id',
  description: 'No two records in a folder share a number.',
  defaultSeverity: 'error',
  scope: 'workspace',
  check(context) {
    const groups = new Map<string, DecisionEntry[]>();
    for (const entry of context.index.entries()) {
      if (entry.number === undefined || recordNameOf(entry.path)?.kind !== 'number') continue;
      const key = `${entry.folder}\0${entry.number}`;
      const group = groups.get(key);
      if (group) group.push(entry);
      else groups.set(key, [entry]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const entry of group) {
        const others = group.filter((o) => o !== entry);
        const named = others.slice(0, NAMED);
        const more = others.length - named.length;
        const names = named.map((o) => basename(o.path)).join(', ') + (more ? ` and ${more.toLocaleString('en-US')} more` : '');
        context.report(entry.path, {
          message: `Number ${entry.id} is also used by ${names}: were two branches merged? Which record keeps ${entry.id}? Renumber the other and update its references.`,
          range: entry.anchor,
          related: named.map((o) => ({ path: o.path, range: o.anchor, message: `${basename(o.path)} also uses number ${entry.id}` })),
        });
      }
    }
  },
};
