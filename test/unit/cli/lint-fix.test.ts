import { strict as assert } from 'node:assert';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { cleanAdr } from '../support/workspace';
import { buildCli, cleanupTemps, readFile, runCli, snapshot, tempDir, TODAY, writeFile } from './cli-process';

const DIR = 'docs/decisions';

interface JsonFile {
  path: string;
  findings: Array<{ ruleId: string }>;
}

async function workspace(files: Record<string, string | Buffer>): Promise<string> {
  const root = await tempDir('legible-fix-');
  await mkdir(path.join(root, DIR), { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(root, DIR, name), content);
  return root;
}

const read = (root: string, name: string) => readFile(path.join(root, DIR, name), 'utf8');

describe('legible lint --fix (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  it('applies the fixes that invent nothing, names each file on stderr, and exits as the remaining findings say', async () => {
    const root = await workspace({
      '0001-a.md': cleanAdr('A'),
      '0002-b.md': cleanAdr('B', ['supersedes: [ADR-0001]']),
      '0003-c.md': cleanAdr('C').replace('status: accepted', 'status: acepted'),
      '0004-d.md': cleanAdr('D').replace('status: accepted', 'status: on hold'),
      '0005-e.md': cleanAdr('E').replace('owners: [amira]\n', ''),
    });
    const result = await runCli(['lint', '--fix', '--format', 'json', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 1, 'errors remain: a status to choose, an owner to name');
    assert.equal(
      result.stderr,
      [
        'legible: fixed docs/decisions/0001-a.md: Add ADR-0002 to `superseded-by` and set `status: superseded`',
        'legible: fixed docs/decisions/0003-c.md: Change to "accepted"',
        '',
      ].join('\n'),
    );
    const files = JSON.parse(result.stdout) as JsonFile[];
    assert.deepEqual(
      files.flatMap((file) => file.findings.map((finding) => `${file.path} ${finding.ruleId}`)),
      [`${DIR}/0004-d.md frontmatter-schema`, `${DIR}/0005-e.md frontmatter-schema`],
      'the printed findings are those of the fixed files',
    );
    assert.equal(await read(root, '0001-a.md'), cleanAdr('A').replace('status: accepted\n', 'status: superseded\n').replace('owners: [amira]\n', 'owners: [amira]\nsuperseded-by: [ADR-0002]\n'));
    assert.equal(await read(root, '0003-c.md'), cleanAdr('C'));
    assert.equal(await read(root, '0004-d.md'), cleanAdr('D').replace('status: accepted', 'status: on hold'), 'a word that is no typo is left for a human');
    assert.equal(await read(root, '0005-e.md'), cleanAdr('E').replace('owners: [amira]\n', ''), 'no placeholder is written');

    const again = await runCli(['lint', '--fix', '--today', TODAY], { cwd: root });
    assert.equal(again.code, 1);
    assert.equal(again.stderr, '', 'nothing left to fix');
  });

  it('exits 0 once everything is fixed, and keeps a BOM and CRLF line breaks', async () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const root = await workspace({ '0001-a.md': Buffer.concat([bom, Buffer.from(crlf(cleanAdr('A').replace('status: accepted', 'status: Accepted')))]) });
    const result = await runCli(['lint', '--fix', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stdout);
    assert.equal(result.stdout, '✔ 1 file checked, no problems\n');
    assert.equal(result.stderr, 'legible: fixed docs/decisions/0001-a.md: Change to "accepted"\n');
    assert.deepEqual(await readFile(path.join(root, DIR, '0001-a.md')), Buffer.concat([bom, Buffer.from(crlf(cleanAdr('A')))]));
  });

  it('fixes only the files it was asked about, and nothing in a clean workspace', async () => {
    const root = await workspace({
      '0001-a.md': cleanAdr('A').replace('status: accepted', 'status: acepted'),
      '0002-b.md': cleanAdr('B').replace('status: accepted', 'status: acepted'),
    });
    const one = await runCli(['lint', '--fix', `${DIR}/0002-b.md`, '--today', TODAY], { cwd: root });
    assert.equal(one.code, 0, one.stdout);
    assert.equal(one.stderr, 'legible: fixed docs/decisions/0002-b.md: Change to "accepted"\n');
    assert.equal(await read(root, '0001-a.md'), cleanAdr('A').replace('status: accepted', 'status: acepted'));

    const clean = await workspace({ '0001-a.md': cleanAdr('A') });
    const before = await snapshot(clean);
    const none = await runCli(['lint', '--fix', '--today', TODAY], { cwd: clean });
    assert.equal(none.code, 0);
    assert.equal(none.stderr, '');
    assert.deepEqual(await snapshot(clean), before);
  });

  it('says what --fix does in --help', async () => {
    const root = await tempDir('legible-fix-');
    const help = await runCli(['lint', '--help'], { cwd: root });
    assert.match(help.stdout, /\n {6}--fix +First apply the fixes that invent nothing/);
    assert.match(help.stdout, /\nFixes \(--fix\):\n {2}Only what the records already say/);
  });
});
