/// <reference lib="dom" />
import type { DecisionGraph, RecordNode } from '../core/map/decision-graph';
import { mapView, type MapFilter, type MapView, type ViewNode } from '../core/map/map-view';
import { ariaLabel, safeHref, statusClass, summaryLines } from './describe';
import { html, svg } from './dom';
import { layoutView, type Layout } from './layout';

/** What the page around the map does when a record is chosen: the webview opens it, the HTML report links it. */
export interface MapHost {
  readonly kind: 'webview' | 'html';
  open?(record: RecordNode): void;
}

interface View {
  x: number;
  y: number;
  k: number;
}

const ALL = '';

/**
 * The decision map: a toolbar of filters and search, an SVG of nodes and links with zoom and pan,
 * a legend, a hover card and a details panel. Every record text reaches the page as textContent.
 */
export class DecisionMap {
  private graph: DecisionGraph | undefined;
  private filter: MapFilter = {};
  private view: MapView | undefined;
  private layout: Layout | undefined;
  private transform: View = { x: 0, y: 0, k: 1 };
  private focused: string | undefined;
  private readonly elements = new Map<string, SVGGElement>();
  private readonly svgRoot: SVGSVGElement;
  private readonly viewport: SVGGElement;
  private readonly status: HTMLElement;
  private readonly card: HTMLElement;
  private readonly details: HTMLElement;
  private readonly selects: Record<'type' | 'status' | 'person' | 'tag', HTMLSelectElement>;
  private readonly search: HTMLInputElement;
  private readonly onlyRisks: HTMLInputElement;
  private readonly back: HTMLButtonElement;
  private frame = 0;

  constructor(private readonly root: HTMLElement, private readonly host: MapHost) {
    root.classList.add('legible-map');
    const bar = html('div', { class: 'map-toolbar', role: 'toolbar', 'aria-label': 'Map filters' });
    this.search = html('input', { type: 'search', placeholder: 'Search id, title, tag, person', 'aria-label': 'Search records', class: 'map-search' });
    this.selects = {
      type: this.select('Type'),
      status: this.select('Status'),
      person: this.select('Person'),
      tag: this.select('Tag'),
    };
    const risksLabel = html('label', { class: 'map-check' });
    this.onlyRisks = html('input', { type: 'checkbox' });
    risksLabel.append(this.onlyRisks, document.createTextNode(' Only knowledge risks'));
    this.back = html('button', { type: 'button', class: 'map-back', hidden: '' }, 'All groups');
    const zoomIn = html('button', { type: 'button', 'aria-label': 'Zoom in' }, '+');
    const zoomOut = html('button', { type: 'button', 'aria-label': 'Zoom out' }, '−');
    const fit = html('button', { type: 'button', 'aria-label': 'Fit the map' }, 'Fit');
    bar.append(this.search, ...Object.values(this.selects).map((s) => s.parentElement!), risksLabel, this.back, zoomIn, zoomOut, fit);
    this.status = html('div', { class: 'map-status', role: 'status', 'aria-live': 'polite' });
    const stage = html('div', { class: 'map-stage' });
    this.svgRoot = svg('svg', { class: 'map-svg', role: 'group', 'aria-label': 'Decision map: arrow keys move between nodes, Enter opens, plus and minus zoom', tabindex: -1 });
    this.viewport = svg('g', { class: 'map-viewport' });
    this.svgRoot.append(this.markers(), this.viewport);
    this.card = html('div', { class: 'map-card', role: 'tooltip', hidden: '' });
    this.details = html('aside', { class: 'map-details', 'aria-label': 'Selected record', hidden: '' });
    stage.append(this.svgRoot, this.card, this.details);
    root.append(bar, this.status, stage, this.legend());

    this.search.addEventListener('input', () => this.setFilter({ ...this.filter, search: this.search.value }));
    for (const [name, select] of Object.entries(this.selects)) select.addEventListener('change', () => this.setFilter(this.filterFromSelect(name as keyof typeof this.selects, select.value)));
    this.onlyRisks.addEventListener('change', () => this.setFilter({ ...this.filter, onlyRisks: this.onlyRisks.checked }));
    this.back.addEventListener('click', () => this.setFilter({ ...this.filter, group: undefined }));
    zoomIn.addEventListener('click', () => this.zoomBy(1.25));
    zoomOut.addEventListener('click', () => this.zoomBy(0.8));
    fit.addEventListener('click', () => this.fit());
    this.panAndZoom();
    this.svgRoot.addEventListener('keydown', (event) => this.onKey(event));
    // The panel resized (an editor opened beside it): the whole map in view again.
    let width = 0;
    new ResizeObserver(([entry]) => {
      const now = Math.round(entry.contentRect.width);
      if (width && now !== width) this.fit();
      width = now;
    }).observe(this.svgRoot);
  }

  /** Shows a graph; a new one of the same map (a live update) keeps the filters, zoom and focus. */
  show(graph: DecisionGraph): void {
    const first = !this.graph;
    this.graph = graph;
    this.fillSelect('type', graph.facets.types);
    this.fillSelect('status', graph.facets.statuses);
    this.fillSelect('person', graph.facets.people);
    this.fillSelect('tag', graph.facets.tags);
    this.render(first);
  }

  setFilter(filter: MapFilter): void {
    const regroup = filter.group !== this.filter.group;
    this.filter = filter;
    this.render(regroup);
  }

  /** Centres on a record (the record context menu's "Show Decision Map"). */
  focusRecord(path: string): void {
    const key = `r:${path}`;
    if (!this.elements.has(key)) this.setFilter({});
    if (!this.elements.has(key)) return;
    const placed = this.layout?.nodes.get(key);
    if (placed) this.centre(placed.x, placed.y, Math.max(this.transform.k, 1.2));
    this.focusNode(key);
  }

  /** The keys of the nodes drawn now (the tests and the bench count them). */
  drawnKeys(): string[] {
    return [...this.elements.keys()];
  }

  private select(label: string): HTMLSelectElement {
    const wrap = html('label', { class: 'map-select' });
    const select = html('select', { 'aria-label': label });
    wrap.append(document.createTextNode(`${label} `), select);
    return select;
  }

  private fillSelect(name: keyof DecisionMap['selects'], values: readonly string[]): void {
    const select = this.selects[name];
    const current = select.value;
    select.replaceChildren(html('option', { value: ALL }, 'All'), ...values.map((value) => html('option', { value }, value)));
    select.value = values.includes(current) ? current : ALL;
  }

  private filterFromSelect(name: keyof DecisionMap['selects'], value: string): MapFilter {
    const one = value === ALL ? undefined : [value];
    const next: MapFilter = { ...this.filter, group: undefined };
    if (name === 'type') return { ...next, types: one };
    if (name === 'status') return { ...next, statuses: one };
    if (name === 'person') return { ...next, person: value || undefined };
    return { ...next, tag: value || undefined };
  }

  private render(refit: boolean): void {
    if (!this.graph) return;
    const view = mapView(this.graph, this.filter);
    this.view = view;
    this.layout = layoutView(view.nodes, view.edges);
    this.draw(view, this.layout);
    const records = view.nodes.filter((n) => n.kind === 'record').length;
    const people = view.nodes.filter((n) => n.kind === 'person').length;
    this.status.textContent = view.grouped
      ? `${view.matching} records in ${view.nodes.length} groups: open a group or filter to see its records.`
      : `${records} of ${this.graph.summary.records} records · ${people} people · ${view.nodes.filter((n) => n.kind === 'record' && n.risks.length).length} knowledge risks`;
    this.back.hidden = !this.filter.group;
    if (refit || !this.focused || !this.elements.has(this.focused)) this.fit();
    else this.apply();
    const keep = this.focused && this.elements.has(this.focused) ? this.focused : view.nodes[0]?.key;
    if (keep) this.elements.get(keep)!.setAttribute('tabindex', '0');
    this.focused = keep;
    // When the map last answered, in the page's clock (the bench reads it).
    this.root.dataset.drawnAt = String(Math.round(performance.now()));
  }

  private draw(view: MapView, layout: Layout): void {
    const edges = svg('g', { class: 'map-edges', 'aria-hidden': 'true' });
    for (const edge of view.edges) {
      const from = layout.nodes.get(edge.from);
      const to = layout.nodes.get(edge.to);
      if (!from || !to) continue;
      edges.append(svg('line', { class: `edge edge-${edge.kind}`, x1: r(from.x), y1: r(from.y), x2: r(to.x), y2: r(to.y), 'marker-end': edge.kind === 'supersedes' || edge.kind === 'plan' ? 'url(#arrow)' : undefined }));
    }
    const nodes = svg('g', { class: 'map-nodes' });
    this.elements.clear();
    for (const node of view.nodes) {
      const placed = layout.nodes.get(node.key)!;
      const g = this.nodeElement(node, placed.r);
      g.setAttribute('transform', `translate(${r(placed.x)},${r(placed.y)})`);
      this.elements.set(node.key, g);
      nodes.append(g);
    }
    this.viewport.replaceChildren(edges, nodes);
  }

  private nodeElement(node: ViewNode, radius: number): SVGGElement {
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
      if (node.risks.length) g.append(svg('circle', { class: 'risk-halo', r: radius + 5 }));
      if (node.door === 'one-way') g.append(svg('circle', { class: 'door-ring', r: radius + 2.5 }));
      g.append(shape(node.type, radius), svg('text', { class: 'label', 'text-anchor': 'middle', y: radius + 12 }, node.id));
    }
    g.addEventListener('click', () => this.activate(node));
    g.addEventListener('pointerenter', () => this.hover(node, g));
    g.addEventListener('pointerleave', () => (this.card.hidden = true));
    g.addEventListener('focus', () => this.hover(node, g));
    g.addEventListener('blur', () => (this.card.hidden = true));
    return g;
  }

  private activate(node: ViewNode): void {
    this.focusNode(node.key);
    if (node.kind === 'group') return this.setFilter({ ...this.filter, group: node.key });
    if (node.kind === 'person') {
      this.selects.person.value = node.name;
      return this.setFilter(this.filterFromSelect('person', node.source === 'declared' ? node.name : ALL));
    }
    // The webview opens the record beside the map; the HTML page has no editor, so its details panel links the file.
    if (this.host.open) this.host.open(node);
    else this.showDetails(node);
  }

  private showDetails(node: RecordNode): void {
    const heading = html('h2', {}, `${node.id} ${node.title}`);
    const body = html('dl');
    for (const [label, value] of summaryLines(node)) body.append(html('dt', {}, label), html('dd', {}, value));
    const parts: HTMLElement[] = [heading, body];
    if (this.host.kind === 'html') parts.push(html('a', { href: safeHref(node.path), class: 'map-open' }, `Open ${node.path}`));
    const close = html('button', { type: 'button', 'aria-label': 'Close details' }, '×');
    close.addEventListener('click', () => (this.details.hidden = true));
    this.details.replaceChildren(close, ...parts);
    this.details.hidden = false;
  }

  private hover(node: ViewNode, element: SVGGElement): void {
    const title = node.kind === 'record' ? `${node.id} ${node.title}` : node.kind === 'person' ? node.name : node.label;
    const lines: Array<[string, string]> = node.kind === 'record' ? summaryLines(node) : [['', ariaLabel(node)]];
    const list = html('dl');
    for (const [label, value] of lines) list.append(html('dt', {}, label), html('dd', {}, value));
    this.card.replaceChildren(html('strong', {}, title), list);
    const box = element.getBoundingClientRect();
    const stage = this.svgRoot.getBoundingClientRect();
    this.card.style.left = `${Math.round(box.right - stage.left + 8)}px`;
    this.card.style.top = `${Math.round(box.top - stage.top)}px`;
    this.card.hidden = false;
  }

  private focusNode(key: string): void {
    const element = this.elements.get(key);
    if (!element) return;
    if (this.focused && this.focused !== key) this.elements.get(this.focused)?.setAttribute('tabindex', '-1');
    element.setAttribute('tabindex', '0');
    this.focused = key;
    element.focus({ preventScroll: true });
  }

  /** Arrow keys: to the nearest node that way; Enter/Space: open; + − 0: zoom and fit. */
  private onKey(event: KeyboardEvent): void {
    const directions: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    const direction = directions[event.key];
    if (direction && this.focused && this.layout) {
      event.preventDefault();
      const from = this.layout.nodes.get(this.focused)!;
      let best: string | undefined;
      let bestScore = Infinity;
      for (const [key, to] of this.layout.nodes) {
        const dx = to.x - from.x;
        const dy = to.y - from.y;
        const along = dx * direction[0] + dy * direction[1];
        if (key === this.focused || along <= 0) continue;
        const score = along + 2 * Math.abs(dx * direction[1] - dy * direction[0]);
        if (score < bestScore) [best, bestScore] = [key, score];
      }
      if (best) {
        this.focusNode(best);
        const to = this.layout.nodes.get(best)!;
        this.keepInView(to.x, to.y);
      }
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && this.focused) {
      event.preventDefault();
      const node = this.view?.nodes.find((n) => n.key === this.focused);
      if (node) this.activate(node);
    } else if (event.key === '+' || event.key === '=') this.zoomBy(1.25);
    else if (event.key === '-') this.zoomBy(0.8);
    else if (event.key === '0') this.fit();
    else if (event.key === 'Escape') this.details.hidden = true;
  }

  /**
   * Dragging moves the whole SVG element with a CSS transform (composited: no node is repainted,
   * however many), and the move is written into the map's own transform when the drag ends.
   */
  private panAndZoom(): void {
    let drag: { x: number; y: number; dx: number; dy: number; id: number } | undefined;
    this.svgRoot.addEventListener('pointerdown', (event) => {
      if ((event.target as Element).closest('.node')) return;
      drag = { x: event.clientX, y: event.clientY, dx: 0, dy: 0, id: event.pointerId };
      this.svgRoot.setPointerCapture(event.pointerId);
      this.svgRoot.classList.add('panning');
    });
    this.svgRoot.addEventListener('pointermove', (event) => {
      if (!drag || event.pointerId !== drag.id) return;
      drag.dx = event.clientX - drag.x;
      drag.dy = event.clientY - drag.y;
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (drag) this.svgRoot.style.transform = `translate(${drag.dx}px, ${drag.dy}px)`;
      });
    });
    const end = () => {
      if (!drag) return;
      this.transform.x += drag.dx;
      this.transform.y += drag.dy;
      drag = undefined;
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.svgRoot.style.transform = '';
      this.svgRoot.classList.remove('panning');
      this.apply();
    };
    this.svgRoot.addEventListener('pointerup', end);
    this.svgRoot.addEventListener('pointercancel', end);
    this.svgRoot.addEventListener('wheel', (event) => {
      event.preventDefault();
      const box = this.svgRoot.getBoundingClientRect();
      this.zoomBy(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
    }, { passive: false });
  }

  private zoomBy(factor: number, px?: number, py?: number): void {
    const box = this.svgRoot.getBoundingClientRect();
    const cx = px ?? box.width / 2;
    const cy = py ?? box.height / 2;
    const k = Math.min(8, Math.max(0.02, this.transform.k * factor));
    const applied = k / this.transform.k;
    this.transform = { k, x: cx - (cx - this.transform.x) * applied, y: cy - (cy - this.transform.y) * applied };
    this.schedule();
  }

  private fit(): void {
    if (!this.layout) return;
    const box = this.svgRoot.getBoundingClientRect();
    const width = Math.max(1, this.layout.maxX - this.layout.minX + 40);
    const height = Math.max(1, this.layout.maxY - this.layout.minY + 40);
    const k = Math.min(1.2, Math.max(0.02, Math.min((box.width || 800) / width, (box.height || 600) / height)));
    this.centre((this.layout.minX + this.layout.maxX) / 2, (this.layout.minY + this.layout.maxY) / 2, k);
  }

  private centre(x: number, y: number, k: number): void {
    const box = this.svgRoot.getBoundingClientRect();
    this.transform = { k, x: (box.width || 800) / 2 - x * k, y: (box.height || 600) / 2 - y * k };
    this.apply();
  }

  private keepInView(x: number, y: number): void {
    const box = this.svgRoot.getBoundingClientRect();
    const sx = x * this.transform.k + this.transform.x;
    const sy = y * this.transform.k + this.transform.y;
    if (sx < 20 || sy < 20 || sx > box.width - 20 || sy > box.height - 20) this.centre(x, y, this.transform.k);
  }

  /** One transform per frame however many wheel or key events arrive. */
  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.apply();
    });
  }

  private apply(): void {
    const { x, y, k } = this.transform;
    this.viewport.setAttribute('transform', `translate(${r(x)},${r(y)}) scale(${k.toFixed(4)})`);
    // Far out, labels would be a grey smear: drawn again once a reader zooms in.
    this.svgRoot.classList.toggle('far', k < 0.55);
  }

  private markers(): SVGDefsElement {
    const defs = svg('defs');
    const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 18, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' });
    marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }));
    defs.append(marker);
    return defs;
  }

  private legend(): HTMLElement {
    const legend = html('div', { class: 'map-legend', 'aria-label': 'Legend', role: 'note' });
    const item = (swatch: SVGElement, text: string) => {
      const row = html('span', { class: 'legend-item' });
      const icon = svg('svg', { width: 22, height: 22, viewBox: '-11 -11 22 22', 'aria-hidden': 'true' });
      icon.append(swatch);
      row.append(icon, document.createTextNode(text));
      return row;
    };
    const group = (cls: string, ...children: SVGElement[]) => {
      const g = svg('g', { class: `node ${cls}` });
      g.append(...children);
      return g;
    };
    legend.append(
      item(group('node-record', shape('adr', 7)), 'ADR'),
      item(group('node-record', shape('rfc', 7)), 'RFC'),
      item(group('node-record', shape('exit-plan', 7)), 'Exit plan'),
      item(group('node-record status-in-force', shape('adr', 7)), 'In force'),
      item(group('node-record status-open', shape('adr', 7)), 'Open'),
      item(group('node-record status-closed', shape('adr', 7)), 'Superseded, deprecated, rejected'),
      item(group('node-record', svg('circle', { class: 'door-ring', r: 9 }), shape('adr', 6)), 'One-way door'),
      item(group('node-record', svg('circle', { class: 'risk-halo', r: 10 }), shape('adr', 5)), 'Knowledge risk'),
      item(group('node-person', svg('rect', { class: 'shape', x: -8, y: -8, width: 16, height: 16, rx: 8 })), 'Person (declared)'),
      item(group('node-person observed', svg('rect', { class: 'shape', x: -8, y: -8, width: 16, height: 16, rx: 8 })), 'Observed author'),
      html('span', { class: 'legend-item' }, 'Size: risk or blast radius · arrows: supersedes, plan'),
    );
    return legend;
  }
}

/** `Dana Okafor <dana@example.com>` → `Dana Okafor`: the label stays short; hover and aria say it all. */
function shortName(name: string): string {
  return name.replace(/\s*<[^>]*>\s*$/, '') || name;
}

const r = (value: number) => Math.round(value * 10) / 10;

/** Shape by type: ADR a circle, RFC a square, exit plan a diamond. */
function shape(type: string, radius: number): SVGElement {
  if (type === 'rfc') return svg('rect', { class: 'shape', x: -radius, y: -radius, width: 2 * radius, height: 2 * radius, rx: 2 });
  if (type === 'exit-plan') return svg('polygon', { class: 'shape', points: `0,${-radius * 1.3} ${radius * 1.3},0 0,${radius * 1.3} ${-radius * 1.3},0` });
  return svg('circle', { class: 'shape', r: radius });
}
