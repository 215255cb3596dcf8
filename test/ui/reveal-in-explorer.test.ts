// Reveal in Explorer from a record's context menu in the Decisions view: the Explorer opens with
// that record's file selected, its folders expanded.
import * as assert from 'node:assert/strict';
import { workbench } from './support/session';

const VIEW = 'Decisions';
const RECORD = '0005 Build an in-house FX…';

describe('Reveal in Explorer', () => {
  it('shows the record chosen in the Decisions view selected in the Explorer', async () => {
    const ui = workbench();
    await ui.closeAllEditors();
    await ui.openContainer('Legible');
    await ui.waitForTreeRow(RECORD, VIEW);
    const menu = await ui.openRowMenu(RECORD, VIEW);
    assert.ok(menu.includes('Reveal in Explorer'), menu.join(', '));
    await ui.chooseMenuItem('Reveal in Explorer');

    const selected = await ui.waitForExplorerSelection('0005-');
    assert.deepEqual(selected, ['0005-build-an-in-house-fx-rates-service.md']);
  });
});
