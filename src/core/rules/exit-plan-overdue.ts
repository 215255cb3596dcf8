import type { DocumentRule } from './rule';
import { spanAt } from './rule-helpers';
import { isExitPlanOverdue } from '../knowledge/predicates';

export const exitPlanOverdue: DocumentRule = {
  id: 'exit-plan-overdue',
  description: 'An exit plan whose `due` date has passed is verified (or abandoned).',
  defaultSeverity: 'warning',
  scope: 'document',
  check(context) {
    const { entry } = context;
    if (!isExitPlanOverdue(entry, context.today)) return;
    context.report({
      message: `\`due\` was ${entry.due} and this exit plan is still ${entry.status ?? 'not verified'}. Has a successor done the work alone yet? If so, fill \`verification\` and set status verified; if not, what is the new date?`,
      span: spanAt(context.doc, '/due'),
    });
  },
};
