// Records from real decision folders (test/fixtures/real-world) dropped into the workspace: the
// Decisions view must read them as the CLI does — an RFC with header bullets under RFCs with its
// feature name or file name as title, MADR after an SPDX comment with its status, a log4brains
// record superseded by a date-named one.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cleanUp, legible, waitFor, writeRecord } from './support';

// The bundle runs from out/test/vscode: the repository is three folders up.
const CORPUS = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'real-world');

function corpusText(folder: string, file: string): string {
  return readFileSync(path.join(CORPUS, folder, file), 'utf8');
}

describe('Views: legacy records from real folders', () => {
  before(() => legible());
  afterEach(async () => {
    await vscode.commands.executeCommand('legible.groupBy', 'type');
    await cleanUp();
  });

  it('shows RFC header-bullet records as RFCs with their titles, and MADR and log4brains records with their statuses', async () => {
    await writeRecord('0179-and-mut-patterns.md', corpusText('rust-rfcs', '0179-and-mut-patterns.md'));
    await writeRecord('1119-result-expect.md', corpusText('rust-rfcs', '1119-result-expect.md'));
    await writeRecord('07-cursor-positions.md', corpusText('ethersync', '07-cursor-positions.md'));
    await writeRecord('20200926-use-the-adr-number-as-its-unique-id.md', corpusText('log4brains', '20200926-use-the-adr-number-as-its-unique-id.md'));
    const api = await legible();
    const rows = await waitFor('the legacy records in the Decisions view', async () => {
      await api.settle();
      const current = (await api.treeSnapshot()).decisions;
      return current.some((row) => row.includes('Use the ADR number as…')) ? current : undefined;
    }, [api.onDidChange]);
    const rfcs = rows.slice(rows.findIndex((row) => row.startsWith('RFCs')));
    assert.ok(rfcs.some((row) => /^ {4}0179 And mut patterns\b/.test(row)), rows.join('\n'));
    assert.ok(rfcs.some((row) => /^ {4}1119 result_expect\b/.test(row)), rows.join('\n'));
    const adrs = rows.slice(0, rows.findIndex((row) => row.startsWith('RFCs')));
    const supersededAt = adrs.findIndex((row) => row.trim().startsWith('superseded'));
    assert.ok(supersededAt >= 0, rows.join('\n'));
    const superseded = adrs.slice(supersededAt + 1).filter((row) => row.startsWith('    '));
    // Rows show the id and the start of the title: "How do we transmit cursor positions?", "Use the ADR number as its unique ID".
    assert.ok(superseded.some((row) => row.includes('How do we transmit…')), rows.join('\n'));
    assert.ok(superseded.some((row) => row.includes('Use the ADR number as…')), rows.join('\n'));
    const entry = api.entries().find((e) => e.path.endsWith('/0179-and-mut-patterns.md'));
    assert.deepEqual([entry?.type, entry?.date, entry?.legacy], ['rfc', '2014-07-23', 'rfc']);

    // Knowledge Risk cannot judge a record without Legible frontmatter: its empty sections say so
    // ("not assessed", with how many were), never a bare "none".
    const risk = (await api.treeSnapshot()).knowledgeRisk;
    const sections = risk.filter((row) => !row.startsWith(' '));
    assert.equal(sections.length, 4, risk.join('\n'));
    for (const row of sections.filter((r) => !/ — \d+$/.test(r))) assert.match(row, / — (?:not assessed|none of \d+ · 4 not assessed)$/, risk.join('\n'));
  });
});
