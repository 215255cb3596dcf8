import { DEFAULT_LIMITS, type Limits } from '../parse/limits';
import { RECORD_TYPES, type RecordType } from '../schema/schema-registry';
import { schemaSections } from '../schema/field-info';
import type { SchemaValidator } from '../schema/validator';
import type { Severity } from './severity';
import type { CompiledPattern, RegexEngine } from '../port/regex-engine';
import { compileGlob, globPattern } from './glob';
import { compileRepositoryGlob, type RepositoryGlob } from '../code/repository-globs';
import { folderSettingsFrom, type FolderSettings } from './folder-settings';
import { defaultPeopleSettings, peopleSettings, type PeopleSettings } from '../evidence/evidence-settings';
import { compilePlaceholderPattern, DEFAULT_PLACEHOLDER_PATTERN } from './placeholder-pattern';

/** `.legible.json` after validation and defaults: the one shape every part of Legible reads. */
export interface ResolvedConfig {
  /** Workspace-relative decisions folders; empty means "discover the usual places". */
  readonly folders: readonly string[];
  /**
   * What `.legible.json` says of each folder it writes as an object (type, naming, statuses); look
   * one up with `folderSettingsAt`. Kept in Restricted Mode (see normalizeConfig).
   */
  readonly folderSettings: readonly FolderSettings[];
  /**
   * True: files without an id in a numbered folder, and files in a record's own sub-folder
   * (`3392-some-rfc/diagram.md`), are records too. False (the default): they are not.
   */
  readonly recordsWithoutId: boolean;
  readonly severities: Readonly<Record<string, Severity | 'off'>>;
  readonly placeholder: CompiledPattern;
  /** Workspace-relative template paths (only from a trusted workspace). */
  readonly templates: Readonly<Partial<Record<RecordType, string>>>;
  /** Workspace-relative schema extension paths (only from a trusted workspace). */
  readonly schemaExtensions: Readonly<Partial<Record<RecordType, string>>>;
  readonly sections: Readonly<Record<RecordType, readonly string[]>>;
  /** `ignore` globs (glob.ts): matched against a file's name and its workspace-relative path. */
  readonly ignore: readonly CompiledPattern[];
  readonly limits: Limits;
  /** Which code files `lint` scans for citations (core/code/code-files.ts). */
  readonly code: CodeSettings;
  /** `people`, `teams`, `evidence`: who is who in git history, and how it is read (core/evidence/). */
  readonly people: PeopleSettings;
}

export interface CodeSettings {
  /** False: no code file is read, no citation or `governs` rule runs. */
  readonly enabled: boolean;
  /** Files scanned for citations; undefined: every tracked file (default excludes aside). */
  readonly include?: readonly RepositoryGlob[];
  readonly exclude: readonly RepositoryGlob[];
}

export interface ConfigProblem {
  readonly message: string;
  /** JSON Pointer into the configuration, '' for the file. */
  readonly pointer: string;
}

// Template files are named template.md, adr-template.md, 0000-template.md or template-rfc.md; a
// record about templates (`0039-use-apache-velocity-as-template-engine.md`) is still a record.
export const DEFAULT_IGNORE = ['README.md', 'index.md', 'template*.md', '*-template.md', '*_template.md', '_*.md', 'CHANGELOG.md'];

/** The most `ignore` globs read (the configuration schema's `maxItems`): each may take room in RE2's fixed heap. */
const MAX_IGNORE_GLOBS = 100;

export function defaultSections(): Record<RecordType, readonly string[]> {
  return Object.fromEntries(RECORD_TYPES.map((type) => [type, schemaSections(type).map((s) => s.heading)])) as unknown as Record<RecordType, readonly string[]>;
}

export function defaultConfig(): ResolvedConfig {
  return {
    folders: [],
    folderSettings: [],
    recordsWithoutId: false,
    severities: {},
    placeholder: compilePlaceholderPattern(DEFAULT_PLACEHOLDER_PATTERN).pattern!,
    templates: {},
    schemaExtensions: {},
    sections: defaultSections(),
    ignore: DEFAULT_IGNORE.map(globPattern),
    limits: DEFAULT_LIMITS,
    code: { enabled: true, exclude: [] },
    people: defaultPeopleSettings(),
  };
}

export interface NormalizeOptions {
  /** Workspace Trust: templates and schema extensions from an untrusted repository are ignored. */
  readonly trusted: boolean;
  readonly validator: SchemaValidator;
  /** Runs a repository's `placeholderPattern`; without it, such a pattern is refused (see repository-pattern.ts). */
  readonly regexEngine?: RegexEngine;
}

type RawConfig = {
  folders?: unknown[];
  recordsWithoutId?: unknown;
  rules?: Record<string, Severity | 'off'>;
  placeholderPattern?: string;
  templates?: Partial<Record<RecordType, string>>;
  schemaExtensions?: Partial<Record<RecordType, string>>;
  sections?: Partial<Record<RecordType, string[]>>;
  ignore?: string[];
  limits?: Partial<Limits>;
  code?: { enabled?: unknown; include?: unknown; exclude?: unknown };
  people?: unknown;
  teams?: unknown;
  evidence?: unknown;
};

export function normalizeConfig(raw: unknown, options: NormalizeOptions): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const defaults = defaultConfig();
  if (raw === undefined) return { config: defaults, problems: [] };
  // `if`/`then`/`else` (a folder is a string or an object) adds "must match else schema" above the
  // error that says what is wrong: only the latter is worth reading.
  const problems: ConfigProblem[] = options.validator.validateConfig(raw).filter((error) => error.keyword !== 'if').map((error) => ({
    pointer: error.instancePath,
    message: error.keyword === 'maximum' && error.instancePath.startsWith('/limits/') ? raisedLimit(error.instancePath.slice('/limits/'.length), error.params.limit) : `${error.instancePath || '.legible.json'} ${error.message ?? 'is invalid'}`,
  }));
  // An invalid file still yields what can be used of it: one bad key must not disable the linter.
  const value = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as RawConfig;
  const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : []);
  const record = <T>(obj: unknown, accept: (v: unknown) => v is T): Record<string, T> => {
    const out: Record<string, T> = {};
    if (obj && typeof obj === 'object' && !Array.isArray(obj)) for (const [k, v] of Object.entries(obj)) if (accept(v)) out[k] = v;
    return out;
  };
  const isSeverity = (v: unknown): v is Severity | 'off' => v === 'error' || v === 'warning' || v === 'info' || v === 'off';
  const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
  const isList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

  let placeholder = defaults.placeholder;
  if (value.placeholderPattern !== undefined) {
    const compiled = compilePlaceholderPattern(String(value.placeholderPattern), options.regexEngine);
    if (compiled.pattern) placeholder = compiled.pattern;
    else problems.push({ pointer: '/placeholderPattern', message: `placeholderPattern ignored: ${compiled.error}` });
  }
  const types = (obj: Record<string, string>): Partial<Record<RecordType, string>> =>
    Object.fromEntries(Object.entries(obj).filter(([type]) => (RECORD_TYPES as string[]).includes(type)));
  const ignore: CompiledPattern[] = [];
  const globs: unknown[] = value.ignore === undefined ? DEFAULT_IGNORE : Array.isArray(value.ignore) ? value.ignore.slice(0, MAX_IGNORE_GLOBS) : [];
  for (const [i, glob] of globs.entries()) {
    if (typeof glob !== 'string' || glob.trim() === '') continue;
    const compiled = compileGlob(glob, options.regexEngine);
    if ('pattern' in compiled) ignore.push(compiled.pattern);
    else problems.push({ pointer: `/ignore/${i}`, message: `ignore ${JSON.stringify(glob)} is not used: ${compiled.error}` });
  }
  const folders = folderSettingsFrom(value.folders);
  problems.push(...folders.problems);
  const sections = { ...defaults.sections, ...types(record(value.sections, isList) as unknown as Record<string, string>) } as unknown as Record<RecordType, readonly string[]>;
  return {
    config: {
      // Restricted Mode: paths a repository supplies are not followed until it is trusted.
      folders: options.trusted ? strings(folderPaths(value.folders)) : [],
      // A folder's type, naming and status words are data, not paths: they apply in Restricted Mode
      // too, to the folders Legible reads anyway (the usual places); no setting makes it read another.
      folderSettings: folders.settings,
      recordsWithoutId: value.recordsWithoutId === true,
      severities: record(value.rules, isSeverity),
      placeholder,
      templates: options.trusted ? types(record(value.templates, isString)) : {},
      schemaExtensions: options.trusted ? types(record(value.schemaExtensions, isString)) : {},
      sections,
      ignore,
      limits: limitsFrom(record(value.limits, isCount)),
      code: codeSettings(value.code, options.regexEngine, problems),
      people: peopleSettings(value, problems),
    },
    problems,
  };
}

/** The paths of `folders`, whether written as a string or as `{ "path": … }`. */
function folderPaths(items: unknown): unknown[] {
  return Array.isArray(items) ? items.map((item) => (item && typeof item === 'object' && !Array.isArray(item) ? (item as { path?: unknown }).path : item)) : [];
}

/** `code`: a glob that cannot be followed is left out with a problem, as an `ignore` glob is. */
function codeSettings(raw: RawConfig['code'], engine: RegexEngine | undefined, problems: ConfigProblem[]): CodeSettings {
  const settings = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  const globs = (key: 'include' | 'exclude'): RepositoryGlob[] | undefined => {
    const list = settings[key];
    if (!Array.isArray(list)) return undefined;
    const out: RepositoryGlob[] = [];
    for (const [i, glob] of list.slice(0, MAX_IGNORE_GLOBS).entries()) {
      if (typeof glob !== 'string' || glob.trim() === '') continue;
      const compiled = compileRepositoryGlob(glob, engine);
      if ('glob' in compiled) out.push(compiled.glob);
      else problems.push({ pointer: `/code/${key}/${i}`, message: `code.${key} ${JSON.stringify(glob)} ${compiled.problem}` });
    }
    return out;
  };
  const include = globs('include');
  return { enabled: settings.enabled !== false, ...(include && { include }), exclude: globs('exclude') ?? [] };
}

function raisedLimit(key: string, ceiling: unknown): string {
  return `limits.${key} is above ${String(ceiling)}, Legible's own limit, which applies: a repository can lower a limit, never raise it. Is a record really that large?`;
}

/**
 * Known limits only, and each can only be lowered: the built-in values are ceilings, because a
 * repository (even a trusted one: its `.legible.json` arrives with every pull request) that could
 * raise `maxYamlNodes` or `maxBodyBytes` would re-enable the attacks they bound (an alias bomb, a
 * body too long to parse). An embedder may still pass other limits to the core directly.
 */
function limitsFrom(raw: Record<string, number>): Limits {
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(raw)) {
    // Own keys only: `"constructor": 5` must not pass as a limit through the prototype.
    if (!Object.prototype.hasOwnProperty.call(DEFAULT_LIMITS, key)) continue;
    out[key] = Math.min(value, DEFAULT_LIMITS[key as keyof Limits]);
  }
  return out as unknown as Limits;
}
