import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/config';
import type { DecisionDocument } from '../../../src/core/document/decision-document';
import { addLinkFix, applyEdits, fixesFor } from '../../../src/core/fixes/fixes';
import { assertFixed, CLEAN_ADR, cr, crlf, docOf, lintDocs, lines, only } from './fix-harness';

function adr(title: string, extra: string, replace: Record<string, string> = {}): string {
  let text = CLEAN_ADR.replace('title: Cache sessions in Redis', `title: ${title}`).replace('deciders: [amira, jonas]\n', `deciders: [amira, jonas]\n${extra}`);
  for (const [from, to] of Object.entries(replace)) text = text.replace(from, to);
  return text;
}

/** Lints the workspace, applies the one fix of the one status-consistency finding, lints again. */
async function fixLink(docs: DecisionDocument[], target: DecisionDocument): Promise<{ title: string; text: string }> {
  const before = await lintDocs(docs);
  const finding = only(before, 'status-consistency');
  assert.equal(finding.path, target.path);
  const actions = fixesFor(target, finding, defaultConfig());
  assert.equal(actions.length, 1);
  assert.equal(actions[0].path, target.path);
  assert.equal(actions[0].isPreferred, true);
  const text = applyEdits(target.text, actions[0].edits);
  const after = await lintDocs(docs.map((d) => (d === target ? docOf(d.path.split('/').pop()!, text) : d)));
  assertFixed(before, after, finding);
  return { title: actions[0].title, text };
}

describe('fixes: add-link', () => {
  it('adds a missing `superseded-by` key and sets the status to superseded', async () => {
    const old = docOf('0007-old.md', adr('Old', ''));
    const successor = docOf('0009-new.md', adr('New', 'supersedes: [ADR-0007]\n'));
    const { title, text } = await fixLink([old, successor], old);
    assert.equal(title, 'Add ADR-0009 to `superseded-by` and set `status: superseded`');
    assert.equal(text, old.text.replace('status: accepted', 'status: superseded').replace('deciders: [amira, jonas]\n', 'deciders: [amira, jonas]\nsuperseded-by: [ADR-0009]\n'));
  });

  it('appends to a block list at its items\' indentation (four spaces)', async () => {
    const old = docOf('0007-old.md', adr('Old', 'superseded-by:\n    - ADR-0008\n', { 'status: accepted': 'status: superseded' }));
    const middle = docOf('0008-middle.md', adr('Middle', 'supersedes: [ADR-0007]\n'));
    const successor = docOf('0009-new.md', adr('New', 'supersedes: [ADR-0007]\n'));
    const { title, text } = await fixLink([old, middle, successor], old);
    assert.equal(title, 'Add ADR-0009 to `superseded-by`');
    assert.equal(text, old.text.replace('    - ADR-0008\n', '    - ADR-0008\n    - ADR-0009\n'));
  });

  it('appends to a flow list', async () => {
    const old = docOf('0007-old.md', adr('Old', 'superseded-by: [ADR-0008]\n', { 'status: accepted': 'status: superseded' }));
    const middle = docOf('0008-middle.md', adr('Middle', 'supersedes: [ADR-0007]\n'));
    const successor = docOf('0009-new.md', adr('New', 'supersedes: [ADR-0007]\n'));
    const { text } = await fixLink([old, middle, successor], old);
    assert.equal(text, old.text.replace('superseded-by: [ADR-0008]', 'superseded-by: [ADR-0008, ADR-0009]'));
  });

  it('appends to a flow list that spans lines, keeping a trailing comma', () => {
    const text = lines('---', 'type: adr', 'status: superseded', 'superseded-by: [', '  ADR-0008,', ']', '---', '');
    const action = addLinkFix(docOf('0007-old.md', text), 'superseded-by', 'ADR-0009')!;
    assert.equal(applyEdits(text, action.edits), text.replace('  ADR-0008,', '  ADR-0008, ADR-0009,'));
  });

  it('turns a single value into a list', async () => {
    const old = docOf('0007-old.md', adr('Old', 'superseded-by: ADR-0008\n', { 'status: accepted': 'status: superseded' }));
    const middle = docOf('0008-middle.md', adr('Middle', 'supersedes: [ADR-0007]\n'));
    const successor = docOf('0009-new.md', adr('New', 'supersedes: [ADR-0007]\n'));
    const before = await lintDocs([old, middle, successor]);
    const finding = only(before, 'status-consistency');
    const [action] = fixesFor(old, finding, defaultConfig());
    const text = applyEdits(old.text, action.edits);
    assert.equal(text, old.text.replace('superseded-by: ADR-0008', 'superseded-by: [ADR-0008, ADR-0009]'));
    // The single value was also a schema error (a list is expected): the fix mends that too.
    const after = await lintDocs([docOf('0007-old.md', text), middle, successor]);
    assert.deepEqual(after.filter((f) => f.severity === 'error').map((f) => f.ruleId), []);
  });

  it('writes a list for a key with no value', () => {
    const text = lines('---', 'type: adr', 'status: superseded', 'superseded-by:', 'date: 2026-03-02', '---', '');
    const action = addLinkFix(docOf('0007-old.md', text), 'superseded-by', 'ADR-0009')!;
    assert.equal(applyEdits(text, action.edits), text.replace('superseded-by:\n', 'superseded-by: [ADR-0009]\n'));
  });

  it('adds the predecessor to `supersedes` of the successor, leaving its status alone', async () => {
    const old = docOf('0007-old.md', adr('Old', 'superseded-by: [ADR-0009]\n', { 'status: accepted': 'status: superseded' }));
    const successor = docOf('0009-new.md', adr('New', '', { 'deciders: [amira, jonas]\n': 'deciders: [amira, jonas]\nrelated: [ADR-0007]\n' }));
    const { title, text } = await fixLink([old, successor], successor);
    assert.equal(title, 'Add ADR-0007 to `supersedes`');
    assert.equal(text, successor.text.replace('deciders: [amira, jonas]\n', 'deciders: [amira, jonas]\nsupersedes: [ADR-0007]\n'));
  });

  it('keeps CRLF line endings', async () => {
    const old = docOf('0007-old.md', crlf(adr('Old', 'superseded-by:\n  - ADR-0008\n', { 'status: accepted': 'status: superseded' })));
    const middle = docOf('0008-middle.md', adr('Middle', 'supersedes: [ADR-0007]\n'));
    const successor = docOf('0009-new.md', adr('New', 'supersedes: [ADR-0007]\n'));
    const { text } = await fixLink([old, middle, successor], old);
    assert.equal(text, old.text.replace('  - ADR-0008\r\n', '  - ADR-0008\r\n  - ADR-0009\r\n'));
  });

  it('keeps CR-only line endings', async () => {
    const old = docOf('0007-old.md', cr(adr('Old', '')));
    const successor = docOf('0009-new.md', adr('New', 'supersedes: [ADR-0007]\n'));
    const { text } = await fixLink([old, successor], old);
    assert.equal(text, old.text.replace('status: accepted', 'status: superseded').replace('deciders: [amira, jonas]\r', 'deciders: [amira, jonas]\rsuperseded-by: [ADR-0009]\r'));
  });

  it('edits the record the fix names: fixesFor gives nothing for another document, addLinkFix does', async () => {
    const old = docOf('0007-old.md', adr('Old', ''));
    const successor = docOf('0009-new.md', adr('New', 'supersedes: [ADR-0007]\n'));
    const finding = only(await lintDocs([old, successor]), 'status-consistency');
    assert.deepEqual(fixesFor(successor, finding, defaultConfig()), []);
    const action = addLinkFix(old, 'superseded-by', 'ADR-0009')!;
    assert.equal(action.path, old.path);
    assert.ok(applyEdits(old.text, action.edits).includes('superseded-by: [ADR-0009]\n'));
  });

  it('only sets the status when the list already names the id', () => {
    const text = lines('---', 'type: adr', 'status: accepted', 'superseded-by: [9]', '---', '');
    const action = addLinkFix(docOf('0007-old.md', text), 'superseded-by', 'ADR-0009')!;
    assert.equal(action.title, 'Set `status: superseded`');
    assert.equal(applyEdits(text, action.edits), text.replace('accepted', 'superseded'));
    assert.equal(addLinkFix(docOf('0007-old.md', text.replace('accepted', 'superseded')), 'superseded-by', 'ADR-0009'), undefined);
  });

  it('leaves an exit plan\'s status alone: it has no superseded status', () => {
    const text = lines('---', 'type: exit-plan', 'status: planned', '---', '');
    const action = addLinkFix(docOf('0012-plan.md', text), 'superseded-by', 'EXIT-0013')!;
    assert.equal(applyEdits(text, action.edits), text.replace('status: planned\n', 'status: planned\nsuperseded-by: [EXIT-0013]\n'));
  });

  it('offers no fix for a list it cannot extend cleanly', () => {
    const nested = lines('---', 'type: adr', 'status: superseded', 'superseded-by:', '  - - ADR-0008', '---', '');
    assert.equal(addLinkFix(docOf('0007-old.md', nested), 'superseded-by', 'ADR-0009'), undefined);
    const mapping = lines('---', 'type: adr', 'status: superseded', 'superseded-by: {id: ADR-0008}', '---', '');
    assert.equal(addLinkFix(docOf('0007-old.md', mapping), 'superseded-by', 'ADR-0009'), undefined);
    const legacy = lines('# Old', '', '## Status', '', 'Accepted', '');
    assert.equal(addLinkFix(docOf('0007-old.md', legacy), 'superseded-by', 'ADR-0009'), undefined);
  });
});
