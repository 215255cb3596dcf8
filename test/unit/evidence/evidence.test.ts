import { strict as assert } from 'node:assert';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { degreeOfAuthorship } from '../../../src/core/evidence/authorship';
import { Evidence } from '../../../src/core/evidence/evidence';
import { defaultPeopleSettings, peopleSettings, type PeopleSettings } from '../../../src/core/evidence/evidence-settings';
import { LOG_ARGS, LOG_ARGS_WITHOUT_LINES, readGitLog } from '../../../src/core/evidence/git-log';
import { emptyHistory, foldCommit, historyFromJson, mergeHistories, type History } from '../../../src/core/evidence/history';
import { truckFactor } from '../../../src/core/evidence/truck-factor';
import { cleanupTemps } from '../cli/cli-process';
import { addCommit, gitAs, lines, scriptedRepository, type ScriptedCommit } from './history-repo';

const AMIRA = { name: 'Amira "Ami" Haddad, Jr.', email: 'amira@old.example' };
const AMIRA_NEW = { name: 'Amira Haddad', email: 'Amira@New.Example' };
const JONAS = { name: 'Jönas Ünger', email: 'jonas@example.com' };
const BO = { name: 'Bo', email: 'bo@example.com' };

/**
 * Six commits with hand-known counts:
 * a.ts  amira (creates), jonas, amira     → amira FA=1 DL=2 AC=1; jonas DL=1 AC=2
 * b.ts  amira (creates), jonas, bo (renames to lib/b.ts) → amira FA=1 DL=1 AC=2; jonas, bo DL=1 AC=2
 * c.ts  jonas (creates), jonas            → jonas FA=1 DL=2 AC=0
 * d.ts  amira (creates), jonas ×3         → amira FA=1 DL=1 AC=3; jonas DL=3 AC=1
 */
const SCRIPT: ScriptedCommit[] = [
  { ...AMIRA, date: '2026-01-10T10:00:00Z', files: { 'a.ts': lines(10), 'b.ts': lines(5), 'd.ts': lines(3) } },
  { ...JONAS, date: '2026-02-01T10:00:00Z', files: { 'a.ts': lines(9) + 'j1\nj2\n', 'd.ts': lines(3) + 'j\n' } },
  { ...AMIRA_NEW, date: '2026-03-01T10:00:00Z', files: { 'a.ts': lines(9) + 'j1\nj2\na3\n' } },
  { ...JONAS, date: '2026-04-01T10:00:00Z', files: { 'c.ts': lines(4), 'd.ts': lines(3) + 'j\nk\n' } },
  { ...JONAS, date: '2026-05-01T10:00:00Z', files: { 'c.ts': lines(4) + 'm\n', 'b.ts': lines(5) + 'n\n', 'd.ts': lines(3) + 'j\nk\nl\n' } },
  { ...BO, date: '2026-06-01T10:00:00Z', files: { 'lib/b.ts': { from: 'b.ts' } } },
];

const TODAY = '2026-07-01';

function settings(raw: Record<string, unknown> = {}): PeopleSettings {
  const problems: { pointer: string; message: string }[] = [];
  const read = peopleSettings(raw, problems);
  assert.deepEqual(problems, []);
  return read;
}

function fold(text: string, windowStart: number, maxFiles = 1000, lines = true): History {
  const history = emptyHistory(windowStart);
  for (const commit of readGitLog(text, maxFiles, lines)) foldCommit(history, commit);
  return history;
}

/** The history with every count of lines 0, as a read without line counts folds it. */
function withoutLines(history: History): History {
  const copy = JSON.parse(JSON.stringify(history)) as History;
  for (const file of Object.values(copy.files)) for (const work of Object.values(file.by)) [work.a, work.r] = [0, 0];
  return copy;
}

describe('evidence: observed knowledge from git history', function () {
  this.timeout(60_000);
  after(cleanupTemps);
  let repo: string;
  const amiraPeople = { people: { amira: { names: ['Amira Haddad'], emails: ['amira@old.example', 'amira@new.example'] } }, evidence: { since: '3 months', inactiveDays: 90 } };

  before(async () => {
    repo = await scriptedRepository(SCRIPT);
  });

  it('computes the degree of authorship as the paper defines it', () => {
    assert.equal(degreeOfAuthorship(true, 2, 1).toFixed(4), (3.293 + 1.098 + 0.328 - 0.321 * Math.log(2)).toFixed(4));
    assert.equal(degreeOfAuthorship(false, 1, 2).toFixed(4), '3.1043');
    assert.equal(degreeOfAuthorship(true, 2, 0).toFixed(3), '4.719');
  });

  it('finds the authors of each file by DOA ≥ 3.293 and ≥ 0.75 of the highest, across two emails of one person and a rename', () => {
    const people = settings(amiraPeople);
    const history = fold(gitAs(repo, undefined, ...LOG_ARGS), Evidence.windowStart(people, TODAY));
    const evidence = new Evidence(history, people, TODAY);
    // a.ts: amira 4.4965, jonas 3.1043 (below 3.293).
    assert.deepEqual(evidence.authorsOf('a.ts')?.authors, ['amira']);
    assert.equal(evidence.authorsOf('a.ts')?.doa.get('amira')?.toFixed(4), '4.4965');
    // lib/b.ts carries b.ts's history: amira 4.2023; jonas and bo 3.1043.
    assert.deepEqual(evidence.authorsOf('lib/b.ts')?.authors, ['amira']);
    assert.equal(evidence.authorsOf('b.ts'), undefined);
    assert.equal(evidence.authorsOf('lib/b.ts')?.doa.get('bo@example.com')?.toFixed(4), '3.1043');
    assert.deepEqual(evidence.authorsOf('c.ts')?.authors, ['jonas@example.com']);
    // d.ts: amira 4.110, jonas 3.5625 ≥ 3.293 and ≥ 0.75 × 4.110 = 3.0825: both.
    assert.deepEqual(evidence.authorsOf('d.ts')?.authors, ['amira', 'jonas@example.com']);
    assert.equal(evidence.authorsOf('d.ts')?.doa.get('jonas@example.com')?.toFixed(4), '3.5625');
  });

  it('gives the greedy truck factor: amira then jonas orphan all four files', () => {
    const people = settings(amiraPeople);
    const evidence = new Evidence(fold(gitAs(repo, undefined, ...LOG_ARGS), Evidence.windowStart(people, TODAY)), people, TODAY);
    // amira authors 3 files, jonas 2: without amira, a and lib/b are orphaned (2 of 4, not more
    // than half); without jonas too, all 4.
    const all = evidence.over(['a.ts', 'lib/b.ts', 'c.ts', 'd.ts']);
    assert.deepEqual([all.truckFactor.value, all.truckFactor.people], [2, ['amira', 'jonas@example.com']]);
    const three = evidence.over(['a.ts', 'lib/b.ts', 'c.ts']);
    assert.deepEqual([three.truckFactor.value, three.truckFactor.people], [1, ['amira']]);
    assert.deepEqual(truckFactor([]), { value: 0, people: [], files: 0 });
  });

  it('gives the truck factor the paper\'s way of taking authors away, whatever the lists (seeded lists, repeated names)', () => {
    // The greedy heuristic written plainly, a set per file: what the faster one must equal.
    const plain = (lists: readonly (readonly string[])[]) => {
      const files = lists.filter((list) => list.length).map((list) => new Set(list));
      const taken: string[] = [];
      let orphaned = 0;
      while (orphaned * 2 <= files.length && files.length > 0) {
        const counts = new Map<string, number>();
        for (const authors of files) for (const person of authors) counts.set(person, (counts.get(person) ?? 0) + 1);
        let top: string | undefined;
        let most = 0;
        for (const [person, count] of counts) if (count > most || (count === most && top !== undefined && person < top)) [top, most] = [person, count];
        if (top === undefined) break;
        taken.push(top);
        orphaned = files.filter((authors) => (authors.delete(top!), !authors.size)).length;
      }
      return { value: taken.length, people: taken, files: files.length };
    };
    let seed = 20261203;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const names = ['amira', 'jonas', 'bo', 'li', 'dana'];
    for (let round = 0; round < 200; round++) {
      const lists = Array.from({ length: next(30) }, () => Array.from({ length: next(4) }, () => names[next(names.length)]));
      assert.deepEqual(truckFactor(lists), plain(lists), JSON.stringify(lists));
    }
  });

  it('counts commits, lines and dates per person inside the window only', () => {
    const people = settings(amiraPeople);
    const evidence = new Evidence(fold(gitAs(repo, undefined, ...LOG_ARGS), Evidence.windowStart(people, TODAY)), people, TODAY);
    assert.equal(evidence.since, '2026-04-01');
    const all = evidence.over(['a.ts', 'lib/b.ts', 'c.ts', 'd.ts']);
    assert.deepEqual(evidence.over(['a.ts', 'lib/b.ts', 'c.ts', 'd.ts']), all, 'asked again, each commit is counted again');
    const by = new Map(all.people.map((p) => [p.name, p]));
    // jonas inside the window: C4 (c +4, d +1) and C5 (c +1, b +1, d +1), each commit once.
    assert.deepEqual(by.get('Jönas Ünger'), { person: 'jonas@example.com', name: 'Jönas Ünger', commits: 2, added: 8, removed: 0, first: '2026-04-01', last: '2026-05-01', authored: 2, share: 0.5 });
    // amira's last change is before the window: none inside it.
    assert.deepEqual(by.get('amira'), { person: 'amira', name: 'amira', commits: 0, added: 0, removed: 0, last: '2026-03-01', authored: 3, share: 0.75 });
    assert.equal(by.get('Bo')?.commits, 1);
    assert.deepEqual(all.people.map((p) => p.name), ['amira', 'Jönas Ünger', 'Bo']);
  });

  it('says who is inactive or has left, from today and `people`', () => {
    const people = settings({ ...amiraPeople, people: { ...amiraPeople.people, bo: { emails: ['bo@example.com'], left: '2026-06-15' } } });
    const evidence = new Evidence(fold(gitAs(repo, undefined, ...LOG_ARGS), Evidence.windowStart(people, TODAY)), people, TODAY);
    assert.equal(evidence.presence('amira'), 'inactive'); // 122 days > 90
    assert.equal(evidence.presence('jonas@example.com'), 'active'); // 61 days
    assert.equal(evidence.presence('bo'), 'left');
    assert.equal(evidence.presence('nobody'), 'unknown');
  });

  it('meets record names and git identities in one place: handles, names, emails, email users, teams', () => {
    const people = settings({ ...amiraPeople, teams: { payments: ['amira', 'jonas'] } });
    const evidence = new Evidence(fold(gitAs(repo, undefined, ...LOG_ARGS), 0), people, TODAY);
    assert.deepEqual(evidence.people.named('@Amira'), ['amira']);
    assert.deepEqual(evidence.people.named('amira haddad'), ['amira']);
    assert.deepEqual(evidence.people.named('jonas'), ['jonas@example.com']);
    assert.deepEqual(evidence.people.named('Jönas Ünger'), ['jonas@example.com']);
    assert.deepEqual(evidence.people.named('payments'), ['amira', 'jonas@example.com']);
    assert.deepEqual(evidence.people.named('zoe'), []);
    assert.deepEqual(evidence.people.named('Jonas U. <JONAS@example.com>'), ['jonas@example.com']);
    assert.deepEqual(evidence.people.named('Jönas Ünger <jonas@elsewhere.example>'), ['jonas@example.com']);
    assert.deepEqual(evidence.people.named('Zoe <zoe@example.com>'), []);
    // Without `people`, amira's two emails are two people (and .mailmap may join them).
    const bare = new Evidence(fold(gitAs(repo, undefined, ...LOG_ARGS), 0), defaultPeopleSettings(), TODAY);
    assert.deepEqual(bare.authorsOf('a.ts')?.authors, ['amira@old.example']);
  });

  it('honours .mailmap through git: two emails become one identity', async () => {
    const dir = await scriptedRepository(SCRIPT);
    await writeFile(path.join(dir, '.mailmap'), 'Amira Haddad <amira@new.example> <amira@old.example>\n');
    const evidence = new Evidence(fold(gitAs(dir, undefined, ...LOG_ARGS), 0), defaultPeopleSettings(), TODAY);
    assert.deepEqual(evidence.authorsOf('a.ts')?.authors, ['amira@new.example']);
    assert.equal(evidence.people.nameOf('amira@new.example'), 'Amira Haddad');
  });

  it('updates incrementally: old..HEAD folded and merged equals a full fold, renames in the new commits included', async () => {
    const people = settings(amiraPeople);
    const start = Evidence.windowStart(people, TODAY);
    const dir = await scriptedRepository(SCRIPT.slice(0, 4));
    const old = gitAs(dir, undefined, 'rev-parse', 'HEAD').trim();
    const older = fold(gitAs(dir, undefined, ...LOG_ARGS), start);
    for (const commit of SCRIPT.slice(4)) await addCommit(dir, commit);
    const newer = fold(gitAs(dir, undefined, ...LOG_ARGS, `${old}..HEAD`), start);
    const merged = JSON.parse(JSON.stringify(mergeHistories(newer, older))) as History;
    const full = fold(gitAs(dir, undefined, ...LOG_ARGS), start);
    const files = ['a.ts', 'lib/b.ts', 'c.ts', 'd.ts'];
    assert.deepEqual(new Evidence(merged, people, TODAY).over(files), new Evidence(full, people, TODAY).over(files));
    assert.equal(merged.commits, 6);
    assert.equal(merged.files['b.ts'], undefined);
  });

  it('reads names with quotes, commas and control characters, paths with newlines, binary files and renames exactly', () => {
    const text =
      '\u001e' + 'f'.repeat(40) + '\u001fA, "B"\u001fa@b.c\u001f1700000000\0' +
      '\n3\t1\tdir/new\nline.ts\0-\t-\tlogo.png\0' + '0\t0\t\0old name.ts\0\u001eodd.ts\0' +
      '\u001e' + 'e'.repeat(40) + '\u001fName\u001fwith\u001fseparator\u001fx@y.z\u001f1600000000\0';
    const commits = readGitLog(text, 1000);
    assert.deepEqual(commits, [
      {
        hash: 'f'.repeat(40),
        name: 'A, "B"',
        email: 'a@b.c',
        time: 1700000000,
        files: [
          { path: 'dir/new\nline.ts', added: 3, removed: 1 },
          { path: 'logo.png', added: 0, removed: 0, binary: true },
          { path: '\u001eodd.ts', from: 'old name.ts', added: 0, removed: 0 },
        ],
      },
      { hash: 'e'.repeat(40), name: 'Name\u001fwith\u001fseparator', email: 'x@y.z', time: 1600000000, files: [] },
    ]);
  });

  it('without line counts (affected), folds the same history but for the lines: renames, deletions, binary files and skipped commits', async () => {
    const dir = await scriptedRepository([
      ...SCRIPT,
      { ...AMIRA, date: '2026-06-10T10:00:00Z', files: { 'a.ts': null, 'logo.png': '\0\x01binary\0', 'lib/c.ts': { from: 'c.ts' } } },
      { ...JONAS, date: '2026-06-20T10:00:00Z', files: { 'logo.png': '\0\x02binary\0', 'new\tname.ts': lines(2) } },
    ]);
    for (const maxFiles of [1000, 2]) {
      const counted = fold(gitAs(dir, undefined, ...LOG_ARGS), 0, maxFiles);
      const uncounted = fold(gitAs(dir, undefined, ...LOG_ARGS_WITHOUT_LINES), 0, maxFiles, false);
      assert.deepEqual(JSON.parse(JSON.stringify(uncounted)), withoutLines(counted), `maxFilesPerCommit ${maxFiles}`);
    }
    const counted = fold(gitAs(dir, undefined, ...LOG_ARGS), 0);
    assert.ok(counted.files['lib/c.ts'] && counted.renamed['c.ts'] === 'lib/c.ts' && counted.files['logo.png'], 'the script renamed, deleted and changed a binary file');
    assert.ok(Object.values(counted.files).some((file) => Object.values(file.by).some((work) => work.a > 0)), 'lines were counted in the full read');
  });

  it('counts a commit over maxFilesPerCommit and lists it as skipped, attributing none of its files', () => {
    const history = fold(gitAs(repo, undefined, ...LOG_ARGS), 0, 2);
    assert.deepEqual(history.skipped.map((s) => [s.identity, s.files]), [
      ['jonas@example.com', 3],
      ['amira@old.example', 3],
    ]);
    assert.equal(history.commits, 6);
    assert.equal(history.files['a.ts'].changes, 2);
    assert.equal(history.files['a.ts'].creator, 'jonas@example.com');
  });

  it('reports an email named twice in `people` and keeps the first naming', () => {
    const problems: { pointer: string; message: string }[] = [];
    const read = peopleSettings({ people: { amira: { emails: ['a@x.org', 'A@x.org'] }, jonas: { emails: ['a@x.org'] } } }, problems);
    assert.deepEqual(problems.map((p) => p.pointer), ['/people/amira/emails/1', '/people/jonas/emails/0']);
    assert.match(problems[1].message, /people\.amira already names/);
    assert.deepEqual(read.people.map((p) => [p.handle, p.emails]), [['amira', ['a@x.org']], ['jonas', []]]);
  });

  it('keeps files named like Object members as files, through the cache', () => {
    const history = emptyHistory(0);
    foldCommit(history, { hash: 'a'.repeat(40), name: 'A', email: 'a@x.org', time: 100, files: [{ path: 'constructor', added: 1, removed: 0 }, { path: '__proto__', added: 2, removed: 0 }] });
    const back = (historyFromJson(JSON.stringify({ head: 'x', history })) as { history: History }).history;
    assert.deepEqual(Object.keys(back.files).sort(), ['__proto__', 'constructor']);
    assert.equal(back.files['__proto__'].by['a@x.org'].a, 2);
    foldCommit(back, { hash: 'b'.repeat(40), name: 'A', email: 'a@x.org', time: 200, files: [{ path: 'toString', added: 1, removed: 0 }] });
    assert.equal(back.files['toString'].changes, 1);
  });
});
