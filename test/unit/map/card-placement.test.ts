import { strict as assert } from 'node:assert';
import { cardPlacement, type Box } from '../../../src/map/card-placement';

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const boxOf = (at: { left: number; top: number }, size: { width: number; height: number }): Box => ({ left: at.left, top: at.top, right: at.left + size.width, bottom: at.top + size.height });

describe('map: where the hover card goes', () => {
  const card = { width: 200, height: 120 };
  const node = (left: number, top: number): Box => ({ left, top, right: left + 30, bottom: top + 30 });

  it('right of the node when there is room', () => {
    const at = cardPlacement(node(50, 50), card, { width: 800, height: 600 });
    assert.deepEqual(at, { left: 88, top: 50, fits: true });
  });

  it('left of a node near the right edge, below or above one in a narrow map, never over the node', () => {
    for (const [n, stage] of [[node(700, 50), { width: 760, height: 600 }], [node(100, 50), { width: 240, height: 600 }], [node(100, 500), { width: 240, height: 600 }]] as const) {
      const at = cardPlacement(n, card, stage);
      const placed = boxOf(at, card);
      assert.ok(!overlaps(placed, n), `the card ${JSON.stringify(placed)} covers the node ${JSON.stringify(n)} in ${JSON.stringify(stage)}`);
      assert.ok(placed.left >= 4 && placed.right <= stage.width - 4 && placed.top >= 4 && placed.bottom <= stage.height - 4, `the card ${JSON.stringify(placed)} leaves the map ${JSON.stringify(stage)}`);
    }
  });

  it('when it fits on no side, takes the side with the most room (here below) and stays inside the map', () => {
    const stage = { width: 220, height: 170 };
    assert.deepEqual(cardPlacement(node(95, 30), card, stage), { left: 16, top: 46, fits: false });
  });
});
