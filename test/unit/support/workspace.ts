import { re2RegexEngine } from '../../../src/node/re2-regex-engine';
import type { Limits } from '../../../src/core/parse/limits';
import type { RegexEngine } from '../../../src/core/port/regex-engine';
import type { Finding } from '../../../src/core/rules/rule';
import { gatherCodeFacts } from '../../../src/core/code/code-facts';
import { lintCode } from '../../../src/core/lint/lint-code';
import { lintEvidence } from '../../../src/core/lint/lint-evidence';
import { Evidence } from '../../../src/core/evidence/evidence';
import { emptyHistory, foldCommit } from '../../../src/core/evidence/history';
import type { LogCommit } from '../../../src/core/evidence/git-log';
import { readBaseRecords } from '../../../src/core/affected/base-records';
import { lintAgainstBase } from '../../../src/core/lint/lint-base';
import type { ChangedFile, RepositoryPort } from '../../../src/core/port/repository';
import { DecisionWorkspace } from '../../../src/core/workspace/decision-workspace';
import { discoverFolders } from '../../../src/core/workspace/discover-folders';
import { loadConfig, type LoadedConfig } from '../../../src/core/workspace/load-config';
import { MemoryFileSystem, type FileContent, type MemoryFileSystemOptions } from './memory-file-system';

/** The day every test lints on: rules never read a clock, so neither do the tests. */
export const TODAY = '2026-11-21';
export const ROOT = '/ws';

export interface TestWorkspaceOptions extends MemoryFileSystemOptions {
  readonly today?: string;
  /** Workspace Trust; true unless a test says otherwise. */
  readonly trusted?: boolean;
  /** Contents of `.legible.json` (written as JSON), as a shortcut for a `.legible.json` file. */
  readonly config?: unknown;
  /** The engine for repository patterns: RE2, as in the CLI and the extension, unless a test says otherwise (`null`: none). */
  readonly regexEngine?: RegexEngine | null;
  /**
   * Limits set by the embedder, past `.legible.json` (which can only lower them): how a test
   * raises one to reach what lies behind it.
   */
  readonly limits?: Partial<Limits>;
  /**
   * Also run the code rules (`governs`, citations), as `legible lint` without paths does: the
   * files given are the repository's tracked files.
   */
  readonly code?: boolean;
  /** A base branch to compare with (`lint --base`): the base-scoped rules run too. */
  readonly base?: BaseFixture;
  /** The repository's history (newest first): with `code`, the evidence rules run on it too. */
  readonly history?: readonly LogCommit[];
}

/** A base branch as git would answer for it: its files (at its tip) and this branch's changes, root-relative. */
export interface BaseFixture {
  readonly ref: string;
  readonly files: readonly string[];
  readonly changed: readonly ChangedFile[];
}

/** A repository port that answers from a BaseFixture (any ref is the base's tip). */
export function fixtureRepository(base: BaseFixture): RepositoryPort {
  const under = (folder: string | undefined) => (path: string) => folder === undefined || path.startsWith(`${folder}/`);
  return {
    trackedFiles: async () => [],
    changedFiles: async () => base.changed,
    filesAt: async (_ref, folder) => base.files.filter(under(folder)),
    textAt: async () => undefined,
  };
}

export interface TestWorkspace {
  readonly fs: MemoryFileSystem;
  readonly workspace: DecisionWorkspace;
  readonly loaded: LoadedConfig;
  readonly folders: readonly string[];
  /** Every finding, flattened, with paths relative to the workspace root. */
  readonly findings: readonly Finding[];
  /** Findings of one file (workspace-relative path). */
  of(path: string): Finding[];
}

/**
 * Builds a workspace from `{ 'docs/decisions/0001-x.md': '…' }` (paths relative to the root),
 * loads `.legible.json`, discovers the decisions folders and lints everything on a fixed day:
 * the same path the CLI takes, on an in-memory file system.
 */
export async function lintFiles(files: Readonly<Record<string, FileContent>>, options: TestWorkspaceOptions = {}): Promise<TestWorkspace> {
  // Confined to the root, as the CLI's and the extension's ports are.
  const fs = new MemoryFileSystem({}, { root: ROOT, ...options });
  for (const [path, content] of Object.entries(files)) fs.put(`${ROOT}/${path}`, content);
  if (options.config !== undefined) fs.put(`${ROOT}/.legible.json`, JSON.stringify(options.config));
  const read = await loadConfig(fs, ROOT, { trusted: options.trusted ?? true, regexEngine: options.regexEngine === null ? undefined : (options.regexEngine ?? re2RegexEngine) });
  const loaded = options.limits ? { ...read, config: { ...read.config, limits: { ...read.config.limits, ...options.limits } } } : read;
  const folders = await discoverFolders(fs, ROOT, loaded.config);
  const workspace = new DecisionWorkspace({ fs, root: ROOT, folders, config: loaded.config, validator: loaded.validator, today: options.today ?? TODAY });
  await workspace.scan();
  const byFile = await workspace.findings();
  if (options.base) {
    const records = await readBaseRecords(fixtureRepository(options.base), options.base.ref, options.base.changed, ROOT, folders);
    if (!records) throw new Error('the fixture repository gave no base records');
    for (const finding of lintAgainstBase(workspace.index, loaded.config, records)) byFile.set(finding.path, [...(byFile.get(finding.path) ?? []), finding]);
  }
  const codeFindings: Finding[] = [];
  if (options.code && loaded.config.code.enabled) {
    const tracked = [...Object.keys(files), ...(options.config !== undefined ? ['.legible.json'] : [])].sort();
    const facts = await gatherCodeFacts({ index: workspace.index, config: loaded.config, root: ROOT, tracked, folders, fs, regexEngine: options.regexEngine === null ? undefined : (options.regexEngine ?? re2RegexEngine) });
    codeFindings.push(...lintCode(workspace.index, facts, loaded.config));
    if (options.history) {
      const today = options.today ?? TODAY;
      const history = emptyHistory(Evidence.windowStart(loaded.config.people, today));
      for (const commit of options.history) foldCommit(history, commit);
      codeFindings.push(...lintEvidence(workspace.index, facts.governs, new Evidence(history, loaded.config.people, today), loaded.config));
    }
  }
  const findings = [...[...byFile.values()].flat(), ...codeFindings].map((finding) => ({ ...finding, path: relative(finding.path) }));
  return {
    fs,
    workspace,
    loaded,
    folders,
    findings,
    of: (path) => findings.filter((finding) => finding.path === path),
  };
}

export function relative(path: string): string {
  return path.startsWith(`${ROOT}/`) ? path.slice(ROOT.length + 1) : path;
}

/** `rule-id@line` (1-based) for each finding: a compact form for deep-equal assertions. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.ruleId}@${finding.range.start.line + 1}`);
}

/**
 * An exit plan with every field answered: amira hands over to bo, due 2027-06-30. `extra` replaces
 * or adds fields (`{ status: 'abandoned', decisions: '[1]', holders: '[cy]' }`), in the order given
 * after the defaults.
 */
export function cleanExitPlan(title: string, fields: Readonly<Record<string, string>> = {}): string {
  const values: Record<string, string> = { status: 'planned', date: '2026-03-02', owners: '[amira]', due: '2027-06-30', holders: '[amira]', successors: '[bo]', scope: 'What moves.', mechanisms: '[pairing]', verification: 'The successor did it alone.', ...fields };
  return ['---', 'type: exit-plan', `title: ${title}`, ...Object.entries(values).map(([key, value]) => `${key}: ${value}`), '---', '', `# ${title}`, '', '## Knowledge inventory\n\nI.\n\n## Transfer steps\n\nT.\n\n## Verification\n\nV.\n'].join('\n');
}

/** A clean ADR (no finding on 2026-11-21), with extra frontmatter lines and a body of choice. */
export function cleanAdr(title: string, extra: readonly string[] = [], body = '## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nC.\n'): string {
  return [
    '---',
    'type: adr',
    `title: ${title}`,
    'status: accepted',
    'date: 2026-03-02',
    'owners: [amira]',
    ...extra,
    'reversibility: {door: two-way}',
    'risk: {level: low}',
    'business-tradeoff: {reduces-risk: a, preserves-option: b, accepts-cost: c, eases-later: d, protects-outcome: e}',
    'knowledge-exit-path: {holders: [amira], successors: [bo], mechanisms: [runbook]}',
    '---',
    '',
    `# ${title}`,
    '',
    body,
  ].join('\n');
}
