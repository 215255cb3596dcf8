/**
 * `<!-- legible-disable rule-a, rule-b -->` anywhere in a file turns those rules off for it;
 * `<!-- legible-disable -->` turns every rule off. Read with one bounded regex pass.
 */
const DIRECTIVE = /<!--\s*legible-disable(?:\s+([\w\s,-]{0,400}?))?\s*-->/g;

/** The rules a file turns off: a plain list (entries are cached as JSON), or 'all'. */
export type Suppressed = readonly string[] | 'all';

export function disabledRules(text: string): Suppressed {
  // Cheap exit: nearly every file has no directive.
  if (!text.includes('legible-disable')) return [];
  const rules = new Set<string>();
  DIRECTIVE.lastIndex = 0;
  for (const match of text.matchAll(DIRECTIVE)) {
    if (!match[1]?.trim()) return 'all';
    for (const id of match[1].split(/[\s,]+/)) if (id) rules.add(id);
  }
  return [...rules];
}

export function isDisabled(disabled: Suppressed, ruleId: string): boolean {
  return disabled === 'all' || disabled.includes(ruleId);
}
