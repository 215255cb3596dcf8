import type { FileSystemPort } from '../port/file-system';
import { joinPath } from '../port/paths';
import { normalizeConfig, type ConfigProblem, type ResolvedConfig } from '../config/config';
import { SchemaValidator } from '../schema/validator';
import { RECORD_TYPES, type JsonSchema, type RecordType } from '../schema/schema-registry';
import type { RegexEngine } from '../port/regex-engine';
import { compileRepositoryPattern, MAX_SCHEMA_PATTERN_LENGTH } from '../text/repository-pattern';
import { MAX_PATTERN_SIZE, patternSize } from '../text/pattern-size';
import { containedPath } from './contained-path';
import { readSmallFile, SmallFileError } from './read-small';
import { isOutsideWorkspace, LISTED_AS_FILE } from '../port/file-system';

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
  /** What was read and accepted, as plain data: what the CLI hands its lint workers (configFromSource). */
  readonly source: ConfigSource;
}

/** `.legible.json` as read, and the schema extensions that passed every check, as plain data. */
export interface ConfigSource {
  readonly raw: unknown;
  readonly extensions: Partial<Record<RecordType, JsonSchema>>;
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
  /** `.legible.json` was a regular file at the last load (a live engine's hint): read it without a look first. */
  readonly seenAsFile?: boolean;
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
  // Read at once, no look beforehand (on vscode.workspace.fs each is a round trip): nothing there,
  // or something that is no file, is no configuration, as it always was.
  try {
    const bytes = await readSmallFile(fs, path, MAX_CONFIG_BYTES, options.seenAsFile ? LISTED_AS_FILE : undefined).catch((error: unknown) => {
      if (error instanceof SmallFileError && error.reason !== 'too-large') return undefined;
      if (error instanceof SmallFileError) throw new Error('the file is larger than 256 KiB');
      if (isOutsideWorkspace(error)) throw new Error('it is a symbolic link that leads outside the workspace, which Legible does not follow');
      throw error;
    });
    if (bytes) {
      sources.push(bytes);
      raw = JSON.parse(decoder.decode(bytes));
    }
  } catch (error) {
    problems.push({ pointer: '', message: `${CONFIG_FILE} could not be read (${(error as Error).message}); using the defaults.` });
  }
  if (!sources.length) sources.push(NOTHING);
  const base = new SchemaValidator();
  const normalized = normalizeConfig(raw, { trusted: options.trusted, validator: base, regexEngine: options.regexEngine });
  problems.push(...normalized.problems);
  const extensions: Partial<Record<RecordType, JsonSchema>> = {};
  // One budget for the patterns of all extensions together (each was measured alone too).
  const budget: PatternBudget = { engine: options.regexEngine, patterns: 0, size: 0 };
  for (const type of RECORD_TYPES) {
    const relative = normalized.config.schemaExtensions[type];
    if (!relative) continue;
    const loaded = await readSchemaExtension(fs, root, relative, normalized.config.limits.maxSchemaBytes, budget);
    sources.push(loaded.bytes ?? NOTHING);
    if ('schema' in loaded) extensions[type] = loaded.schema;
    else problems.push({ pointer: `/schemaExtensions/${type}`, message: `Schema extension ${relative} ignored: ${loaded.error}` });
  }
  const built = await withExtensions(base, extensions, options.regexEngine);
  if (built.problem) problems.push(built.problem);
  return { config: normalized.config, validator: built.validator, problems, found: raw !== undefined, sources, source: { raw, extensions: built.validator === base ? {} : extensions } };
}

/**
 * The configuration from what another thread read and checked (the CLI's lint workers): no file is
 * read again, and no extension is checked again; their patterns, which passed the size budget,
 * are compiled on this thread's engine. Problems were reported where the source was read.
 */
export async function configFromSource(source: ConfigSource, options: LoadConfigOptions): Promise<LoadedConfig> {
  const base = new SchemaValidator();
  const normalized = normalizeConfig(source.raw, { trusted: options.trusted, validator: base, regexEngine: options.regexEngine });
  const built = await withExtensions(base, options.trusted ? source.extensions : {}, options.regexEngine);
  return { config: normalized.config, validator: built.validator, problems: [], found: source.raw !== undefined, sources: [], source };
}

async function withExtensions(base: SchemaValidator, extensions: Partial<Record<RecordType, JsonSchema>>, engine: RegexEngine | undefined): Promise<{ validator: SchemaValidator; problem?: ConfigProblem }> {
  if (!Object.keys(extensions).length) return { validator: base };
  try {
    return { validator: await SchemaValidator.withExtensions(extensions, engine) };
  } catch (error) {
    return { validator: base, problem: { pointer: '/schemaExtensions', message: `Schema extensions ignored: ${(error as Error).message}` } };
  }
}

type ReadExtension = ({ schema: JsonSchema } | { error: string }) & { bytes?: Uint8Array };

/** A schema extension, read no further than `maxSchemaBytes` (a link to /dev/zero ends at once). */
async function readSchemaExtension(fs: FileSystemPort, root: string, relative: string, maxBytes: number, budget: PatternBudget): Promise<ReadExtension> {
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
  const refusal = refuseUnsafe(schema, 0, budget);
  return refusal ? { error: refusal, bytes } : { schema: schema as JsonSchema, bytes };
}

/**
 * Compiled patterns live in the engine's fixed WebAssembly heap (16 MB, about 4,500 small ones):
 * a schema may hold a few hundred, not enough to exhaust it.
 */
const MAX_SCHEMA_PATTERNS = 256;

/** The most the patterns of all schema extensions may weigh together (pattern-size.ts): each compiles in every thread that lints. */
const MAX_SCHEMA_PATTERNS_SIZE = 10 * MAX_PATTERN_SIZE;

interface PatternBudget {
  readonly engine: RegexEngine | undefined;
  patterns: number;
  size: number;
}

const DATA_KEYWORDS = new Set(['default', 'examples', 'const', 'enum']);

/**
 * Repository schemas are untrusted: no remote or file `$ref`, bounded depth, and every pattern
 * compiled on the linear-time engine up front, so that one it cannot run is named in the problem.
 */
function refuseUnsafe(node: unknown, depth: number, patterns: PatternBudget): string | undefined {
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
        // The budget before the engine: once it is spent, no further pattern is compiled.
        const size = patternSize(source);
        if (size <= MAX_PATTERN_SIZE && (patterns.size += size) > MAX_SCHEMA_PATTERNS_SIZE) return `its patterns, with those of the other extensions, are too large to run in linear time together (about ${patterns.size} steps per character, at most ${MAX_SCHEMA_PATTERNS_SIZE}); could they be fewer or smaller?`;
        const compiled = compileRepositoryPattern(source, patterns.engine, MAX_SCHEMA_PATTERN_LENGTH);
        if ('error' in compiled) return `"${key}": ${JSON.stringify(source)} is refused: ${compiled.error}`;
      }
      const problem = refuseUnsafe(value, depth + 1, patterns);
      if (problem) return problem;
    }
  }
  return undefined;
}
