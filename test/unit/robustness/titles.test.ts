import assert from 'node:assert/strict';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { createRecord } from '../../../src/core/numbering/create-record';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';
import { isInside } from '../../../src/core/port/paths';
import { RECORD_TYPES } from '../../../src/core/schema/schema-registry';
import { renderCustomTemplate, renderTemplate } from '../../../src/core/templates/render-template';
import { slugify } from '../../../src/core/templates/slug';
import { yamlString } from '../../../src/core/templates/yaml-scalar';
import { MemoryFileSystem } from '../support/memory-file-system';
import { brief, lintFiles } from '../support/workspace';
import { bounded } from './robustness-support';

/**
 * Issue 5, creating files: hostile titles yield a safe, non-empty slug (no path, no dot-dot, at most
 * 60 characters) and a title that reads back exactly through the core's own YAML parser, in the
 * built-in template, in a repository template and in the file `createRecord` writes.
 */

const LONG = `${'Decide whether the ledger stays on one database '.repeat(7)}`.slice(0, 300);
const TITLES: ReadonlyArray<[string, string | RegExp]> = [
  ['../../etc/passwd', 'etc-passwd'],
  ['Fix #42: yes', 'fix-42-yes'],
  ['0007', '0007'],
  [LONG, /^decide-whether-the-ledger-stays-on-one-database-decide$/],
  ['🚀🔥✨', 'decision'],
  ['no', 'no'],
  ['~', 'decision'],
  ['null', 'null'],
  ['- a list? [x] {y} & *z | > "q" \'s\' %', 'a-list-x-y-z-q-s'],
  ['..\\..\\Windows\\System32', 'windows-system32'],
  ['  padded  ', 'padded'],
  ['Café — déjà vu', 'cafe-deja-vu'],
];

const DATE = '2026-11-21';

function titleOf(text: string): unknown {
  return parseDecisionDocument('/ws/docs/decisions/0001-x.md', text, DEFAULT_LIMITS).data?.title;
}

describe('robustness: hostile titles', () => {
  assert.equal(LONG.length, 300);

  for (const [title, slug] of TITLES) {
    it(`${JSON.stringify(title.length > 40 ? `${title.slice(0, 40)}…` : title)} (${title.length} characters): a safe slug, and the title back exactly`, async () => {
      const made = slugify(title);
      if (typeof slug === 'string') assert.equal(made, slug);
      else assert.match(made, slug);
      assert.match(made, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words and single dashes: no path, no dot');
      assert.ok(made.length >= 1 && made.length <= 60, `${made.length} characters`);

      assert.equal(titleOf(`---\ntitle: ${yamlString(title)}\n---\n`), title, 'yamlString reads back');
      for (const type of RECORD_TYPES) {
        const { text } = renderTemplate({ type, title, date: DATE, owners: ['amira'] });
        assert.equal(titleOf(text), title, `${type}: the built-in template`);
      }
      const custom = renderCustomTemplate('---\ntype: adr\ntitle: {{title}}\ndate: {{date}}\n---\n\n# {{title}}\n', { title, date: DATE, id: '0001', type: 'adr' });
      assert.equal(titleOf(custom), title, 'a repository template');

      const fs = new MemoryFileSystem({}, { directories: ['/ws/docs/decisions'] });
      const created = (await bounded('creating the record', () => createRecord({ fs, folder: '/ws/docs/decisions', now: 0, title, render: () => renderTemplate({ type: 'adr', title, date: DATE, owners: ['amira'] }).text }))).value;
      assert.equal(created.path, `/ws/docs/decisions/0001-${made}.md`);
      assert.ok(isInside('/ws/docs/decisions', created.path));
      const written = new TextDecoder().decode(await fs.readFile(created.path));
      assert.equal(titleOf(written), title, 'the file written');
    });
  }

  it('a rendered record with any of these titles lints exactly like one titled "Plain": only its placeholders, none on the title line', async () => {
    const lint = async (title: string) => brief((await lintFiles({ 'docs/decisions/0001-x.md': renderTemplate({ type: 'adr', title, date: DATE, owners: ['amira'] }).text })).findings);
    const plain = await lint('Plain');
    assert.ok(plain.length > 0 && plain.every((f) => f.startsWith('placeholder@')) && !plain.includes('placeholder@3'), plain.join(', '));
    for (const [title] of TITLES) assert.deepEqual(await lint(title), plain, title);
  });
});
