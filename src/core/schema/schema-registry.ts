import adr from '../../../schemas/adr.schema.json';
import rfc from '../../../schemas/rfc.schema.json';
import exitPlan from '../../../schemas/exit-plan.schema.json';
import defs from '../../../schemas/defs.schema.json';
import config from '../../../schemas/legible-config.schema.json';

/**
 * The shipped schemas: the one place where the vocabulary, the questions each field answers and
 * the body sections live. Messages, hovers, completions, snippets and templates all read them here.
 */
export type JsonSchema = { readonly [key: string]: unknown };

export const RECORD_SCHEMAS = { adr, rfc, 'exit-plan': exitPlan } as const satisfies Record<string, JsonSchema>;
export type RecordType = keyof typeof RECORD_SCHEMAS;
export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];

export const DEFS_SCHEMA: JsonSchema = defs;
export const CONFIG_SCHEMA: JsonSchema = config;

/** Annotation keywords the schemas carry for the editor; ajv must know them in strict mode. */
export const ANNOTATION_KEYWORDS = ['enumDescriptions', 'defaultSnippets', 'x-recommended', 'x-sections', 'x-placeholder', 'x-prose'];

export function isRecordType(value: unknown): value is RecordType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RECORD_SCHEMAS, value);
}

/** The type's prefix in references (`ADR-0007`, `RFC-0007`, `EXIT-0007`). */
export const ID_PREFIX: Record<RecordType, string> = { adr: 'ADR', rfc: 'RFC', 'exit-plan': 'EXIT' };
