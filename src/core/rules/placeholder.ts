import type { DocumentRule } from './rule';
import { placeholderFindings } from './placeholder-values';
import { placeholderInForce } from './placeholder-in-force';
import { isInForceStatus } from '../knowledge/predicates';
import { isDisabled } from '../parse/suppressions';

/** A template placeholder, TODO or TBD left in a field: the question it stands for is still open. */
export const placeholder: DocumentRule = {
  id: 'placeholder',
  description: 'No template placeholder, TODO or TBD is left in a frontmatter field.',
  defaultSeverity: 'warning',
  scope: 'document',
  check(context) {
    const { doc, config, entry } = context;
    if (!doc.legible) return;
    // On a record in force, `placeholder-in-force` reports the same values (as errors): one finding
    // per value, unless that rule is off, for the repository or for this file.
    const escalated = (config.severities[placeholderInForce.id] ?? placeholderInForce.defaultSeverity) !== 'off' && !isDisabled(entry.suppressed, placeholderInForce.id);
    if (escalated && isInForceStatus(doc.data?.status)) return;
    placeholderFindings(context, (field) => `${field} is still a placeholder.`);
  },
};
