import { childFields } from './field-info';
import type { RecordType } from './schema-registry';

/**
 * A record type's status words, in life-cycle order, as its schema lists them: the one list that
 * templates, fixes, the tree's grouping and migration ask, so none keeps a copy of its own.
 */
export function statusesOf(type: RecordType): readonly string[] {
  return (childFields(type, []).find((field) => field.name === 'status')?.enum ?? []).map(String);
}

/** True when `value` is one of the type's status words, exactly as the schema spells it. */
export function isStatusOf(type: RecordType, value: unknown): value is string {
  return typeof value === 'string' && statusesOf(type).includes(value);
}
