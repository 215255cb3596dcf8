import { strict as assert } from 'node:assert';
import { cp, mkdir, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsUrl } from '../../../src/core/rules/registry';
import { buildCli, cleanupTemps, copyExamples, DECISIONS, EXAMPLES, gitRepository, readFile, REPO_ROOT, runCli, tempDir, TODAY, writeFile } from './cli-process';
import { sarifProblems } from './sarif-structure';

interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  docs: string;
  related: Array<{ path: string; line: number; column: number; endLine: number; endColumn: number; message: string }>;
}
type JsonFile = { path: string; kind: 'record' | 'code'; findings: JsonFinding[] };

interface SarifLocations {
  runs: Array<{ originalUriBaseIds: Record<string, { uri: string }>; results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
}

const SEVERITY_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A workspace whose findings include related locations (a duplicate number) and awkward file names. */
async function awkwardWorkspace(): Promise<string> {
  const root = await copyExamples();
  const folder = path.join(root, DECISIONS);
  // Two branches merged: a second 0006 (duplicate-id, with a related location), named with `,` `:` `#` and a space.
  await cp(path.join(folder, '0006-sign-merchant-webhooks-with-hmac-sha256.md'), path.join(folder, '0006-a,b:c #d é.md'));
  return root;
}

async function lintJson(root: string, ...extra: string[]): Promise<JsonFile[]> {
  const result = await runCli(['lint', '--today', TODAY, '--format', 'json', ...extra], { cwd: root });
  assert.equal(result.stderr, '');
  return JSON.parse(result.stdout) as JsonFile[];
}

describe('legible lint --format (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  describe('json', () => {
    it('lists every linted file in path order with 1-based positions, docs links and related locations', async () => {
      const root = await awkwardWorkspace();
      const files = await lintJson(root);
      const names = (await readdir(path.join(root, DECISIONS))).filter((name) => name.endsWith('.md')).sort();
      assert.deepEqual(files.map((f) => f.path), names.map((name) => `docs/decisions/${name}`).sort());
      for (const file of files) {
        assert.deepEqual(Object.keys(file), ['path', 'kind', 'findings']);
        assert.equal(file.kind, 'record');
        for (const f of file.findings) {
          assert.deepEqual(Object.keys(f), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'docs', 'related']);
          assert.ok(f.line >= 1 && f.column >= 1 && (f.endLine > f.line || (f.endLine === f.line && f.endColumn >= f.column)), JSON.stringify(f));
          assert.equal(f.docs, ruleDocsUrl(f.ruleId));
        }
        const lines = file.findings.map((f) => f.line);
        assert.deepEqual(lines, [...lines].sort((a, b) => a - b), `findings of ${file.path} in line order`);
      }
      const duplicate = files.flatMap((f) => f.findings).find((f) => f.ruleId === 'duplicate-id');
      assert.ok(duplicate, 'the merged 0006 is a duplicate id');
      assert.ok(duplicate.related.length >= 1);
      assert.ok(duplicate.related.every((r) => r.path.startsWith('docs/decisions/0006-') && r.line >= 1 && r.column >= 1));
    });

    it('points a finding at the exact text: the line and columns hold the flagged key or value', async () => {
      const root = await copyExamples();
      const files = await lintJson(root);
      const file = files.find((f) => f.path.includes('0013-'));
      assert.ok(file);
      const text = (await readFile(path.join(root, file.path), 'utf8')).split('\n');
      for (const f of file.findings) {
        assert.equal(f.ruleId, 'placeholder');
        assert.equal(f.endLine, f.line);
        assert.match(text[f.line - 1].slice(f.column - 1, f.endColumn - 1), /^<[^>]+>$/);
      }
    });

    it('is byte-identical from one run to the next', async () => {
      const root = await awkwardWorkspace();
      const first = await runCli(['lint', '--today', TODAY, '--format', 'json'], { cwd: root });
      const second = await runCli(['lint', '--today', TODAY, '--format', 'json'], { cwd: root });
      assert.equal(first.stdout, second.stdout);
    });
  });

  describe('github', () => {
    it('writes one workflow command per finding, info as ::notice, properties escaped', async () => {
      const root = await awkwardWorkspace();
      // One rule at info severity, to see the notice form.
      await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: ['docs/decisions'], rules: { placeholder: 'info' } }));
      const files = await lintJson(root);
      const result = await runCli(['lint', '--today', TODAY, '--format', 'github'], { cwd: root });
      assert.equal(result.code, 1);
      const lines = result.stdout.trimEnd().split('\n');
      const expected = files.flatMap((file) =>
        file.findings.map((f) => {
          const command = f.severity === 'info' ? 'notice' : f.severity;
          const filename = file.path.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/,/g, '%2C');
          return `::${command} file=${filename},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=Legible ${f.ruleId}::${f.message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`;
        }),
      );
      assert.deepEqual(lines, expected);
      assert.ok(lines.some((line) => line.startsWith('::notice file=docs/decisions/0013-')), 'placeholder findings are notices');
      assert.ok(lines.some((line) => line.includes('file=docs/decisions/0006-a%2Cb%3Ac #d é.md,line=')), 'comma and colon escaped in the file property');
      for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=Legible [a-z-]+::[^\r\n]+$/);
    });
  });

  describe('sarif', () => {
    it('is a SARIF 2.1.0 log: structure, every registered rule, 1-based regions, consistent rule indexes', async () => {
      const root = await awkwardWorkspace();
      const files = await lintJson(root);
      const result = await runCli(['lint', '--today', TODAY, '--format', 'sarif'], { cwd: root });
      assert.equal(result.code, 1);
      const log = JSON.parse(result.stdout) as {
        runs: Array<{
          tool: { driver: { name: string; version: string; rules: Array<{ id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }> } };
          originalUriBaseIds: Record<string, { uri: string }>;
          results: Array<{ ruleId: string; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>; relatedLocations?: unknown[] }>;
        }>;
      };
      assert.deepEqual(sarifProblems(log), []);
      const run = log.runs[0];
      const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.equal(run.tool.driver.name, 'Legible');
      assert.equal(run.tool.driver.version, pkg.version);
      assert.deepEqual(
        run.tool.driver.rules.map((r) => [r.id, r.shortDescription.text, r.helpUri, r.defaultConfiguration.level]),
        RULES.map((r) => [r.id, r.description, ruleDocsUrl(r.id), SEVERITY_LEVEL[r.defaultSeverity]]),
      );
      assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(`${root}/`).href);
      // The same findings as the json format, in the same order, with the same positions.
      const expected = files.flatMap((file) =>
        file.findings.map((f) => ({
          ruleId: f.ruleId,
          level: SEVERITY_LEVEL[f.severity],
          message: f.message,
          uri: file.path.split('/').map(encodeURIComponent).join('/'),
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          related: f.related.length,
        })),
      );
      assert.deepEqual(
        run.results.map((r) => ({
          ruleId: r.ruleId,
          level: r.level,
          message: r.message.text,
          uri: r.locations[0].physicalLocation.artifactLocation.uri,
          region: r.locations[0].physicalLocation.region,
          related: r.relatedLocations?.length ?? 0,
        })),
        expected,
      );
      assert.ok(run.results.some((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'docs/decisions/0006-a%2Cb%3Ac%20%23d%20%C3%A9.md'));
    });

    it('lists every rule even when nothing is found', async () => {
      const root = await copyExamples();
      const file = path.join(DECISIONS, '0001-use-postgresql-as-the-system-of-record-for-the-payments-ledger.md');
      const result = await runCli(['lint', file, '--today', TODAY, '--format', 'sarif'], { cwd: root });
      assert.equal(result.code, 0);
      const log = JSON.parse(result.stdout) as { runs: Array<{ results: unknown[]; tool: { driver: { rules: unknown[] } } }> };
      assert.deepEqual(sarifProblems(log), []);
      assert.deepEqual(log.runs[0].results, []);
      assert.equal(log.runs[0].tool.driver.rules.length, RULES.length);
    });
  });

  it('uses forward slashes, and paths relative to the current folder for people, to the root for GitHub and SARIF', async () => {
    const root = await copyExamples();
    const cwd = path.join(root, 'docs');
    const json = JSON.parse((await runCli(['lint', '--today', TODAY, '--format', 'json'], { cwd })).stdout) as JsonFile[];
    assert.ok(json.every((f) => f.path.startsWith('decisions/')));
    // Not a git repository: GitHub's paths and SARIF's %SRCROOT% fall back to the workspace root.
    const github = (await runCli(['lint', '--today', TODAY, '--format', 'github'], { cwd })).stdout;
    assert.ok(github.trimEnd().split('\n').every((line) => line.includes(' file=docs/decisions/')), github);
    const sarif = JSON.parse((await runCli(['lint', '--today', TODAY, '--format', 'sarif'], { cwd })).stdout) as SarifLocations;
    assert.ok(sarif.runs[0].results.every((r) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('docs/decisions/')));
  });

  describe('paths for GitHub, from any folder of a repository', () => {
    /** The file of every annotation, unescaped. */
    const annotated = (stdout: string) => stdout.trimEnd().split('\n').map((line) => /^::\w+ file=([^,]+),/.exec(line)![1].replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%25/g, '%'));

    it('github names files from the repository root when lint runs in a subfolder, or is given a path from there', async () => {
      const root = await copyExamples();
      gitRepository(root);
      const fromRoot = await runCli(['lint', '--today', TODAY, '--format', 'github'], { cwd: root });
      const files = annotated(fromRoot.stdout);
      assert.ok(files.length > 10 && files.every((file) => file.startsWith('docs/decisions/')), fromRoot.stdout);
      for (const cwd of [path.join(root, 'docs'), path.join(root, DECISIONS)]) {
        const below = await runCli(['lint', '--today', TODAY, '--format', 'github'], { cwd });
        assert.equal(below.code, 1);
        assert.equal(below.stdout, fromRoot.stdout, `the same annotations from ${path.relative(root, cwd)}`);
        // And a path named from there is still annotated from the root.
        const one = await runCli(['lint', '0003-hold-settlement-funds-at-a-single-partner-bank.md', '--today', TODAY, '--format', 'github'], { cwd: path.join(root, DECISIONS) });
        assert.deepEqual([...new Set(annotated(one.stdout))], ['docs/decisions/0003-hold-settlement-funds-at-a-single-partner-bank.md']);
      }
    });

    it('in a monorepo, where .legible.json sits below the repository root, paths start at the repository root', async () => {
      const repository = await tempDir();
      const service = path.join(repository, 'services', 'payments');
      await mkdir(path.dirname(service), { recursive: true });
      await cp(EXAMPLES, service, { recursive: true });
      await writeFile(path.join(repository, 'README.md'), '# Monorepo\n');
      gitRepository(repository);
      const cwd = path.join(service, 'docs');
      const github = await runCli(['lint', '--today', TODAY, '--format', 'github'], { cwd });
      assert.equal(github.code, 1, github.stderr);
      const files = annotated(github.stdout);
      assert.ok(files.length > 10 && files.every((file) => file.startsWith('services/payments/docs/decisions/0')), github.stdout);

      const sarif = JSON.parse((await runCli(['lint', '--today', TODAY, '--format', 'sarif'], { cwd })).stdout) as SarifLocations;
      const uris = sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
      assert.ok(uris.length && uris.every((uri) => uri.startsWith('services/payments/docs/decisions/0')), uris.join('\n'));
      assert.equal(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(repository).href + '/');
      // People still read paths from where they are.
      const stylish = await runCli(['lint', '--today', TODAY], { cwd });
      assert.match(stylish.stdout, /^decisions\/0003-hold-settlement-funds-at-a-single-partner-bank\.md$/m);
    });
  });
});
