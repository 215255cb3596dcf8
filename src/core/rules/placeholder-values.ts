import type { DecisionDocument } from '../document/decision-document';
import type { CompiledPattern } from '../port/regex-engine';

// The schema rule and the placeholder rule both ask, on every keystroke: scan each document once.
const cache = new WeakMap<DecisionDocument, { pattern: CompiledPattern; found: ReadonlyMap<string, string> }>();

/** JSON Pointers of every string value in the frontmatter that is still a template placeholder. */
export function placeholderPointers(doc: DecisionDocument, pattern: CompiledPattern): ReadonlyMap<string, string> {
  const cached = cache.get(doc);
  if (cached?.pattern === pattern) return cached.found;
  const found = new Map<string, string>();
  const visit = (value: unknown, pointer: string, depth: number): void => {
    if (depth > 64) return;
    if (typeof value === 'string') {
      if (pattern.test(value)) found.set(pointer, value);
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${pointer}/${i}`, depth + 1));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1);
    }
  };
  if (doc.data) visit(doc.data, '', 0);
  cache.set(doc, { pattern, found });
  return found;
}

/** True when the pointer is a placeholder or lies inside one. */
export function underPlaceholder(pointer: string, placeholders: ReadonlyMap<string, string>): boolean {
  for (const p of placeholders.keys()) if (pointer === p || pointer.startsWith(`${p}/`)) return true;
  return false;
}
