import { ENDED_STATUSES } from '../code/cited-records';
import type { CodeRule } from './rule';

/**
 * A `governs` glob that matches no tracked file: the code moved or was deleted, and the record no
 * longer says what it governs. Exclusions (`!…`) are left alone: excluding nothing harms nothing.
 * A record no longer in force (superseded, deprecated, rejected…) is left alone too: its code may
 * well be gone.
 */
export const governsMatchesNothing: CodeRule = {
  id: 'governs-matches-nothing',
  description: 'Every `governs` glob matches at least one tracked file.',
  defaultSeverity: 'warning',
  scope: 'code',
  check(context) {
    const { governs } = context.code;
    if (!governs.fileCount) return;
    for (const record of governs.records.values()) {
      const entry = context.index.get(record.path);
      if (entry?.status && ENDED_STATUSES.has(entry.status)) continue;
      record.globs.forEach((glob, i) => {
        if (glob.problem || glob.exclude || glob.count) return;
        context.report(record.path, {
          message: `\`governs[${i}]\` \`${glob.ref.glob}\` matches no file: the code moved or was deleted — is this decision still in force?`,
          range: glob.ref.range,
        });
      });
    }
  },
};
