import type { DocumentRule } from './rule';
import { field, question, spanAt } from './rule-helpers';
import { placeholderPointers } from './placeholder-values';
import { isRecordType } from '../schema/schema-registry';

/** A template placeholder, TODO or TBD left in a field: the question it stands for is still open. */
export const placeholder: DocumentRule = {
  id: 'placeholder',
  description: 'No template placeholder, TODO or TBD is left in a frontmatter field.',
  defaultSeverity: 'warning',
  scope: 'document',
  check(context) {
    const { doc } = context;
    if (!doc.legible) return;
    const type = isRecordType(doc.data?.type) ? doc.data.type : undefined;
    for (const [pointer] of placeholderPointers(doc, context.config.placeholder)) {
      const ask = question(type, pointer);
      context.report({ message: `${field(pointer)} is still a placeholder. ${ask || 'What should it say?'}`, span: spanAt(doc, pointer) });
    }
  },
};
