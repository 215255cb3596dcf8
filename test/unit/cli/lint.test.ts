import { strict as assert } from 'node:assert';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { RULES } from '../../../src/core/rules/registry';
import { buildCli, cleanupTemps, copyExamples, DECISIONS, exampleIntent, runCli, TODAY, writeFile } from './cli-process';

/** The start of an ANSI escape sequence. */
const ESC = '\u001b[';

interface JsonFile {
  path: string;
  findings: Array<{ ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; docs: string; related: unknown[] }>;
}

/** The example records examples/README.md calls clean (relative to the workspace root). */
async function cleanRecords(root: string): Promise<string[]> {
  const intent = await exampleIntent();
  const names = (await readdir(path.join(root, DECISIONS))).filter((name) => /^\d{4}-.*\.md$/.test(name));
  return names.map((name) => `${DECISIONS.split(path.sep).join('/')}/${name}`).filter((file) => !intent.has(file));
}

describe('legible lint (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  describe('exit codes', () => {
    it('exits 1 on the examples, which hold errors', async () => {
      const root = await copyExamples();
      const result = await runCli(['lint', '--today', TODAY], { cwd: root });
      assert.equal(result.code, 1, result.stderr);
      assert.equal(result.stderr, '');
    });

    it('exits 0 on the clean records and says how many files it checked', async () => {
      const root = await copyExamples();
      const clean = await cleanRecords(root);
      assert.ok(clean.length >= 5, clean.join(', '));
      const result = await runCli(['lint', ...clean, '--today', TODAY], { cwd: root });
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.equal(result.stdout, `✔ ${clean.length} files checked, no problems\n`);
    });

    it('exits 0 on warnings alone, and 1 once they exceed --max-warnings', async () => {
      const root = await copyExamples();
      // 0013 only has placeholder warnings (three of them, says examples/README.md).
      const file = path.join(DECISIONS, '0013-add-a-second-card-acquirer-for-failover.md');
      assert.equal((await runCli(['lint', file, '--today', TODAY], { cwd: root })).code, 0);
      assert.equal((await runCli(['lint', file, '--today', TODAY, '--max-warnings', '3'], { cwd: root })).code, 0);
      const over = await runCli(['lint', file, '--today', TODAY, '--max-warnings', '2'], { cwd: root });
      assert.equal(over.code, 1);
      assert.equal(over.stderr, 'legible: warning: 3 warnings, more than --max-warnings 2 allows.\n');
    });

    it('--max-warnings -1 means no limit, as in ESLint, written apart or with =', async () => {
      const root = await copyExamples();
      const file = path.join(DECISIONS, '0013-add-a-second-card-acquirer-for-failover.md');
      for (const args of [['--max-warnings', '-1'], ['--max-warnings=-1']]) {
        const result = await runCli(['lint', file, '--today', TODAY, ...args], { cwd: root });
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stderr, '');
        assert.match(result.stdout, /3 problems \(0 errors, 3 warnings\)/);
      }
    });

    const usage: Array<[string, string[], RegExp]> = [
      ['an unknown flag', ['lint', '--bogus'], /^legible: unknown option --bogus \(see 'legible lint --help'\)\n$/],
      ['an unknown command', ['frobnicate'], /^legible: unknown command 'frobnicate'; expected lint, new, status, supersede, migrate, list, index, report, affected, explain, lsp or mcp/],
      ['a bad --format', ['lint', '--format', 'xml'], /^legible: unknown format 'xml'; expected stylish, json, github or sarif\n$/],
      ['a --format without a value', ['lint', '--format'], /^legible: option --format needs a value/],
      ['a bad --max-warnings', ['lint', '--max-warnings', 'many'], /^legible: --max-warnings must be a whole number/],
      ['a negative --max-warnings other than -1', ['lint', '--max-warnings', '-2'], /^legible: --max-warnings must be a whole number of 0 or more, or -1 for no limit, not '-2'\. How many warnings may pass\?\n$/],
      ['an impossible --today', ['lint', '--today', '2026-02-30'], /^legible: --today must be a date written YYYY-MM-DD, not '2026-02-30'\n$/],
      ['a path that does not exist', ['lint', 'docs/nope'], /^legible: no such file or folder: docs\/nope\n$/],
    ];
    for (const [what, args, message] of usage) {
      it(`exits 2 on ${what}, with one line on stderr and nothing on stdout`, async () => {
        const root = await copyExamples();
        const result = await runCli(args, { cwd: root });
        assert.equal(result.code, 2);
        assert.match(result.stderr, message);
        assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
        assert.equal(result.stdout, '');
      });
    }

    it('exits 2 when no decisions folder can be found, and says where it looked', async () => {
      const root = await copyExamples();
      await rm(path.join(root, 'docs'), { recursive: true });
      await rm(path.join(root, '.legible.json'));
      const result = await runCli(['lint'], { cwd: root });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^legible: no decisions folder found in \. \(looked for .*docs\/decisions.*\)/);
    });

    it('names the folder whose files are named as records when no usual one holds them, and the command that reads it', async () => {
      // rust-lang/rfcs keeps its RFCs in text/.
      const root = await copyExamples();
      // A configuration that names no folder: the workspace root, found from below too.
      await writeFile(path.join(root, '.legible.json'), '{}\n');
      await rename(path.join(root, 'docs', 'decisions'), path.join(root, 'text'));
      const result = await runCli(['list'], { cwd: root });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /\(looked for .*docs\/decisions.*\)\. Files named as records are in text \(14 files such as 0001-use-postgresql-as-the-system-of-record-for-the-payments-ledger\.md\): name the folder \('legible list text'\) or set "folders": \["text"\] in \.legible\.json\n$/);
      // Asked from inside the folder, the command names it as the user sees it from there.
      const inside = await runCli(['lint'], { cwd: path.join(root, 'services') });
      assert.match(inside.stderr, /no decisions folder found in \.\. .*Files named as records are in \.\.\/text .*\('legible lint \.\.\/text'\) or set "folders": \["text"\]/);
      // explain takes files to explain, not a folder: only the configuration is suggested.
      const explained = await runCli(['explain', 'services'], { cwd: root });
      assert.equal(explained.code, 2);
      assert.match(explained.stderr, /Files named as records are in text \(14 files such as [^)]*\): set "folders": \["text"\] in \.legible\.json\n$/);
      const named = await runCli(['list', 'text', '--json'], { cwd: root });
      assert.equal(named.code, 0, named.stderr);
      assert.equal((JSON.parse(named.stdout) as unknown[]).length, 14);
    });

    it('warns about a broken .legible.json but still lints with the defaults', async () => {
      const root = await copyExamples();
      await writeFile(path.join(root, '.legible.json'), '{ "folders": [');
      const result = await runCli(['lint', '--today', TODAY, '--format', 'json'], { cwd: root });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /^legible: warning: \.legible\.json: \.legible\.json could not be read/);
      assert.equal((JSON.parse(result.stdout) as JsonFile[]).length, 14);
    });
  });

  describe('what it finds', () => {
    it('skips a named file that matches the ignore patterns, with a warning, and lints the rest', async () => {
      const root = await copyExamples();
      await writeFile(path.join(root, DECISIONS, 'README.md'), '# Decisions\n');
      const record = `${DECISIONS}/0001-use-postgresql-as-the-system-of-record-for-the-payments-ledger.md`.split(path.sep).join('/');
      const result = await runCli(['lint', `${DECISIONS}/README.md`, record, '--today', TODAY, '--format', 'json'], { cwd: root });
      assert.equal(result.code, 0);
      assert.match(result.stderr, /^legible: warning: docs\/decisions\/README\.md is not linted: its name matches the "ignore" patterns/);
      assert.deepEqual((JSON.parse(result.stdout) as JsonFile[]).map((f) => f.path), [record]);
      // Named alone, it leaves nothing to lint: the warning says why, and nothing failed.
      const alone = await runCli(['lint', `${DECISIONS}/README.md`, '--today', TODAY], { cwd: root });
      assert.equal(alone.code, 0);
      assert.equal(alone.stdout, '✔ 0 files checked, no problems\n');
      assert.match(alone.stderr, /^legible: warning: docs\/decisions\/README\.md is not linted: its name matches the "ignore" patterns[^\n]*\n$/);
    });

    it('finds exactly the rules examples/README.md lists for each record, and nothing in the others', async () => {
      const root = await copyExamples();
      const intent = await exampleIntent();
      const result = await runCli(['lint', '--today', TODAY, '--format', 'json'], { cwd: root });
      const files = JSON.parse(result.stdout) as JsonFile[];
      assert.equal(files.length, 14);
      for (const file of files) {
        const expected = [...new Set(intent.get(file.path)?.rules ?? [])].sort();
        assert.deepEqual([...new Set(file.findings.map((f) => f.ruleId))].sort(), expected, file.path);
      }
    });

    it('lints one file with its siblings in the index, printing only its findings', async () => {
      const root = await copyExamples();
      // 0010 supersedes 0002 and 0005 links a runbook: the references resolve only with the folder indexed.
      const clean = path.join(DECISIONS, '0010-move-payment-events-to-kafka.md');
      const dirty = path.join(DECISIONS, '0005-build-an-in-house-fx-rates-service.md');
      const result = await runCli(['lint', clean, dirty, '--today', TODAY, '--format', 'json'], { cwd: root });
      const files = JSON.parse(result.stdout) as JsonFile[];
      assert.deepEqual(files.map((f) => f.path), [dirty, clean].map((p) => p.split(path.sep).join('/')));
      assert.deepEqual(files[1].findings, []);
      assert.deepEqual(files[0].findings.map((f) => f.ruleId).sort(), ['reference-resolves', 'single-point-of-knowledge']);
    });

    it('lints the decisions folders inside a named folder (`legible lint .`) as it does with no paths', async () => {
      const root = await copyExamples();
      const all = await runCli(['lint', '--today', TODAY, '--format', 'json'], { cwd: root });
      const dot = await runCli(['lint', '.', '--today', TODAY, '--format', 'json'], { cwd: root });
      assert.equal(dot.code, 1);
      assert.equal(dot.stdout, all.stdout);
      assert.equal((JSON.parse(dot.stdout) as JsonFile[]).length, 14, 'the runbooks beside the decisions folder are not records');
    });

    it('prints paths relative to the current folder when run from a subfolder', async () => {
      const root = await copyExamples();
      const result = await runCli(['lint', '--today', TODAY, '--format', 'json'], { cwd: path.join(root, DECISIONS) });
      const files = JSON.parse(result.stdout) as JsonFile[];
      assert.equal(files.length, 14, 'the workspace root is found above the current folder');
      assert.ok(files.every((f) => /^\d{4}-[a-z0-9-]+\.md$/.test(f.path)), files.map((f) => f.path).join(', '));
    });

    it('--quiet prints errors only but still exits by every finding', async () => {
      const root = await copyExamples();
      const result = await runCli(['lint', '--quiet', '--today', TODAY, '--format', 'json', '--max-warnings', '0'], { cwd: root });
      const findings = (JSON.parse(result.stdout) as JsonFile[]).flatMap((f) => f.findings);
      assert.ok(findings.length > 0);
      assert.ok(findings.every((f) => f.severity === 'error'));
      assert.equal(result.code, 1);
    });

    it('judges due dates by --today', async () => {
      const root = await copyExamples();
      const file = path.join(DECISIONS, '0011-hand-over-settlement-bank-operations-from-jonas.md');
      const before = await runCli(['lint', file, '--today', '2025-06-29', '--format', 'json'], { cwd: root });
      const after = await runCli(['lint', file, '--today', TODAY, '--format', 'json'], { cwd: root });
      assert.deepEqual((JSON.parse(before.stdout) as JsonFile[])[0].findings, []);
      assert.deepEqual((JSON.parse(after.stdout) as JsonFile[])[0].findings.map((f) => f.ruleId), ['exit-plan-overdue']);
    });
  });

  describe('a folder with no records', () => {
    const EMPTY_WARNING = 'legible: warning: docs/adr holds no decision records yet (no Markdown file outside the "ignore" patterns); is it the folder you meant?\n';

    /** The examples, plus docs/adr holding only what is not a record (a README and a template). */
    async function withEmptyFolder(): Promise<string> {
      const root = await copyExamples();
      await mkdir(path.join(root, 'docs', 'adr'));
      await writeFile(path.join(root, 'docs', 'adr', 'README.md'), '# Architecture decisions\n');
      await writeFile(path.join(root, 'docs', 'adr', 'template.md'), '# Title\n');
      return root;
    }

    it('passes with the same output and warning whether it is named on the command line or in .legible.json', async () => {
      const root = await withEmptyFolder();
      const named = await runCli(['lint', 'docs/adr', '--today', TODAY, '--max-warnings', '0'], { cwd: root });
      await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: ['docs/adr'] }));
      const configured = await runCli(['lint', '--today', TODAY, '--max-warnings', '0'], { cwd: root });
      for (const result of [named, configured]) {
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '✔ 0 files checked, no problems\n');
        assert.equal(result.stderr, EMPTY_WARNING);
      }
      const json = await runCli(['lint', 'docs/adr', '--today', TODAY, '--format', 'json'], { cwd: root });
      assert.equal(json.code, 0);
      assert.deepEqual(JSON.parse(json.stdout), []);
      assert.equal(json.stderr, EMPTY_WARNING);
      // A truly empty folder is the same.
      await rm(path.join(root, 'docs', 'adr'), { recursive: true });
      await mkdir(path.join(root, 'docs', 'adr'));
      const empty = await runCli(['lint', 'docs/adr', '--today', TODAY], { cwd: root });
      assert.deepEqual([empty.code, empty.stdout, empty.stderr], [0, '✔ 0 files checked, no problems\n', EMPTY_WARNING]);
    });

    it('beside a folder with records: the records decide the exit code, the empty one is a warning', async () => {
      const root = await withEmptyFolder();
      const both = await runCli(['lint', 'docs/adr', 'docs/decisions', '--today', TODAY, '--format', 'json'], { cwd: root });
      assert.equal(both.code, 1, 'the examples hold errors');
      assert.equal((JSON.parse(both.stdout) as JsonFile[]).length, 14);
      assert.equal(both.stderr, EMPTY_WARNING);
      await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: ['docs/decisions', 'docs/adr'] }));
      const configured = await runCli(['lint', '--today', TODAY, '--format', 'json'], { cwd: root });
      assert.equal(configured.code, 1);
      assert.equal(configured.stdout, both.stdout);
      assert.equal(configured.stderr, EMPTY_WARNING);
    });

    it('found in the usual places rather than named: an empty one beside records is no news, all empty is', async () => {
      const root = await withEmptyFolder();
      await rm(path.join(root, '.legible.json'));
      const beside = await runCli(['lint', '--today', TODAY, '--format', 'json'], { cwd: root });
      assert.equal(beside.code, 1);
      assert.equal(beside.stderr, '', 'docs/adr is one of the usual places, found, and named by no one');
      assert.equal((JSON.parse(beside.stdout) as JsonFile[]).length, 14);
      await rm(path.join(root, DECISIONS), { recursive: true });
      const alone = await runCli(['lint', '--today', TODAY, '--max-warnings', '0'], { cwd: root });
      assert.deepEqual([alone.code, alone.stdout, alone.stderr], [0, '✔ 0 files checked, no problems\n', EMPTY_WARNING]);
    });

    it('a folder that does not exist stays a usage error either way', async () => {
      const root = await copyExamples();
      const named = await runCli(['lint', 'docs/adr', '--today', TODAY], { cwd: root });
      assert.deepEqual([named.code, named.stderr], [2, 'legible: no such file or folder: docs/adr\n']);
      await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: ['docs/adr'] }));
      const configured = await runCli(['lint', '--today', TODAY], { cwd: root });
      assert.equal(configured.code, 2);
      assert.match(configured.stderr, /^legible: warning: \.legible\.json: the folder docs\/adr does not exist\.\nlegible: no decisions folder found in \. /);
    });
  });

  describe('stylish', () => {
    it('groups findings under each file in aligned columns and ends with the summary', async () => {
      const root = await copyExamples();
      const result = await runCli(['lint', '--today', TODAY], { cwd: root });
      const json = JSON.parse((await runCli(['lint', '--today', TODAY, '--format', 'json'], { cwd: root })).stdout) as JsonFile[];
      const all = json.flatMap((f) => f.findings);
      const errors = all.filter((f) => f.severity === 'error').length;
      const warnings = all.filter((f) => f.severity === 'warning').length;
      // The summary, then what migrate would settle (the examples hold one legacy record; the wording,
      // and lint --fix's line, are test/unit/cli/stylish.test.ts's).
      const legacy = all.filter((f) => f.ruleId === 'frontmatter-missing').length;
      assert.equal(legacy, 1);
      assert.match(result.stdout, new RegExp(`\\n✖ ${all.length} problems \\(${errors} errors, ${warnings} warnings\\)\\n1 record without Legible frontmatter: \`legible migrate\` writes it, [^\\n]+\\n\\n$`), result.stdout.slice(-400));
      assert.ok(!result.stdout.includes(ESC), 'no colours when stdout is not a terminal');
      for (const file of json.filter((f) => f.findings.length)) {
        const block = result.stdout.split('\n\n').map((b) => b.trim()).find((b) => b.startsWith(`${file.path}\n`));
        assert.ok(block, `a block for ${file.path}`);
        const rows = block.split('\n').slice(1);
        assert.equal(rows.length, file.findings.length);
        // Each row: line:col, severity, message, rule id; the message column starts at the same offset in every row.
        const starts = rows.map((row, i) => {
          const f = file.findings[i];
          assert.match(row, new RegExp(`^ +${f.line}:${f.column} +${f.severity} +.+  ${f.ruleId}$`));
          return row.indexOf(f.message);
        });
        assert.equal(new Set(starts).size, 1, `messages aligned in ${file.path}`);
      }
    });

    it('colours only when asked: FORCE_COLOR on, NO_COLOR off', async () => {
      const root = await copyExamples();
      const forced = await runCli(['lint', '--today', TODAY], { cwd: root, env: { FORCE_COLOR: '1' } });
      assert.ok(forced.stdout.includes(`${ESC}31merror${ESC}39m`), forced.stdout.slice(0, 300));
      const plain = await runCli(['lint', '--today', TODAY], { cwd: root, env: { NO_COLOR: '1' } });
      assert.ok(!plain.stdout.includes(ESC));
    });
  });

  describe('help', () => {
    it('with no command, prints the help on stderr and exits 2', async () => {
      const root = await copyExamples();
      const result = await runCli([], { cwd: root });
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^Usage: legible <command> \[options\]\n/);
    });

    it('help <command> is <command> --help', async () => {
      const root = await copyExamples();
      const a = await runCli(['help', 'lint'], { cwd: root });
      const b = await runCli(['lint', '-h'], { cwd: root });
      assert.equal(a.code, 0);
      assert.equal(a.stdout, b.stdout);
    });

    it('lint --help lists the exit codes and every registered rule', async () => {
      const root = await copyExamples();
      const result = await runCli(['lint', '--help'], { cwd: root });
      assert.equal(result.code, 0);
      assert.match(result.stdout, /^Usage: legible lint \[paths…\] \[options\]/);
      assert.match(result.stdout, /Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
      for (const rule of RULES) assert.match(result.stdout, new RegExp(`^ {2}${rule.id} +${rule.defaultSeverity} +${rule.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    });

    it('--help lists every command and --version prints the package version', async () => {
      const root = await copyExamples();
      const help = await runCli(['--help'], { cwd: root });
      for (const command of ['lint', 'new', 'status', 'supersede', 'list', 'index', 'report', 'affected']) assert.match(help.stdout, new RegExp(`^ {2}${command} +\\S`, 'm'));
      const version = await runCli(['--version'], { cwd: root });
      const pkg = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'))) as { version: string };
      assert.equal(version.stdout, `${pkg.version}\n`);
      for (const command of ['new', 'status', 'supersede', 'list', 'index', 'report', 'affected']) {
        const result = await runCli([command, '--help'], { cwd: root });
        assert.equal(result.code, 0);
        assert.match(result.stdout, new RegExp(`^Usage: legible ${command} `));
      }
    });
  });
});
