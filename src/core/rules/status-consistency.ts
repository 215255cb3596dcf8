import { basename } from '../port/paths';
import { formatId, parseIdRef } from '../index/ids';
import type { DecisionIndex } from '../index/decision-index';
import type { FixData, WorkspaceRule, WorkspaceRuleContext } from './rule';
import type { DecisionEntry, IdRef } from '../index/decision-entry';
import { sharedBy } from '../index/shared-id';

function names(entry: DecisionEntry): string {
  return formatId(entry.type, entry.number, entry.id.length);
}

/**
 * A reference that names several records (date-named records of one day share their id; one number
 * in two folders): the link holds if any of them links back, or cannot be checked (a legacy one).
 * Otherwise it is said on the record that holds the reference, never blamed on one of them, and
 * nothing is offered to fix: adding the back-link to one of them would pick it arbitrarily.
 */
function ambiguous(context: WorkspaceRuleContext, entry: DecisionEntry, ref: IdRef, named: readonly DecisionEntry[], key: string, backKey: string, which: string): void {
  const back = key === 'supersedes' ? (other: DecisionEntry) => other.supersededBy : (other: DecisionEntry) => other.supersedes;
  if (named.some((other) => other.legacy || back(other).some((ref) => ref.number === entry.number))) return;
  context.report(entry.path, {
    message: `\`${key}\` names ${ref.raw}, which ${named.length.toLocaleString('en-US')} records share (${sharedBy(named)}), and none of them names ${names(entry)} in \`${backKey}\`. ${which}`,
    range: ref.range,
    related: named.slice(0, 3).map((other) => ({ path: other.path, range: other.anchor, message: `${basename(other.path)} is ${ref.raw} too` })),
  });
}

/**
 * The fix that adds `entry`'s id to `target`'s `key`; none when that id, read from `target`, would
 * name several records (`entry` is dated the day another record is): a fix writes no ambiguous link.
 */
function backLink(index: DecisionIndex, target: DecisionEntry, key: 'supersedes' | 'superseded-by', entry: DecisionEntry): FixData | undefined {
  const id = names(entry);
  if (index.resolve(parseIdRef(id), target).length > 1) return undefined;
  return { kind: 'add-link', path: target.path, key, id, safe: true };
}

/**
 * A record whose file name carries no id (`use-mysql.md`, a record through `recordsWithoutId`) that
 * names another in `key`: the other cannot name it back, since `decision-id` is an id, never a slug
 * or a path. Said on the record without an id, where the cure is (its file given a number); no fix,
 * which could only write a slug the schema rejects.
 */
function withoutId(context: WorkspaceRuleContext, entry: DecisionEntry, ref: IdRef, key: string, backKey: string): void {
  context.report(entry.path, {
    message: `\`${key}\` names ${ref.raw}, but this record's file name (${basename(entry.path)}) carries no id, so ${ref.raw} cannot name it back in \`${backKey}\` (ids only, such as ADR-0007). Which number should this record have? Give its file one, then link the two both ways.`,
    range: ref.range,
  });
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
        const named = index.resolve(ref, entry);
        if (entry.number === undefined) {
          if (named.some((old) => !old.legacy)) withoutId(context, entry, ref, 'supersedes', 'superseded-by');
          continue;
        }
        if (named.length > 1) {
          ambiguous(context, entry, ref, named, 'supersedes', 'superseded-by', 'Which one does this record replace?');
          continue;
        }
        for (const old of named) {
          if (old.legacy || old.supersededBy.some((back) => back.number === entry.number)) continue;
          context.report(old.path, {
            message: `${names(entry)} (${basename(entry.path)}) supersedes this record, but its \`superseded-by\` does not name ${names(entry)}. Which record replaces this one?`,
            range: old.statusRange ?? old.anchor,
            related: [{ path: entry.path, range: ref.range, message: `${basename(entry.path)} lists it in supersedes` }],
            fix: backLink(index, old, 'superseded-by', entry),
          });
        }
      }
      for (const ref of entry.supersededBy) {
        const named = index.resolve(ref, entry);
        if (entry.number === undefined) {
          if (named.some((successor) => !successor.legacy)) withoutId(context, entry, ref, 'superseded-by', 'supersedes');
          continue;
        }
        if (named.length > 1) {
          ambiguous(context, entry, ref, named, 'superseded-by', 'supersedes', 'Which one replaces this record?');
          continue;
        }
        for (const successor of named) {
          if (successor.legacy || successor.supersedes.some((back) => back.number === entry.number)) continue;
          context.report(successor.path, {
            message: `${names(entry)} (${basename(entry.path)}) says this record supersedes it, but \`supersedes\` does not name ${names(entry)}. Which records does this one replace?`,
            range: successor.anchor,
            related: [{ path: entry.path, range: ref.range, message: `${basename(entry.path)} lists it in superseded-by` }],
            fix: backLink(index, successor, 'supersedes', entry),
          });
        }
      }
    }
  },
};
