import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { ViewEdge, ViewNode } from './map-view';

/** Where a node sits (its centre) and how big it is drawn. */
export interface Placed {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

export interface Layout {
  readonly nodes: Map<string, Placed>;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** A node's radius: records grow with their weight (risk, blast radius), groups with their count. */
export function radiusOf(node: ViewNode): number {
  if (node.kind === 'person') return 14;
  if (node.kind === 'group') return 24 + Math.min(40, Math.log10(node.count + 1) * 14);
  return 7 + node.weight * 3;
}

interface Body extends SimulationNodeDatum {
  readonly key: string;
  readonly r: number;
}

/** Ticks of the simulation: enough to untangle from the seeded start, few enough for 1,000 records in well under a second. */
const ticksFor = (nodes: number) => (nodes <= 300 ? 250 : nodes <= 600 ? 80 : 45);

/**
 * Force layout (d3-force): people pull the records they hold, succeed and own around them, linked
 * records stay near each other, and every node keeps its room. Seeded, not random: people on a
 * circle, each record near the people it names, so the same index gives the same picture and few
 * ticks are needed. (dagre's layered layout took 7 s for 1,000 records and 158 s with their people.)
 */
export function layoutView(nodes: readonly ViewNode[], edges: readonly ViewEdge[]): Layout {
  const people = nodes.filter((node) => node.kind === 'person');
  const ring = Math.max(200, Math.sqrt(nodes.length) * 40);
  const seeds = new Map<string, { x: number; y: number }>();
  people.forEach((person, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, people.length);
    seeds.set(person.key, { x: Math.cos(angle) * ring, y: Math.sin(angle) * ring });
  });
  const around = new Map<string, string[]>();
  for (const edge of edges) if (seeds.has(edge.from)) around.set(edge.to, [...(around.get(edge.to) ?? []), edge.from]);
  const bodies: Body[] = nodes.map((node, i) => {
    const seed = seeds.get(node.key);
    if (seed) return { key: node.key, r: radiusOf(node), ...seed };
    const named = (around.get(node.key) ?? []).map((key) => seeds.get(key)!);
    // A golden-angle spiral for records nobody is named on (and the jitter for the rest): no two start on one spot.
    const spiral = { x: Math.cos(i * 2.39996) * 6 * Math.sqrt(i + 1), y: Math.sin(i * 2.39996) * 6 * Math.sqrt(i + 1) };
    if (!named.length) return { key: node.key, r: radiusOf(node), ...spiral };
    const x = named.reduce((sum, p) => sum + p.x, 0) / named.length;
    const y = named.reduce((sum, p) => sum + p.y, 0) / named.length;
    return { key: node.key, r: radiusOf(node), x: x * 0.7 + spiral.x * 0.3, y: y * 0.7 + spiral.y * 0.3 };
  });
  const known = new Set(bodies.map((b) => b.key));
  const links = edges.filter((e) => known.has(e.from) && known.has(e.to)).map((e) => ({ source: e.from, target: e.to }));
  const simulation = forceSimulation(bodies)
    .force('link', forceLink<Body, { source: string; target: string }>(links).id((b) => b.key).distance(70).strength(0.08))
    .force('charge', forceManyBody<Body>().strength(-90).theta(bodies.length > 600 ? 1.5 : 1.2).distanceMax(600))
    // Room for the label under each node, so ids do not run into each other (a cheaper pass for large maps).
    .force('collide', forceCollide<Body>((b) => b.r + 16).iterations(bodies.length > 600 ? 1 : 2))
    .force('x', forceX<Body>().strength(0.04))
    .force('y', forceY<Body>().strength(0.04))
    .alphaDecay(1 - Math.pow(0.001, 1 / ticksFor(bodies.length)))
    .stop();
  simulation.tick(ticksFor(bodies.length));
  const placed = new Map<string, Placed>();
  for (const body of bodies) placed.set(body.key, { x: body.x ?? 0, y: body.y ?? 0, r: body.r });
  return withBounds(placed);
}

/** Each node's centre by key, to a tenth of a unit: a layout computed once and carried as data. */
export type Positions = Readonly<Record<string, readonly [number, number]>>;

/** A coordinate to a tenth of a unit: what the page draws (shorter attributes, the same picture) and the report carries. */
export const tenth = (value: number) => Math.round(value * 10) / 10;

/** The layout's centres as data (the HTML report carries its first view's, so the page need not simulate). */
export function positionsOf(layout: Layout): Positions {
  const positions: Record<string, [number, number]> = {};
  for (const [key, placed] of layout.nodes) positions[key] = [tenth(placed.x), tenth(placed.y)];
  return positions;
}

/**
 * The layout of `nodes` from carried centres, or undefined unless every node has one: a view
 * that differs from the one laid out (another filter, a newer graph) is simulated afresh.
 */
export function layoutFrom(nodes: readonly ViewNode[], positions: Positions): Layout | undefined {
  if (nodes.length !== Object.keys(positions).length) return undefined;
  const placed = new Map<string, Placed>();
  for (const node of nodes) {
    const centre = Object.prototype.hasOwnProperty.call(positions, node.key) ? positions[node.key] : undefined;
    if (!Array.isArray(centre) || centre.length !== 2 || !centre.every(Number.isFinite)) return undefined;
    placed.set(node.key, { x: centre[0], y: centre[1], r: radiusOf(node) });
  }
  return withBounds(placed);
}

function withBounds(placed: Map<string, Placed>): Layout {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y, r } of placed.values()) {
    minX = Math.min(minX, x - r);
    minY = Math.min(minY, y - r);
    maxX = Math.max(maxX, x + r);
    maxY = Math.max(maxY, y + r);
  }
  if (!placed.size) [minX, minY, maxX, maxY] = [0, 0, 1, 1];
  return { nodes: placed, minX, minY, maxX, maxY };
}
