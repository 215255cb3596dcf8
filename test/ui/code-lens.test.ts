// A code file a decision governs, opened as a developer opens it: a lens over its first line per
// governing record, the record ids it cites as links with a hover summary, and the lens opens the
// record. The example workspace's ledger is governed by ADR-0001 and ADR-0007 and cites ADR-0001.
import * as assert from 'node:assert/strict';
import { workbench } from './support/session';

const LENS = '.part.editor .contentWidgets .codelens-decoration, .part.editor .codelens-decoration';

describe('Code governed by decisions', () => {
  it('shows who governs services/payments/ledger.ts above its first line, links its citations, and opens the record', async () => {
    const ui = workbench();
    await ui.closeAllEditors();
    await ui.openFile('ledger.ts');

    const lens = ui.page.locator(LENS).first();
    await lens.waitFor({ state: 'visible' });
    await ui.page.locator(LENS).filter({ hasText: 'ADR-0007' }).first().waitFor({ state: 'visible' });
    const titles = (await lens.innerText()).replace(/\u00a0/g, ' ');
    assert.match(titles, /Governed by ADR-0001 · accepted · one-way · risk high · held by priya/, titles);
    assert.match(titles, /Governed by ADR-0007 · accepted/, titles);
    await ui.page.mouse.move(1, 450);
    await ui.screenshot('code lens over a governed file');

    // The summary comes after the link's tooltip (it reads the record's tradeoff): wait for its status.
    const hover = await ui.hoverEditorText('ADR-0001', /accepted/);
    assert.match(hover, /Use PostgreSQL as the system of record for the payments ledger/, hover);
    assert.match(hover, /accepted/, hover);
    await ui.page.keyboard.press('Escape');

    await ui.page.locator(LENS).locator('a', { hasText: 'ADR-0001' }).first().click();
    await ui.waitForActiveTab('0001-use-postgresql-as-the-system-of-record-for-the-payments-ledger.md');
    await ui.closeAllEditors();
  });
});
