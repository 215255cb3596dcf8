// The map's arrow keys (src/map/keyboard.ts): each moves to the nearest node that way, a node off
// the line counting double its distance from it.
import * as assert from 'node:assert/strict';
import { arrowDirection, nearestToward } from '../../../src/map/keyboard';
import type { Layout, Placed } from '../../../src/core/map/layout';

function layoutOf(points: Record<string, [number, number]>): Layout {
  const nodes = new Map<string, Placed>(Object.entries(points).map(([key, [x, y]]) => [key, { x, y, r: 7 }]));
  const xs = [...nodes.values()].map((p) => p.x);
  const ys = [...nodes.values()].map((p) => p.y);
  return { nodes, minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

describe('map keyboard: arrow keys between nodes', () => {
  const layout = layoutOf({ centre: [0, 0], right: [100, 0], farRight: [200, 0], rightBelow: [60, 50], up: [0, -80], left: [-30, 0] });

  it('knows the four arrows and nothing else', () => {
    assert.deepEqual(arrowDirection('ArrowRight'), [1, 0]);
    assert.deepEqual(arrowDirection('ArrowUp'), [0, -1]);
    assert.equal(arrowDirection('Enter'), undefined);
  });

  it('moves to the nearest node that way, preferring one on the line to a nearer one off it', () => {
    // rightBelow is nearer (60 along) but 50 off the line: 60 + 2 × 50 = 160 > 100.
    assert.equal(nearestToward(layout, 'centre', [1, 0]), 'right');
    assert.equal(nearestToward(layout, 'right', [1, 0]), 'farRight');
    assert.equal(nearestToward(layout, 'centre', [0, -1]), 'up');
    assert.equal(nearestToward(layout, 'centre', [-1, 0]), 'left');
    assert.equal(nearestToward(layout, 'centre', [0, 1]), 'rightBelow');
  });

  it('stays put at the edge, and from a node that is not drawn', () => {
    assert.equal(nearestToward(layout, 'farRight', [1, 0]), undefined);
    assert.equal(nearestToward(layout, 'gone', [1, 0]), undefined);
  });
});
