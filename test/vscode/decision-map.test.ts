// Legible: Show Decision Map in a real VS Code: the page gets a graph of every indexed record, and
// a new graph when a record is created, edited or deleted (the map is live).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanAdr, cleanUp, legible, waitFor, writeFile, writeRecord } from './support';

describe('Decision map', () => {
  before(() => legible());
  afterEach(() => cleanUp());

  it('shows every indexed record and follows records as they are created, edited and deleted', async () => {
    const api = await legible();
    await api.settle();
    await vscode.commands.executeCommand('legible.showDecisionMap');
    const records = () => api.decisionMap()?.nodes.filter((node) => node.kind === 'record') ?? [];
    const sameAsIndex = () => {
      const drawn = records().map((node) => node.kind === 'record' && node.path).sort();
      const indexed = api.entries().map((entry) => entry.path).sort();
      return drawn.length > 0 && JSON.stringify(drawn) === JSON.stringify(indexed);
    };
    await waitFor('the map to show every indexed record', sameAsIndex, [api.onDidUpdateDecisionMap]);

    const uri = await writeRecord('0701-map-live.md', cleanAdr('Drawn on the map'));
    const titled = (title: string) => records().some((node) => node.kind === 'record' && node.path.endsWith('0701-map-live.md') && node.title === title);
    await waitFor('the new record on the map', () => titled('Drawn on the map'), [api.onDidUpdateDecisionMap]);

    await writeFile(uri, cleanAdr('Renamed on the map'));
    await waitFor('the edited title on the map', () => titled('Renamed on the map'), [api.onDidUpdateDecisionMap]);

    await vscode.workspace.fs.delete(uri, { useTrash: false });
    await waitFor('the deleted record gone from the map', () => !records().some((node) => node.kind === 'record' && node.path.endsWith('0701-map-live.md')) && sameAsIndex(), [api.onDidUpdateDecisionMap]);
    assert.ok(sameAsIndex());
  });
});
