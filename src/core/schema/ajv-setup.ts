import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { ANNOTATION_KEYWORDS, CONFIG_SCHEMA, DEFS_SCHEMA, RECORD_SCHEMAS, type JsonSchema } from './schema-registry';

/**
 * The one ajv configuration, for the build-time standalone validators and for the runtime
 * compiler of trusted schema extensions alike: all errors (one pass shows everything missing),
 * own properties only (`required: ["constructor"]` must not pass on `{}`), no remote refs.
 */
export const AJV_OPTIONS: Options = { allErrors: true, strict: true, strictRequired: false, ownProperties: true, allowUnionTypes: true };

export function createAjv(extra: Options = {}): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, ...extra });
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  addFormats(ajv, ['date']);
  ajv.addSchema(DEFS_SCHEMA);
  for (const schema of Object.values(RECORD_SCHEMAS)) ajv.addSchema(schema as JsonSchema);
  ajv.addSchema(CONFIG_SCHEMA);
  return ajv;
}

/** The exported name of each standalone validator: the record types, and `config`. */
export function validatorIds(): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const [type, schema] of Object.entries(RECORD_SCHEMAS)) ids[type] = String((schema as JsonSchema).$id);
  ids.config = String(CONFIG_SCHEMA.$id);
  return ids;
}
