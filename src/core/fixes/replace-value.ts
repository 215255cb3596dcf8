import type { DecisionDocument } from '../document/decision-document';
import type { NodeLocation } from '../parse/yaml-frontmatter';
import { flowString, yamlString } from '../templates/yaml-scalar';
import { isFlow } from './frontmatter-edits';
import { trimmedValue } from '../document/value-spans';
import { toTextEdits, type FixAction, type OffsetEdit } from './text-edit';

/** One fix per suggested value (`Change to "high"`), the first preferred; quoted when YAML needs it. */
export function replaceValueFixes(doc: DecisionDocument, pointer: string, suggestions: readonly string[]): FixAction[] {
  const location = doc.yaml?.locations.get(pointer);
  if (!location) return [];
  // An entry of a flow list or mapping (`owners: [amira, bo]`) is also quoted for `,`, `[`, `]`, `{`, `}`.
  const parent = doc.yaml?.locations.get(pointer.slice(0, pointer.lastIndexOf('/')));
  const write = parent && pointer !== '' && isFlow(doc, parent) ? flowString : yamlString;
  return suggestions.flatMap((suggestion, i) => {
    const edit = valueEdit(doc, location, write(suggestion));
    return edit ? [{ title: `Change to ${JSON.stringify(suggestion)}`, edits: toTextEdits(doc.lines, [edit]), isPreferred: i === 0, path: doc.path }] : [];
  });
}

/**
 * The edit that makes a key's value `written`: replaces the value as written (quotes, block scalar
 * and all, but not a comment after it), or, for a key with no value (`status:`), writes one after
 * the colon.
 */
export function valueEdit(doc: DecisionDocument, location: NodeLocation, written: string): OffsetEdit | undefined {
  const value = trimmedValue(doc, location);
  if (value.end > value.start) return { start: value.start, end: value.end, text: written };
  if (!location.key) return undefined;
  const after = /^[ \t]*:/.exec(doc.text.slice(location.key.end, location.key.end + 64));
  if (!after) return undefined;
  const colon = location.key.end + after[0].length;
  const spaces = /^[ \t]*/.exec(doc.text.slice(colon))![0].length;
  const next = doc.text.charAt(colon + spaces);
  return { start: colon, end: colon + spaces, text: ` ${written}${next === '#' ? ' ' : ''}` };
}
