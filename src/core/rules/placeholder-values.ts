import type { DocumentRuleContext } from './rule';
import { field, question, spanAt } from './rule-helpers';
import { isRecordType } from '../schema/schema-registry';
import { placeholderPointers } from '../document/placeholder-pointers';

/**
 * One finding per placeholder value, on the value: what `said(field)` says of it, then the
 * question the field exists to answer.
 */
export function placeholderFindings(context: DocumentRuleContext, said: (field: string) => string): void {
  const { doc } = context;
  const type = isRecordType(doc.data?.type) ? doc.data.type : undefined;
  for (const [pointer] of placeholderPointers(doc, context.config.placeholder)) {
    const ask = question(type, pointer);
    context.report({ message: `${said(field(pointer))} ${ask || 'What should it say?'}`, span: spanAt(doc, pointer) });
  }
}
