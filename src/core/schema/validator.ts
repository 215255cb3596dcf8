import type { ErrorObject } from 'ajv';
import * as standalone from './generated/validators.js';
import { validatorName } from './validator-names';
import type { RegexEngine } from '../port/regex-engine';
import type { JsonSchema, RecordType } from './schema-registry';

/** Validates one kind of data; the shipped schemas are compiled at build time, extensions at load. */
type Validate = (data: unknown) => ErrorObject[];

function wrap(validate: { (data: unknown): boolean; errors?: ErrorObject[] | null }): Validate {
  return (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
}

/**
 * Validation of records and of `.legible.json`. The shipped schemas use validators that ajv
 * compiled at build time (no schema compile, and no ajv, on activation); a trusted workspace's
 * schema extensions are compiled at load time by ajv, loaded only then.
 */
export class SchemaValidator {
  private readonly overrides: Partial<Record<RecordType, Validate>>;

  constructor(overrides: Partial<Record<RecordType, Validate>> = {}) {
    this.overrides = overrides;
  }

  /** A validator that also applies schema extensions (combined with the shipped schema by `allOf`), their patterns on `engine`. */
  static async withExtensions(extensions: Partial<Record<RecordType, JsonSchema>>, engine?: RegexEngine): Promise<SchemaValidator> {
    const { compileExtensions } = await import('./runtime-validator');
    return new SchemaValidator(compileExtensions(extensions, engine));
  }

  validateRecord(type: RecordType, data: unknown): ErrorObject[] {
    return (this.overrides[type] ?? wrap(standalone[validatorName(type) as keyof typeof standalone]))(data);
  }

  validateConfig(data: unknown): ErrorObject[] {
    return wrap(standalone.config)(data);
  }
}
