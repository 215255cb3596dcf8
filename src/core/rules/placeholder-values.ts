import type { DecisionDocument } from '../document/decision-document';
import type { DocumentRuleContext } from './rule';
import { field, question, spanAt } from './rule-helpers';
import { isRecordType } from '../schema/schema-registry';
import type { CompiledPattern } from '../port/regex-engine';
import { escapeSegment } from '../text/json-pointer';
import { isPlaceholder } from '../config/placeholder-pattern';

// The schema rule and the placeholder rule both ask, on every keystroke: scan each document once.
const cache = new WeakMap<DecisionDocument, { pattern: CompiledPattern; found: ReadonlyMap<string, string> }>();

/** JSON Pointers of every string value in the frontmatter that is still a template placeholder. */
export function placeholderPointers(doc: DecisionDocument, pattern: CompiledPattern): ReadonlyMap<string, string> {
  const cached = cache.get(doc);
  if (cached?.pattern === pattern) return cached.found;
  const found = new Map<string, string>();
  // The path is kept as segments and joined into a pointer only for a match: nearly every value is not one.
  const path: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 64) return;
    if (typeof value === 'string') {
      if (isPlaceholder(value, pattern)) found.set(path.map((segment) => `/${segment}`).join(''), value);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(String(i));
        visit(value[i], depth + 1);
        path.pop();
      }
    } else if (value && typeof value === 'object') {
      for (const key in value) {
        path.push(escapeSegment(key));
        visit((value as Record<string, unknown>)[key], depth + 1);
        path.pop();
      }
    }
  };
  if (doc.data) visit(doc.data, 0);
  cache.set(doc, { pattern, found });
  return found;
}

/** True when the pointer is a placeholder or lies inside one. */
export function underPlaceholder(pointer: string, placeholders: ReadonlyMap<string, string>): boolean {
  for (const p of placeholders.keys()) if (pointer === p || pointer.startsWith(`${p}/`)) return true;
  return false;
}

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
