import type { ErrorObject } from 'ajv';
import type { RecordType } from '../schema/schema-registry';
import { fieldInfo } from '../schema/field-info';
import { SchemaValidator } from '../schema/validator';
import { pointerPath } from '../text/json-pointer';
import { recordQuestions } from './record-questions';

/**
 * Which fields a new record's template writes: the ones the schema requires of it, given what is
 * already known (the answers to the first questions, the owner). Required includes what the
 * schema's conditions require of those values: a one-way door needs `reversibility.how`, a high or
 * critical risk needs `risk.mitigation`, and mechanisms other than simplification need successors.
 * Recommended and optional fields (`review-by`, `deciders`, `artifacts`, `plan`, `due`…) are left to
 * completion, where they are offered with their question and ranked above the optional ones.
 *
 * The schema decides, through its own validator: the record is filled in a step at a time with a
 * stand-in for each field the validator says is missing, until nothing required is missing. A
 * question not answered yet (the CLI asks none) counts as any of its answers, so a field one of
 * them would require is kept: a plain `legible new adr` still carries `how` and `mitigation`.
 */

/** Known values by dotted path: a string as written, or a list of strings. */
export type KnownValues = Readonly<Record<string, string | readonly string[]>>;

const validator = new SchemaValidator();
/** Enough rounds for the deepest chain of requirements (`knowledge-exit-path` → `mechanisms` → `successors`). */
const MAX_ROUNDS = 16;
/** A value that is not any word of a vocabulary: a field still to be answered. */
const STAND_IN = '<unanswered>';

type Mapping = Record<string, unknown>;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setIn(record: Mapping, path: readonly string[], value: unknown): void {
  let node = record;
  for (const key of path.slice(0, -1)) {
    if (!isMapping(node[key])) node[key] = {};
    node = node[key] as Mapping;
  }
  node[path[path.length - 1]] = value;
}

function standIn(type: RecordType, path: readonly string[]): unknown {
  const kind = fieldInfo(type, path)?.kind;
  return kind === 'object' ? {} : kind === 'array' ? [STAND_IN] : STAND_IN;
}

/** The dotted paths the schema requires of a record holding `known`, the known ones left out. */
function requiredOf(type: RecordType, known: KnownValues): Set<string> {
  const record: Mapping = {};
  for (const [key, value] of Object.entries(known)) setIn(record, key.split('.'), typeof value === 'string' ? value : [...value]);
  const out = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const missing = validator
      .validateRecord(type, record)
      .filter((error: ErrorObject) => error.keyword === 'required')
      .map((error) => [...pointerPath(error.instancePath), String((error.params as { missingProperty?: unknown }).missingProperty)])
      .filter((path) => !out.has(path.join('.')));
    if (!missing.length) break;
    for (const path of missing) {
      out.add(path.join('.'));
      setIn(record, path, standIn(type, path));
    }
  }
  return out;
}

/** Every combination of the unanswered questions' choices (one empty combination when all are answered). */
function combinations(type: RecordType, known: KnownValues): Array<Record<string, string>> {
  let out: Array<Record<string, string>> = [{}];
  for (const question of recordQuestions(type)) {
    if (known[question.key] !== undefined) continue;
    out = out.flatMap((combination) => question.choices.map((choice) => ({ ...combination, [question.key]: choice.value })));
  }
  return out;
}

/**
 * The dotted paths a new record of `type` writes besides the known ones: its required fields and
 * the unanswered questions. A mapping's path is in the set when one of its fields is.
 */
export function templateFields(type: RecordType, known: KnownValues = {}): ReadonlySet<string> {
  const out = new Set<string>();
  for (const question of recordQuestions(type)) if (known[question.key] === undefined) out.add(question.key);
  for (const combination of combinations(type, known)) for (const path of requiredOf(type, { ...known, ...combination })) out.add(path);
  for (const path of [...out]) {
    const parts = path.split('.');
    for (let i = 1; i < parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return out;
}
