import type { Rule } from './rule';
import { frontmatterMissing } from './frontmatter-missing';
import { frontmatterMalformed } from './frontmatter-malformed';
import { frontmatterSchema } from './frontmatter-schema';
import { placeholder } from './placeholder';
import { placeholderInForce } from './placeholder-in-force';
import { statusConsistency } from './status-consistency';
import { referenceResolves } from './reference-resolves';
import { duplicateId } from './duplicate-id';
import { numberCollision } from './number-collision';
import { requiredSections } from './required-sections';
import { reviewOverdue } from './review-overdue';
import { exitPlanOverdue } from './exit-plan-overdue';
import { singlePointOfKnowledge } from './single-point-of-knowledge';
import { oneWayDoorSingleDecider } from './one-way-door-single-decider';
import { fileReadable } from './file-readable';
import { linkOutsideRepository } from './link-outside-repository';
import { governsGlobInvalid } from './governs-glob-invalid';
import { governsMatchesNothing } from './governs-matches-nothing';
import { governsTooBroad } from './governs-too-broad';
import { codeReferenceResolves } from './code-reference-resolves';
import { codeCitesSuperseded } from './code-cites-superseded';
import { successorWithoutEvidence } from './successor-without-evidence';
import { undeclaredKnowledgeHolder } from './undeclared-knowledge-holder';
import { holderDeparted } from './holder-departed';
import { observedSinglePointOfKnowledge } from './observed-single-point-of-knowledge';
import { exitPlanVerifiedWithoutEvidence } from './exit-plan-verified-without-evidence';

/** The one list of rules. The CLI, the extension, SARIF metadata and the README table all read it. */
export const RULES: readonly Rule[] = [
  frontmatterMissing,
  frontmatterMalformed,
  frontmatterSchema,
  placeholder,
  placeholderInForce,
  statusConsistency,
  referenceResolves,
  duplicateId,
  numberCollision,
  requiredSections,
  reviewOverdue,
  exitPlanOverdue,
  singlePointOfKnowledge,
  oneWayDoorSingleDecider,
  fileReadable,
  linkOutsideRepository,
  governsGlobInvalid,
  governsMatchesNothing,
  governsTooBroad,
  codeReferenceResolves,
  codeCitesSuperseded,
  successorWithoutEvidence,
  undeclaredKnowledgeHolder,
  holderDeparted,
  observedSinglePointOfKnowledge,
  exitPlanVerifiedWithoutEvidence,
];

export const RULE_DOCS_BASE = 'https://github.com/legible-dev/legible/blob/main/README.md';

/** The README anchor of a rule: every diagnostic's `code` links here. */
export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE}#rule-${id}`;
}

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
