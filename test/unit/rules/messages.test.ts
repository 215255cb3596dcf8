import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { childFields, fieldInfo } from '../../../src/core/schema/field-info';
import { RECORD_TYPES, type RecordType } from '../../../src/core/schema/schema-registry';
import type { Finding } from '../../../src/core/rules/rule';
import { LineIndex, type Range } from '../../../src/core/text/position';
import { lintFiles } from '../support/workspace';

/**
 * Message quality: a diagnostic about a field names it (`risk.mitigation`) and asks the question
 * the schema's `description` gives it, and its range is the key (when the field is missing, the
 * parent's key) or the value (when the value is wrong). The expectations are derived from the
 * schemas, so a new field is covered without editing this file.
 */

const PATH = 'docs/decisions/0001-record.md';

const BODY: Record<RecordType, string> = {
  adr: '\n# Record\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nC.\n',
  rfc: '\n# Record\n\n## Summary\n\nS.\n\n## Motivation\n\nM.\n\n## Proposal\n\nP.\n\n## Alternatives considered\n\nA.\n\n## Rollout and reversal\n\nR.\n',
  'exit-plan': '\n# Record\n\n## Knowledge inventory\n\nK.\n\n## Transfer steps\n\nT.\n\n## Verification\n\nV.\n',
};

const DECISION = {
  title: 'Use PostgreSQL as the ledger',
  date: '2026-03-02',
  owners: ['amira'],
  reversibility: { door: 'two-way' },
  risk: { level: 'low' },
  'business-tradeoff': {
    'reduces-risk': 'Losing ledger entries.',
    'preserves-option': 'A managed database later.',
    'accepts-cost': 'Running replication.',
    'eases-later': 'Reporting from SQL.',
    'protects-outcome': 'Correct payouts.',
  },
  'knowledge-exit-path': { holders: ['amira'], successors: ['bo'], mechanisms: ['runbook'] },
};

/** A clean record of each type: the starting point every case below breaks in one place. */
function cleanRecord(type: RecordType): Record<string, unknown> {
  if (type === 'exit-plan') {
    return { type, title: 'Hand over the ledger', status: 'planned', date: '2026-03-02', owners: ['amira'], due: '2027-03-01', holders: ['amira'], successors: ['bo'], scope: 'Operating the ledger.', mechanisms: ['pairing'] };
  }
  return { type, ...structuredClone(DECISION), status: 'accepted' };
}

function file(type: RecordType, data: unknown): string {
  return `---\n${stringify(data)}---\n${BODY[type]}`;
}

async function lint(text: string): Promise<readonly Finding[]> {
  return (await lintFiles({ [PATH]: text })).findings;
}

function textAt(text: string, range: Range): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offset(range.start), lines.offset(range.end));
}

/** The first backticked dotted path in a message: `risk.mitigation`, `owners[0]`. */
function namedField(message: string): string[] | undefined {
  const match = /`([\w.[\]-]+)`/.exec(message);
  return match ? match[1].replace(/\[\d+\]/g, '').split('.') : undefined;
}

function without(data: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(data);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  delete node[path[path.length - 1]];
  return copy;
}

/** Every required field present in the clean record, as paths (`['risk', 'level']`). */
function requiredPaths(type: RecordType, data: Record<string, unknown>, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const info of childFields(type, prefix)) {
    const path = [...prefix, info.name];
    const value = data[info.name];
    if (info.required && info.name !== 'type') out.push(path);
    if (value && typeof value === 'object' && !Array.isArray(value)) out.push(...requiredPaths(type, value as Record<string, unknown>, path));
  }
  return out;
}

describe('diagnostic messages and ranges', () => {
  for (const type of RECORD_TYPES) {
    it(`${type}: the clean record of this test is clean`, async () => {
      assert.deepEqual(await lint(file(type, cleanRecord(type))), []);
    });

    it(`${type}: each missing required field names itself, asks its question, and sits on the parent key`, async () => {
      const clean = cleanRecord(type);
      const paths = requiredPaths(type, clean);
      assert.ok(paths.length >= (type === 'exit-plan' ? 9 : 13), `only ${paths.length} required fields found`);
      for (const path of paths) {
        const text = file(type, without(clean, path));
        const findings = (await lint(text)).filter((f) => f.ruleId === 'frontmatter-schema');
        const info = fieldInfo(type, path)!;
        assert.equal(findings.length, 1, `${path.join('.')}: ${findings.map((f) => f.message).join(' | ')}`);
        assert.equal(findings[0].message, `\`${path.join('.')}\` is missing. ${info.description}`);
        const parentKey = path.length > 1 ? path[path.length - 2] : '---';
        assert.equal(textAt(text, findings[0].range), parentKey, `${path.join('.')} is reported on the parent key`);
        assert.deepEqual(findings[0].fix, { kind: 'add-fields', pointer: path.length > 1 ? `/${path.slice(0, -1).join('/')}` : '', fields: [path[path.length - 1]] });
      }
    });
  }

  it('asks the conditional questions: how for one-way doors, mitigation for high risk, successors unless simplified', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ reversibility: { door: 'one-way' } }, 'reversibility.how', 'reversibility'],
      [{ risk: { level: 'high' } }, 'risk.mitigation', 'risk'],
      [{ risk: { level: 'critical' } }, 'risk.mitigation', 'risk'],
      [{ 'knowledge-exit-path': { holders: ['amira'], mechanisms: ['runbook'] } }, 'knowledge-exit-path.successors', 'knowledge-exit-path'],
      [{ status: 'superseded' }, 'superseded-by', '---'],
    ];
    for (const [change, field, anchor] of cases) {
      const text = file('adr', { ...cleanRecord('adr'), deciders: ['amira', 'bo'], ...change });
      const findings = (await lint(text)).filter((f) => f.ruleId === 'frontmatter-schema');
      const info = fieldInfo('adr', field.split('.'))!;
      assert.deepEqual(findings.map((f) => f.message), [`\`${field}\` is missing. ${info.description}`]);
      assert.match(info.description!, /\(Required|\(At least one/, `${field}: the question states its condition`);
      assert.equal(textAt(text, findings[0].range), anchor);
    }
    const simplified = file('adr', { ...cleanRecord('adr'), 'knowledge-exit-path': { holders: ['amira'], mechanisms: ['simplification'] } });
    assert.deepEqual(await lint(simplified), [], 'no successors are asked for when the mechanisms simplify the knowledge away');
    const verified = file('exit-plan', { ...cleanRecord('exit-plan'), status: 'verified' });
    assert.deepEqual((await lint(verified)).map((f) => f.message), [`\`verification\` is missing. ${fieldInfo('exit-plan', ['verification'])!.description}`]);
  });

  it('says exactly what is missing from the business tradeoff, on the business-tradeoff key', async () => {
    const text = [
      '---',
      'type: adr',
      'title: Sign merchant webhooks',
      'status: proposed',
      'date: 2026-03-02',
      'owners: [amira]',
      'reversibility:',
      '  door: two-way',
      'risk:',
      '  level: low',
      'business-tradeoff:',
      '  preserves-option: Asymmetric signatures later.',
      '  accepts-cost: Merchants store a secret.',
      '  eases-later: Rotating secrets.',
      '  protects-outcome: Trust in our webhooks.',
      'knowledge-exit-path:',
      '  holders: [amira]',
      '  successors: [bo]',
      '  mechanisms: [runbook]',
      '---',
      BODY.adr,
    ].join('\n');
    const [finding, ...rest] = await lint(text);
    assert.deepEqual(rest, []);
    assert.equal(finding.message, '`business-tradeoff.reduces-risk` is missing. What risk are we reducing?');
    assert.deepEqual(finding.range, { start: { line: 10, character: 0 }, end: { line: 10, character: 17 } });
  });

  it('offers "high" for "hgh", on the value', async () => {
    const text = file('adr', { ...cleanRecord('adr'), risk: { level: 'hgh', mitigation: 'Shadow traffic first.' } });
    const [finding, ...rest] = await lint(text);
    assert.deepEqual(rest, []);
    assert.equal(finding.message, '`risk.level` is "hgh"; expected low, medium, high or critical. Did you mean "high"? How bad would it be if this went wrong?');
    assert.equal(textAt(text, finding.range), 'hgh');
    // One word it can be: `lint --fix` may correct it unasked.
    assert.deepEqual(finding.fix, { kind: 'replace-value', pointer: '/risk/level', suggestions: ['high'], safe: true });
  });

  it('says a date in the wrong form is not YYYY-MM-DD, once, on the value', async () => {
    const text = file('adr', { ...cleanRecord('adr'), date: '21/11/2026' });
    const findings = await lint(text);
    assert.deepEqual(findings.map((f) => f.message), ['`date` is "21/11/2026", which is not a real date written YYYY-MM-DD. When was this record written? (YYYY-MM-DD)']);
    assert.equal(textAt(text, findings[0].range), '21/11/2026');
    const impossible = await lint(file('adr', { ...cleanRecord('adr'), 'review-by': '2027-02-30' }));
    assert.deepEqual(impossible.map((f) => f.message), ['`review-by` is "2027-02-30", which is not a real date written YYYY-MM-DD. When should this decision be revisited? (YYYY-MM-DD)']);
  });

  it('names the field and asks its question in every schema and placeholder finding of a badly broken record', async () => {
    const text = [
      '---',
      'type: adr',
      'title: ""',
      'status: acepted',
      'date: 2026-3-2',
      'owners: amira',
      'deciders: []',
      'review-by: <YYYY-MM-DD>',
      'supersedes: [seven]',
      'reversibility:',
      '  door: one-way',
      'risk:',
      '  level: critical',
      '  blast-radius: everyone',
      'business-tradeoff:',
      '  reduces-risk: TODO',
      '  preserves-option: <What option are we preserving?>',
      '  accepts-cost: 42',
      'knowledge-exit-path:',
      '  holders: []',
      '  successors: [bo, bo]',
      '  mechanisms: [runbook, osmosis]',
      '  due: soon',
      'tags: notalist',
      '---',
      BODY.adr,
    ].join('\n');
    const findings = (await lint(text)).filter((f) => f.ruleId === 'frontmatter-schema' || f.ruleId === 'placeholder');
    assert.ok(findings.length >= 18, `expected a finding per broken field, got ${findings.length}`);
    for (const finding of findings) {
      const path = namedField(finding.message);
      assert.ok(path, `no backticked field in: ${finding.message}`);
      const info = fieldInfo('adr', path);
      assert.ok(info?.description, `${path.join('.')} has no question in the schema`);
      assert.ok(finding.message.includes(info.description), `the question is missing from: ${finding.message}`);
      const underlined = textAt(text, finding.range);
      if (/ is missing\./.test(finding.message)) {
        assert.equal(underlined, path.length > 1 ? path[path.length - 2] : '---', `${finding.message}: on the parent key`);
        continue;
      }
      // A wrong value is underlined exactly: the text after `key:`, or one item of a flow list.
      const line = text.split('\n')[finding.range.start.line];
      const written = new RegExp(`^\\s*${path[path.length - 1]}:\\s*(.*?)\\s*$`).exec(line)?.[1];
      const item = /\[\d+\]`/.test(finding.message) && written?.startsWith('[') ? written.slice(1, -1).split(',').map((s) => s.trim()) : [];
      assert.ok(underlined === written || item.includes(underlined), `${finding.message} underlines ${JSON.stringify(underlined)}, not the value ${JSON.stringify(written)}`);
    }
    // The placeholders are placeholder findings only: their schema errors (not a date, empty) are not repeated.
    const placeholders = findings.filter((f) => f.ruleId === 'placeholder').map((f) => namedField(f.message)!.join('.'));
    assert.deepEqual(placeholders.sort(), ['business-tradeoff.preserves-option', 'business-tradeoff.reduces-risk', 'review-by']);
    const schemaFields = findings.filter((f) => f.ruleId === 'frontmatter-schema').map((f) => namedField(f.message)!.join('.'));
    assert.ok(!schemaFields.includes('review-by'), 'a placeholder review-by is not also "not a date"');
    for (const expected of ['title', 'status', 'date', 'owners', 'deciders', 'supersedes', 'reversibility.how', 'risk.mitigation', 'risk.blast-radius', 'business-tradeoff.accepts-cost', 'business-tradeoff.eases-later', 'business-tradeoff.protects-outcome', 'knowledge-exit-path.holders', 'knowledge-exit-path.successors', 'knowledge-exit-path.mechanisms', 'knowledge-exit-path.due', 'tags']) {
      assert.ok(schemaFields.includes(expected), `no finding names \`${expected}\`: ${schemaFields.join(', ')}`);
    }
  });
});
