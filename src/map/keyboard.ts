import type { Layout } from '../core/map/layout';

/** The arrow keys' directions on screen. */
const DIRECTIONS: Record<string, readonly [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };

/** The direction of an arrow key, or undefined for any other key. */
export function arrowDirection(key: string): readonly [number, number] | undefined {
  return DIRECTIONS[key];
}

/**
 * The node an arrow key moves to from `from`: the nearest one that way, a node off the line
 * counting double its distance from it, so the move goes where the reader looks.
 */
export function nearestToward(layout: Layout, from: string, direction: readonly [number, number]): string | undefined {
  const start = layout.nodes.get(from);
  if (!start) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const [key, to] of layout.nodes) {
    const dx = to.x - start.x;
    const dy = to.y - start.y;
    const along = dx * direction[0] + dy * direction[1];
    if (key === from || along <= 0) continue;
    const score = along + 2 * Math.abs(dx * direction[1] - dy * direction[0]);
    if (score < bestScore) [best, bestScore] = [key, score];
  }
  return best;
}
