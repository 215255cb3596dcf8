/// <reference lib="dom" />
import type { MapView, ViewNode } from '../core/map/map-view';
import { ariaLabel, statusClass } from './describe';
import { svg } from './dom';
import { tenth, type Layout } from '../core/map/layout';

/** What the map does when a node is clicked, pointed at, focused or left. */
export interface NodeEvents {
  activate(node: ViewNode): void;
  hover(node: ViewNode, element: SVGGElement): void;
  leave(): void;
}

/**
 * Draws `view` as placed by `layout` into `viewport`: the links under the nodes. Returns each
 * node's element by key. Every node is a focusable button with a screen-reader label.
 */
export function drawView(viewport: SVGGElement, view: MapView, layout: Layout, events: NodeEvents, matched: ReadonlySet<string>): Map<string, SVGGElement> {
  const edges = svg('g', { class: 'map-edges', 'aria-hidden': 'true' });
  for (const edge of view.edges) {
    const from = layout.nodes.get(edge.from);
    const to = layout.nodes.get(edge.to);
    if (!from || !to) continue;
    edges.append(svg('line', { class: `edge edge-${edge.kind}`, x1: tenth(from.x), y1: tenth(from.y), x2: tenth(to.x), y2: tenth(to.y), 'marker-end': edge.kind === 'supersedes' || edge.kind === 'plan' ? 'url(#arrow)' : undefined }));
  }
  const nodes = svg('g', { class: 'map-nodes' });
  const elements = new Map<string, SVGGElement>();
  const nodeOf = new Map<Element, ViewNode>();
  for (const node of view.nodes) {
    const placed = layout.nodes.get(node.key)!;
    const g = nodeElement(node, placed.r);
    if (matched.has(node.key)) g.classList.add('search-match');
    g.setAttribute('transform', `translate(${tenth(placed.x)},${tenth(placed.y)})`);
    elements.set(node.key, g);
    nodeOf.set(g, node);
    nodes.append(g);
  }
  listen(nodes, nodeOf, events);
  viewport.replaceChildren(edges, nodes);
  return elements;
}

/**
 * One listener of each kind on the nodes' group instead of five closures on every node (five
 * thousand for a 1,000-record map): pointerover and pointerout between two nodes, or between a
 * node and the background, stand for pointerenter and pointerleave.
 */
function listen(nodes: SVGGElement, nodeOf: ReadonlyMap<Element, ViewNode>, events: NodeEvents): void {
  const owner = (target: EventTarget | null): SVGGElement | undefined => {
    const g = target instanceof Element ? target.closest('.node') : null;
    return g && nodeOf.has(g) ? (g as SVGGElement) : undefined;
  };
  nodes.addEventListener('click', (event) => {
    const g = owner(event.target);
    if (g) events.activate(nodeOf.get(g)!);
  });
  nodes.addEventListener('pointerover', (event) => {
    const g = owner(event.target);
    if (g && g !== owner(event.relatedTarget)) events.hover(nodeOf.get(g)!, g);
  });
  nodes.addEventListener('pointerout', (event) => {
    const g = owner(event.target);
    if (g && g !== owner(event.relatedTarget)) events.leave();
  });
  nodes.addEventListener('focusin', (event) => {
    const g = owner(event.target);
    if (g) events.hover(nodeOf.get(g)!, g);
  });
  nodes.addEventListener('focusout', (event) => {
    if (owner(event.target)) events.leave();
  });
}

function nodeElement(node: ViewNode, radius: number): SVGGElement {
  const g = svg('g', { class: `node node-${node.kind}`, role: 'button', tabindex: -1, 'aria-label': ariaLabel(node), 'data-key': node.key });
  if (node.kind === 'group') {
    g.classList.add(node.knowledgeRisks ? 'has-risk' : 'no-risk');
    g.append(svg('circle', { r: radius, class: 'shape' }), svg('text', { class: 'count', 'text-anchor': 'middle', dy: '0.35em' }, String(node.count)), svg('text', { class: 'label', 'text-anchor': 'middle', y: radius + 14 }, node.label));
  } else if (node.kind === 'person') {
    if (node.source === 'observed') g.classList.add('observed');
    if (node.soleHolds) g.classList.add('has-risk');
    g.append(svg('rect', { class: 'shape', x: -radius, y: -radius, width: 2 * radius, height: 2 * radius, rx: radius }), svg('text', { class: 'label', 'text-anchor': 'middle', y: radius + 12 }, shortName(node.name)));
  } else {
    g.classList.add(`type-${node.type}`, statusClass(node.status));
    // The one-way ring stands off the node's outline by a gap of the background, the risk halo outside it.
    const door = node.door === 'one-way';
    if (node.risks.length) g.append(svg('circle', { class: 'risk-halo', r: radius + (door ? 8 : 5) }));
    if (door) g.append(svg('circle', { class: 'door-ring', r: radius + 4 }));
    g.append(shape(node.type, radius), svg('text', { class: 'label', 'text-anchor': 'middle', y: radius + 12 }, node.id));
  }
  return g;
}

/** Shape by type: ADR a circle, RFC a square, exit plan a diamond. */
export function shape(type: string, radius: number): SVGElement {
  if (type === 'rfc') return svg('rect', { class: 'shape', x: -radius, y: -radius, width: 2 * radius, height: 2 * radius, rx: 2 });
  if (type === 'exit-plan') return svg('polygon', { class: 'shape', points: `0,${-radius * 1.3} ${radius * 1.3},0 0,${radius * 1.3} ${-radius * 1.3},0` });
  return svg('circle', { class: 'shape', r: radius });
}

/** The arrow head of the links that have a direction (supersedes, plan). */
export function arrowMarker(): SVGDefsElement {
  const defs = svg('defs');
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 18, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }));
  defs.append(marker);
  return defs;
}

/** `Dana Okafor <dana@example.com>` → `Dana Okafor`: the label stays short; hover and aria say it all. */
function shortName(name: string): string {
  return name.replace(/\s*<[^>]*>\s*$/, '') || name;
}
