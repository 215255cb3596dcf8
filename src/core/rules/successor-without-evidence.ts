import { isInForce, personKey } from '../knowledge/predicates';
import { governsRange, nameRange, windowWords } from '../evidence/record-evidence';
import type { EvidenceRule } from './rule';

/**
 * A successor named on paper who has not touched the code: the transfer the record promises has
 * not begun where it shows. Asked of accepted and implemented decisions and of exit plans under
 * way; a verified plan is `exit-plan-verified-without-evidence`'s question, said once there.
 */
export const successorWithoutEvidence: EvidenceRule = {
  id: 'successor-without-evidence',
  description: 'A named successor has changed the code the decision governs within the evidence window.',
  defaultSeverity: 'warning',
  scope: 'evidence',
  check(context) {
    for (const entry of context.index.entries()) {
      const inScope = entry.type === 'exit-plan' ? entry.status === 'in-progress' : isInForce(entry);
      if (!inScope || !entry.successors.length) continue;
      const record = context.records.of(entry);
      // No governed file with history: there is nothing to have changed.
      if (!record.observed.withHistory) continue;
      const holders = new Set(entry.holders.map(personKey));
      for (const successor of entry.successors) {
        if (holders.has(personKey(successor)) || context.records.changed(record, successor)) continue;
        const field = entry.type === 'exit-plan' ? 'successors' : 'knowledge-exit-path.successors';
        context.report(entry.path, {
          message: `\`${field}\` names ${successor}, who has no change to the ${count(record.observed.withHistory)} this ${entry.type === 'exit-plan' ? 'plan covers' : 'decision governs'} ${windowWords(context.records.evidence)}: the transfer exists on paper only. Has ${successor} worked on this code yet?`,
          range: nameRange(entry, 'successors', successor) ?? governsRange(entry),
        });
      }
    }
  },
};

function count(files: number): string {
  return files === 1 ? 'file' : `${files} files`;
}
