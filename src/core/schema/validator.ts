import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ANNOTATION_KEYWORDS, CONFIG_SCHEMA, DEFS_SCHEMA, RECORD_SCHEMAS, type JsonSchema, type RecordType } from './schema-registry';

/**
 * One ajv, configured once for untrusted data: all errors (one pass shows everything missing),
 * own properties only (`required: ["constructor"]` must not pass on `{}`), no remote refs.
 * Schema extensions from a trusted workspace are combined with the shipped schema by `allOf`.
 */
export class SchemaValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly extensions: Partial<Record<RecordType, JsonSchema>> = {}) {
    this.ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, ownProperties: true, allowUnionTypes: true, validateSchema: true });
    this.ajv.addVocabulary(ANNOTATION_KEYWORDS);
    addFormats(this.ajv, ['date']);
    this.ajv.addSchema(DEFS_SCHEMA);
    for (const schema of Object.values(RECORD_SCHEMAS)) this.ajv.addSchema(schema as JsonSchema);
  }

  validateRecord(type: RecordType, data: unknown): ErrorObject[] {
    return this.run(type, () => {
      const shipped = String((RECORD_SCHEMAS[type] as JsonSchema).$id);
      const extension = this.extensions[type];
      // A fresh object without $id: recompiling a schema with a known $id throws in ajv.
      return extension ? this.ajv.compile({ allOf: [{ $ref: shipped }, stripId(extension)] }) : this.ajv.getSchema(shipped)!;
    }, data);
  }

  validateConfig(data: unknown): ErrorObject[] {
    return this.run('config', () => this.ajv.compile(stripId(CONFIG_SCHEMA)), data);
  }

  private run(key: string, compile: () => ValidateFunction, data: unknown): ErrorObject[] {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = compile();
      this.compiled.set(key, validate);
    }
    return validate(data) ? [] : [...(validate.errors ?? [])];
  }
}

function stripId(schema: JsonSchema): JsonSchema {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  return rest;
}
