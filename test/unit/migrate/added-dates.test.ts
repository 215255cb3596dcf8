import assert from 'node:assert/strict';
import { addedDates } from '../../../src/core/migrate/added-dates';

/** `git log -z --date=short --format=%x01%ad --name-status -M --diff-filter=AR` as git prints it, newest first. */
function log(...commits: Array<[day: string, ...entries: string[][]]>): string {
  return commits.map(([day, ...entries]) => `\x01${day}\0\n${entries.map((entry) => `${entry.join('\0')}\0`).join('')}`).join('');
}

describe('addedDates (when git first recorded each record)', () => {
  it('takes the day of the commit that added the file, following renames back, and gives none where the log does not reach an add', () => {
    const out = log(
      ['2022-05-06', ['R100', 'doc/adr/0001-a.md', 'docs/decisions/0001-a.md'], ['A', 'docs/decisions/0002-b.md']],
      ['2021-07-08', ['R087', 'docs/old.md', 'doc/adr/0001-a.md']],
      ['2021-03-04', ['A', 'docs/old.md'], ['A', 'docs/unrelated.md']],
    );
    const days = addedDates(out, ['docs/decisions/0001-a.md', 'docs/decisions/0002-b.md', 'docs/decisions/0003-never-committed.md']);
    assert.deepEqual(Object.fromEntries(days), { 'docs/decisions/0001-a.md': '2021-03-04', 'docs/decisions/0002-b.md': '2022-05-06' });
  });

  it('a file deleted and added again dates from the add that began its present history', () => {
    const out = log(['2023-01-01', ['A', 'docs/decisions/0001-a.md']], ['2020-01-01', ['A', 'docs/decisions/0001-a.md']]);
    assert.deepEqual(Object.fromEntries(addedDates(out, ['docs/decisions/0001-a.md'])), { 'docs/decisions/0001-a.md': '2023-01-01' });
  });

  it('reads names with spaces, newlines and tabs exactly, and an empty log as no dates', () => {
    const odd = 'docs/decisions/0001 a\tb\nc.md';
    assert.deepEqual(Object.fromEntries(addedDates(log(['2021-02-03', ['A', odd]]), [odd])), { [odd]: '2021-02-03' });
    assert.deepEqual(addedDates('', [odd]).size, 0);
  });
});
