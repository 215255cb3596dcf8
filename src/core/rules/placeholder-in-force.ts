import type { DocumentRule } from './rule';
import { placeholderFindings } from './placeholder-values';
import { isInForceStatus } from '../knowledge/predicates';

/**
 * A record in force (accepted, implemented, verified) with a placeholder left: what it states now
 * holds, yet a question is still open. An error by default, where a draft's placeholder is a warning;
 * set this rule to `warning` (or `off`) to treat both alike.
 */
export const placeholderInForce: DocumentRule = {
  id: 'placeholder-in-force',
  description: 'A record in force (accepted, implemented, verified) has no template placeholder, TODO or TBD left in a field.',
  defaultSeverity: 'error',
  scope: 'document',
  check(context) {
    const status = context.doc.data?.status;
    if (!context.doc.legible || !isInForceStatus(status)) return;
    placeholderFindings(context, (field) => `${field} is still a placeholder, but this record is ${status}: a record in force answers its questions.`);
  },
};
