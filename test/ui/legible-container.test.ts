// The Legible activity-bar container, as a user opens it.
import * as assert from 'node:assert/strict';
import { workbench } from './support/session';

describe('Legible container', () => {
  it('opens from the activity bar with the Decisions and Knowledge Risk views', async () => {
    const titles = await workbench().openContainer('Legible');
    assert.deepEqual(titles.map((title) => title.toLowerCase()), ['decisions', 'knowledge risk']);
  });
});
