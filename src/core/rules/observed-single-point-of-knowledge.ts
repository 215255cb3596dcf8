import { governsRange, isLive } from '../evidence/record-evidence';
import type { EvidenceRule } from './rule';

/**
 * Governed code whose observed truck factor is 1: one person's leaving would orphan more than half
 * of it, whatever holders and successors the record names and whatever mechanism it relies on (a
 * simplification included: the code is still there). Needs two files with authors at least: one
 * file always has a truck factor of 1.
 */
export const observedSinglePointOfKnowledge: EvidenceRule = {
  id: 'observed-single-point-of-knowledge',
  description: 'The code a decision governs has an observed truck factor above 1.',
  defaultSeverity: 'warning',
  scope: 'evidence',
  check(context) {
    for (const entry of context.index.entries()) {
      if (!isLive(entry) || !entry.governs?.length) continue;
      const { observed } = context.records.of(entry);
      const { truckFactor } = observed;
      if (truckFactor.value !== 1 || truckFactor.files < 2) continue;
      const person = observed.people.find((p) => p.person === truckFactor.people[0]);
      if (!person) continue;
      context.report(entry.path, {
        message: `The code \`governs\` matches has an observed truck factor of 1: ${person.name} is an author of ${person.authored} of its ${truckFactor.files} files, and without ${person.name} more than half would have no author left. Who else should learn this code?`,
        range: governsRange(entry),
      });
    }
  },
};
