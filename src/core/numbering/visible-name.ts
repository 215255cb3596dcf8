import type { CompiledPattern } from '../port/regex-engine';
import { matchesAny } from '../config/glob';
import type { RecordType } from '../schema/schema-registry';

export interface VisibleName {
  readonly name: string;
  readonly words: readonly string[];
  /** The name as titled, when `ignore` hides it and the words had to change. */
  readonly hidden?: string;
}

/**
 * A file name for the record that `ignore` does not hide. A record named from "Adopt the golden-path
 * service template" would be `0015-adopt-the-golden-path-service-template.md`, which the default
 * `*-template.md` hides: it would be missing from `list`, `lint` and `index`, and a
 * `--max-warnings 0` gate would pass on an unfilled record. So the slug is reworded: first without
 * its trailing "template" words, then with the record type appended. Undefined when every
 * candidate is hidden (an `ignore` such as `*.md`): the caller refuses to create the record.
 */
export function visibleName(nameOf: (words: readonly string[]) => string, words: readonly string[], ignore: readonly CompiledPattern[], type: RecordType | undefined): VisibleName | undefined {
  const trimmed = [...words];
  while (trimmed.length > 1 && /^templates?$/.test(trimmed[trimmed.length - 1])) trimmed.pop();
  const candidates: Array<readonly string[]> = [words, trimmed, [...trimmed, ...(type ?? 'record').split('-')], [...trimmed, 'record']];
  const titled = nameOf(words);
  for (const candidate of candidates) {
    const name = nameOf(candidate);
    if (!matchesAny(name, ignore)) return name === titled ? { name, words: candidate } : { name, words: candidate, hidden: titled };
  }
  return undefined;
}

/** What the front-ends tell the user when a record was named otherwise than its title says. */
export function renamedNote(hidden: string, name: string): string {
  return `named the record ${name}: ${hidden} is a name "ignore" hides (it would be missing from list, lint and index)`;
}
