import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { renderTemplate } from '../../../src/core/templates/render-template';
import { RECORD_TYPES } from '../../../src/core/schema/schema-registry';
import { findFrontmatter } from '../../../src/core/parse/frontmatter-fence';

/**
 * What VS Code inserts for a snippet whose tab stops are all left as they are: a placeholder's text,
 * a choice's first element (there only `,`, `|` and `\\` are escaped), nothing for `$n`.
 */
function expandSnippet(snippet: string): string {
  let out = '';
  let i = 0;
  const escaped = (special: string): string => {
    let text = '';
    for (; i < snippet.length && !special.includes(snippet[i]); i++) text += snippet[i] === '\\' && special.includes(snippet[i + 1] ?? '') ? snippet[++i] : snippet[i];
    return text;
  };
  while (i < snippet.length) {
    const c = snippet[i];
    const stop = /^\$\{\d+([:|])/.exec(snippet.slice(i));
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[i + 1];
      i += 2;
    } else if (stop) {
      i += stop[0].length;
      if (stop[1] === ':') {
        out += escaped('}');
        i++;
      } else {
        out += escaped(',|');
        while (snippet[i] === ',') {
          i++;
          escaped(',|');
        }
        i += 2; // |}
      }
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      i++;
      while (/\d/.test(snippet[i] ?? '')) i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const ANSWERED = { 'reversibility.door': 'one-way', 'risk.level': 'high', 'risk.blast-radius': 'cross-team' };

const TITLES = ['Use PostgreSQL for the ledger', 'Fix #42: yes', '0007', 'Cut cost by $5 {now}', 'C:\\path\\to', '"quoted" and \'single\'', 'ünïcødé — 🚀'];

describe('renderTemplate', () => {
  for (const type of RECORD_TYPES) {
    for (const title of TITLES) {
      it(`${type}: the snippet inserts exactly the text, and the title reads back (${JSON.stringify(title)})`, () => {
        const rendered = renderTemplate({ type, title, date: '2026-11-21', answers: title.length % 2 ? ANSWERED : undefined });
        assert.equal(expandSnippet(rendered.snippet), rendered.text);
        const block = findFrontmatter(rendered.text);
        assert.equal(block.kind, 'closed');
        if (block.kind !== 'closed') return;
        const data = parse(rendered.text.slice(block.content.start, block.content.end), { version: '1.2' });
        assert.equal(data.title, title);
        assert.equal(data.type, type);
        assert.ok(rendered.text.includes(`\n# ${title}\n`));
      });
    }
  }

  it('numbers the tab stops in order and ends at $0', () => {
    for (const answers of [{}, ANSWERED]) {
      const { snippet } = renderTemplate({ type: 'adr', title: 'T', date: '2026-11-21', answers });
      const stops = [...snippet.matchAll(/\$\{(\d+)[:|]/g)].map((m) => Number(m[1]));
      assert.deepEqual(stops, stops.map((_, i) => i + 1));
      assert.ok(snippet.endsWith('$0'));
    }
  });
});
