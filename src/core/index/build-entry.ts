import { beforeQuery, isExternalLink } from '../text/link-target';
import type { DecisionDocument } from '../document/decision-document';
import { basename, dirname, joinPath, withoutMarkdownExtension } from '../port/paths';
import { isRecordType, type RecordType } from '../schema/schema-registry';
import type { Range } from '../text/position';
import type { DecisionEntry, GlobRef, IdRef, LinkRef, NamedPerson } from './decision-entry';
import { parseIdRef } from './ids';
import { recordNameOf } from '../numbering/record-name';
import { disabledRules } from '../parse/suppressions';
import { detached } from '../text/detached';
import { interned } from '../text/interned';
import { scalarText } from '../text/scalar-text';
import type { CompiledPattern } from '../port/regex-engine';
import { DEFAULT_PLACEHOLDER, isPlaceholder } from '../config/placeholder-pattern';
import { placeholderPointers } from '../document/placeholder-pointers';

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
export const NONE: readonly never[] = Object.freeze([]);

function orNone<T>(items: readonly T[]): readonly T[] {
  return items.length ? items : NONE;
}

/**
 * A list of names, tags or words. `open(i)` says whether item `i` (or, for a single value, `-1`) is
 * still a placeholder: it is left out, as if never written.
 */
function list(value: unknown, open?: (index: number) => boolean): readonly string[] {
  // map() allocates exactly; filter() grows as it pushes, and 60,000 lists keep the slack.
  if (Array.isArray(value)) {
    if (!value.length) return NONE;
    const items = value.map((item, i) => (open?.(i) ? undefined : word(item)));
    if (!items.includes(undefined)) return items as string[];
    const kept = items.filter((v): v is string => v !== undefined);
    return kept.length ? kept.slice() : NONE;
  }
  const single = open?.(-1) ? undefined : word(value);
  return single ? [single] : NONE;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * What the index knows of one record. A value that is still a template placeholder (`placeholder`,
 * the configured pattern) is an open question, not data: it is left out of every field, as if
 * never written (an owner `<Who is accountable…>` is no owner yet), and its pointer is listed in
 * `placeholders` instead.
 */
export function buildEntry(doc: DecisionDocument, folder: string, placeholder: CompiledPattern = DEFAULT_PLACEHOLDER): DecisionEntry {
  const num = fileNumber(doc.path);
  const fileId = num?.digits ?? withoutMarkdownExtension(basename(doc.path));
  const lineRange = (line: number): Range => doc.lines.lineRange(line);
  const at = (pointer: string): Range | undefined => {
    const location = doc.yaml?.locations.get(pointer);
    const span = location?.value && location.value.end > location.value.start ? location.value : location?.key;
    return span ? doc.lines.range(span.start, span.end) : undefined;
  };
  const firstLine = lineRange(doc.block.kind === 'closed' ? doc.lines.position(doc.bodyStart).line : 0);

  if (!doc.legible) {
    const legacy = doc.legacy;
    // A legacy template's `{…}` values (MADR's `status: {proposed | accepted}`) are placeholders too.
    const open: string[] = [];
    const kept = (value: string | undefined, pointer: string): string | undefined => {
      if (!isPlaceholder(value, placeholder)) return value;
      open.push(pointer);
      return undefined;
    };
    const keptList = (values: readonly string[] | undefined, pointer: string): readonly string[] =>
      list(values, (i) => {
        if (i < 0 || !isPlaceholder(values?.[i], placeholder)) return false;
        open.push(`${pointer}/${i}`);
        return true;
      });
    const legacyRange = (span: { start: number; end: number } | undefined): Range => (span && span.end > 3 ? doc.lines.range(span.start, span.end) : lineRange(0));
    const refs = (ids: readonly string[], span: { start: number; end: number } | undefined): readonly IdRef[] =>
      orNone(ids.map((raw) => ({ ...parseIdRef(interned(raw)), range: legacyRange(span) })));
    return {
      path: doc.path,
      folder,
      number: num?.number,
      id: fileId,
      type: legacy?.type ?? 'adr',
      title: text(kept(legacy?.title?.value, '/title')) ?? fileId,
      status: word(kept(legacy?.status?.value, '/status')),
      date: word(kept(legacy?.date?.value, '/date')),
      owners: keptList(legacy?.owners, '/owners'),
      deciders: keptList(legacy?.deciders, '/deciders'),
      holders: NONE,
      successors: NONE,
      mechanisms: NONE,
      supersedes: refs(legacy?.supersedes ?? [], legacy?.status?.span),
      supersededBy: refs(legacy?.supersededBy ?? [], legacy?.status?.span),
      related: refs(legacy?.related ?? [], legacy?.status?.span),
      decisions: NONE,
      artifacts: NONE,
      tags: keptList(legacy?.tags, '/tags'),
      placeholders: open.length ? open.map(interned) : NONE,
      legacy: legacy?.format ?? 'plain',
      anchor: legacy?.title ? legacyRange(legacy.title.span) : lineRange(0),
      statusRange: legacy?.status ? legacyRange(legacy.status.span) : undefined,
      suppressed: disabledRules(doc.text),
    };
  }

  const data = doc.data ?? {};
  const type: RecordType = isRecordType(data.type) ? data.type : 'adr';
  // The placeholder rules scan the document for the same pattern: one scan serves both (cached).
  const open = placeholderPointers(doc, placeholder);
  const given = <T>(value: T, pointer: string): T | undefined => (open.size && open.has(pointer) ? undefined : value);
  const items = (pointer: string) => (open.size ? (i: number) => open.has(i < 0 ? pointer : `${pointer}/${i}`) : undefined);
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
        .filter(({ item, pointer }) => (typeof item === 'string' || typeof item === 'number') && given(item, pointer) !== undefined)
        .map(({ item, pointer }) => ({ ...idRef(item as string | number, pointer), range: at(pointer) ?? firstLine })),
    );
  const exit = record(data['knowledge-exit-path']);
  const isExitPlan = type === 'exit-plan';
  const exitPointer = isExitPlan ? '' : '/knowledge-exit-path';
  const source = isExitPlan ? data : exit;
  const artifacts: readonly LinkRef[] = orNone(
    (Array.isArray(source.artifacts) ? source.artifacts : [])
      .map((target, i) => ({ pointer: `${exitPointer}/artifacts/${i}`, target: text(given(target, `${exitPointer}/artifacts/${i}`)) }))
      .map(({ pointer, target }) => ({ target, range: at(pointer) ?? firstLine, pointer }))
      .filter((a): a is { target: string; range: Range; pointer: string } => a.target !== undefined)
      .map((a) => ({ ...a, resolved: localLink(doc.path, a.target) })),
  );
  const planValue = given(exit.plan, '/knowledge-exit-path/plan');
  const plan = typeof planValue === 'string' || typeof planValue === 'number' ? { ...idRef(planValue, '/knowledge-exit-path/plan'), range: at('/knowledge-exit-path/plan') ?? firstLine } : undefined;
  const riskObject = record(data.risk);
  // Where each person is named: a finding about one of them (evidence rules) sits on their name.
  const named: NamedPerson[] = [];
  for (const [field, value, pointer] of [
    ['owners', data.owners, '/owners'],
    ['deciders', data.deciders, '/deciders'],
    ['holders', source.holders, `${exitPointer}/holders`],
    ['successors', source.successors, `${exitPointer}/successors`],
  ] as const) {
    if (!Array.isArray(value)) continue;
    value.forEach((item, i) => {
      const name = word(given(item, `${pointer}/${i}`));
      const range = name === undefined ? undefined : at(`${pointer}/${i}`);
      if (name !== undefined && range) named.push({ field, name, range });
    });
  }
  return {
    path: doc.path,
    folder,
    number: num?.number,
    id: fileId,
    type,
    title: text(given(data.title, '/title')) ?? fileId,
    status: word(given(data.status, '/status')),
    date: word(given(data.date, '/date')),
    owners: list(data.owners, items('/owners')),
    deciders: list(data.deciders, items('/deciders')),
    holders: list(source.holders, items(`${exitPointer}/holders`)),
    successors: list(source.successors, items(`${exitPointer}/successors`)),
    mechanisms: list(source.mechanisms, items(`${exitPointer}/mechanisms`)),
    risk: isExitPlan ? undefined : word(given(riskObject.level, '/risk/level')),
    blastRadius: isExitPlan ? undefined : word(given(riskObject['blast-radius'], '/risk/blast-radius')),
    door: word(given(record(data.reversibility).door, '/reversibility/door')),
    reviewBy: word(given(data['review-by'], '/review-by')),
    due: word(given(source.due, `${exitPointer}/due`)),
    supersedes: ids('supersedes', data.supersedes),
    supersededBy: ids('superseded-by', data['superseded-by']),
    related: ids('related', data.related),
    decisions: isExitPlan ? ids('decisions', data.decisions) : NONE,
    plan,
    artifacts,
    governs: orNone(
      (Array.isArray(data.governs) ? data.governs : [])
        .map((glob, i) => ({ glob: text(given(glob, `/governs/${i}`)), range: at(`/governs/${i}`) ?? firstLine }))
        .filter((g): g is GlobRef => g.glob !== undefined && g.glob.trim() !== ''),
    ),
    tags: list(data.tags, items('/tags')),
    ...(named.length && { named }),
    placeholders: open.size ? [...open.keys()].map(interned) : NONE,
    anchor: at('/title') ?? lineRange(0),
    statusRange: at('/status'),
    suppressed: disabledRules(doc.text),
  };
}

/** The absolute path of a relative link, or undefined for URLs and anchors. */
export function localLink(fromPath: string, target: string): string | undefined {
  if (isExternalLink(target)) return undefined;
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
