import type { ErrorObject } from 'ajv';
import type { RegexEngine } from '../port/regex-engine';
import { createAjv, linearRegExp } from './ajv-setup';
import { RECORD_SCHEMAS, type JsonSchema, type RecordType } from './schema-registry';

function stripId(schema: JsonSchema): JsonSchema {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  return rest;
}

/**
 * Compiles a trusted workspace's schema extensions, each combined with its shipped schema, their
 * patterns on the linear-time engine (refused without one). Throws when an extension is not a
 * valid schema or holds a pattern the engine cannot run (the caller reports it and keeps the
 * shipped validator).
 */
export function compileExtensions(extensions: Partial<Record<RecordType, JsonSchema>>, engine?: RegexEngine): Partial<Record<RecordType, (data: unknown) => ErrorObject[]>> {
  const ajv = createAjv({ validateSchema: true, code: { regExp: linearRegExp(engine) } });
  const out: Partial<Record<RecordType, (data: unknown) => ErrorObject[]>> = {};
  for (const [type, extension] of Object.entries(extensions) as Array<[RecordType, JsonSchema]>) {
    // A fresh object without $id: compiling a schema with a known $id again throws in ajv.
    const validate = ajv.compile({ allOf: [{ $ref: String((RECORD_SCHEMAS[type] as JsonSchema).$id) }, stripId(extension)] });
    out[type] = (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
  }
  return out;
}
