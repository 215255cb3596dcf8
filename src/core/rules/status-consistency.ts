import { basename } from '../port/paths';
import { formatId } from '../index/ids';
import type { WorkspaceRule } from './rule';
import type { DecisionEntry } from '../index/decision-entry';

function names(entry: DecisionEntry): string {
  return formatId(entry.type, entry.number ?? undefined, entry.id.length);
}

/** superseded ⇔ superseded-by, and supersedes/superseded-by agree in both records. */
export const statusConsistency: WorkspaceRule = {
  id: 'status-consistency',
  description: '`status: superseded` goes with `superseded-by`, and `supersedes`/`superseded-by` name each other in both records.',
  defaultSeverity: 'error',
  scope: 'workspace',
  check(context) {
    const { index } = context;
    for (const entry of index.entries()) {
      if (entry.legacy) continue;
      if (entry.supersededBy.length && entry.status !== undefined && entry.status !== 'superseded') {
        context.report(entry.path, {
          message: `This record is superseded by ${entry.supersededBy.map((r) => r.raw).join(', ')} but its \`status\` is ${entry.status}: is it still in force, or should the status be superseded?`,
          range: entry.statusRange ?? entry.anchor,
          fix: { kind: 'replace-value', pointer: '/status', suggestions: ['superseded'], safe: true },
        });
      }
      for (const ref of entry.supersedes) {
        for (const old of index.resolve(ref, entry)) {
          if (old.legacy || old.supersededBy.some((back) => back.number === entry.number)) continue;
          context.report(old.path, {
            message: `${names(entry)} (${basename(entry.path)}) supersedes this record, but its \`superseded-by\` does not name ${names(entry)}. Which record replaces this one?`,
            range: old.statusRange ?? old.anchor,
            related: [{ path: entry.path, range: ref.range, message: `${basename(entry.path)} lists it in supersedes` }],
            fix: { kind: 'add-link', path: old.path, key: 'superseded-by', id: names(entry), safe: true },
          });
        }
      }
      for (const ref of entry.supersededBy) {
        for (const successor of index.resolve(ref, entry)) {
          if (successor.legacy || successor.supersedes.some((back) => back.number === entry.number)) continue;
          context.report(successor.path, {
            message: `${names(entry)} (${basename(entry.path)}) says this record supersedes it, but \`supersedes\` does not name ${names(entry)}. Which records does this one replace?`,
            range: successor.anchor,
            related: [{ path: entry.path, range: ref.range, message: `${basename(entry.path)} lists it in superseded-by` }],
            fix: { kind: 'add-link', path: successor.path, key: 'supersedes', id: names(entry), safe: true },
          });
        }
      }
    }
  },
};
