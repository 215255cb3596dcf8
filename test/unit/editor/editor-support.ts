import assert from 'node:assert/strict';
import { parseDecisionDocument } from '../../../src/core/document/decision-document';
import { buildEntry } from '../../../src/core/index/build-entry';
import { DecisionIndex } from '../../../src/core/index/decision-index';
import { DEFAULT_LIMITS } from '../../../src/core/parse/limits';

/** The folder the in-memory records live in, and the path of the record being edited. */
export const FOLDER = '/ws/docs/decisions';
export const CURRENT = `${FOLDER}/0009-edited-record.md`;
export const TODAY = '2026-11-21';

/** A text with one `|` marking the cursor: the text without it, and the cursor's offset. */
export function cursorIn(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0 && marked.indexOf('|', offset + 1) < 0, `exactly one | cursor marker expected in ${JSON.stringify(marked)}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** An index of the given records (`{ '0001-x.md': text }`), parsed and built the way the workspace does it. */
export function indexOf(records: Readonly<Record<string, string>>): DecisionIndex {
  const index = new DecisionIndex();
  for (const [name, text] of Object.entries(records)) index.set(buildEntry(parseDecisionDocument(`${FOLDER}/${name}`, text, DEFAULT_LIMITS), FOLDER));
  return index;
}

/** Three records of each type, and the record being edited (which completion leaves out of ids). */
export const RECORDS: Readonly<Record<string, string>> = {
  '0001-use-postgres.md': [
    '---',
    'type: adr',
    'title: Use Postgres for the ledger',
    'status: accepted',
    'date: 2026-01-05',
    'owners: [alice]',
    'deciders: [alice, bob]',
    'reversibility:',
    '  door: one-way',
    '  how: Dual-write for two sprints',
    'risk:',
    '  level: high',
    '  mitigation: Shadow traffic first',
    'tags: [storage, ledger]',
    '---',
    '',
    '# Use Postgres for the ledger',
    '',
  ].join('\n'),
  '0002-event-bus.md': ['---', 'type: rfc', 'title: An event bus for billing', 'status: draft', 'date: 2026-02-01', 'owners: [carol]', 'tags: [billing]', '---', ''].join('\n'),
  '0003-billing-queue-exit.md': [
    '---',
    'type: exit-plan',
    'title: Move the billing queue knowledge to the payments team',
    'status: planned',
    'date: 2026-03-01',
    'owners: [dave]',
    'holders: [dave]',
    'successors: [erin]',
    '---',
    '',
  ].join('\n'),
  '0009-edited-record.md': ['---', 'type: adr', 'title: The record being edited', 'status: proposed', 'date: 2026-04-01', 'owners: [zed]', '---', ''].join('\n'),
};
