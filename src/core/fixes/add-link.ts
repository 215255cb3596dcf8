import type { DecisionDocument } from '../document/decision-document';
import { parseIdRef } from '../index/ids';
import { isRecordType } from '../schema/schema-registry';
import { isStatusOf } from '../schema/statuses';
import { yamlString } from '../templates/yaml-scalar';
import { afterEntry, isFlow, keyInsertion } from './frontmatter-edits';
import { trimmedValue } from '../document/value-spans';
import { valueEdit } from './replace-value';
import { lineEnding, toTextEdits, type FixAction, type OffsetEdit } from './text-edit';

export type LinkKey = 'superseded-by' | 'supersedes';

/**
 * Names `id` in `doc`'s `superseded-by` or `supersedes` list, in the list's own style: a block list
 * gets a `- id` line at its items' indentation, a flow list gets `, id`, a single value becomes a
 * list, and a missing key is added. For `superseded-by` the status becomes `superseded` too, since
 * the two go together. `doc` is the record to edit, which may be another file than the finding's.
 */
export function addLinkFix(doc: DecisionDocument, key: LinkKey, id: string): FixAction | undefined {
  const data = doc.data;
  if (!doc.yaml || !data || doc.block.kind !== 'closed') return undefined;
  const eol = lineEnding(doc.text);
  const edits: OffsetEdit[] = [];
  const link = linkEdit(doc, key, id, eol);
  if (link === undefined) return undefined;
  // Exit plans have no `superseded` status; their status is left alone.
  const statusChanged = key === 'superseded-by' && data.status !== 'superseded' && isStatusOf(isRecordType(data.type) ? data.type : 'adr', 'superseded');
  if (statusChanged) {
    const status = statusEdit(doc, eol);
    if (!status) return undefined;
    edits.push(status);
  }
  // After the status edit: when both add a key at the same place, `status` comes first, as in the template.
  if (link) edits.push(link);
  if (!edits.length) return undefined;
  const title = [link && `Add ${id} to \`${key}\``, statusChanged && 'set `status: superseded`'].filter(Boolean).join(' and ');
  return { title: title.charAt(0).toUpperCase() + title.slice(1), edits: toTextEdits(doc.lines, edits), isPreferred: true, path: doc.path };
}

/** The edit that adds the id; null when the list names it already; undefined when there is no clean edit. */
function linkEdit(doc: DecisionDocument, key: LinkKey, id: string, eol: string): OffsetEdit | null | undefined {
  const data = doc.data!;
  const written = yamlString(id);
  const location = doc.yaml!.locations.get(`/${key}`);
  const value = data[key];
  const wanted = parseIdRef(id).number;
  const same = (item: unknown): boolean => (typeof item === 'string' || typeof item === 'number') && (wanted === undefined ? String(item) === id : parseIdRef(item).number === wanted);

  if (!Object.prototype.hasOwnProperty.call(data, key) || !location) {
    const type = isRecordType(data.type) ? data.type : 'adr';
    const at = keyInsertion(doc, type, [], key);
    return at ? { start: at.offset, end: at.offset, text: `${at.indent}${key}: [${written}]${eol}` } : undefined;
  }
  if (value === null) return valueEdit(doc, location, `[${written}]`);
  if (typeof value === 'string' || typeof value === 'number') {
    if (same(value)) return null;
    const span = trimmedValue(doc, location);
    return { start: span.start, end: span.end, text: `[${doc.text.slice(span.start, span.end)}, ${written}]` };
  }
  // A list of ids only: anything else (a nested list, a mapping) is not the author's list of links.
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' || typeof item === 'number')) return undefined;
  if (value.some(same)) return null;
  if (isFlow(doc, location)) {
    if (!value.length) {
      const span = trimmedValue(doc, location);
      return { start: span.start, end: span.end, text: `[${written}]` };
    }
    const last = doc.yaml!.locations.get(`/${key}/${value.length - 1}`);
    if (!last) return undefined;
    const end = trimmedValue(doc, last).end;
    return { start: end, end, text: `, ${written}` };
  }
  // A block list: a new `- id` line after the last item, with the items' own dash and indentation.
  const first = doc.yaml!.locations.get(`/${key}/0`);
  const last = doc.yaml!.locations.get(`/${key}/${value.length - 1}`);
  if (!first || !last) return undefined;
  const line = doc.lines.position(first.value.start).line;
  const prefix = doc.text.slice(doc.lines.lineStart(line), first.value.start);
  if (!/^[ \t]*-[ \t]+$/.test(prefix)) return undefined;
  const at = afterEntry(doc, last);
  return { start: at, end: at, text: `${prefix}${written}${eol}` };
}

/** `status: superseded`: the value replaced, or the key added where the template has it. */
function statusEdit(doc: DecisionDocument, eol: string): OffsetEdit | undefined {
  const location = doc.yaml!.locations.get('/status');
  if (location) return valueEdit(doc, location, 'superseded');
  const type = isRecordType(doc.data!.type) ? doc.data!.type : 'adr';
  const at = keyInsertion(doc, type, [], 'status');
  return at ? { start: at.offset, end: at.offset, text: `${at.indent}status: superseded${eol}` } : undefined;
}
