// Which in-host tests a pass runs: shared by the Node extension host's entry (index.ts) and the web
// worker host's (web-index.ts), so both select alike.

/**
 * Tests tagged `@restricted` need an untrusted workspace, tests tagged `@multiroot` a multi-root
 * one, tests tagged `@web` the web worker host: each runs only in its own pass; the main pass runs
 * every test with none of these tags. The web pass runs its own tests and the untagged ones of the
 * files it bundles (test/harness/build-vscode-tests.ts leaves out the files that need Node).
 */
export type Scope = '' | 'restricted' | 'multiroot' | 'web';
const TAGS: Record<Exclude<Scope, ''>, string> = { restricted: '@restricted', multiroot: '@multiroot', web: '@web' };

export function scopeOf(value: string | undefined): Scope {
  return value === 'restricted' || value === 'multiroot' || value === 'web' ? value : '';
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The tests of this pass (its scope) whose full title contains `grep` (a plain string, as mocha's). */
export function selection(grep: string | undefined, scope: Scope): RegExp {
  const wanted = grep ? `(?=.*${escape(grep)})` : '';
  const without = (tags: string[]) => tags.map((tag) => `(?!.*${escape(tag)})`).join('');
  const tags = scope === 'web' ? without([TAGS.restricted, TAGS.multiroot]) : scope ? `(?=.*${escape(TAGS[scope])})` : without(Object.values(TAGS));
  return new RegExp(`^${wanted}${tags}`);
}
