import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { cleanAdr } from '../support/workspace';
import { filesAt } from '../support/put-file';
import { cleanupTemps, gitRepository, runCli, tempDir, TODAY } from '../cli/cli-process';
import { MAX_ANSWER_CHARS } from '../../../src/mcp/bounded';
import { LEDGER_RECORD, ledgerRepository } from '../support/evidence-repository';
import { recordingGit } from '../support/recording-git';
import { buildMcp, call, connect, mcpServers, type Answer, type Connected } from './mcp-process';

/** A repository whose records govern code and whose code cites them (git-tracked, scripted author and date). */
async function repository(): Promise<string> {
  const root = await tempDir('legible-mcp-');
  const put = filesAt(root);
  await put('docs/decisions/0001-use-postgresql.md', cleanAdr('Use PostgreSQL', ['governs: [services/ledger/]', 'tags: [database]']));
  await put('docs/decisions/0002-use-rabbitmq.md', cleanAdr('Use RabbitMQ', ['superseded-by: [0003]']).replace('status: accepted', 'status: superseded'));
  await put(
    'docs/decisions/0003-use-kafka.md',
    cleanAdr('Use Kafka', ['supersedes: [0002]', 'governs:', '  - services/events.ts', '  - billing/**', 'tags: [messaging]'])
      .replace('owners: [amira]', 'owners: [jonas]')
      .replace('holders: [amira], successors: [bo]', 'holders: [jonas], successors: []')
      .replace('mechanisms: [runbook]', 'mechanisms: []'),
  );
  await put('services/ledger/journal.ts', '// One balanced entry per movement (ADR-0001).\n// Partitioned as ADR-0099 says.\nexport const journal = [];\n');
  await put('services/events.ts', 'export const broker = "rabbitmq"; // ADR-0002\n');
  await put('.legible.json', JSON.stringify({ folders: ['docs/decisions'] }));
  // Ignored by git: no decision governs it, though services/ledger/ holds it.
  await put('.gitignore', '*.log\n');
  await put('services/ledger/debug.log', 'ADR-0001 was slow\n');
  gitRepository(root);
  return root;
}

describe('legible mcp (the SDK client over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let server: Connected;
  const tool = (name: string, args: Record<string, unknown>) => call(server.client, name, args);

  before(async () => {
    await buildMcp();
    root = await repository();
    // A link out of the workspace, beside the repository (never a shared folder).
    const outside = await tempDir('legible-mcp-outside-');
    await writeFile(path.join(outside, 'secret.ts'), '// ADR-0001\n');
    await symlink(outside, path.join(root, 'escape'));
    server = await connect(root);
  });
  after(async () => {
    await server?.close();
    await cleanupTemps();
  });

  it('offers the five read-only tools, each with a strict input schema', async () => {
    const { tools } = await server.client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['decisions_for_path', 'get_decision', 'knowledge_risk', 'lint', 'list_decisions']);
    for (const t of tools) {
      assert.equal(t.inputSchema.additionalProperties, false, `${t.name} takes unknown keys`);
      assert.equal(t.annotations?.readOnlyHint, true, `${t.name} is not marked read-only`);
    }
  });

  it('list_decisions lists every record, and filters by type, status, person and tag', async () => {
    const all = await tool('list_decisions', {});
    assert.equal(all.json.total, 3);
    assert.deepEqual(all.json.records.map((r: Answer) => r.id), ['ADR-0001', 'ADR-0002', 'ADR-0003']);
    assert.equal(all.json.records[0].path, 'docs/decisions/0001-use-postgresql.md');
    assert.deepEqual(all.json.records[2].governs, ['services/events.ts', 'billing/**']);
    const ids = async (args: Record<string, unknown>) => (await tool('list_decisions', args)).json.records.map((r: Answer) => r.id);
    assert.deepEqual(await ids({ status: 'superseded' }), ['ADR-0002']);
    assert.deepEqual(await ids({ person: 'Jonas' }), ['ADR-0003']);
    assert.deepEqual(await ids({ tag: 'database' }), ['ADR-0001']);
    assert.deepEqual(await ids({ type: 'rfc' }), []);
    assert.deepEqual(await ids({ type: 'adr', status: 'accepted', person: 'amira' }), ['ADR-0001']);
    const limited = await tool('list_decisions', { limit: 2 });
    assert.equal(limited.json.records.length, 2);
    assert.match(limited.json.truncated.note, /1 of 3 left out by the limit of 2/);
  });

  it('get_decision gives the frontmatter as data and the body', async () => {
    const { json } = await tool('get_decision', { id: 'ADR-0003' });
    assert.equal(json.records.length, 1);
    const [record] = json.records;
    assert.equal(record.title, 'Use Kafka');
    // As YAML reads it: 0002 is a number.
    assert.deepEqual(record.frontmatter.supersedes, [2]);
    assert.equal(record.frontmatter['knowledge-exit-path'].holders[0], 'jonas');
    assert.match(record.body, /^\n?# Use Kafka\n\n## Context/);
  });

  it('decisions_for_path names the decisions governing a file, with their globs, and the records it cites', async () => {
    const { json } = await tool('decisions_for_path', { path: 'services/ledger/journal.ts' });
    assert.equal(json.path, 'services/ledger/journal.ts');
    assert.deepEqual(json.governedBy.map((g: Answer) => [g.record.id, g.globs, g.record.path]), [['ADR-0001', ['services/ledger/'], 'docs/decisions/0001-use-postgresql.md']]);
    assert.deepEqual(json.cites.map((c: Answer) => [c.raw, c.lines, c.records.map((r: Answer) => r.id)]), [['ADR-0001', [1], ['ADR-0001']], ['ADR-0099', [2], []]]);
    const events = (await tool('decisions_for_path', { path: './services//events.ts' })).json;
    assert.deepEqual(events.governedBy.map((g: Answer) => g.record.id), ['ADR-0003']);
    assert.deepEqual(events.cites[0].records.map((r: Answer) => [r.id, r.status, r.supersededBy]), [['ADR-0002', 'superseded', ['ADR-0003']]]);
  });

  it('decisions_for_path answers for a file not created yet, from governs alone', async () => {
    const { json } = await tool('decisions_for_path', { path: 'billing/invoices/new.ts' });
    assert.deepEqual(json.governedBy.map((g: Answer) => [g.record.id, g.globs]), [['ADR-0003', ['billing/**']]]);
    assert.match(json.unread, /cannot be read/);
  });

  it('decisions_for_path: a file git ignores is governed by nothing, as legible explain and the editor say', async () => {
    const { json } = await tool('decisions_for_path', { path: 'services/ledger/debug.log' });
    assert.deepEqual(json.governedBy, []);
  });

  it('refuses absolute paths, .., links out of the workspace and texts that are no id, with a clear error', async () => {
    const refusals: Array<[string, Record<string, unknown>, RegExp]> = [
      ['decisions_for_path', { path: '/etc/passwd' }, /absolute paths are not taken/],
      ['decisions_for_path', { path: 'C:\\Windows\\win.ini' }, /absolute paths are not taken/],
      ['decisions_for_path', { path: 'file:///etc/passwd' }, /absolute paths are not taken/],
      ['decisions_for_path', { path: '../outside.ts' }, /\.\. is not taken/],
      ['decisions_for_path', { path: 'services/../../x.ts' }, /\.\. is not taken/],
      ['decisions_for_path', { path: 'escape/secret.ts' }, /the symbolic link escape leads outside the workspace/],
      ['decisions_for_path', { path: 'services\u0000.ts' }, /control character/],
      ['lint', { paths: ['services/events.ts', '/etc/hosts'] }, /absolute paths are not taken/],
      ['get_decision', { id: '../../etc/passwd' }, /is not a record id/],
      ['get_decision', { id: 'ADR 7; drop' }, /is not a record id/],
      ['get_decision', { id: 'ADR-0042' }, /No record has the id ADR-0042/],
    ];
    for (const [name, args, message] of refusals) {
      const answer = await tool(name, args);
      assert.equal(answer.isError, true, `${name} ${JSON.stringify(args)} was answered: ${answer.text}`);
      assert.match(answer.text, message);
    }
  });

  it('rejects unknown keys and wrong types (strict schemas)', async () => {
    const extra = await tool('get_decision', { id: 'ADR-0001', path: 'x' });
    assert.equal(extra.isError, true);
    assert.match(extra.text, /Input validation error.*Unrecognized key/);
    const wrong = await tool('list_decisions', { limit: 'all' });
    assert.equal(wrong.isError, true);
    assert.match(wrong.text, /Input validation error/);
  });

  it('knowledge_risk gives the report as data, and what a departure would cost', async () => {
    const { json } = await tool('knowledge_risk', {});
    assert.equal(json.today, '2026-11-21');
    assert.deepEqual(json.counts, { records: 3, inForce: 2, legacy: 0 });
    assert.deepEqual(json.soleHolders.map((p: Answer) => [p.person, p.decisions.map((d: Answer) => [d.id, d.path])]), [['jonas', [['ADR-0003', 'docs/decisions/0003-use-kafka.md']]]]);
    const leaves = (await tool('knowledge_risk', { person: 'jonas' })).json;
    assert.deepEqual(leaves.loseOnlyHolder.map((r: Answer) => r.id), ['ADR-0003']);
    assert.deepEqual(leaves.loseOnlyOwner.map((r: Answer) => r.id), ['ADR-0003']);
  });

  it('lint gives the findings of records and of code files', async () => {
    const { json } = await tool('lint', { paths: ['docs/decisions/0003-use-kafka.md', 'services/events.ts', 'services/ledger/journal.ts', 'services/gone.ts'] });
    const byPath = new Map(json.files.map((f: Answer) => [f.path, f]));
    const rules = (file: string) => (byPath.get(file) as Answer).findings.map((f: Answer) => f.rule);
    // Its frontmatter's, the cross-file rules', the code rules' and the evidence rules' findings alike
    // (the scripted author of the code it governs, the one commit's, is named nowhere in it).
    assert.deepEqual(rules('docs/decisions/0003-use-kafka.md').sort(), ['frontmatter-schema', 'frontmatter-schema', 'governs-matches-nothing', 'single-point-of-knowledge', 'undeclared-knowledge-holder']);
    assert.equal((byPath.get('docs/decisions/0003-use-kafka.md') as Answer).record, true);
    assert.deepEqual(rules('services/events.ts'), ['code-cites-superseded']);
    assert.deepEqual(rules('services/ledger/journal.ts'), ['code-reference-resolves']);
    assert.equal((byPath.get('services/ledger/journal.ts') as Answer).findings[0].line, 2);
    assert.match((byPath.get('services/gone.ts') as Answer).note, /no such file/);
  });

  it('lint takes a folder as `legible lint <folder>` does: the files inside it with findings, the same findings', async () => {
    const cli = await runCli(['lint', '--today', TODAY, '--format', 'json', 'docs/decisions'], { cwd: root });
    const expected = (JSON.parse(cli.stdout) as Array<{ path: string; findings: Array<{ ruleId: string; line: number }> }>)
      .filter((file) => file.findings.length)
      .map((file) => [file.path, file.findings.map((f) => `${f.ruleId} ${f.line}`)]);
    assert.ok(expected.length >= 2, cli.stdout);
    const { json } = await tool('lint', { paths: ['docs/decisions'] });
    assert.deepEqual(json.folders, [{ path: 'docs/decisions', records: 3, withFindings: expected.length }]);
    assert.deepEqual(json.files.map((file: Answer) => [file.path, file.findings.map((f: Answer) => `${f.rule} ${f.line}`)]), expected);
  });

  it('serves each record as a resource, listed and read by its id', async () => {
    const { resourceTemplates } = await server.client.listResourceTemplates();
    assert.deepEqual(resourceTemplates.map((t) => t.uriTemplate), ['legible://decision/{id}', 'legible://decision/{id}/{path}']);
    const { resources } = await server.client.listResources();
    assert.deepEqual(resources.map((r) => [r.uri, r.title]), [
      ['legible://decision/ADR-0001', 'ADR-0001: Use PostgreSQL'],
      ['legible://decision/ADR-0002', 'ADR-0002: Use RabbitMQ'],
      ['legible://decision/ADR-0003', 'ADR-0003: Use Kafka'],
    ]);
    const read = await server.client.readResource({ uri: 'legible://decision/ADR-0002' });
    assert.equal(read.contents.length, 1);
    assert.match(('text' in read.contents[0] ? read.contents[0].text : ''), /^---\ntype: adr\ntitle: Use RabbitMQ\nstatus: superseded/);
    await assert.rejects(server.client.readResource({ uri: 'legible://decision/..%2F..%2Fetc%2Fpasswd' }), /is not a record id/);
  });

  it('without --root, serves the workspace found from the folder it starts in', async () => {
    const below = await connect(root, [], path.join(root, 'services', 'ledger'));
    try {
      const { json } = await call(below.client, 'decisions_for_path', { path: 'services/ledger/journal.ts' });
      assert.deepEqual(json.governedBy.map((g: Answer) => g.record.id), ['ADR-0001']);
    } finally {
      await below.close();
    }
  });

  it('follows a record written while it runs', async () => {
    await writeFile(path.join(root, 'docs/decisions/0004-use-redis.md'), cleanAdr('Use Redis', ['governs: [cache/**]']));
    let ids: string[] = [];
    for (let tries = 0; tries < 200 && !ids.includes('ADR-0004'); tries++) {
      ids = (await tool('list_decisions', {})).json.records.map((r: Answer) => r.id);
      if (!ids.includes('ADR-0004')) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.ok(ids.includes('ADR-0004'), `not seen: ${ids.join(', ')}`);
    const { json } = await tool('decisions_for_path', { path: 'cache/keys.ts' });
    assert.deepEqual(json.governedBy.map((g: Answer) => g.record.id), ['ADR-0004']);
    await rm(path.join(root, 'docs/decisions/0004-use-redis.md'));
  });
});

describe('legible mcp: the layers', function () {
  this.timeout(60_000);

  it('the CLI bundle carries no SDK: only `legible mcp` inflates it, from mcp-sdk.js.br', async () => {
    const cli = await buildMcp();
    const bundle = await readFile(cli, 'utf8');
    // The SDK's own classes and zod's are defined in the sidecar only; the CLI merely names them.
    for (const marker of ['class McpServer', 'class StdioServerTransport', 'class ResourceTemplate', 'class ZodError', '$ZodType']) assert.ok(!bundle.includes(marker), `dist/cli.js holds ${marker}`);
    assert.ok((await stat(path.join(path.dirname(cli), 'mcp-sdk.js.br'))).size > 0);
  });
});

describe('legible mcp: a client that goes away', function () {
  this.timeout(60_000);
  after(cleanupTemps);

  it('ends the server with exit code 0 when stdin closes, a request in flight or not', async () => {
    const cli = await buildMcp();
    const root = await repository();
    const child = spawn(process.execPath, [cli, 'mcp', '--root', root], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } };
    // A malformed line and an unknown method first: answered per protocol or ignored, never a crash.
    child.stdin.write('{"jsonrpc": "2.0", "id": 7, "method": \n');
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'no/such/method' })}\n`);
    child.stdin.write(`${JSON.stringify(initialize)}\n`);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_decisions', arguments: {} } })}\n`);
    child.stdin.end();
    assert.equal(await exited, 0);
    const answers = stdout.trim().split('\n').map((line) => JSON.parse(line) as { id?: number; error?: { code: number } });
    assert.equal(answers.find((a) => a.id === 8)?.error?.code, -32601, stdout);
    assert.ok(answers.some((a) => a.id === 1), stdout);
  });
});

describe('legible mcp: bounded answers', function () {
  this.timeout(60_000);
  let server: Connected;

  before(async () => {
    await buildMcp();
    const root = await tempDir('legible-mcp-big-');
    await mkdir(path.join(root, 'docs/decisions'), { recursive: true });
    // 400 records: their list is longer than one answer may be; one record's body is 300 KB.
    await Promise.all(
      Array.from({ length: 400 }, (_, i) => {
        const n = String(i + 1).padStart(4, '0');
        const body = i === 0 ? `## Context\n\n${'A long context line.\n'.repeat(15_000)}` : undefined;
        return writeFile(path.join(root, 'docs/decisions', `${n}-decision-${n}.md`), cleanAdr(`Decision number ${n} about a thing worth writing down`, ['tags: [bulk, generated]'], body));
      }),
    );
    server = await connect(root);
  });
  after(async () => {
    await server?.close();
    await cleanupTemps();
  });

  it('a list longer than the bound stops before it and says how many were left out', async () => {
    const answer = await tool('list_decisions', { limit: 1000 });
    assert.ok(answer.text.length <= MAX_ANSWER_CHARS, `${answer.text.length} characters`);
    assert.equal(answer.json.total, 400);
    assert.ok(answer.json.records.length < 400 && answer.json.records.length > 100, `${answer.json.records.length} records`);
    assert.match(answer.json.truncated.note, new RegExp(`^${400 - answer.json.records.length} of 400 left out by the answer's bound of`));
  });

  it('a long body is cut with a note, in the tool and in the resource', async () => {
    const answer = await tool('get_decision', { id: 'ADR-0001' });
    assert.ok(answer.text.length <= MAX_ANSWER_CHARS, `${answer.text.length} characters`);
    assert.match(answer.json.records[0].bodyTruncated, /^cut at [\d,]+ of 315,0\d\d characters/);
    const read = await server.client.readResource({ uri: 'legible://decision/ADR-0001' });
    const text = ('text' in read.contents[0] ? read.contents[0].text : '');
    assert.ok(text.length <= MAX_ANSWER_CHARS - 500, `${text.length} characters`);
    assert.match(text, /<!-- legible: cut at [\d,]+ of [\d,]+ characters -->\n$/);
  });

  function tool(name: string, args: Record<string, unknown>) {
    return call(server.client, name, args);
  }
});

describe('legible mcp: resources', function () {
  this.timeout(60_000);
  const servers = mcpServers();

  it('gives each record a URI of its own, also two that share an id; a record not there is -32002', async () => {
    const root = await tempDir('legible-mcp-resources-');
    const put = filesAt(root);
    await put('docs/decisions/0001-use-postgresql.md', cleanAdr('Use PostgreSQL'));
    await put('docs/decisions/0001-use-kafka.md', cleanAdr('Use Kafka'));
    await put('docs/decisions/0002-use-uuids.md', cleanAdr('Use UUIDs'));
    const server = await servers.connect(root);
    const { resources } = await server.client.listResources();
    const uris = resources.map((r) => r.uri);
    assert.deepEqual([...uris].sort(), [
      'legible://decision/ADR-0001/docs%2Fdecisions%2F0001-use-kafka.md',
      'legible://decision/ADR-0001/docs%2Fdecisions%2F0001-use-postgresql.md',
      'legible://decision/ADR-0002',
    ]);
    const kafka = await server.client.readResource({ uri: 'legible://decision/ADR-0001/docs%2Fdecisions%2F0001-use-kafka.md' });
    assert.deepEqual(kafka.contents.map((c) => [c.uri, 'text' in c && /title: Use Kafka/.test(c.text)]), [['legible://decision/ADR-0001/docs%2Fdecisions%2F0001-use-kafka.md', true]]);
    // The id alone reads both, as get_decision answers it, each under its own URI.
    const both = await server.client.readResource({ uri: 'legible://decision/ADR-0001' });
    assert.deepEqual(both.contents.map((c) => c.uri).sort(), uris.slice(0, 2).sort());
    const { json } = await call(server.client, 'list_decisions', {});
    assert.deepEqual(json.records.map((r: Answer) => r.uri).sort(), [...uris].sort());
    await assert.rejects(server.client.readResource({ uri: 'legible://decision/ADR-0009' }), (error: { code?: number; message: string }) => error.code === -32002 && /No record has the id ADR-0009/.test(error.message));
    await assert.rejects(server.client.readResource({ uri: 'legible://decision/ADR-0001/docs%2Fdecisions%2Fgone.md' }), (error: { code?: number }) => error.code === -32002);
    await assert.rejects(server.client.readResource({ uri: 'legible://decision/not%20an%20id' }), (error: { code?: number }) => error.code === -32602);
  });
});

describe('legible mcp: a person no record names as written', function () {
  this.timeout(60_000);
  const servers = mcpServers();

  it('list_decisions and knowledge_risk say so, with the names used, as legible report --person warns', async () => {
    const root = await tempDir('legible-mcp-person-');
    await filesAt(root)('docs/decisions/0001-use-postgresql.md', cleanAdr('Use PostgreSQL').replace('owners: [amira]', 'owners: ["Dana Okafor <dana.okafor@example.com>"]'));
    const cli = await runCli(['report', '--today', TODAY, '--person', 'Dana Okafor', '--format', 'json'], { cwd: root });
    const warned = /^legible: warning: (.*)$/m.exec(cli.stderr)?.[1];
    assert.match(warned ?? '', /^no record names "Dana Okafor"; the people named are Dana Okafor <dana\.okafor@example\.com>, /);
    const server = await servers.connect(root);
    const listed = (await call(server.client, 'list_decisions', { person: 'Dana Okafor' })).json;
    assert.equal(listed.total, 0);
    assert.equal(listed.note, warned);
    const risk = (await call(server.client, 'knowledge_risk', { person: 'Dana Okafor' })).json;
    assert.equal(risk.note, warned);
    // Named as written: no note.
    assert.equal((await call(server.client, 'list_decisions', { person: 'dana okafor <dana.okafor@example.com>' })).json.note, undefined);
  });
});

describe('legible mcp: decisions_for_path answers as legible explain', function () {
  this.timeout(60_000);
  const servers = mcpServers();

  it('on a record: the records its text cites, with their lines, as explain lists them', async () => {
    const root = await tempDir('legible-mcp-explain-');
    const put = filesAt(root);
    await put('docs/decisions/0001-use-postgresql.md', cleanAdr('Use PostgreSQL'));
    await put('docs/decisions/0002-use-kafka.md', cleanAdr('Use Kafka', [], '## Context\n\nADR-0001 chose the database.\n\n## Decision\n\nD.\n\n## Consequences\n\nAs ADR-0001 says, and ADR-0042.\n'));
    gitRepository(root);
    const record = 'docs/decisions/0002-use-kafka.md';
    const cli = await runCli(['explain', '--today', TODAY, '--format', 'json', record], { cwd: root });
    const expected = (JSON.parse(cli.stdout) as Answer[])[0];
    assert.deepEqual(expected.cites.map((c: Answer) => c.raw), ['ADR-0001', 'ADR-0042']);
    const server = await servers.connect(root);
    const { json } = await call(server.client, 'decisions_for_path', { path: record });
    assert.deepEqual(json, expected);
  });
});

describe('legible mcp: a .legible.json naming a folder that does not exist', function () {
  this.timeout(60_000);
  const servers = mcpServers();

  it('says so in every answer, as legible lint warns, and follows .legible.json as it changes', async () => {
    const root = await tempDir('legible-mcp-folders-');
    await filesAt(root)('docs/decisions/0001-use-postgresql.md', cleanAdr('Use PostgreSQL'));
    await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: ['docs/decision'] }));
    const server = await servers.connect(root);
    const listed = await call(server.client, 'list_decisions', {});
    assert.deepEqual(listed.json, { total: 0, records: [], warnings: ['.legible.json: the folder docs/decision does not exist.', 'No decisions folder is read: no record is served.'] });
    assert.deepEqual((await call(server.client, 'knowledge_risk', {})).json.warnings, listed.json.warnings);
    await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: ['docs/decisions', 'docs/rfcs'] }));
    let answer: Answer;
    for (let tries = 0; tries < 200; tries++) {
      answer = (await call(server.client, 'list_decisions', {})).json;
      if (answer.total === 1 && !answer.warnings?.[0]?.includes('could not be read')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(answer.total, 1);
    assert.deepEqual(answer.warnings, ['.legible.json: the folder docs/rfcs does not exist.']);
  });
});

describe('legible mcp --untrusted: the repository read as in VS Code\'s Restricted Mode', function () {
  this.timeout(60_000);
  after(cleanupTemps);

  it('leaves out the folders and schema extensions .legible.json names; without the flag they apply', async () => {
    // The in-host suite's Restricted Mode workspace: .legible.json names records/ and a schema extension asking for `cost-center`.
    const root = await tempDir('legible-mcp-trust-');
    await cp(path.join(__dirname, '..', '..', 'harness', 'fixtures', 'restricted-workspace'), root, { recursive: true });
    const answers = async (args: string[]) => {
      const server = await connect(root, args);
      try {
        const listed = (await call(server.client, 'list_decisions', {})).json.records.map((r: Answer) => r.path);
        const lint = await call(server.client, 'lint', { paths: listed });
        return { listed, schema: JSON.stringify(lint.json).includes('cost-center') };
      } finally {
        await server.close();
      }
    };
    assert.deepEqual(await answers([]), { listed: ['records/0001-found-through-the-configuration.md'], schema: true });
    assert.deepEqual(await answers(['--untrusted']), { listed: ['docs/decisions/0001-found-without-configuration.md'], schema: false });
  });

  it('runs no git: the code files are a walk of the folder, and the person\'s evidence says why it is missing', async () => {
    const root = await ledgerRepository();
    const git = await recordingGit();
    /** Every tool that reads code files or history, the file list's answers and the evidence's. */
    const answers = async (args: string[]) => {
      const server = await connect(root, args, undefined, { PATH: git.path });
      try {
        const governed = (await call(server.client, 'decisions_for_path', { path: 'src/ledger/a.ts' })).json.governedBy.map((g: Answer) => g.record.id);
        // Written after the start: not on the list, so matched on its own (git would be asked whether it ignores it).
        await writeFile(path.join(root, 'src', 'ledger', 'c.ts'), 'export const c = 1;\n');
        const created = (await call(server.client, 'decisions_for_path', { path: 'src/ledger/c.ts' })).json.governedBy.map((g: Answer) => g.record.id);
        await call(server.client, 'lint', { paths: [LEDGER_RECORD, 'src/ledger/a.ts'] });
        const risk = (await call(server.client, 'knowledge_risk', { person: 'amira' })).json;
        return { governed, created, evidence: risk.evidence, unavailable: risk.evidenceUnavailable };
      } finally {
        await server.close();
        await rm(path.join(root, 'src', 'ledger', 'c.ts'), { force: true });
      }
    };
    const untrusted = await answers(['--untrusted']);
    assert.deepEqual(await git.calls(), [], 'git ran untrusted');
    assert.deepEqual({ ...untrusted, unavailable: undefined }, { governed: ['ADR-0001'], created: ['ADR-0001'], evidence: undefined, unavailable: undefined });
    assert.match(untrusted.unavailable, /^git is not run in an untrusted workspace \(--untrusted\)/);
    // Trusted, the same server asks git (the recording one, which fails): the recording works.
    const trusted = await answers([]);
    assert.ok((await git.calls()).some((call) => call.includes('ls-files')), (await git.calls()).join('\n'));
    assert.deepEqual(trusted.governed, ['ADR-0001']);
    assert.equal(typeof trusted.unavailable, 'string');
  });
});
