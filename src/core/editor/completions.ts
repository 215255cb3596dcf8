import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import { formatId, parseIdRef } from '../index/ids';
import type { FieldInfo } from '../schema/field-info';
import { ID_PREFIX, isRecordType, type RecordType } from '../schema/schema-registry';
import { renderFieldSnippet } from '../templates/render-template';
import { flowString, yamlString } from '../templates/yaml-scalar';
import type { Range } from '../text/position';
import { editorChildFields, editorFieldInfo, fieldMarkdown, schemaTypeFor, valueSort } from './field-words';
import { frontmatterCursor, type FrontmatterCursor } from './frontmatter-cursor';
import { governsPathItems } from './governs-values';
import { artifactPathItems, isArtifactsCursor } from './artifact-values';
import { recordSummaryMarkdown } from './record-summary';

/**
 * What completion offers in the frontmatter, as plain items the extension turns into
 * CompletionItems: keys for the record's type, values of closed vocabularies, record ids,
 * people, tags and dates. Every word shown comes from the schemas or from the index.
 */

export type CompletionKind = 'field' | 'value' | 'id' | 'person' | 'snippet' | 'folder' | 'file';

export interface FrontmatterCompletion {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Text to insert; a VS Code snippet when `isSnippet`. Lines after the first are indented relative to the cursor's line (the editor adds that line's indentation). */
  readonly insertText: string;
  readonly isSnippet?: boolean;
  /** The range the insertion replaces: on the cursor's line, containing the cursor. */
  readonly replace: Range;
  /** What the typed word is matched against, when it is not the label (ids match their title too). */
  readonly filterText?: string;
  readonly sortText?: string;
  readonly preselect?: boolean;
  /** A value is expected right after the insertion: the editor may ask for completions again. */
  readonly retrigger?: boolean;
}

export interface CompletionOptions {
  /** Today, YYYY-MM-DD, from the caller's clock: offered for dates. */
  readonly today?: string;
  /** The document's path (as the index keys it): left out of id completions. */
  readonly path?: string;
  /**
   * The repository's code files, repository-relative (the live code list): offered as folders and
   * files in `governs`. A front-end supplies it where `wantsCodeFiles` says it is needed.
   */
  readonly codeFiles?: readonly string[];
  /** The folder `codeFiles` are relative to (absolute): `artifacts` are offered as links from the record's folder. */
  readonly root?: string;
}

export function completionsAt(text: string, offset: number, index: DecisionIndex, options: CompletionOptions = {}): FrontmatterCompletion[] {
  const cursor = frontmatterCursor(text, offset);
  if (!cursor) return [];
  const type = isRecordType(cursor.recordType) ? cursor.recordType : undefined;
  const context: Context = { cursor, type, index, options };
  if (cursor.kind === 'key') return keyCompletions(context);
  const info = editorFieldInfo(type, [...cursor.path, cursor.key]);
  if (!info) return [];
  if (cursor.kind === 'value') {
    if (info.kind === 'scalar') return candidates(context, info, []).map((c) => toCompletion(context, c));
    // A list written inline after its key: `owners: ` → `owners: [alice]`.
    if (info.kind === 'array' && cursor.word === '') return candidates(context, info, []).map((c) => toCompletion(context, c, 'flow-list'));
    return [];
  }
  if (info.kind !== 'array') return [];
  return candidates(context, info, cursor.items).map((c) => toCompletion(context, c));
}

interface Context {
  readonly cursor: FrontmatterCursor;
  readonly type: RecordType | undefined;
  readonly index: DecisionIndex;
  readonly options: CompletionOptions;
}

/** A value to offer, before it is quoted for where it goes. */
interface Candidate {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly value: string;
  readonly detail?: string;
  readonly documentation?: string;
  readonly filterText?: string;
  readonly sortText?: string;
  readonly preselect?: boolean;
  /** A folder: choosing it asks for its entries next. */
  readonly retrigger?: boolean;
}

function keyCompletions(context: Context): FrontmatterCompletion[] {
  const { cursor, type } = context;
  const container = cursor.path.length ? editorFieldInfo(type, cursor.path) : undefined;
  if (container?.kind === 'array') {
    // A fresh line under a list key: its entries, written as `- ` items.
    if (cursor.hasColon) return [];
    return candidates(context, container, cursor.items).map((c) => toCompletion(context, c, 'block-item'));
  }
  if (container && container.kind !== 'object') return [];
  const present = new Set(cursor.keys);
  return fieldCompletions(context, editorChildFields(type, cursor.path).filter((info) => !present.has(info.name)), cursor.path);
}

function rank(info: FieldInfo): number {
  return info.required ? 0 : info.recommended ? 1 : 2;
}

function fieldCompletions(context: Context, fields: readonly FieldInfo[], path: readonly string[]): FrontmatterCompletion[] {
  const { cursor, type } = context;
  const preselected = !type && !path.length ? 'type' : fields.find((f) => f.required)?.name;
  return fields.map((info, i) => {
    const insert = cursor.hasColon ? { text: info.name, snippet: false, retrigger: false } : keyInsert(context, [...path, info.name], info);
    return {
      label: info.name,
      kind: 'field',
      detail: info.title,
      documentation: fieldMarkdown(editorFieldInfo(type, [...path, info.name]) ?? info),
      insertText: insert.text,
      isSnippet: insert.snippet || undefined,
      replace: cursor.range,
      sortText: `${rank(info)}-${String(i).padStart(3, '0')}`,
      preselect: info.name === preselected || undefined,
      retrigger: insert.retrigger || undefined,
    };
  });
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** What choosing a key inserts: the key and its value's start, or a structure with its required children. */
function keyInsert(context: Context, path: readonly string[], listed: FieldInfo): { text: string; snippet: boolean; retrigger: boolean } {
  const { cursor, type } = context;
  const info = editorFieldInfo(type, path) ?? listed;
  const unit = cursor.indentUnit;
  if (info.kind === 'object') {
    const schemaType = schemaTypeFor(type, path);
    const lines = schemaType ? renderFieldSnippet(schemaType, path, { unit, requiredOnly: true }) : [];
    if (lines.length) return { text: lines.join('\n'), snippet: true, retrigger: false };
    return { text: `${info.name}:\n${unit}`, snippet: false, retrigger: true };
  }
  if (info.kind === 'array') {
    return { text: `${info.name}:\n${unit}- `, snippet: false, retrigger: true };
  }
  // A prose answer as the template writes it: a folded block, the question on the line below.
  const schemaType = info.prose ? (type ?? schemaTypeFor(undefined, path.slice(0, -1))) : undefined;
  const prose = schemaType ? renderFieldSnippet(schemaType, path, { unit }) : [];
  if (prose.length) return { text: prose.join('\n'), snippet: true, retrigger: false };
  // A closed vocabulary: the key, then the values with their meanings (a snippet choice would
  // silently keep its first value on Escape, and an unconsidered value reads as decided).
  if (info.enum?.length) return { text: `${info.name}: `, snippet: false, retrigger: true };
  const date = valueSort(info) === 'date' ? dateCandidates(info.name, context.options.today)[0] : undefined;
  if (date) return { text: `${info.name}: \${1:${escapeSnippet(date.value)}}`, snippet: true, retrigger: false };
  return { text: `${info.name}: `, snippet: false, retrigger: true };
}

/** The values a field (or each entry of a list field) may take, minus the entries already listed. */
function candidates(context: Context, info: FieldInfo, present: readonly string[]): Candidate[] {
  const taken = new Set(present);
  if (info.enum?.length) {
    return info.enum
      .map((value, i) => ({ value: String(value), i }))
      .filter(({ value }) => !taken.has(value))
      .map(({ value, i }) => ({
        label: value,
        kind: 'value' as const,
        value,
        detail: info.enumDescriptions?.[i],
        sortText: String(i).padStart(3, '0'),
      }));
  }
  const { cursor } = context;
  if (info.name === 'governs' && context.options.codeFiles) {
    return governsPathItems(cursor.prefix, context.options.codeFiles)
      .filter((item) => !taken.has(item.value))
      .map((item, i) => ({ label: item.value, kind: item.folder ? ('folder' as const) : ('file' as const), value: item.value, sortText: String(i).padStart(4, '0'), retrigger: item.folder || undefined }));
  }
  if (isArtifactsCursor(cursor) && context.options.codeFiles && context.options.root && context.options.path) {
    return artifactPathItems(cursor.prefix, context.options.codeFiles, context.options.root, context.options.path)
      .filter((item) => !taken.has(item.value))
      .map((item, i) => ({ label: item.value, kind: item.folder ? ('folder' as const) : ('file' as const), value: item.value, sortText: String(i).padStart(4, '0'), retrigger: item.folder || undefined }));
  }
  switch (valueSort(info)) {
    case 'id':
      return idCandidates(context, [...cursor.path, cursor.key].join('.') === 'knowledge-exit-path.plan', present);
    case 'person':
      return context.index
        .people()
        .filter((name) => !taken.has(name))
        .map((name, i) => ({ label: name, kind: 'person' as const, value: name, sortText: String(i).padStart(5, '0') }));
    case 'date':
      return dateCandidates(info.name, context.options.today);
    default:
      return info.name === 'tags' && info.kind === 'array' ? tagCandidates(context.index, taken) : [];
  }
}

function idCandidates(context: Context, plansOnly: boolean, present: readonly string[]): Candidate[] {
  const taken = present.map((raw) => parseIdRef(raw));
  const isTaken = (entry: DecisionEntry): boolean => taken.some((ref) => ref.number === entry.number && (!ref.prefix || ref.prefix === ID_PREFIX[entry.type]));
  return context.index
    .entries()
    .filter((entry) => entry.number !== undefined && entry.path !== context.options.path && (!plansOnly || entry.type === 'exit-plan') && !isTaken(entry))
    .sort((a, b) => (a.number ?? 0) - (b.number ?? 0) || a.path.localeCompare(b.path))
    .map((entry, i) => {
      const label = formatId(entry.type, entry.number, /^\d+$/.test(entry.id) ? entry.id.length : undefined);
      return {
        label,
        kind: 'id' as const,
        value: label,
        detail: entry.title,
        documentation: recordSummaryMarkdown(entry),
        filterText: `${label} ${entry.title}`,
        sortText: String(i).padStart(6, '0'),
      };
    });
}

function tagCandidates(index: DecisionIndex, taken: ReadonlySet<string>): Candidate[] {
  const tags = new Set<string>();
  for (const entry of index.entries()) for (const tag of entry.tags) if (!taken.has(tag)) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b)).map((tag) => ({ label: tag, kind: 'value', value: tag }));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `today` plus whole months, the day clamped to the month's length (08-31 + 6 months → 02-28). */
export function addMonths(today: string, months: number): string | undefined {
  const match = DATE.exec(today);
  if (!match) return undefined;
  const total = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  const day = Math.min(Number(match[3]), days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Months ahead offered for each date field, the first preselected: a review or a hand-over lies ahead. */
const DATE_OFFSETS: Readonly<Record<string, readonly number[]>> = {
  'review-by': [6, 12, 3],
  due: [3, 6, 1],
};

function dateCandidates(name: string, today: string | undefined): Candidate[] {
  if (!today || !DATE.test(today)) return [];
  return (DATE_OFFSETS[name] ?? [0]).flatMap((months, i) => {
    const value = addMonths(today, months);
    if (!value) return [];
    const detail = months === 0 ? 'today' : months % 12 === 0 ? `in ${months / 12} year${months === 12 ? '' : 's'}` : `in ${months} month${months === 1 ? '' : 's'}`;
    return [{ label: value, kind: 'value' as const, value, detail, sortText: String(i), preselect: i === 0 || undefined }];
  });
}

/** A scalar as it must be written where it goes: inside quotes, in a flow sequence, or plain. */
function written(value: string, cursor: FrontmatterCursor, flow: boolean): string {
  if (cursor.quote === '"') return JSON.stringify(value).slice(1, -1);
  if (cursor.quote === "'") return value.replace(/'/g, "''");
  return flow ? flowString(value) : yamlString(value);
}

/** A template placeholder (`<one-way | two-way>`, `<Who holds…?>`): the whole value an answer replaces. */
const PLACEHOLDER = /^<[^<>\n]*>$/;

/**
 * What an editor matches the typed text against. It matches the text from the start of `replace` to
 * the cursor, which on a placeholder is the placeholder itself (selected by a tab stop, the cursor at
 * its end), and no value starts with `<one-way | two-way>`: each value is matched as that text
 * followed by the value, so Ctrl+Space there lists every value instead of "No suggestions".
 */
function filterTextOf(cursor: FrontmatterCursor, candidate: Candidate): string | undefined {
  if (!PLACEHOLDER.test(cursor.word)) return candidate.filterText;
  return `${cursor.word} ${candidate.filterText ?? candidate.label}`;
}

function toCompletion(context: Context, candidate: Candidate, shape: 'scalar' | 'flow-list' | 'block-item' = 'scalar'): FrontmatterCompletion {
  const { cursor } = context;
  const scalar = written(candidate.value, cursor, cursor.flow || shape === 'flow-list');
  const body = shape === 'flow-list' ? `[${scalar}]` : shape === 'block-item' ? `- ${scalar}` : scalar;
  return {
    label: candidate.label,
    kind: candidate.kind,
    detail: candidate.detail,
    documentation: candidate.documentation,
    insertText: cursor.needsSpace ? ` ${body}` : body,
    replace: cursor.range,
    filterText: filterTextOf(cursor, candidate),
    sortText: candidate.sortText,
    preselect: candidate.preselect,
    retrigger: candidate.retrigger,
  };
}
