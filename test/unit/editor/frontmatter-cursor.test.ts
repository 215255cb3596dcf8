import assert from 'node:assert/strict';
import { frontmatterCursor, type FrontmatterCursor } from '../../../src/core/editor/frontmatter-cursor';
import { cursorIn } from './editor-support';

function cursorAt(marked: string): FrontmatterCursor | undefined {
  const { text, offset } = cursorIn(marked);
  return frontmatterCursor(text, offset);
}

function must(marked: string): FrontmatterCursor {
  const cursor = cursorAt(marked);
  assert.ok(cursor, `expected a frontmatter cursor in ${JSON.stringify(marked)}`);
  return cursor;
}

/** The text a cursor's replace span covers. */
function replaced(marked: string, cursor: FrontmatterCursor): string {
  return cursorIn(marked).text.slice(cursor.replace.start, cursor.replace.end);
}

describe('frontmatterCursor', () => {
  describe('key position', () => {
    it('reads a half-typed root key, its span and the type', () => {
      const marked = '---\ntype: adr\ntit|\n---\n# Body\n';
      const cursor = must(marked);
      assert.equal(cursor.kind, 'key');
      assert.deepEqual(cursor.path, []);
      assert.equal(cursor.key, 'tit');
      assert.equal(cursor.prefix, 'tit');
      assert.equal(replaced(marked, cursor), 'tit');
      assert.deepEqual(cursor.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } });
      assert.equal(cursor.hasColon, false);
      assert.equal(cursor.recordType, 'adr');
      assert.deepEqual(cursor.keys, ['type']);
    });

    it('puts a word typed under `risk:` in the risk mapping (incomplete YAML)', () => {
      const cursor = must('---\ntype: adr\nrisk:\n  lev|\n---\n');
      assert.equal(cursor.kind, 'key');
      assert.deepEqual(cursor.path, ['risk']);
      assert.equal(cursor.prefix, 'lev');
    });

    it('reads 4-space indentation and lists the keys already in the mapping, before and after the cursor', () => {
      const cursor = must('---\ntype: adr\nknowledge-exit-path:\n    holders: [alice]\n    |\n    due: 2027-01-01\nrisk:\n  level: low\n---\n');
      assert.equal(cursor.kind, 'key');
      assert.deepEqual(cursor.path, ['knowledge-exit-path']);
      assert.deepEqual(cursor.keys, ['holders', 'due']);
      assert.equal(cursor.indentUnit, '    ');
      assert.equal(cursor.prefix, '');
    });

    it('goes back to the root on a blank line at column 0 after a mapping', () => {
      const cursor = must('---\ntype: adr\nrisk:\n  level: low\n|\n---\n');
      assert.deepEqual(cursor.path, []);
      assert.deepEqual(cursor.keys, ['type', 'risk']);
    });

    it('finds the mapping two levels up from a dedented line', () => {
      const cursor = must('---\nrisk:\n  level: low\nreversibility:\n  door: one-way\n  h|\n---\n');
      assert.deepEqual(cursor.path, ['reversibility']);
      assert.deepEqual(cursor.keys, ['door']);
    });

    it('on an existing key, covers the whole key and says a colon follows', () => {
      const marked = '---\nrisk:\n  lev|el: high\n---\n';
      const cursor = must(marked);
      assert.equal(cursor.kind, 'key');
      assert.equal(cursor.key, 'level');
      assert.equal(cursor.prefix, 'lev');
      assert.equal(cursor.hasColon, true);
      assert.equal(replaced(marked, cursor), 'level');
      assert.deepEqual(cursor.keys, [], 'the key under the cursor is not counted as present');
    });

    it('reads a quoted key', () => {
      const marked = '---\n"review-b|y": 2027-01-01\n---\n';
      const cursor = must(marked);
      assert.equal(cursor.key, 'review-by');
      assert.equal(replaced(marked, cursor), 'review-by');
    });

    it('reads the keys of a mapping inside a list item, by the item index', () => {
      const cursor = must('---\nthings:\n  - name: a\n  - name: b\n    ki|\n---\n');
      assert.equal(cursor.kind, 'key');
      assert.deepEqual(cursor.path, ['things', '1']);
      assert.deepEqual(cursor.keys, ['name']);
    });

    it('on a fresh line under a list key, reports the entries already there', () => {
      const cursor = must('---\nowners:\n  - alice\n  |\n---\n');
      assert.equal(cursor.kind, 'key');
      assert.deepEqual(cursor.path, ['owners']);
      assert.deepEqual(cursor.items, ['alice']);
    });

    it('treats a tab in the indentation as one column instead of failing', () => {
      const cursor = must('---\nrisk:\n\tlev|\n---\n');
      assert.equal(cursor.kind, 'key');
      assert.deepEqual(cursor.path, ['risk']);
      assert.equal(cursor.prefix, 'lev');
    });
  });

  describe('value position', () => {
    it('reads the value after `key: `', () => {
      const marked = '---\ntype: adr\nrisk:\n  level: hi|\n---\n';
      const cursor = must(marked);
      assert.equal(cursor.kind, 'value');
      assert.deepEqual(cursor.path, ['risk']);
      assert.equal(cursor.key, 'level');
      assert.equal(cursor.prefix, 'hi');
      assert.equal(replaced(marked, cursor), 'hi');
      assert.equal(cursor.needsSpace, false);
    });

    it('covers the whole scalar when the cursor is inside it', () => {
      const marked = '---\nstatus: acc|epted  # comment\n---\n';
      const cursor = must(marked);
      assert.equal(cursor.word, 'accepted');
      assert.equal(replaced(marked, cursor), 'accepted');
    });

    it('after a trailing colon, asks for a space before the value', () => {
      const cursor = must('---\ntype: adr\nstatus:|\n---\n');
      assert.equal(cursor.kind, 'value');
      assert.equal(cursor.key, 'status');
      assert.equal(cursor.needsSpace, true);
      assert.equal(cursor.replace.start, cursor.replace.end);
    });

    it('inside quotes, covers the text between them', () => {
      const marked = '---\nrisk:\n  "level": "hi|gh"\n---\n';
      const cursor = must(marked);
      assert.equal(cursor.quote, '"');
      assert.equal(cursor.word, 'high');
      assert.equal(replaced(marked, cursor), 'high');
    });

    it('reads a value in a `- key: value` list item', () => {
      const cursor = must('---\nthings:\n  - name: a|\n---\n');
      assert.equal(cursor.kind, 'value');
      assert.deepEqual(cursor.path, ['things', '0']);
      assert.equal(cursor.key, 'name');
    });
  });

  describe('list items', () => {
    it('reads a block item under its key, with the other entries', () => {
      const marked = '---\nowners:\n  - alice\n  - b|\n  - carol\ntitle: x\n---\n';
      const cursor = must(marked);
      assert.equal(cursor.kind, 'item');
      assert.deepEqual(cursor.path, []);
      assert.equal(cursor.key, 'owners');
      assert.equal(cursor.prefix, 'b');
      assert.deepEqual(cursor.items, ['alice', 'carol']);
      assert.equal(replaced(marked, cursor), 'b');
    });

    it('reads items written at the same indentation as their key', () => {
      const cursor = must('---\nowners:\n- alice\n- |\n---\n');
      assert.equal(cursor.kind, 'item');
      assert.equal(cursor.key, 'owners');
      assert.deepEqual(cursor.items, ['alice']);
    });

    it('reads a nested list item (mechanisms under knowledge-exit-path)', () => {
      const cursor = must('---\nknowledge-exit-path:\n  mechanisms:\n    - runbook\n    - p|\n---\n');
      assert.equal(cursor.kind, 'item');
      assert.deepEqual(cursor.path, ['knowledge-exit-path']);
      assert.equal(cursor.key, 'mechanisms');
      assert.deepEqual(cursor.items, ['runbook']);
    });

    it('reads an entry of an unclosed flow sequence', () => {
      const marked = '---\nsupersedes: [ADR-0001, 00|\n---\n';
      const cursor = must(marked);
      assert.equal(cursor.kind, 'item');
      assert.equal(cursor.flow, true);
      assert.equal(cursor.key, 'supersedes');
      assert.equal(cursor.prefix, '00');
      assert.deepEqual(cursor.items, ['ADR-0001']);
      assert.equal(replaced(marked, cursor), '00');
    });

    it('reads an entry in the middle of a closed flow sequence', () => {
      const marked = '---\nowners: [alice, b|ob, "carol"]\n---\n';
      const cursor = must(marked);
      assert.equal(cursor.word, 'bob');
      assert.deepEqual(cursor.items, ['alice', 'carol']);
      assert.equal(replaced(marked, cursor), 'bob');
    });

    it('reads an empty entry after `[` and after a comma', () => {
      assert.deepEqual(must('---\nrelated: [|]\n---\n').items, []);
      const cursor = must('---\nrelated: [0001,|]\n---\n');
      assert.equal(cursor.kind, 'item');
      assert.equal(cursor.word, '');
      assert.deepEqual(cursor.items, ['0001']);
    });

    it('follows a flow sequence over several lines', () => {
      const cursor = must('---\nknowledge-exit-path:\n  successors: [alice,\n    b|,\n    carol]\n  due: 2027-01-01\n---\n');
      assert.equal(cursor.kind, 'item');
      assert.equal(cursor.flow, true);
      assert.deepEqual(cursor.path, ['knowledge-exit-path']);
      assert.equal(cursor.key, 'successors');
      assert.deepEqual(cursor.items, ['alice', 'carol']);
    });

    it('does not read past the closing bracket', () => {
      assert.equal(cursorAt('---\nowners: [alice] |\n---\n'), undefined);
    });
  });

  describe('where nothing is offered', () => {
    const outside: Array<[string, string]> = [
      ['the body', '---\ntype: adr\n---\n# Ti|tle\n'],
      ['the opening fence', '--|-\ntype: adr\n---\n'],
      ['the closing fence line', '---\ntype: adr\n|---\n'],
      ['a file without frontmatter', '# Title\n\nSome te|xt\n'],
      ['TOML frontmatter', '+++\ntitle = "x|"\n+++\n'],
      ['a comment', '---\nrisk:\n  level: low # not su|re\n---\n'],
      ['a comment line', '---\n# a no|te\n---\n'],
      ['the continuation of a multi-line value', '---\ntitle: A long\n  tit|le\n---\n'],
      ['a blank line that continues a value', '---\ntitle: A long title\n  |\n---\n'],
      ['a folded block scalar', '---\nrisk:\n  mitigation: >\n    Shadow traf|fic\n---\n'],
      ['the indentation of a line with content', '---\nrisk:\n | level: low\n---\n'],
      ['words with spaces at key position', '---\nsome te|xt\n---\n'],
      ['a flow mapping', '---\nrisk: {level: hi|}\n---\n'],
    ];
    for (const [where, marked] of outside) {
      it(`in ${where}`, () => assert.equal(cursorAt(marked), undefined));
    }
  });

  describe('line breaks and unfinished files', () => {
    it('gives 0-based UTF-16 positions in a CRLF file', () => {
      const marked = '---\r\ntype: exit-plan\r\nstatus: pl|\r\nowners: [ü]\r\n---\r\n';
      const cursor = must(marked);
      assert.equal(cursor.kind, 'value');
      assert.equal(cursor.key, 'status');
      assert.equal(cursor.recordType, 'exit-plan');
      assert.deepEqual(cursor.range, { start: { line: 2, character: 8 }, end: { line: 2, character: 10 } });
    });

    it('reads keys of a CRLF file with an empty line under a mapping', () => {
      const cursor = must('---\r\nrisk:\r\n  level: low\r\n  |\r\n---\r\n');
      assert.deepEqual(cursor.path, ['risk']);
      assert.deepEqual(cursor.keys, ['level']);
    });

    it('reads a frontmatter whose closing fence is not written yet, up to the first heading', () => {
      assert.deepEqual(must('---\ntype: rfc\nrisk:\n  |').path, ['risk']);
      assert.equal(must('---\ntype: rfc\nsta|\n').key, 'sta');
      assert.equal(cursorAt('---\ntype: rfc\n# Heading\nsta|\n'), undefined);
    });

    it('reads past a byte order mark', () => {
      assert.equal(must('\uFEFF---\ntype: adr\nst|\n---\n').key, 'st');
    });

    it('does no work for an offset beyond the frontmatter size limit', () => {
      const text = `---\ntype: adr\n---\n${'x'.repeat(200_000)}`;
      assert.equal(frontmatterCursor(text, 150_000), undefined);
    });
  });
});
