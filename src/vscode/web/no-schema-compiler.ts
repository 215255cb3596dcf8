import type { ErrorObject } from 'ajv';
import type { RegexEngine } from '../../core/port/regex-engine';
import type { JsonSchema, RecordType } from '../../core/schema/schema-registry';

/**
 * The web build's stand-in for src/core/schema/runtime-validator.ts (scripts/build.mjs maps it
 * here): ajv's compiler is 130 KB, which would put the web bundle over its 700 KB budget, and what
 * a repository's schema extensions mostly add (patterns) could not run without RE2 there anyway.
 * So on the web they are ignored with this reason, shown as a config problem of .legible.json,
 * and the shipped schemas apply as they do everywhere.
 */
export function compileExtensions(_extensions: Partial<Record<RecordType, JsonSchema>>, _engine?: RegexEngine): Partial<Record<RecordType, (data: unknown) => ErrorObject[]>> {
  throw new Error('the web build does not carry the schema compiler; desktop VS Code and the CLI apply them');
}
