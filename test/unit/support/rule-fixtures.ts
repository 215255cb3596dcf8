import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseMarkers, type Expectation } from './fixture-markers';
import type { BaseFixture } from './workspace';
import type { LogCommit } from '../../../src/core/evidence/git-log';

export const FIXTURES_DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'rules');
/** Where a fixture's files go in the in-memory workspace. */
export const DECISIONS = 'docs/decisions';

/** One lint run: a single fixture file, or a scenario folder whose files are linted together. */
export interface FixtureCase {
  /** The rule folder it belongs to. */
  readonly rule: string;
  /** `rule/0001-x.md` or `rule/scenario/`. */
  readonly name: string;
  /**
   * Workspace-relative path → bytes (`.legible.json` and the files below `code/` at the root, the
   * rest in docs/decisions).
   */
  readonly files: Readonly<Record<string, Uint8Array>>;
  /** Fixture-relative file → expected findings. */
  readonly expected: ReadonlyMap<string, readonly Expectation[]>;
  readonly problems: readonly string[];
  /** From `base.json`: the base branch's files and this branch's changes, for the base-scoped rules. */
  readonly base?: BaseFixture;
  /** From `history.json`: the repository's commits, for the evidence rules (newest first, as git gives them). */
  readonly history?: readonly LogCommit[];
}

/**
 * `history.json`: the commits, oldest first, each `{ "author": "Name <email>", "date":
 * "YYYY-MM-DD", "files": { "path": [added, removed] } }` (paths as the fixture's `code/` names them,
 * without `code/`). A path written `"old => new"` is a rename.
 */
interface HistoryJson {
  readonly author: string;
  readonly date: string;
  readonly files: Readonly<Record<string, readonly [number, number]>>;
}

function historyFixture(json: readonly HistoryJson[]): LogCommit[] {
  return json
    .map((commit, i): LogCommit => {
      const match = /^(.*?)\s*<(.*)>$/.exec(commit.author);
      return {
        hash: i.toString(16).padStart(40, '0'),
        name: match ? match[1] : commit.author,
        email: match ? match[2] : '',
        time: Date.parse(`${commit.date}T12:00:00Z`) / 1000,
        files: Object.entries(commit.files).map(([written, [added, removed]]) => {
          const [from, path] = written.includes(' => ') ? written.split(' => ') : [undefined, written];
          return { path, ...(from !== undefined && { from }), added, removed };
        }),
      };
    })
    .reverse();
}

function walk(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...walk(full, rel));
    else out.push(rel);
  }
  return out;
}

function load(rule: string, name: string, dir: string, relFiles: readonly string[], knownRules: ReadonlySet<string>): FixtureCase {
  const files: Record<string, Uint8Array> = {};
  const expected = new Map<string, Expectation[]>();
  const problems: string[] = [];
  let base: BaseFixture | undefined;
  let history: LogCommit[] | undefined;
  for (const rel of relFiles) {
    const bytes = new Uint8Array(readFileSync(path.join(dir, rel)));
    if (rel === 'history.json') {
      history = historyFixture(JSON.parse(Buffer.from(bytes).toString('utf8')) as HistoryJson[]);
      continue;
    }
    if (rel === 'base.json') {
      base = baseFixture(JSON.parse(Buffer.from(bytes).toString('utf8')) as BaseJson);
      continue;
    }
    if (rel === '.legible.json') {
      files['.legible.json'] = bytes;
      continue;
    }
    // `code/…` is code of the repository, at the workspace root, with `// expect:` markers.
    const code = rel.startsWith('code/');
    files[code ? rel.slice('code/'.length) : `${DECISIONS}/${rel}`] = bytes;
    if (!code && !rel.endsWith('.md')) continue;
    const markers = parseMarkers(Buffer.from(bytes).toString('utf8'), knownRules, code ? 'code' : 'markdown');
    expected.set(rel, [...markers.expectations]);
    problems.push(...markers.problems.map((problem) => `${rel} ${problem}`));
  }
  return { rule, name, files, expected, problems, base, history };
}

interface BaseJson {
  readonly ref: string;
  readonly files: readonly string[];
  readonly changed: ReadonlyArray<{ readonly kind: BaseFixture['changed'][number]['kind']; readonly path: string; readonly from?: string }>;
}

/** `base.json` names files as the fixture does (inside the decisions folder): made root-relative, as git names them. */
function baseFixture(json: BaseJson): BaseFixture {
  const inFolder = (name: string) => `${DECISIONS}/${name}`;
  return {
    ref: json.ref,
    files: json.files.map(inFolder),
    changed: json.changed.map((file) => (file.from !== undefined ? { kind: file.kind, path: inFolder(file.path), from: inFolder(file.from) } : { kind: file.kind, path: inFolder(file.path) })),
  };
}

/** Every fixture case below test/fixtures/rules, rule folder by rule folder. */
export function loadRuleFixtures(knownRules: ReadonlySet<string>): FixtureCase[] {
  const cases: FixtureCase[] = [];
  for (const rule of readdirSync(FIXTURES_DIR).sort()) {
    const ruleDir = path.join(FIXTURES_DIR, rule);
    if (!statSync(ruleDir).isDirectory()) continue;
    for (const entry of readdirSync(ruleDir).sort()) {
      const full = path.join(ruleDir, entry);
      if (statSync(full).isDirectory()) cases.push(load(rule, `${rule}/${entry}/`, full, walk(full), knownRules));
      else cases.push(load(rule, `${rule}/${entry}`, ruleDir, [entry], knownRules));
    }
  }
  return cases;
}
