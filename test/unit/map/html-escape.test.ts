import * as assert from 'node:assert/strict';
import { escapeHtml, inlineAsset, jsonForScript } from '../../../src/core/text/html-escape';
import { renderReportHtml } from '../../../src/core/report/render-html';
import { decisionGraph } from '../../../src/core/map/decision-graph';
import { knowledgeRisk, whatIfLeaves } from '../../../src/core/report/knowledge-risk';
import { mapCorpus } from '../../harness/map-corpus';

const HOSTILE = ['<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>', '<!--', '"\'&\u2028\u2029'];

describe('HTML escaping', () => {
  it('escapes the five characters that can end text or an attribute', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('writes JSON for a script element with no < > & or line separators, and reads back the same value', () => {
    const value = { titles: HOSTILE };
    const text = jsonForScript(value);
    assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(text), value);
  });

  it('refuses to inline an asset that could end its element', () => {
    assert.throws(() => inlineAsset('x="</script>"', 'script'));
    assert.throws(() => inlineAsset('/* </STYLE> */', 'style'));
    assert.equal(inlineAsset('a{}', 'style'), 'a{}');
  });

  it('leaves no hostile title, name or tag unescaped anywhere in the HTML report', () => {
    const entries = mapCorpus(20, { titles: HOSTILE }).map((e, i) => (i === 5 ? { ...e, holders: [HOSTILE[0]], tags: [HOSTILE[1]] } : e));
    const report = knowledgeRisk(entries, '2026-06-01');
    const html = renderReportHtml({
      report,
      graph: decisionGraph(entries, { today: '2026-06-01', report, tradeoff: () => ({ 'reduces-risk': HOSTILE[1] }) }),
      departures: [whatIfLeaves(entries, HOSTILE[0])],
      script: 'console.log(1)',
      style: 'body{}',
      nonce: 'abc',
      href: (path) => path,
    });
    for (const hostile of HOSTILE.slice(0, 2)) assert.ok(!html.includes(hostile), hostile);
    // The two scripts and nothing else: every < in record text is escaped.
    assert.equal(html.match(/<script/g)?.length, 2);
    assert.equal(html.match(/<img/g), null);
    assert.ok(html.includes('Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;nonce-abc&#39;'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });
});
