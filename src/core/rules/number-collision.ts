import { basename, isInside } from '../port/paths';
import { recordNameOf, writeRecordName } from '../numbering/record-name';
import type { BaseRule } from './rule';

/** How many of the base's files a finding names (a folder can hold several with one number already). */
const NAMED = 3;

/**
 * A record added on this branch whose number the tip of the base branch already gives another
 * record: two branches each took "the next" number. `duplicate-id` sees it only after the merge;
 * with `--base` it is caught while the pull request is open. Date-named records share the day's
 * number by design and are never collisions. The message offers the next number free on both
 * sides, written in the record's own convention.
 */
export const numberCollision: BaseRule = {
  id: 'number-collision',
  description: 'A record added on this branch does not take a number the base branch already gives another record (with --base).',
  defaultSeverity: 'error',
  scope: 'base',
  check(context) {
    const { base, index } = context;
    const taken = new Map<string, number>();
    /** The next number free in `folder`, on this branch and at the base, each suggestion taken once. */
    const nextFree = (folder: string): number => {
      let next = taken.get(folder);
      if (next === undefined) {
        next = 0;
        for (const path of base.files) if (isInside(folder, path)) next = Math.max(next, numberOf(path) ?? 0);
        for (const entry of index.entries()) if (entry.folder === folder) next = Math.max(next, numberOf(entry.path) ?? 0);
      }
      taken.set(folder, next + 1);
      return next + 1;
    };
    for (const path of [...base.added].sort()) {
      const entry = index.get(path);
      const name = recordNameOf(path);
      if (!entry || name?.kind !== 'number') continue;
      const others = base.files.filter((other) => other !== path && isInside(entry.folder, other) && numberOf(other) === name.number);
      if (!others.length) continue;
      const named = others.slice(0, NAMED).map(basename).join(', ') + (others.length > NAMED ? ` and ${others.length - NAMED} more` : '');
      const free = nextFree(entry.folder);
      const renamed = writeRecordName({ ...name, digits: String(free).padStart(name.digits.length, '0') });
      context.report(path, {
        message: `${basename(path)} takes number ${name.number}, which ${base.ref} already gives ${named}: renumber this record before merging (to ${renamed}, the next free number)?`,
        range: entry.anchor,
      });
    }
  },
};

function numberOf(path: string): number | undefined {
  const name = recordNameOf(path);
  return name?.kind === 'number' ? name.number : undefined;
}
