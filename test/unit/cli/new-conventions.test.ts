import { strict as assert } from 'node:assert';
import { cp, mkdir, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { parse } from 'yaml';
import { buildCli, cleanupTemps, exists, REAL_WORLD, readFile, runCli, snapshot, tempDir, TODAY, writeFile } from './cli-process';

const TODAY_DIGITS = TODAY.replace(/-/g, '');

/** A repository (a `.git` folder, no configuration) whose decisions folder holds these files. */
async function repository(files: Readonly<Record<string, string>>, folder = 'docs/decisions'): Promise<string> {
  const root = await tempDir('legible-naming-');
  await mkdir(path.join(root, '.git'));
  await mkdir(path.join(root, folder), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, folder, name), text);
  return root;
}

/** `legible new`, checked to add exactly the one file it prints. */
async function create(cwd: string, args: readonly string[], root = cwd): Promise<{ printed: string; stderr: string; text: string }> {
  const before = await snapshot(root);
  const result = await runCli(['new', '--today', TODAY, '--owner', 'dana', ...args], { cwd });
  assert.equal(result.code, 0, result.stderr);
  const printed = result.stdout.trim();
  const after = await snapshot(root);
  const added = [...after.keys()].filter((key) => !before.has(key));
  assert.deepEqual(added, [path.relative(root, path.resolve(cwd, printed)).split(path.sep).join('/')], 'exactly the printed file is added');
  return { printed, stderr: result.stderr, text: await readFile(path.resolve(cwd, printed), 'utf8') };
}

const record = (title: string) => `---\ntype: adr\ntitle: ${title}\nstatus: accepted\ndate: 2020-01-01\nowners: [a]\n---\n\n# ${title}\n`;

describe('legible new: in the folder\'s own naming convention (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  const conventions: Array<[string, Record<string, string>, string]> = [
    ['NNNN-slug', { '0001-use-json.md': record('Use JSON'), '0002-drop-xml.md': record('Drop XML') }, '0003-use-kafka-for-events.md'],
    ['NN-slug', { '01-use-json.md': record('Use JSON'), '02-drop-xml.md': record('Drop XML') }, '03-use-kafka-for-events.md'],
    ['adrNNN-slug', { 'adr001-use-json.md': record('Use JSON'), 'adr014-json-config.md': record('JSON config') }, 'adr015-use-kafka-for-events.md'],
    ['NNNN_slug', { '0001_use_json.md': record('Use JSON'), '0002_drop_xml.md': record('Drop XML') }, '0003_use_kafka_for_events.md'],
    ['YYYYMMDD_slug', { '20181209_name.md': record('Name'), '20190102_drop_xml.md': record('Drop XML') }, `${TODAY_DIGITS}_use_kafka_for_events.md`],
    ['YYYYMMDD-slug', { '20200924-use-markdown.md': record('Use Markdown') }, `${TODAY_DIGITS}-use-kafka-for-events.md`],
    ['YYYY-MM-DD-slug', { '2021-03-04-use-json.md': record('Use JSON') }, `${TODAY}-use-kafka-for-events.md`],
    ['mixed, the majority', { '0001-a.md': record('A'), '0002-b.md': record('B'), 'adr003-c.md': record('C'), '20200101-d.md': record('D') }, '0004-use-kafka-for-events.md'],
  ];
  for (const [convention, files, name] of conventions) {
    it(`${convention}: ${name}`, async () => {
      const root = await repository(files);
      const { printed, text } = await create(root, ['adr', 'Use Kafka for events']);
      assert.equal(printed, `docs/decisions/${name}`);
      assert.match(text, /^---\ntype: adr\ntitle: Use Kafka for events\n/);
      // Listed and linted like its neighbours: the new name is one Legible reads as a record.
      const list = await runCli(['list', '--json', '--today', TODAY], { cwd: root });
      assert.ok((JSON.parse(list.stdout) as Array<{ path: string }>).some((entry) => entry.path === printed), list.stdout);
    });
  }

  it('two-digit real-world folder (ethersync) and date-named one (log4brains), as they ship', async () => {
    for (const [corpus, expected] of [['ethersync', '11-use-kafka-for-events.md'], ['log4brains', `${TODAY_DIGITS}-use-kafka-for-events.md`]] as const) {
      const root = await repository({});
      await cp(path.join(REAL_WORLD, corpus), path.join(root, 'docs', 'decisions'), { recursive: true });
      assert.equal((await create(root, ['adr', 'Use Kafka for events'])).printed, `docs/decisions/${expected}`, corpus);
    }
  });

  it('a second record the same day gets a name of its own; the first is untouched', async () => {
    const root = await repository({ '20200924-use-markdown.md': record('Use Markdown') });
    const first = await create(root, ['adr', 'Use Kafka']);
    const second = await create(root, ['adr', 'Use Kafka']);
    const third = await create(root, ['rfc', 'Split billing']);
    assert.deepEqual([first.printed, second.printed, third.printed], [`docs/decisions/${TODAY_DIGITS}-use-kafka.md`, `docs/decisions/${TODAY_DIGITS}-use-kafka-2.md`, `docs/decisions/${TODAY_DIGITS}-split-billing.md`]);
    assert.equal(await readFile(path.join(root, first.printed), 'utf8'), first.text);
  });

  it('"naming" in .legible.json overrides what the names say', async () => {
    const root = await repository({ '0001-use-json.md': record('Use JSON') });
    await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: [{ path: 'docs/decisions', naming: 'ADR-NNN_slug' }] }));
    assert.equal((await create(root, ['adr', 'Use Kafka'])).printed, 'docs/decisions/ADR-002_use_kafka.md');
  });

  it('a title ending in "template" is not hidden by ignore: the word is dropped, the user told, and list, lint and index see it', async () => {
    // Nothing else in the folder: whatever lint and index report comes from the new record.
    const root = await repository({ 'README.md': '# Decisions\n' });
    const made = await create(root, ['adr', 'Adopt the golden-path service template']);
    assert.equal(made.printed, 'docs/decisions/0001-adopt-the-golden-path-service.md');
    assert.equal(made.stderr, 'legible: named the record 0001-adopt-the-golden-path-service.md: 0001-adopt-the-golden-path-service-template.md is a name "ignore" hides (it would be missing from list, lint and index)\n');
    assert.equal((parse(/^---\n([\s\S]*?)\n---/.exec(made.text)![1]) as { title: string }).title, 'Adopt the golden-path service template', 'the title itself is kept');
    const lint = await runCli(['lint', '--max-warnings', '0', '--format', 'json', '--today', TODAY], { cwd: root });
    assert.equal(lint.code, 1, 'the unfilled record fails a --max-warnings 0 gate');
    assert.deepEqual((JSON.parse(lint.stdout) as Array<{ path: string }>).map((file) => file.path), [made.printed]);
    assert.equal((await runCli(['index'], { cwd: root })).code, 0);
    assert.match(await readFile(path.join(root, 'docs', 'decisions', 'README.md'), 'utf8'), /Adopt the golden-path service template/);
  });

  it('with docs/decisions and docs/rfcs, an RFC goes to docs/rfcs and an ADR to docs/decisions', async () => {
    const root = await repository({ '0001-use-json.md': record('Use JSON') });
    await mkdir(path.join(root, 'docs', 'rfcs'));
    await writeFile(path.join(root, 'docs', 'rfcs', '0007-split-billing.md'), record('Split billing').replace('type: adr', 'type: rfc'));
    assert.equal((await create(root, ['rfc', 'Shard the ledger'])).printed, 'docs/rfcs/0008-shard-the-ledger.md');
    assert.equal((await create(root, ['adr', 'Use Kafka'])).printed, 'docs/decisions/0002-use-kafka.md');
    assert.equal((await create(root, ['exit-plan', 'Hand over billing'])).printed, 'docs/decisions/0003-hand-over-billing.md');
  });

  it('a folder configured for RFCs takes them, whatever its name', async () => {
    const root = await repository({ '0001-a.md': record('A') }, 'text');
    await mkdir(path.join(root, 'docs', 'decisions'), { recursive: true });
    await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: ['docs/decisions', { path: 'text', type: 'rfc' }] }));
    assert.equal((await create(root, ['rfc', 'Shard the ledger'])).printed, 'text/0002-shard-the-ledger.md');
    assert.equal((await create(root, ['adr', 'Use Kafka'])).printed, 'docs/decisions/0001-use-kafka.md');
  });

  it('without .git or .legible.json, run inside docs or docs/decisions, never nests docs/docs', async () => {
    const proj = await tempDir('legible-nogit-');
    await mkdir(path.join(proj, 'docs'));
    const fromDocs = await create(path.join(proj, 'docs'), ['adr', 'First'], proj);
    assert.equal(fromDocs.printed, 'decisions/0001-first.md');
    const fromFolder = await create(path.join(proj, 'docs', 'decisions'), ['adr', 'Second'], proj);
    assert.equal(fromFolder.printed, '0002-second.md');
    assert.deepEqual(await readdir(path.join(proj, 'docs')), ['decisions']);
    assert.equal(await exists(path.join(proj, 'docs', 'docs')), false);
    // A folder that holds a decisions folder of its own stays the root, whatever its name.
    const other = await tempDir('legible-nogit-');
    await mkdir(path.join(other, 'docs', 'docs', 'adr'), { recursive: true });
    assert.equal((await create(path.join(other, 'docs'), ['adr', 'Nested on purpose'], other)).printed, 'docs/adr/0001-nested-on-purpose.md');
  });
});
