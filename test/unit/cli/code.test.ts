import { strict as assert } from 'node:assert';
import { mkdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { cleanAdr } from '../support/workspace';
import { filesAt } from '../support/put-file';
import { RULES } from '../../../src/core/rules/registry';
import { buildCli, cleanupTemps, git as gitIn, gitRepository, runCli, tempDir, TODAY } from './cli-process';

interface LintFile {
  path: string;
  findings: Array<{ ruleId: string; severity: string; message: string; line: number; column: number }>;
}

/** A repository whose records govern and whose code cites them: made with git, scripted author and date. */
async function repository(config?: unknown): Promise<string> {
  const root = await tempDir('legible-code-');
  const put = filesAt(root);
  const held = 'knowledge-exit-path: {holders: [amira], successors: [bo], mechanisms: [runbook]}';
  await put(
    'docs/decisions/0001-use-postgresql.md',
    cleanAdr('Use PostgreSQL', ['governs: [services/ledger/]']).replace(held, 'knowledge-exit-path: {holders: [amira], successors: [jonas], mechanisms: [runbook]}'),
  );
  await put('docs/decisions/0002-use-rabbitmq.md', cleanAdr('Use RabbitMQ', ['superseded-by: [0003]']).replace('status: accepted', 'status: superseded'));
  await put('docs/decisions/0003-use-kafka.md', cleanAdr('Use Kafka', ['supersedes: [0002]', 'governs:', '  - services/events.ts', '  - billing/**']));
  await put('services/ledger/journal.ts', '// One balanced entry per movement (ADR-0001).\n// Partitioned as ADR-0099 says.\nexport const journal = [];\n');
  await put('services/events.ts', 'export const broker = "rabbitmq"; // ADR-0002\n');
  await put('assets/logo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0x41, 0x44, 0x52, 0x2d, 0x30, 0x30, 0x39, 0x37]));
  // One scripted author wrote everything: the rules that weigh that history (test/unit/cli/evidence.test.ts) are off here.
  const evidenceOff = Object.fromEntries(RULES.filter((rule) => rule.scope === 'evidence').map((rule) => [rule.id, 'off']));
  if (config !== undefined) await put('.legible.json', JSON.stringify({ ...(config as object), rules: evidenceOff }));
  gitRepository(root);
  // Untracked (as scratch.ts below): read as the configuration, never scanned as code.
  if (config === undefined) await put('.legible.json', JSON.stringify({ rules: evidenceOff }));
  // Not tracked: never matched nor scanned.
  await put('scratch.ts', '// ADR-0098\n');
  return root;
}

describe('decisions and code (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  describe('legible lint', () => {
    it('with no paths, reports citations in tracked code files at the citation, and governs globs that match nothing', async () => {
      const root = await repository();
      const result = await runCli(['lint', '--format', 'json', '--today', TODAY], { cwd: root });
      assert.equal(result.code, 1, result.stderr);
      const files = (JSON.parse(result.stdout) as LintFile[]).filter((file) => file.findings.length);
      assert.deepEqual(
        files.map((file) => [file.path, file.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`)]),
        [
          ['docs/decisions/0003-use-kafka.md', ['governs-matches-nothing@10:5']],
          ['services/events.ts', ['code-cites-superseded@1:38']],
          ['services/ledger/journal.ts', ['code-reference-resolves@2:19']],
        ],
      );
      const events = files.find((file) => file.path === 'services/events.ts')!;
      assert.match(events.findings[0].message, /^cites ADR-0002, superseded by ADR-0003/);
      assert.match(files[0].findings[0].message, /`governs\[1\]` `billing\/\*\*` matches no file: the code moved or was deleted — is this decision still in force\?/);
    });

    it('--format json says of each file whether it is a record or code, a runbook in Markdown outside the decisions folders too', async () => {
      const root = await repository();
      await filesAt(root)('docs/runbooks/broker.md', '# Broker\n\nThe consumers follow ADR-0002.\n');
      gitIn(root, 'add', 'docs/runbooks/broker.md');
      const result = await runCli(['lint', '--format', 'json', '--today', TODAY], { cwd: root });
      const files = JSON.parse(result.stdout) as Array<LintFile & { kind: string }>;
      assert.deepEqual(
        files.filter((file) => file.findings.length || file.kind === 'record').map((file) => [file.path, file.kind]),
        [
          ['docs/decisions/0001-use-postgresql.md', 'record'],
          ['docs/decisions/0002-use-rabbitmq.md', 'record'],
          ['docs/decisions/0003-use-kafka.md', 'record'],
          ['docs/runbooks/broker.md', 'code'],
          ['services/events.ts', 'code'],
          ['services/ledger/journal.ts', 'code'],
        ],
      );
      assert.ok(files.every((file) => Object.keys(file).join() === 'path,kind,findings'), 'kind sits between path and findings, in every entry');
    });

    it('--format github and sarif name a code file from the repository root, from a subfolder too', async () => {
      const root = await repository();
      const github = await runCli(['lint', '--format', 'github', '--today', TODAY], { cwd: path.join(root, 'services', 'ledger') });
      assert.match(github.stdout, /^::error file=services\/ledger\/journal\.ts,line=2,col=19,endLine=2,endColumn=27,title=Legible code-reference-resolves::cites ADR-0099/m);
      const sarif = await runCli(['lint', '--format', 'sarif', '--today', TODAY], { cwd: path.join(root, 'services') });
      const uris = (JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }).runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
      assert.ok(uris.includes('services/events.ts'), uris.join(', '));
    });

    it('"code": { "enabled": false } turns the scan and the governs rules off', async () => {
      const root = await repository({ code: { enabled: false } });
      const result = await runCli(['lint', '--format', 'json', '--today', TODAY], { cwd: root });
      assert.equal(result.code, 0, result.stdout);
      assert.deepEqual((JSON.parse(result.stdout) as LintFile[]).flatMap((file) => file.findings), []);
    });

    it('code.exclude leaves a file unscanned', async () => {
      const root = await repository({ code: { exclude: ['services/ledger/'] } });
      const result = await runCli(['lint', '--format', 'json', '--today', TODAY], { cwd: root });
      const paths = (JSON.parse(result.stdout) as LintFile[]).filter((file) => file.findings.length).map((file) => file.path);
      assert.deepEqual(paths, ['docs/decisions/0003-use-kafka.md', 'services/events.ts']);
    });

    it('--cache in git keeps the citations by HEAD\'s tree: an unchanged file is not searched again; a commit, a staged or unstaged change, a file changed last time, the configuration are', async () => {
      const root = await repository();
      const cache = path.join(root, '.git', 'legible-test-cache.json');
      const lint = async () => {
        const result = await runCli(['lint', '--format', 'json', '--today', TODAY, '--cache-location', cache], { cwd: root });
        const files = JSON.parse(result.stdout) as LintFile[];
        const messages = (file: string) => files.find((f) => f.path === file)?.findings.map((f) => f.message.replace(/,.*/, '')) ?? [];
        return { journal: messages('services/ledger/journal.ts'), events: messages('services/events.ts') };
      };
      const events = path.join(root, 'services', 'events.ts');
      const cold = await lint();
      assert.deepEqual(cold, { journal: ['cites ADR-0099'], events: ['cites ADR-0002'] });
      const saved = JSON.parse(await readFile(cache, 'utf8')) as { codeTree: { tree: string; dirty: string[]; citations: Record<string, unknown> } };
      assert.deepEqual(Object.keys(saved.codeTree.citations).sort(), ['services/events.ts', 'services/ledger/journal.ts'], 'only the files that cite something');
      assert.match(saved.codeTree.tree, /^[0-9a-f]{40}$/);
      // The cached citations are what a warm run reports of an unchanged file: one written into the cache shows.
      const kept = saved.codeTree.citations['services/ledger/journal.ts'] as { citations: Array<{ raw: string; number: number }> };
      const last = kept.citations.length - 1;
      kept.citations[last] = { ...kept.citations[last], raw: 'ADR-0095', number: 95 };
      await writeFile(cache, JSON.stringify(saved));
      const cached = { journal: ['cites ADR-0095'], events: ['cites ADR-0002'] };
      assert.deepEqual(await lint(), cached);
      // An unstaged change is searched again.
      await writeFile(events, 'export const broker = "kafka"; // ADR-0097\n');
      assert.deepEqual(await lint(), { ...cached, events: ['cites ADR-0097'] });
      // Changed last time and put back since: searched again (the cache held the changed text's citations).
      gitIn(root, 'checkout', '--', 'services/events.ts');
      assert.deepEqual(await lint(), cached);
      // A staged change, then a commit that moves HEAD: what they change is searched again.
      await writeFile(events, 'export const broker = "kafka"; // ADR-0096\n');
      gitIn(root, 'add', 'services/events.ts');
      assert.deepEqual(await lint(), { ...cached, events: ['cites ADR-0096'] });
      gitIn(root, 'commit', '--quiet', '--message', 'Kafka');
      assert.deepEqual(await lint(), { ...cached, events: ['cites ADR-0096'] });
      // A new configuration starts afresh: the journal is searched again.
      await writeFile(path.join(root, '.legible.json'), JSON.stringify({ rules: Object.fromEntries(RULES.filter((rule) => rule.scope === 'evidence').map((rule) => [rule.id, 'off'])), code: { exclude: ['assets/**'] } }));
      assert.deepEqual(await lint(), { journal: ['cites ADR-0099'], events: ['cites ADR-0096'] });
    });

    it('--cache outside git keeps an unchanged code file\'s citations (size and time), and reads a changed one again', async () => {
      const root = await repository();
      await rm(path.join(root, '.git'), { recursive: true, force: true });
      // In a folder the walk does not enter, as .git was.
      await mkdir(path.join(root, 'node_modules'), { recursive: true });
      const cache = path.join(root, 'node_modules', 'legible-test-cache.json');
      const lint = async () => {
        const result = await runCli(['lint', '--format', 'json', '--today', TODAY, '--cache-location', cache], { cwd: root });
        return (JSON.parse(result.stdout) as LintFile[]).find((file) => file.path === 'services/ledger/journal.ts')?.findings.map((f) => f.message) ?? [];
      };
      const journal = path.join(root, 'services', 'ledger', 'journal.ts');
      // A whole-second time: utimes below restores it exactly (a file system's own may have nanoseconds).
      const time = new Date('2026-11-20T10:00:00Z');
      await utimes(journal, time, time);
      const cold = await lint();
      assert.deepEqual(cold, ['cites ADR-0099, which no record has: which decision does this code follow?']);
      const saved = JSON.parse(await readFile(cache, 'utf8')) as { code: Record<string, unknown> };
      assert.deepEqual(Object.keys(saved.code).sort(), ['.legible.json', 'scratch.ts', 'services/events.ts', 'services/ledger/journal.ts'], 'a skipped (binary) file is not kept: it is read and skipped again');
      // Same size, same time: the cached citations stand, so the file was not read again.
      await writeFile(journal, (await readFile(journal, 'utf8')).replace('ADR-0099', 'ADR-0098'));
      await utimes(journal, time, time);
      assert.deepEqual(await lint(), cold);
      // A new time: read again.
      await utimes(journal, time, new Date(time.getTime() + 5000));
      assert.deepEqual(await lint(), ['cites ADR-0098, which no record has: which decision does this code follow?']);
    });

    it('with a record named, matches its governs but scans no code', async () => {
      const root = await repository();
      const result = await runCli(['lint', '--format', 'json', '--today', TODAY, 'docs/decisions/0003-use-kafka.md'], { cwd: root });
      const files = (JSON.parse(result.stdout) as LintFile[]).filter((file) => file.findings.length);
      assert.deepEqual(files.map((file) => [file.path, file.findings.map((f) => f.ruleId)]), [['docs/decisions/0003-use-kafka.md', ['governs-matches-nothing']]]);
    });

    it('with a code file named, checks its citations against every record and reads it as no record; migrate refuses it', async () => {
      const root = await repository();
      const result = await runCli(['lint', '--format', 'json', '--today', TODAY, 'services/events.ts', 'services/ledger/journal.ts'], { cwd: root });
      assert.equal(result.code, 1, result.stderr);
      const files = JSON.parse(result.stdout) as LintFile[];
      assert.deepEqual(files.map((file) => [file.path, file.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`)]), [
        ['services/events.ts', ['code-cites-superseded@1:38']],
        ['services/ledger/journal.ts', ['code-reference-resolves@2:19']],
      ]);
      // From below, with a record beside it: the record's findings as when named alone, the code's citations; nothing else.
      const clean = await runCli(['lint', '--today', TODAY, 'events.ts', '../docs/decisions/0003-use-kafka.md'], { cwd: path.join(root, 'services') });
      assert.match(clean.stdout, /^\n\.\.\/docs\/decisions\/0003-use-kafka\.md\n[^\n]*governs-matches-nothing\n\nevents\.ts\n[^\n]*code-cites-superseded\n[^\n]*ADR-0002 is superseded\n\n✖ 2 problems \(0 errors, 2 warnings\)\n/);
      const migrated = await runCli(['migrate', 'services/events.ts'], { cwd: root });
      assert.equal(migrated.code, 2);
      assert.match(migrated.stderr, /no decision records in services\/events\.ts/);
      const off = await repository({ code: { enabled: false } });
      const warned = await runCli(['lint', '--today', TODAY, 'services/events.ts'], { cwd: off });
      assert.equal(warned.code, 0, warned.stderr);
      assert.match(warned.stderr, /code\.enabled is false in \.legible\.json: the citations in services\/events\.ts are not checked\./);
    });

    it('outside git, matches and scans the files below the root', async () => {
      const root = await repository();
      await rm(path.join(root, '.git'), { recursive: true, force: true });
      const result = await runCli(['lint', '--format', 'json', '--today', TODAY], { cwd: root });
      const paths = (JSON.parse(result.stdout) as LintFile[]).filter((file) => file.findings.length).map((file) => file.path);
      assert.deepEqual(paths, ['docs/decisions/0003-use-kafka.md', 'scratch.ts', 'services/events.ts', 'services/ledger/journal.ts'], 'an untracked file is a file when there is no git');
    });

    it('in a folder its repository ignores, or a repository that tracks nothing yet, scans the files below the root as outside git, with --cache too (git grep would search none of them)', async () => {
      const made = await repository();
      await rm(path.join(made, '.git'), { recursive: true, force: true });
      const outer = await tempDir('legible-code-ignored-');
      const root = path.join(outer, 'cache', 'workspace');
      await mkdir(path.dirname(root), { recursive: true });
      await rename(made, root);
      await writeFile(path.join(outer, '.gitignore'), 'cache/\n');
      gitRepository(outer);
      const lint = async (...extra: string[]) => {
        const result = await runCli(['lint', '--format', 'json', '--today', TODAY, ...extra], { cwd: root });
        return (JSON.parse(result.stdout) as LintFile[]).filter((file) => file.findings.length).map((file) => [file.path, file.findings.map((f) => f.message)]);
      };
      const plain = await lint();
      assert.deepEqual(
        plain.map(([file]) => file),
        ['docs/decisions/0003-use-kafka.md', 'scratch.ts', 'services/events.ts', 'services/ledger/journal.ts'],
      );
      assert.ok(plain.some(([file, messages]) => file === 'services/ledger/journal.ts' && messages.includes('cites ADR-0099, which no record has: which decision does this code follow?')), JSON.stringify(plain));
      const cache = path.join(outer, 'cache', 'lint-cache.json');
      assert.deepEqual(await lint('--cache-location', cache), plain);
      assert.deepEqual(await lint('--cache-location', cache), plain, 'warm');
      // A repository that tracks nothing yet (git init, nothing added): the files are walked and read too.
      await rm(path.join(outer, '.git'), { recursive: true, force: true });
      gitIn(root, 'init', '--quiet');
      assert.deepEqual(await lint(), plain, 'git init, nothing added');
    });
  });

  describe('legible explain', () => {
    it('--format json: the decisions governing each file and the records it cites, with status, door, risk and people', async () => {
      const root = await repository();
      const result = await runCli(['explain', '--format', 'json', 'services/ledger/journal.ts', 'services/events.ts', 'assets/logo.png'], { cwd: root });
      assert.equal(result.code, 0, result.stderr);
      const [journal, events, logo] = JSON.parse(result.stdout) as Array<{
        path: string;
        governedBy: Array<{ record: Record<string, unknown>; globs: string[] }>;
        cites: Array<{ raw: string; lines: number[]; records: Array<Record<string, unknown>> }>;
        unread?: string;
      }>;
      assert.equal(journal.path, 'services/ledger/journal.ts');
      assert.deepEqual(journal.governedBy, [
        {
          record: { id: 'ADR-0001', type: 'adr', title: 'Use PostgreSQL', path: 'docs/decisions/0001-use-postgresql.md', status: 'accepted', door: 'two-way', risk: 'low', owners: ['amira'], holders: ['amira'], successors: ['jonas'], supersededBy: [] },
          globs: ['services/ledger/'],
        },
      ]);
      assert.deepEqual(journal.cites.map((c) => [c.raw, c.lines, c.records.map((r) => r.id)]), [
        ['ADR-0001', [1], ['ADR-0001']],
        ['ADR-0099', [2], []],
      ]);
      assert.deepEqual(events.governedBy.map((g) => g.record.id), ['ADR-0003']);
      assert.deepEqual(events.cites[0].records[0].supersededBy, ['ADR-0003']);
      assert.equal(logo.unread, 'the file is binary');
    });

    it('Markdown by default, from a subfolder, with the file and the links relative to it', async () => {
      const root = await repository();
      const result = await runCli(['explain', 'events.ts'], { cwd: path.join(root, 'services') });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^## events\.ts\n/);
      assert.match(result.stdout, /- \[ADR-0003\]\(\.\.\/docs\/decisions\/0003-use-kafka\.md\) Use Kafka — accepted · two-way door · risk low · owners amira · held by amira · successors bo \(governs `services\/events\.ts`\)/);
      assert.match(result.stdout, /- ADR-0002 \(line 1\): \[ADR-0002\]\(\.\.\/docs\/decisions\/0002-use-rabbitmq\.md\) Use RabbitMQ — superseded · .* · superseded by ADR-0003/);
      // As lint names the same file from there; the JSON names it so too, beside its records' paths.
      const lint = await runCli(['lint', '--today', TODAY, 'events.ts'], { cwd: path.join(root, 'services') });
      assert.match(lint.stdout, /^events\.ts$/m, lint.stdout);
      const json = JSON.parse((await runCli(['explain', '--format', 'json', 'events.ts', '../billing/run.ts'], { cwd: path.join(root, 'services') })).stdout) as Array<{ path: string; governedBy: Array<{ record: { path: string } }> }>;
      assert.deepEqual(json.map((file) => [file.path, file.governedBy.map((g) => g.record.path)]), [
        ['events.ts', ['../docs/decisions/0003-use-kafka.md']],
        ['../billing/run.ts', ['../docs/decisions/0003-use-kafka.md']],
      ]);
    });

    it('a file not tracked yet, or not created yet, is matched on its own: what governs it once committed (as the MCP server answers); one git ignores is not', async () => {
      const root = await repository();
      await writeFile(path.join(root, 'services', 'ledger', 'draft.ts'), 'export {};\n');
      // Not one git ignores: no decision governs a log, wherever it lies.
      await writeFile(path.join(root, '.gitignore'), '*.log\n');
      await writeFile(path.join(root, 'services', 'ledger', 'debug.log'), 'ADR-0001\n');
      const result = await runCli(['explain', '--format', 'json', 'services/ledger/draft.ts', 'billing/not-yet.ts', 'scratch.ts', 'services/ledger/debug.log'], { cwd: root });
      assert.equal(result.code, 0, result.stderr);
      const files = JSON.parse(result.stdout) as Array<{ path: string; governedBy: Array<{ record: { id: string }; globs: string[] }> }>;
      assert.deepEqual(
        files.map((file) => [file.path, file.governedBy.map((g) => [g.record.id, ...g.globs])]),
        [
          ['services/ledger/draft.ts', [['ADR-0001', 'services/ledger/']]],
          ['billing/not-yet.ts', [['ADR-0003', 'billing/**']]],
          ['scratch.ts', []],
          ['services/ledger/debug.log', []],
        ],
      );
      // The tracked files' counts are lint's: an untracked file is no match for governs-matches-nothing.
      const lint = await runCli(['lint', '--format', 'json', '--today', TODAY], { cwd: root });
      assert.doesNotMatch(lint.stdout, /draft\.ts/);
    });

    it('needs a path, and one inside the workspace (exit 2)', async () => {
      const root = await repository();
      assert.equal((await runCli(['explain'], { cwd: root })).code, 2);
      const outside = await runCli(['explain', '../elsewhere.ts'], { cwd: root });
      assert.equal(outside.code, 2);
      assert.match(outside.stderr, /is not a file inside the workspace/);
    });
  });
});
