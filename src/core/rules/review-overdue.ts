import type { DocumentRule } from './rule';
import { spanAt } from './rule-helpers';
import { isReviewOverdue } from '../knowledge/predicates';

export const reviewOverdue: DocumentRule = {
  id: 'review-overdue',
  description: 'An accepted decision whose `review-by` date has passed is due for review.',
  defaultSeverity: 'warning',
  scope: 'document',
  check(context) {
    const { entry } = context;
    if (!isReviewOverdue(entry, context.today)) return;
    context.report({
      message: `\`review-by\` was ${entry.reviewBy}: this ${entry.status} decision is due for review. Does it still hold, and when should it be revisited next?`,
      span: spanAt(context.doc, '/review-by'),
    });
  },
};
