import assert from 'node:assert/strict';
import { completionsAt } from '../../../src/core/editor/completions';
import { governsPathItems, wantsCodeFiles } from '../../../src/core/editor/governs-values';
import { hoverAt } from '../../../src/core/editor/hover';
import { re2RegexEngine } from '../../../src/node/re2-regex-engine';
import { CURRENT, RECORDS, TODAY, cursorIn, indexOf } from './editor-support';

const index = indexOf(RECORDS);
const FILES = ['services/payments/ledger.ts', 'services/payments/events.ts', 'services/payments/fx/rates.ts', 'services/web/app.ts', 'db/ledger.sql', 'README.md'];

function complete(marked: string) {
  const { text, offset } = cursorIn(marked);
  return completionsAt(text, offset, index, { today: TODAY, path: CURRENT, codeFiles: FILES });
}

function hover(marked: string) {
  const { text, offset } = cursorIn(marked);
  return hoverAt(text, offset, index, { path: CURRENT, codeFiles: FILES, regexEngine: re2RegexEngine })?.markdown;
}

describe('governs values in the editor', () => {
  it('completes the folders and files of the folder typed so far, repository-relative, folders first and ending with /', () => {
    const top = complete('---\ntype: adr\ngoverns:\n  - |\n---\n');
    assert.deepEqual(top.map((c) => [c.label, c.kind]), [
      ['db/', 'folder'],
      ['services/', 'folder'],
      ['README.md', 'file'],
    ]);
    assert.ok(top.find((c) => c.label === 'services/')?.retrigger, 'a folder asks for its entries next');
    assert.deepEqual(complete('---\ntype: adr\ngoverns:\n  - services/payments/le|\n---\n').map((c) => c.label), ['services/payments/fx/', 'services/payments/events.ts', 'services/payments/ledger.ts']);
    assert.deepEqual(complete('---\ntype: adr\ngoverns: [services/web/, services/|]\n---\n').map((c) => c.label), ['services/payments/'], 'a listed entry is not offered again');
  });

  it('an exclusion keeps its ! (written in quotes: a plain ! starts a YAML tag)', () => {
    const items = complete('---\ntype: adr\ngoverns:\n  - services/\n  - "!services/|"\n---\n');
    assert.deepEqual(items.map((c) => c.insertText), ['!services/payments/', '!services/web/']);
  });

  it('asks for the code files only on a governs value', () => {
    assert.ok(wantsCodeFiles(...Object.values(cursorIn('---\ntype: adr\ngoverns:\n  - serv|\n---\n')) as [string, number]));
    assert.ok(!wantsCodeFiles(...Object.values(cursorIn('---\ntype: adr\nowners: [al|]\n---\n')) as [string, number]));
    assert.deepEqual(governsPathItems('./services/p', FILES).map((i) => i.value), ['services/payments/', 'services/web/'], 'the entries of the folder typed, ./ dropped (the editor filters by the rest)');
  });

  it('hover on a glob: how many files it matches and a few of them', () => {
    const markdown = hover('---\ntype: adr\ngoverns:\n  - services/pay|ments/\n---\n') ?? '';
    assert.ok(markdown.startsWith('`services/payments/` matches 3 files:'), markdown);
    assert.ok(markdown.includes('- `services/payments/ledger.ts`'));
  });

  it('hover on an exclusion: how many files it takes out of those the globs before it match; a glob matching nothing asks whether the decision holds', () => {
    const out = hover('---\ntype: adr\ngoverns:\n  - services/\n  - "!**/led|ger.ts"\n---\n');
    assert.equal(out, '`!**/ledger.ts` takes 1 file out of those the globs before it match:\n\n- `services/payments/ledger.ts`');
    assert.match(hover('---\ntype: adr\ngoverns:\n  - gone/|**\n---\n') ?? '', /matches no file of the repository: has the code moved/);
    assert.match(hover('---\ntype: adr\ngoverns:\n  - ../out|side/**\n---\n') ?? '', /may not leave the repository/);
  });
});
