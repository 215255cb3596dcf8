import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { renderTemplate } from '../../../src/core/templates/render-template';
import { RECORD_TYPES } from '../../../src/core/schema/schema-registry';
import { findFrontmatter } from '../../../src/core/parse/frontmatter-fence';

/** What VS Code inserts for a snippet whose tab stops are all left as they are. */
function expandSnippet(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) out += snippet[++i];
    else if (c === '$' && snippet[i + 1] === '{') {
      const colon = snippet.indexOf(':', i);
      i = colon; // the placeholder text follows; its closing brace is dropped below
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else if (c === '}') continue;
    else out += c;
  }
  return out;
}

const TITLES = ['Use PostgreSQL for the ledger', 'Fix #42: yes', '0007', 'Cut cost by $5 {now}', 'C:\\path\\to', '"quoted" and \'single\'', 'ünïcødé — 🚀'];

describe('renderTemplate', () => {
  for (const type of RECORD_TYPES) {
    for (const title of TITLES) {
      it(`${type}: the snippet inserts exactly the text, and the title reads back (${JSON.stringify(title)})`, () => {
        const rendered = renderTemplate({ type, title, date: '2026-11-21' });
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
    const { snippet } = renderTemplate({ type: 'adr', title: 'T', date: '2026-11-21' });
    const stops = [...snippet.matchAll(/\$\{(\d+):/g)].map((m) => Number(m[1]));
    assert.deepEqual(stops, stops.map((_, i) => i + 1));
    assert.ok(snippet.endsWith('$0'));
  });
});
