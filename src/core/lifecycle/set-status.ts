import type { DecisionDocument } from '../document/decision-document';
import { keyInsertion } from '../fixes/frontmatter-edits';
import { valueEdit } from '../fixes/replace-value';
import { lineEnding, toTextEdits, type TextEdit } from '../fixes/text-edit';
import { isRecordType, type RecordType } from '../schema/schema-registry';
import { yamlString } from '../templates/yaml-scalar';
import { nearest } from '../text/nearest';
import { scalarText } from '../text/scalar-text';
import type { CompiledPattern } from '../port/regex-engine';
import { DEFAULT_PLACEHOLDER } from '../config/placeholder-pattern';
import { placeholderPointers } from '../document/placeholder-pointers';
import { displayPath, fieldInfo } from '../schema/field-info';
import { isInForceStatus } from '../knowledge/predicates';
import { listAnd } from '../text/word-list';

export type StatusChange =
  | {
      readonly kind: 'change';
      readonly type: RecordType;
      readonly from?: string;
      readonly to: string;
      readonly edits: readonly TextEdit[];
      /** The fields still template placeholders (`risk.level`, `owners[0]`): open questions. */
      readonly placeholders: readonly string[];
      /**
       * Set when the new status puts the record in force (accepted, implemented, verified) while
       * placeholders remain: the editor asks before it writes, `legible status` warns.
       */
      readonly openQuestions?: string;
    }
  | { readonly kind: 'unchanged'; readonly type: RecordType; readonly status: string }
  | { readonly kind: 'problem'; readonly message: string; readonly suggestions: readonly string[] };

/** The statuses a record of `type` may have, from its schema (with what each means, for pickers). */
export function statusVocabulary(type: RecordType): { readonly values: readonly string[]; readonly descriptions: readonly (string | undefined)[]; readonly question?: string } {
  const info = fieldInfo(type, ['status']);
  return { values: (info?.enum ?? []).map(String), descriptions: info?.enumDescriptions ?? [], question: info?.description };
}

/**
 * Set Status and `legible status`: the edit that makes the record's `status` the given one, in
 * place (the value replaced as written, or the key added where the template puts it), everything
 * else in the file untouched. The status must be one of the record type's own vocabulary.
 * Problems are about this record; the front-end says which file it is.
 */
export function setStatusEdits(doc: DecisionDocument, status: string, placeholder: CompiledPattern = DEFAULT_PLACEHOLDER): StatusChange {
  const data = doc.data;
  if (!doc.legible || !data || !doc.yaml || doc.block.kind !== 'closed') {
    return { kind: 'problem', message: 'this record has no Legible frontmatter, so it has no `status` to set; add Legible frontmatter first.', suggestions: [] };
  }
  if (!isRecordType(data.type)) {
    return { kind: 'problem', message: `\`type\` is ${data.type === undefined ? 'missing' : `"${scalarText(data.type) ?? 'not a word'}"`}, so its statuses are unknown. Which type of record is it (adr, rfc or exit-plan)?`, suggestions: [] };
  }
  const type = data.type;
  const { values, question } = statusVocabulary(type);
  const wanted = status.trim();
  if (!values.includes(wanted)) {
    const suggestions = nearest(wanted, values);
    return {
      kind: 'problem',
      message: `\`status\`: "${wanted}" is not one of the ${type} statuses. ${question ?? 'Which status?'} (${values.join(', ')})${suggestions.length ? ` Did you mean ${suggestions[0]}?` : ''}`,
      suggestions,
    };
  }
  const from = scalarText(data.status);
  if (from === wanted) return { kind: 'unchanged', type, status: wanted };
  const written = yamlString(wanted);
  const location = doc.yaml.locations.get('/status');
  let edit;
  if (location) edit = valueEdit(doc, location, written);
  else {
    const at = keyInsertion(doc, type, [], 'status');
    if (at) edit = { start: at.offset, end: at.offset, text: `${at.indent}status: ${written}${lineEnding(doc.text)}` };
  }
  if (!edit) return { kind: 'problem', message: '`status` is written in a way Legible cannot edit without rewriting the frontmatter; change it by hand.', suggestions: [] };
  // The status itself, if it was a placeholder, is answered now.
  const placeholders = [...placeholderPointers(doc, placeholder).keys()].filter((pointer) => pointer !== '/status').map((pointer) => displayPath(pointer));
  return { kind: 'change', type, from, to: wanted, edits: toTextEdits(doc.lines, [edit]), placeholders, openQuestions: openQuestions(wanted, placeholders) };
}

/** How many questions a record about to be in force leaves open, naming the first few; undefined when none or not in force. */
export function openQuestions(status: string, placeholders: readonly string[]): string | undefined {
  if (!isInForceStatus(status) || !placeholders.length) return undefined;
  const shown = placeholders.slice(0, 3).map((name) => `\`${name}\``);
  const rest = placeholders.length - shown.length;
  const names = rest ? `${shown.join(', ')} and ${rest} more` : listAnd(shown);
  if (placeholders.length === 1) return `${names} is still a placeholder: an open question for a record about to be ${status}.`;
  return `${names} are still placeholders: ${placeholders.length} open questions for a record about to be ${status}.`;
}
