import { beforeQuery } from '../text/link-target';
import type { DecisionDocument } from '../document/decision-document';
import { basename, dirname, joinPath } from '../port/paths';
import { isRecordType, type RecordType } from '../schema/schema-registry';
import type { Range } from '../text/position';
import type { DecisionEntry, IdRef, LinkRef } from './decision-entry';
import { parseIdRef } from './ids';
import { recordNameOf } from '../numbering/record-name';
import { disabledRules } from '../lint/suppressions';
import { detached } from '../text/detached';
import { interned } from '../text/interned';
import { scalarText } from '../text/scalar-text';

/** The number a record's file name gives it (`0007-…`, `07-…`, `adr007-…`, `20200924-…`), in the one name grammar. */
export function fileNumber(path: string): { number: number; digits: string } | undefined {
  const name = recordNameOf(path);
  return name ? { number: name.number, digits: name.digits } : undefined;
}

function text(value: unknown): string | undefined {
  // Detached: the entry outlives the document, and must not keep its text alive.
  const written = scalarText(value);
  return written === undefined ? undefined : detached(written);
}

/** A short value many records share (a status, a date, a name, a tag): one copy for all of them. */
function word(value: unknown): string | undefined {
  const written = scalarText(value);
  return written === undefined ? undefined : interned(written);
}

/** Most records leave most lists empty: one shared, frozen empty list instead of 100,000. */
const NONE: readonly never[] = Object.freeze([]);

function orNone<T>(items: readonly T[]): readonly T[] {
  return items.length ? items : NONE;
}

function list(value: unknown): readonly string[] {
  // map() allocates exactly; filter() grows as it pushes, and 60,000 lists keep the slack.
  if (Array.isArray(value)) {
    if (!value.length) return NONE;
    const items = value.map(word);
    if (!items.includes(undefined)) return items as string[];
    const kept = items.filter((v): v is string => v !== undefined);
    return kept.length ? kept.slice() : NONE;
  }
  const single = word(value);
  return single ? [single] : NONE;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function buildEntry(doc: DecisionDocument, folder: string): DecisionEntry {
  const num = fileNumber(doc.path);
  const fileId = num?.digits ?? basename(doc.path).replace(/\.md$/i, '');
  const lineRange = (line: number): Range => doc.lines.lineRange(line);
  const at = (pointer: string): Range | undefined => {
    const location = doc.yaml?.locations.get(pointer);
    const span = location?.value && location.value.end > location.value.start ? location.value : location?.key;
    return span ? doc.lines.range(span.start, span.end) : undefined;
  };
  const firstLine = lineRange(doc.block.kind === 'closed' ? doc.lines.position(doc.bodyStart).line : 0);

  if (!doc.legible) {
    const legacy = doc.legacy;
    const legacyRange = (span: { start: number; end: number } | undefined): Range => (span && span.end > 3 ? doc.lines.range(span.start, span.end) : lineRange(0));
    const refs = (ids: readonly string[], span: { start: number; end: number } | undefined): readonly IdRef[] =>
      orNone(ids.map((raw) => ({ ...parseIdRef(interned(raw)), range: legacyRange(span) })));
    return {
      path: doc.path,
      folder,
      number: num?.number,
      id: fileId,
      type: legacy?.type ?? 'adr',
      title: text(legacy?.title?.value) ?? fileId,
      status: word(legacy?.status?.value),
      date: word(legacy?.date?.value),
      owners: list(legacy?.owners),
      deciders: list(legacy?.deciders),
      holders: NONE,
      successors: NONE,
      mechanisms: NONE,
      supersedes: refs(legacy?.supersedes ?? [], legacy?.status?.span),
      supersededBy: refs(legacy?.supersededBy ?? [], legacy?.status?.span),
      related: NONE,
      decisions: NONE,
      artifacts: NONE,
      tags: list(legacy?.tags),
      legacy: legacy?.format ?? 'plain',
      anchor: legacy?.title ? legacyRange(legacy.title.span) : lineRange(0),
      statusRange: legacy?.status ? legacyRange(legacy.status.span) : undefined,
      suppressed: disabledRules(doc.text),
    };
  }

  const data = doc.data ?? {};
  const type: RecordType = isRecordType(data.type) ? data.type : 'adr';
  // YAML reads `0007` as the integer 7: messages quote the id as written, not as parsed.
  const idRef = (item: string | number, pointer: string): Omit<IdRef, 'range'> => {
    const ref = parseIdRef(typeof item === 'string' ? interned(item) : item);
    const location = typeof item === 'number' ? doc.yaml?.locations.get(pointer)?.value : undefined;
    const written = location ? doc.text.slice(location.start, location.end).trim() : '';
    return /^\d+$/.test(written) ? { ...ref, raw: written } : ref;
  };
  const ids = (key: string, value: unknown): readonly IdRef[] =>
    orNone(
      (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value])
        .map((item, i) => ({ item, pointer: Array.isArray(value) ? `/${key}/${i}` : `/${key}` }))
        .filter(({ item }) => typeof item === 'string' || typeof item === 'number')
        .map(({ item, pointer }) => ({ ...idRef(item as string | number, pointer), range: at(pointer) ?? firstLine })),
    );
  const exit = record(data['knowledge-exit-path']);
  const isExitPlan = type === 'exit-plan';
  const exitPointer = isExitPlan ? '' : '/knowledge-exit-path';
  const source = isExitPlan ? data : exit;
  const artifacts: readonly LinkRef[] = orNone(
    (Array.isArray(source.artifacts) ? source.artifacts : [])
      .map((target, i) => ({ target: text(target), range: at(`${exitPointer}/artifacts/${i}`) ?? firstLine }))
      .filter((a): a is { target: string; range: Range } => a.target !== undefined)
      .map((a) => ({ ...a, resolved: localLink(doc.path, a.target) })),
  );
  const planValue = exit.plan;
  const plan = typeof planValue === 'string' || typeof planValue === 'number' ? { ...idRef(planValue, '/knowledge-exit-path/plan'), range: at('/knowledge-exit-path/plan') ?? firstLine } : undefined;
  const riskObject = record(data.risk);
  return {
    path: doc.path,
    folder,
    number: num?.number,
    id: fileId,
    type,
    title: text(data.title) ?? fileId,
    status: word(data.status),
    date: word(data.date),
    owners: list(data.owners),
    deciders: list(data.deciders),
    holders: list(source.holders),
    successors: list(source.successors),
    mechanisms: list(source.mechanisms),
    risk: isExitPlan ? undefined : word(riskObject.level),
    blastRadius: isExitPlan ? undefined : word(riskObject['blast-radius']),
    door: word(record(data.reversibility).door),
    reviewBy: word(data['review-by']),
    due: word(source.due),
    supersedes: ids('supersedes', data.supersedes),
    supersededBy: ids('superseded-by', data['superseded-by']),
    related: ids('related', data.related),
    decisions: isExitPlan ? ids('decisions', data.decisions) : NONE,
    plan,
    artifacts,
    tags: list(data.tags),
    anchor: at('/title') ?? lineRange(0),
    statusRange: at('/status'),
    suppressed: disabledRules(doc.text),
  };
}

/** The absolute path of a relative link, or undefined for URLs and anchors. */
export function localLink(fromPath: string, target: string): string | undefined {
  if (/^[a-z][\w+.-]*:/i.test(target) || target.startsWith('#')) return undefined;
  const clean = beforeQuery(target);
  if (!clean) return undefined;
  return joinPath(dirname(fromPath), decodeURIComponentSafe(clean));
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
