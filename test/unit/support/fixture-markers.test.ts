import assert from 'node:assert/strict';
import { parseMarkers } from './fixture-markers';

const RULES = new Set(['frontmatter-schema', 'placeholder', 'duplicate-id', 'required-sections', 'frontmatter-missing']);

describe('fixture markers (the convention of test/fixtures/rules/README.md)', () => {
  it('reads YAML comments in the frontmatter and HTML comments anywhere, on their own line', () => {
    const text = ['---', 'risk:', '  level: hgh  # expect: frontmatter-schema', '---', '', '# Title <!-- expect: required-sections, required-sections -->'].join('\n');
    assert.deepEqual(parseMarkers(text, RULES), {
      expectations: [
        { line: 3, ruleId: 'frontmatter-schema', severity: undefined },
        { line: 6, ruleId: 'required-sections', severity: undefined },
        { line: 6, ruleId: 'required-sections', severity: undefined },
      ],
      problems: [],
    });
  });

  it('reads expect-line and a severity', () => {
    const text = ['---', '# expect-line 1: duplicate-id', 'x: XXX  # expect: placeholder (error)', '---', '<!-- expect-line 5: frontmatter-missing (info) -->'].join('\r\n');
    assert.deepEqual(parseMarkers(text, RULES).expectations, [
      { line: 1, ruleId: 'duplicate-id', severity: undefined },
      { line: 3, ruleId: 'placeholder', severity: 'error' },
      { line: 5, ruleId: 'frontmatter-missing', severity: 'info' },
    ]);
  });

  it('counts lines the way editors do, CR-only and CRLF included', () => {
    assert.deepEqual(parseMarkers('a\rb\r\nc <!-- expect: placeholder -->\n', RULES).expectations.map((e) => e.line), [3]);
  });

  it('takes YAML comments of an unclosed frontmatter to the end of the file', () => {
    assert.deepEqual(parseMarkers('---\ntype: adr\n# expect-line 1: frontmatter-schema\n', RULES).expectations.map((e) => e.line), [1]);
  });

  it('refuses a `# expect:` outside the frontmatter, where it would be a Markdown heading', () => {
    const { expectations, problems } = parseMarkers('# Title\n\n# expect: placeholder\n', RULES);
    assert.deepEqual(expectations, []);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /line 3: looks like a marker/);
  });

  it('reports unknown rule ids, malformed items and lines outside the file', () => {
    const text = ['<!-- expect: no-such-rule -->', '<!-- expect: placeholder (loud) -->', '<!-- expect-line 9: placeholder -->'].join('\n');
    const { expectations, problems } = parseMarkers(text, RULES);
    assert.deepEqual(expectations, []);
    assert.deepEqual(problems, [
      'line 1: "no-such-rule" is not a registered rule id',
      'line 2: "placeholder (loud)" is not "rule-id" or "rule-id (severity)"',
      'line 3: expect-line 9 is outside the file (1–3)',
    ]);
  });
});
