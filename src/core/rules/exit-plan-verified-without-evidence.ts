import { governsRange, nameRange } from '../evidence/record-evidence';
import type { EvidenceRule } from './rule';

/**
 * An exit plan marked `verified` — the successors have done it alone — whose successors have never
 * changed the code in its scope (its `governs` and that of the decisions it covers): the
 * verification rests on paper. Plans with no code in scope are left alone.
 */
export const exitPlanVerifiedWithoutEvidence: EvidenceRule = {
  id: 'exit-plan-verified-without-evidence',
  description: 'A verified exit plan has successors who changed the code in its scope.',
  defaultSeverity: 'warning',
  scope: 'evidence',
  check(context) {
    for (const entry of context.index.entries()) {
      if (entry.type !== 'exit-plan' || entry.status !== 'verified' || entry.legacy) continue;
      const record = context.records.of(entry);
      if (!record.observed.withHistory) continue;
      for (const successor of entry.successors) {
        if (context.records.changed(record, successor, true)) continue;
        context.report(entry.path, {
          message: `This exit plan is \`verified\`, but ${successor} (\`successors\`) has never changed the ${record.observed.withHistory} files in its scope: what did the verification rest on?`,
          range: nameRange(entry, 'successors', successor) ?? governsRange(entry),
        });
      }
    }
  },
};
