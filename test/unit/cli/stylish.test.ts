import assert from 'node:assert/strict';
import { formatStylish } from '../../../src/cli/formats/stylish';
import type { Finding } from '../../../src/core/rules/rule';

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };

function finding(ruleId: string, fix?: Finding['fix']): Finding {
  return { ruleId, severity: 'warning', message: `${ruleId} message`, path: '/ws/docs/decisions/0001-x.md', range: RANGE, ...(fix && { fix }) };
}

function output(findings: Finding[]) {
  return formatStylish({ files: [{ path: '/ws/docs/decisions/0001-x.md', display: 'docs/decisions/0001-x.md', kind: 'record', findings }], root: '/ws', display: (p) => p, color: false, quiet: false });
}

/** The lines after the summary: what `legible migrate` and `legible lint --fix` would settle. */
const nextSteps = (text: string) => text.slice(text.indexOf('✖')).split('\n').slice(1).filter(Boolean);

describe('lint output (stylish): the next steps under the summary', () => {
  it('names migrate for records without Legible frontmatter, and lint --fix for the findings it settles', () => {
    const text = output([finding('frontmatter-missing', { kind: 'add-frontmatter' }), finding('frontmatter-missing', { kind: 'add-frontmatter' }), finding('status-consistency', { kind: 'replace-value', pointer: '/status', suggestions: ['superseded'], safe: true })]);
    assert.deepEqual(nextSteps(text), [
      '2 records without Legible frontmatter: `legible migrate` writes it into every one, keeping the rest of each file (`--dry-run` shows the change first).',
      '1 problem can be fixed by `legible lint --fix`.',
    ]);
  });

  it('says it of one record in the singular, and nothing when neither applies', () => {
    assert.deepEqual(nextSteps(output([finding('frontmatter-missing', { kind: 'add-frontmatter' })])), ['1 record without Legible frontmatter: `legible migrate` writes it, keeping the rest of the file (`--dry-run` shows the change first).']);
    // A fix that invents something (a placeholder to answer) is the editor's, not lint --fix's.
    assert.deepEqual(nextSteps(output([finding('placeholder'), finding('frontmatter-schema', { kind: 'add-fields', pointer: '', fields: ['risk'] })])), []);
  });
});
