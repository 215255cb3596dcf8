import type { DocumentRule } from './rule';
import { spanAt } from './rule-helpers';
import { soleHoldersAsWritten } from '../knowledge/predicates';
import { hasOpen } from '../index/decision-entry';

/** An accepted decision that lives only in its holders' heads: no other successor, no exit plan. */
export const singlePointOfKnowledge: DocumentRule = {
  id: 'single-point-of-knowledge',
  description: 'An accepted decision names a successor beyond its knowledge holders, or links an exit plan.',
  defaultSeverity: 'warning',
  scope: 'document',
  check(context) {
    const { entry, doc } = context;
    const holders = soleHoldersAsWritten(entry);
    if (!holders) return;
    // A successor still a placeholder asks this very question already (the placeholder rules): say it once.
    if (hasOpen(entry, '/knowledge-exit-path/successors')) return;
    const who = holders.length === 1 ? `Only ${holders[0]} holds` : `Only ${holders.join(' and ')} hold`;
    // No `successors` key at all is the schema rule's finding, with the same question: say it once.
    if (!doc.yaml?.locations.has('/knowledge-exit-path/successors')) return;
    context.report({
      message: `${who} the knowledge behind this ${entry.status} decision: \`knowledge-exit-path.successors\` names no one else and no exit plan is linked. Who will operate this without them?`,
      span: spanAt(doc, '/knowledge-exit-path/successors'),
    });
  },
};
