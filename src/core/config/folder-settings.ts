import { parseNamingPattern, type NamingConvention } from '../numbering/naming-convention';
import { joinPath, normalizePath } from '../port/paths';
import { fieldInfo } from '../schema/field-info';
import { isRecordType, RECORD_TYPES, type RecordType } from '../schema/schema-registry';
import { nearest } from '../text/nearest';
import { escapeSegment } from '../text/json-pointer';

/**
 * What `.legible.json` says about one decisions folder, written as an object in `folders`:
 * `{ "path": "docs/rfcs", "type": "rfc", "naming": "NNNN-slug", "statuses": { "active": "accepted" } }`.
 */
export interface FolderSettings {
  /** Workspace-relative, as written. */
  readonly path: string;
  /** The type of the folder's records: where `new` puts that type, and what a record without Legible frontmatter is. */
  readonly type?: RecordType;
  /** How new records are named, instead of the convention read from the folder's names. */
  readonly naming?: NamingConvention;
  /** The folder's own status words (lower-case) → the type's vocabulary, for records without Legible frontmatter. */
  readonly statuses?: Readonly<Record<string, string>>;
}

/**
 * The settings of each `folders` item that is an object; plain strings carry none. An unknown type
 * or a pattern the name grammar cannot read back is dropped (the schema reports it); a status word
 * mapped onto a status outside the folder type's vocabulary is dropped with a problem of its own,
 * since only the record schemas know that vocabulary.
 */
export function folderSettingsFrom(items: unknown): { settings: FolderSettings[]; problems: Array<{ pointer: string; message: string }> } {
  const settings: FolderSettings[] = [];
  const problems: Array<{ pointer: string; message: string }> = [];
  if (!Array.isArray(items)) return { settings, problems };
  for (const [index, item] of items.entries()) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const raw = item as Record<string, unknown>;
    if (typeof raw.path !== 'string' || !raw.path.trim()) continue;
    const type = isRecordType(raw.type) ? raw.type : undefined;
    const naming = typeof raw.naming === 'string' ? parseNamingPattern(raw.naming) : undefined;
    const statuses = statusMap(raw.statuses, type, `/folders/${index}/statuses`, problems);
    settings.push({ path: raw.path, ...(type && { type }), ...(naming && { naming }), ...(statuses && { statuses }) });
  }
  return { settings, problems };
}

function statusMap(raw: unknown, type: RecordType | undefined, pointer: string, problems: Array<{ pointer: string; message: string }>): Record<string, string> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const vocabulary = [...new Set((type ? [type] : RECORD_TYPES).flatMap((t) => (fieldInfo(t, ['status'])?.enum ?? []).map(String)))];
  const out: Record<string, string> = {};
  for (const [word, status] of Object.entries(raw)) {
    if (typeof status !== 'string' || !word.trim()) continue;
    if (vocabulary.includes(status)) {
      out[word.trim().toLowerCase()] = status;
      continue;
    }
    const guess = nearest(status, vocabulary)[0];
    problems.push({
      pointer: `${pointer}/${escapeSegment(word)}`,
      message: `${pointer.slice(1)}/${word}: "${status}" is not ${type ? `an ${type} status` : 'a status of any record type'}; which of ${vocabulary.join(', ')} does "${word}" mean?${guess ? ` (did you mean ${guess}?)` : ''}`,
    });
  }
  return Object.keys(out).length ? out : undefined;
}

/** The settings of the decisions folder at `folder` (absolute), if `.legible.json` has any for it. */
export function folderSettingsAt(settings: readonly FolderSettings[], root: string, folder: string): FolderSettings | undefined {
  const wanted = normalizePath(folder);
  return settings.find((s) => joinPath(root, s.path) === wanted);
}

/**
 * How the legacy reader reads the records of `folder`: the folder's type (an ADR or an RFC folder;
 * other types are written, not adopted) and its own status words.
 */
export function legacyOptionsAt(config: { readonly folderSettings: readonly FolderSettings[] }, root: string, folder: string): { type?: 'adr' | 'rfc'; statuses?: Readonly<Record<string, string>> } {
  const settings = folderSettingsAt(config.folderSettings, root, folder);
  if (!settings) return {};
  const type = settings.type === 'adr' || settings.type === 'rfc' ? settings.type : undefined;
  return { ...(type && { type }), ...(settings.statuses && { statuses: settings.statuses }) };
}
