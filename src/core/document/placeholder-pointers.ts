import type { DecisionDocument } from './decision-document';
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
