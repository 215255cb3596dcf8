import type { ErrorObject } from 'ajv';
import { createAjv } from './ajv-setup';
import { RECORD_SCHEMAS, type JsonSchema, type RecordType } from './schema-registry';

function stripId(schema: JsonSchema): JsonSchema {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  return rest;
}

/**
 * Compiles a trusted workspace's schema extensions, each combined with its shipped schema. Throws
 * when an extension is not a valid schema (the caller reports it and keeps the shipped validator).
 */
export function compileExtensions(extensions: Partial<Record<RecordType, JsonSchema>>): Partial<Record<RecordType, (data: unknown) => ErrorObject[]>> {
  const ajv = createAjv({ validateSchema: true });
  const out: Partial<Record<RecordType, (data: unknown) => ErrorObject[]>> = {};
  for (const [type, extension] of Object.entries(extensions) as Array<[RecordType, JsonSchema]>) {
    // A fresh object without $id: compiling a schema with a known $id again throws in ajv.
    const validate = ajv.compile({ allOf: [{ $ref: String((RECORD_SCHEMAS[type] as JsonSchema).$id) }, stripId(extension)] });
    out[type] = (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
  }
  return out;
}
