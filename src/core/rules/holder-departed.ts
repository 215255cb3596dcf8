import { personKey } from '../knowledge/predicates';
import { dayOf } from '../evidence/evidence-settings';
import { isLive, nameRange } from '../evidence/record-evidence';
import type { EvidenceRule } from './rule';

/**
 * A holder who has left (`people.<handle>.left`) or has made no commit in the repository for
 * `evidence.inactiveDays`: the knowledge may be gone with them. An error when the record names no
 * successor besides its holders: then nobody is known to hold it at all. A holder git does not
 * know at all is not judged: pairing, reviews and people who never commit leave no history.
 */
export const holderDeparted: EvidenceRule = {
  id: 'holder-departed',
  description: 'No knowledge holder has left or been inactive for `evidence.inactiveDays` (an error when no successor is named).',
  defaultSeverity: 'warning',
  scope: 'evidence',
  check(context) {
    const { evidence } = context.records;
    for (const entry of context.index.entries()) {
      if (!isLive(entry) || (entry.type === 'exit-plan' && entry.status === 'verified') || !entry.holders.length) continue;
      const holders = new Set(entry.holders.map(personKey));
      const hasSuccessor = entry.successors.some((name) => !holders.has(personKey(name)));
      for (const holder of entry.holders) {
        const gone = context.records.departure(holder);
        if (!gone) continue;
        const why = gone.left !== undefined
          ? `left on ${gone.left}`
          : `has made no commit in this repository since ${dayOf(gone.lastCommit)} (over ${evidence.settings.evidence.inactiveDays} days)`;
        const field = entry.type === 'exit-plan' ? 'holders' : 'knowledge-exit-path.holders';
        context.report(entry.path, {
          message: hasSuccessor
            ? `\`${field}\` names ${holder}, who ${why}: does ${holder} still hold this knowledge, or has a successor taken it over?`
            : `\`${field}\` names ${holder}, who ${why}, and no successor is named: who holds this knowledge now?`,
          range: nameRange(entry, 'holders', holder) ?? entry.anchor,
          severity: hasSuccessor ? 'warning' : 'error',
        });
      }
    }
  },
};
