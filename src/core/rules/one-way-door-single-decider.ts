import type { DocumentRule } from './rule';
import { spanAt } from './rule-helpers';
import { singleDecider } from '../knowledge/predicates';
import { hasOpen } from '../index/decision-entry';

/** A decision that is hard to undo deserves more than one person's judgment. */
export const oneWayDoorSingleDecider: DocumentRule = {
  id: 'one-way-door-single-decider',
  description: 'A one-way door is decided by more than one person (`deciders`, or `owners` when there are no deciders).',
  defaultSeverity: 'warning',
  scope: 'document',
  check(context) {
    const decider = singleDecider(context.entry);
    if (!decider) return;
    // `deciders` still holding a placeholder asks who decided already (the placeholder rules): say it once.
    if (hasOpen(context.entry, '/deciders') || (decider.field === 'owners' && hasOpen(context.entry, '/owners'))) return;
    context.report({
      message: `This one-way door was decided by one person (${decider.person}, the only name in \`${decider.field}\`). Who else weighed a decision this hard to reverse?`,
      span: spanAt(context.doc, '/reversibility/door'),
      fix: decider.field === 'owners' ? { kind: 'add-fields', pointer: '', fields: ['deciders'] } : undefined,
    });
  },
};
