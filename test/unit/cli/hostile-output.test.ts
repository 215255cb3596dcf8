/**
 * A hostile repository: file names, titles, owners and links that try to forge output. Built at
 * run time (a file name may hold a newline on Linux and macOS; Windows forbids it), then read through
 * every command that prints text. Nothing it holds may start a line of its own, reach the
 * terminal as an escape sequence, or reorder what is read (bidi controls).
 */
import { strict as assert } from 'node:assert';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { buildCli, cleanupTemps, DECISIONS, runCli, tempDir, TODAY, type RunResult } from './cli-process';

const ESC = '\u001b';
const BEL = '\u0007';
/** ESC, BEL, any other C0 but tab and LF, DEL, C1, and the bidi controls. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u;
const FORGED_NAME = '0001-x\n::error file=x.md,line=1::FORGED.md';
const SAFE_NAME = '0002-owners.md';
/** YAML double-quoted escapes: \e is ESC, \a BEL, \n a newline, \u202E the right-to-left override. */
const CLEAR = '\\e[2J';
const OSC_TITLE = '\\e]0;pwned\\a';
const FAKE_ALL_GOOD = '\\n✔ 0 problems\\n';
const RLO = '\\u202E';
/** The title of the first record, as the JSON output must give it back. */
const EXACT_TITLE = `Keep ${ESC}[2Jsettlement${ESC}]0;pwned${BEL} at one bank\n✔ 0 problems\n\u202Egnp.exe`;

function record(title: string, owner: string, extra = ''): string {
  return [
    '---',
    'type: adr',
    `title: "${title}"`,
    'status: accepted',
    'date: 2020-01-01',
    `owners: ["${owner}"]`,
    'review-by: 2021-01-01',
    `deciders: ["${owner}"]`,
    'reversibility:',
    '  door: one-way',
    '  how: Move back one currency at a time.',
    'risk:',
    '  level: critical',
    'knowledge-exit-path:',
    `  holders: ["${owner}"]`,
    `  artifacts: ["../${CLEAR}runbook${RLO}.md", "../nowhere${FAKE_ALL_GOOD}::error file=y.md,line=1::FORGED.md"]`,
    extra,
    '---',
    '',
    '# A record',
    '',
  ].join('\n');
}

async function hostileWorkspace(): Promise<string> {
  const root = await tempDir('legible-hostile-');
  await writeFile(path.join(root, '.legible.json'), JSON.stringify({ folders: [DECISIONS] }));
  await mkdir(path.join(root, DECISIONS), { recursive: true });
  await writeFile(path.join(root, DECISIONS, FORGED_NAME), record(`Keep ${CLEAR}settlement${OSC_TITLE} at one bank${FAKE_ALL_GOOD}${RLO}gnp.exe`, `mallory${CLEAR}`));
  await writeFile(path.join(root, DECISIONS, SAFE_NAME), record(`Owners ${RLO}lliw`, `eve${OSC_TITLE}${FAKE_ALL_GOOD}`));
  return root;
}

/** No control or bidi character in either stream; a line starts with `::` only as a real annotation. */
function assertUnforged(result: RunResult, what: string, annotations = false): void {
  for (const [stream, text] of [['stdout', result.stdout], ['stderr', result.stderr]] as const) {
    const bad = FORBIDDEN.exec(text);
    assert.equal(bad, null, `${what} ${stream}: U+${bad?.[0].codePointAt(0)?.toString(16)} in\n${text}`);
    for (const line of text.split('\n')) {
      if (!line.startsWith('::')) continue;
      assert.ok(annotations, `${what} ${stream}: a line starts with "::": ${line}`);
      assert.match(line, /^::(error|warning|notice) file=[^,:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=Legible [a-z-]+::/, `${what}: a forged annotation: ${line}`);
    }
    assert.ok(!/^\s*✔ 0 problems/m.test(text), `${what} ${stream}: a fake summary line`);
  }
}

describe('a hostile repository cannot forge output (process)', function () {
  this.timeout(60_000);
  before(buildCli);
  after(cleanupTemps);

  it('lint (stylish): each file name on its one line, escaped; no escape sequence, no fake summary', async () => {
    const root = await hostileWorkspace();
    const result = await runCli(['lint', '--today', TODAY], { cwd: root, env: { FORCE_COLOR: '1' } });
    assert.equal(result.code, 1, result.stderr);
    // Colours are the CLI's own: every ESC is one of its SGR codes, none comes from the repository.
    // eslint-disable-next-line no-control-regex
    const plain = result.stdout.replace(/\u001b\[\d+m/g, '');
    assertUnforged({ ...result, stdout: plain }, 'lint');
    assert.ok(plain.split('\n').includes(`${DECISIONS}/0001-x\\u000a::error file=x.md,line=1::FORGED.md`), plain);
    assert.match(plain, /\\u001b\[2Jrunbook\\u202e\.md, which does not exist/);
    assert.match(plain, /nowhere ✔ 0 problems ::error file=y\.md/, 'the newlines in a quoted link fold to spaces');
    assert.match(plain, /✖ \d+ problems/);
    const uncoloured = await runCli(['lint', '--today', TODAY], { cwd: root });
    assertUnforged(uncoloured, 'lint without colour');
    assert.equal(uncoloured.stdout, plain);
  });

  it('lint --format github: only real annotations, each on one line, the file name percent-encoded', async () => {
    const root = await hostileWorkspace();
    const result = await runCli(['lint', '--format', 'github', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 1, result.stderr);
    assertUnforged(result, 'github', true);
    const lines = result.stdout.trimEnd().split('\n');
    assert.ok(lines.length > 2 && lines.every((line) => line.startsWith('::')), result.stdout);
    const forged = lines.filter((line) => line.includes('0001-x'));
    assert.ok(forged.length, result.stdout);
    // `%`, CR, LF, `:` and `,` in the file property are encoded, so the runner reads back the real name.
    for (const line of forged) assert.ok(line.includes(`file=${DECISIONS}/0001-x%0A%3A%3Aerror file=x.md%2Cline=1%3A%3AFORGED.md,line=`), line);
    assert.ok(lines.some((line) => /::`knowledge-exit-path.artifacts` links \.\.\/nowhere%0A✔ 0 problems%0A::error file=y\.md,line=1::FORGED\.md, which/.test(line)), result.stdout);
  });

  it('list: one line per record, whatever the titles, owners and names hold', async () => {
    const root = await hostileWorkspace();
    const result = await runCli(['list', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    assertUnforged(result, 'list');
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, result.stdout);
    assert.match(lines[0], /^ADR-0001 .* Keep \\u001b\[2Jsettlement\\u001b\]0;pwned\\u0007 at one bank ✔ 0 problems \\u202egnp\.exe {2}\(docs\/decisions\/0001-x\\u000a::error file=x\.md,line=1::FORGED\.md\)$/);
    assert.match(lines[1], /^ADR-0002 .* Owners \\u202elliw {2}\(docs\/decisions\/0002-owners\.md\)$/);
  });

  it('list --json and report --format json give back the exact values, with nothing raw to print', async () => {
    const root = await hostileWorkspace();
    const list = await runCli(['list', '--json', '--today', TODAY], { cwd: root });
    assert.equal(list.code, 0, list.stderr);
    assert.equal(FORBIDDEN.exec(list.stdout), null, 'JSON escapes every control and bidi character');
    const entries = JSON.parse(list.stdout) as Array<{ title: string; path: string; owners: string[] }>;
    assert.equal(entries[0].title, EXACT_TITLE);
    assert.equal(entries[0].path, `${DECISIONS}/${FORGED_NAME}`);
    assert.deepEqual(entries[1].owners, [`eve${ESC}]0;pwned${BEL}\n✔ 0 problems`], 'exact but for the trailing newline the index trims');
    for (const format of ['json', 'sarif']) {
      const lint = await runCli(['lint', '--format', format, '--today', TODAY], { cwd: root });
      assert.equal(lint.code, 1, lint.stderr);
      assert.equal(FORBIDDEN.exec(lint.stdout), null, format);
      assert.ok(lint.stdout.includes('\\u001b[2Jrunbook\\u202e.md'), `${format}: the link as JSON escapes`);
      assert.ok(JSON.stringify(JSON.parse(lint.stdout)).includes('\\u001b[2Jrunbook\u202e.md'), `${format}: parses back to the real ESC and U+202E`);
    }
    const report = await runCli(['report', '--format', 'json', '--today', TODAY], { cwd: root });
    assert.equal(FORBIDDEN.exec(report.stdout), null);
    const data = JSON.parse(report.stdout) as { overdueReviews: Array<{ title: string }> };
    assert.ok(data.overdueReviews.some((r) => r.title === EXACT_TITLE), report.stdout);
  });

  it('report (Markdown): every record on its list line, names and links escaped', async () => {
    const root = await hostileWorkspace();
    const result = await runCli(['report', '--today', TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    assertUnforged(result, 'report');
    const items = result.stdout.split('\n').filter((line) => line.startsWith('- '));
    assert.ok(items.length >= 4, result.stdout);
    assert.ok(items.every((line) => /^- \[ADR-000[12]\]\(docs\/decisions\/(0001-x%0A%3A%3Aerror%20file%3Dx\.md%2Cline%3D1%3A%3AFORGED\.md|0002-owners\.md)\) /.test(line)), items.join('\n'));
    assert.match(result.stdout, /\n### mallory\\u001b\[2J \(1\)\n/);
    assert.match(result.stdout, /decided by eve\\u001b\]0;pwned\\u0007 ✔ 0 problems\n/);
    // Every line is one the report writes: a heading, an item, a question, a summary, or blank.
    for (const line of result.stdout.split('\n')) assert.match(line, /^(#{1,3} |- \[|_|\d+ records|> |None|$)/, line);

    const person = await runCli(['report', '--person', `mallory${ESC}[2J`, '--today', TODAY], { cwd: root });
    assert.equal(person.code, 0, person.stderr);
    assertUnforged(person, 'report --person');
    assert.match(person.stdout, /^# If mallory\\u001b\[2J left today\n/);
  });

  it('index: the table keeps one row per record, and the paths it prints are escaped', async () => {
    const root = await hostileWorkspace();
    const result = await runCli(['index'], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    assertUnforged(result, 'index');
    const readme = await readFile(path.join(root, DECISIONS, 'README.md'), 'utf8');
    assert.equal(FORBIDDEN.exec(readme), null, readme);
    const table = readme.slice(readme.indexOf('<!-- legible:index:start -->'), readme.indexOf('<!-- legible:index:end -->')).trimEnd().split('\n').slice(1);
    assert.equal(table.length, 4, readme);
    // Six cells each: every `|` in a value is escaped.
    for (const row of table) assert.equal(row.split(/(?<!\\)\|/).length, 8, row);
    assert.match(table[2], /^\| \[ADR-0001\]\(0001-x%0A%3A%3Aerror%20file%3Dx\.md%2Cline%3D1%3A%3AFORGED\.md\) \| Keep \\u001b\[2J/);
  });

  it('warnings quote repository text on one escaped line', async () => {
    const root = await hostileWorkspace();
    const result = await runCli(['report', '--person', `nobody${ESC}]0;x${BEL}\n::error::FORGED`, '--today', TODAY], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    assertUnforged(result, 'report warning');
    assert.equal(result.stderr.split('\n').filter(Boolean).length, 1, result.stderr);
    assert.match(result.stderr, /^legible: warning: no record names "nobody\\u001b\]0;x\\u0007 ::error::FORGED"; the people named are .*eve\\u001b/);
  });
});
