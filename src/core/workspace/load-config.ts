import type { FileSystemPort } from '../port/file-system';
import { joinPath } from '../port/paths';
import { normalizeConfig, type ConfigProblem, type ResolvedConfig } from '../config/config';
import { SchemaValidator } from '../schema/validator';
import { RECORD_TYPES, type JsonSchema, type RecordType } from '../schema/schema-registry';
import type { RegexEngine } from '../port/regex-engine';
import { compileRepositoryPattern, MAX_SCHEMA_PATTERN_LENGTH } from '../text/repository-pattern';
import { containedPath } from './contained-path';
import { readSmallFile, SmallFileError } from './read-small';
import { isOutsideWorkspace } from '../port/file-system';

export const CONFIG_FILE = '.legible.json';

export interface LoadedConfig {
  readonly config: ResolvedConfig;
  readonly validator: SchemaValidator;
  readonly problems: readonly ConfigProblem[];
  /** True when the workspace has a `.legible.json`. */
  readonly found: boolean;
  /**
   * What was read to make this configuration: `.legible.json`'s bytes, then each schema
   * extension's (empty when absent or refused). The lint cache's key, so it never reads them again.
   */
  readonly sources: readonly Uint8Array[];
}

/** Larger than any configuration a person writes: read no further. */
const MAX_CONFIG_BYTES = 256 * 1024;
const NOTHING = new Uint8Array();

const decoder = new TextDecoder('utf-8', { fatal: true });

export interface LoadConfigOptions {
  /** Workspace Trust: an untrusted repository's paths, templates and schema extensions are not used. */
  readonly trusted: boolean;
  /**
   * The linear-time engine for the repository's patterns (`placeholderPattern`, `pattern`,
   * `patternProperties`). The CLI and the extension supply RE2; without an engine such patterns
   * are refused with a problem, never run on JavaScript's backtracking engine.
   */
  readonly regexEngine?: RegexEngine;
}

/**
 * Reads `.legible.json` and, in a trusted workspace, its schema extensions. Every problem is
 * returned, none thrown: a broken configuration falls back to the defaults, it never stops the linter.
 */
export async function loadConfig(fs: FileSystemPort, root: string, options: LoadConfigOptions): Promise<LoadedConfig> {
  const problems: ConfigProblem[] = [];
  const path = joinPath(root, CONFIG_FILE);
  let raw: unknown;
  const sources: Uint8Array[] = [];
  const stat = await fs.stat(path).catch(() => undefined);
  if (stat?.kind === 'file' || stat?.kind === 'symlink') {
    try {
      const bytes = await readSmallFile(fs, path, MAX_CONFIG_BYTES).catch((error: unknown) => {
        if (error instanceof SmallFileError && error.reason === 'too-large') throw new Error('the file is larger than 256 KiB');
        if (isOutsideWorkspace(error)) throw new Error('it is a symbolic link that leads outside the workspace, which Legible does not follow');
        throw error;
      });
      sources.push(bytes);
      raw = JSON.parse(decoder.decode(bytes));
    } catch (error) {
      problems.push({ pointer: '', message: `${CONFIG_FILE} could not be read (${(error as Error).message}); using the defaults.` });
    }
  }
  if (!sources.length) sources.push(NOTHING);
  const base = new SchemaValidator();
  const normalized = normalizeConfig(raw, { trusted: options.trusted, validator: base, regexEngine: options.regexEngine });
  problems.push(...normalized.problems);
  const extensions: Partial<Record<RecordType, JsonSchema>> = {};
  for (const type of RECORD_TYPES) {
    const relative = normalized.config.schemaExtensions[type];
    if (!relative) continue;
    const loaded = await readSchemaExtension(fs, root, relative, normalized.config.limits.maxSchemaBytes, options.regexEngine);
    sources.push(loaded.bytes ?? NOTHING);
    if ('schema' in loaded) extensions[type] = loaded.schema;
    else problems.push({ pointer: `/schemaExtensions/${type}`, message: `Schema extension ${relative} ignored: ${loaded.error}` });
  }
  let validator = base;
  if (Object.keys(extensions).length) {
    try {
      validator = await SchemaValidator.withExtensions(extensions, options.regexEngine);
    } catch (error) {
      problems.push({ pointer: '/schemaExtensions', message: `Schema extensions ignored: ${(error as Error).message}` });
      validator = base;
    }
  }
  return { config: normalized.config, validator, problems, found: raw !== undefined, sources };
}

type ReadExtension = ({ schema: JsonSchema } | { error: string }) & { bytes?: Uint8Array };

/** A schema extension, read no further than `maxSchemaBytes` (a link to /dev/zero ends at once). */
async function readSchemaExtension(fs: FileSystemPort, root: string, relative: string, maxBytes: number, engine: RegexEngine | undefined): Promise<ReadExtension> {
  const path = await containedPath(fs, root, relative);
  if (!path) return { error: 'it lies outside the workspace' };
  let bytes: Uint8Array;
  try {
    bytes = await readSmallFile(fs, path, maxBytes);
  } catch (error) {
    if (error instanceof SmallFileError) return { error: error.reason === 'too-large' ? error.message : 'no such file' };
    if (isOutsideWorkspace(error)) return { error: 'it lies outside the workspace' };
    return { error: `it could not be read (${(error as Error).message})` };
  }
  let schema: unknown;
  try {
    schema = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})`, bytes };
  }
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return { error: 'not a JSON Schema object', bytes };
  const refusal = refuseUnsafe(schema, 0, { engine, patterns: 0 });
  return refusal ? { error: refusal, bytes } : { schema: schema as JsonSchema, bytes };
}

/**
 * Compiled patterns live in the engine's fixed WebAssembly heap (16 MB, about 4,500 small ones):
 * a schema may hold a few hundred, not enough to exhaust it.
 */
const MAX_SCHEMA_PATTERNS = 256;

const DATA_KEYWORDS = new Set(['default', 'examples', 'const', 'enum']);

/**
 * Repository schemas are untrusted: no remote or file `$ref`, bounded depth, and every pattern
 * compiled on the linear-time engine up front, so that one it cannot run is named in the problem.
 */
function refuseUnsafe(node: unknown, depth: number, patterns: { engine: RegexEngine | undefined; patterns: number }): string | undefined {
  if (depth > 32) return 'nested deeper than 32 levels';
  if (Array.isArray(node)) {
    for (const item of node) {
      const problem = refuseUnsafe(item, depth + 1, patterns);
      if (problem) return problem;
    }
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      // Instance data, not schema: a `pattern` key in a default or an example is just a value.
      if (DATA_KEYWORDS.has(key)) continue;
      if ((key === '$ref' || key === '$dynamicRef' || key === '$recursiveRef') && typeof value === 'string' && !value.startsWith('#') && !value.startsWith('https://legible.dev/schemas/')) {
        return `"${key}": "${value}" points outside the schema; only local references are allowed`;
      }
      const sources = key === 'pattern' && typeof value === 'string' ? [value] : key === 'patternProperties' && value && typeof value === 'object' ? Object.keys(value) : [];
      for (const source of sources) {
        if (++patterns.patterns > MAX_SCHEMA_PATTERNS) return `more than ${MAX_SCHEMA_PATTERNS} patterns`;
        const compiled = compileRepositoryPattern(source, patterns.engine, MAX_SCHEMA_PATTERN_LENGTH);
        if ('error' in compiled) return `"${key}": ${JSON.stringify(source)} is refused: ${compiled.error}`;
      }
      const problem = refuseUnsafe(value, depth + 1, patterns);
      if (problem) return problem;
    }
  }
  return undefined;
}
