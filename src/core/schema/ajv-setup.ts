import Ajv, { type Options } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types';
import addFormats from 'ajv-formats';
import type { RegexEngine } from '../port/regex-engine';
import { compileRepositoryPattern, MAX_SCHEMA_PATTERN_LENGTH } from '../text/repository-pattern';
import { validatorName } from './validator-names';
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

/** The standalone validators' exported names and their schemas' ids: the record types, and `config`. */
export function validatorIds(): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const [type, schema] of Object.entries(RECORD_SCHEMAS)) ids[validatorName(type)] = String((schema as JsonSchema).$id);
  ids.config = String(CONFIG_SCHEMA.$id);
  return ids;
}


/**
 * ajv's `code.regExp` for repository schemas: every `pattern` and `patternProperties` key compiles
 * on the linear-time engine, and one it cannot run makes the compile throw (the extension is then
 * ignored, with the reason). The shipped schemas' standalone validators never come here.
 */
export function linearRegExp(engine: RegexEngine | undefined): RegExpEngine {
  const shipped = shippedPatterns();
  const regExp = (source: string, flags: string) => {
    // An extension refers to the shipped schema, whose patterns are ours: JavaScript runs them, and
    // an extension without patterns of its own loads no engine.
    if (shipped.has(source)) return new RegExp(source, flags);
    const compiled = compileRepositoryPattern(source, engine, MAX_SCHEMA_PATTERN_LENGTH, flags || 'u');
    if ('error' in compiled) throw new Error(`pattern ${JSON.stringify(source)} is refused: ${compiled.error}`);
    const { pattern } = compiled;
    // ajv caches compiled patterns by their toString(): each must have its own.
    return { test: (value: string) => pattern.test(value), toString: () => `/${source}/${flags}` };
  };
  // Only standalone code generation reads `code`; runtime-compiled extensions are never emitted.
  return Object.assign(regExp, { code: 'legibleLinearRegExp' });
}

let shippedCache: ReadonlySet<string> | undefined;

/** Every `pattern` and `patternProperties` key of the shipped schemas. */
function shippedPatterns(): ReadonlySet<string> {
  if (shippedCache) return shippedCache;
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'pattern' && typeof value === 'string') found.add(value);
        if (key === 'patternProperties' && value && typeof value === 'object') for (const pattern of Object.keys(value)) found.add(pattern);
        visit(value);
      }
    }
  };
  [DEFS_SCHEMA, CONFIG_SCHEMA, ...Object.values(RECORD_SCHEMAS)].forEach(visit);
  return (shippedCache = found);
}
