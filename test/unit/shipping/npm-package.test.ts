// The npm package as a team meets it: `npm pack` from a clean clone (no dist/ until prepack builds
// it), installed into an empty project with no network, and `npx legible` run there.
import * as assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type InitializeResult, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { BUDGETS, megabytes, installedProject, npxLegible, packedTarball, readJson, REPO } from './packages';

/** What the CLI needs at run time, and the documents npm shows; nothing else. */
const EXPECTED_FILES = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/cli.js',
  'dist/languageserver.js.br',
  'dist/map-style.css',
  'dist/map.js.br',
  'dist/markdown.js.br',
  'dist/mcp-sdk.js.br',
  'dist/picomatch.js',
  'dist/re2.js',
  'dist/re2.wasm.br',
  'dist/schema-compiler.js.br',
  'dist/validators.js',
  'dist/yaml.js',
  'package.json',
  'schemas/adr.schema.json',
  'schemas/defs.schema.json',
  'schemas/evidence-report.schema.json',
  'schemas/exit-plan.schema.json',
  'schemas/legible-config.schema.json',
  'schemas/report.schema.json',
  'schemas/rfc.schema.json',
];

describe('the npm package (npm pack, npm install, npx legible)', function () {
  // One build and one install for the whole file, shared with the Action's tests.
  this.timeout(180_000);

  it('is packed from a clean clone: prepack builds dist/ before npm reads it', async () => {
    const { files, builtBefore } = await packedTarball();
    assert.equal(builtBefore, false, 'the clone had a dist/ already');
    assert.ok(files.some((file) => file.path === 'dist/cli.js'), 'the tarball has no dist/cli.js');
  });

  it('holds the CLI bundle, its sidecars, the schemas and the documents, and nothing else', async () => {
    const { files } = await packedTarball();
    assert.deepEqual(files.map((file) => file.path).sort(), EXPECTED_FILES);
  });

  it('holds no source map, no source, no test and no fixture, and no bundle points at a map', async () => {
    const { files, stage } = await packedTarball();
    assert.deepEqual(files.filter((file) => /\.map$|\.ts$|(^|\/)(src|test|examples)\//.test(file.path)), []);
    for (const file of files.filter((entry) => entry.path.endsWith('.js'))) {
      const text = await readFile(path.join(stage, file.path), 'utf8');
      assert.doesNotMatch(text, /sourceMappingURL/, `${file.path} names a source map the package does not ship`);
    }
  });

  it(`unpacks to at most ${megabytes(BUDGETS.npmUnpackedBytes)}`, async () => {
    const { unpackedSize } = await packedTarball();
    assert.ok(unpackedSize <= BUDGETS.npmUnpackedBytes, `unpacked ${unpackedSize} bytes (${megabytes(unpackedSize)}) > ${BUDGETS.npmUnpackedBytes}`);
  });

  it('installs offline into an empty project with no runtime dependency: the package alone', async () => {
    const { project } = await installedProject();
    const manifest = await readJson<{ dependencies?: object; optionalDependencies?: object; peerDependencies?: object; bin: Record<string, string> }>(path.join(project, 'node_modules', 'legible', 'package.json'));
    assert.deepEqual([manifest.dependencies, manifest.optionalDependencies, manifest.peerDependencies], [undefined, undefined, undefined]);
    assert.deepEqual((await readdir(path.join(project, 'node_modules'))).filter((name) => !name.startsWith('.')), ['legible']);
    assert.deepEqual(manifest.bin, { legible: './dist/cli.js' });
  });

  it('npx legible --version prints the package version', async () => {
    const { version } = await readJson<{ version: string }>(path.join(REPO, 'package.json'));
    const ran = await npxLegible(['--version']);
    assert.equal(ran.code, 0, ran.stderr);
    assert.equal(ran.stdout, `${version}\n`);
  });

  it('npx legible new, lint and report work in the new project', async () => {
    const { project } = await installedProject();
    const created = await npxLegible(['new', 'adr', 'Use PostgreSQL as the system of record', '--owner', 'Ada']);
    assert.equal(created.code, 0, created.stderr);
    assert.equal(created.stdout.trim(), path.join('docs', 'decisions', '0001-use-postgresql-as-the-system-of-record.md'));
    const record = await readFile(path.join(project, created.stdout.trim()), 'utf8');
    assert.match(record, /^title: Use PostgreSQL as the system of record$/m);

    // A fresh record leaves its judgment to be written: placeholders are warnings, so lint passes…
    const lint = await npxLegible(['lint', '--format', 'json']);
    assert.equal(lint.code, 0, lint.stderr);
    const findings = (JSON.parse(lint.stdout) as Array<{ findings: Array<{ ruleId: string }> }>).flatMap((file) => file.findings);
    assert.ok(findings.length > 0 && findings.every((finding) => finding.ruleId === 'placeholder'), lint.stdout);
    // …until warnings are not allowed.
    const strict = await npxLegible(['lint', '--max-warnings', '0']);
    assert.equal(strict.code, 1, strict.stdout);

    const report = await npxLegible(['report']);
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /^# Knowledge risk$/m);
    assert.match(report.stdout, /1 record/);
    // The decision map's script ships compressed (map.js.br): the HTML page inlines it inflated.
    const html = await npxLegible(['report', '--format', 'html', '--output', 'report.html']);
    assert.equal(html.code, 0, html.stderr);
    const page = await readFile(path.join(project, 'report.html'), 'utf8');
    // A phrase only the map's script holds (src/map/describe.ts): the script is in the page.
    assert.ok(page.includes('knowledge held by one person'), 'the page does not hold the map script');
  });

  it('runs the RE2 sidecar from the package: a repository pattern in .legible.json', async () => {
    const { project } = await installedProject();
    const workspace = await mkdtemp(path.join(project, 'patterns-'));
    await cp(path.join(project, 'docs'), path.join(workspace, 'docs'), { recursive: true });
    // The repository's placeholder pattern (the default's `<…>` and a title of ours) runs on RE2:
    // re2.js, inflating re2.wasm.br beside the bundle.
    await writeFile(path.join(workspace, '.legible.json'), JSON.stringify({ folders: ['docs/decisions'], placeholderPattern: '^Use Postgre(SQL)? as|^\\s*<[^>]*>\\s*$' }));
    const ran = await npxLegible(['lint', '--format', 'json'], workspace);
    assert.equal(ran.stderr, '');
    const findings = (JSON.parse(ran.stdout) as Array<{ findings: Array<{ ruleId: string; severity: string; message: string }> }>).flatMap((file) => file.findings);
    assert.equal(findings.filter((finding) => finding.ruleId === 'placeholder' && finding.message.startsWith('`title`')).length, 1, ran.stdout);
    assert.equal(ran.code, 0);
  });

  it('serves the MCP server from the package: legible mcp inflates its SDK (mcp-sdk.js.br) and answers an agent', async () => {
    const { project } = await installedProject();
    const request = (id: number, method: string, params: unknown) => `${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`;
    const input = request(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'npm-test', version: '1' } }) + request(2, 'tools/call', { name: 'decisions_for_path', arguments: { path: 'src/app.ts' } });
    const ran = await npxLegible(['mcp'], project, input);
    assert.equal(ran.stderr, '');
    assert.equal(ran.code, 0);
    const answers = ran.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: number; result: { serverInfo?: { name: string; version: string } } });
    assert.equal(answers[0].result.serverInfo?.name, 'legible');
    assert.equal(answers[0].result.serverInfo?.version, (await readJson<{ version: string }>(path.join(REPO, 'package.json'))).version);
  });

  it('runs the language server from the package: legible lsp --stdio answers initialize and pushes a record\'s diagnostics', async () => {
    const { project } = await installedProject();
    const cli = path.join(project, 'node_modules', 'legible', 'dist', 'cli.js');
    const workspace = await mkdtemp(path.join(project, 'lsp-'));
    await mkdir(path.join(workspace, 'docs', 'decisions'), { recursive: true });
    await writeFile(path.join(workspace, '.legible.json'), JSON.stringify({ folders: ['docs/decisions'] }));
    await writeFile(path.join(workspace, 'docs', 'decisions', '0001-start.md'), '---\ntype: adr\ntitle: Start\n---\n\n# Start\n');
    const child = spawn(process.execPath, [cli, 'lsp', '--stdio'], { cwd: workspace, stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
    connection.onRequest(() => null);
    connection.listen();
    try {
      const result = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {} });
      assert.equal(result.serverInfo?.name, 'legible');
      await connection.sendNotification('initialized', {});
      const diagnostics = await published;
      assert.match(diagnostics.uri, /\/docs\/decisions\/0001-start\.md$/);
      assert.ok(diagnostics.diagnostics.some((d) => d.code === 'frontmatter-schema'));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await new Promise((resolve) => child.once('exit', resolve)), 0);
    } finally {
      child.kill();
      connection.dispose();
    }
  });
});
