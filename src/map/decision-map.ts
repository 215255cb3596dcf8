/// <reference lib="dom" />
import type { DecisionGraph, RecordNode } from '../core/map/decision-graph';
import { cardPlacement } from './card-placement';
import { mapView, type MapFilter, type MapView, type ViewNode } from '../core/map/map-view';
import { ariaLabel, safeHref, summaryLines } from './describe';
import { html, svg } from './dom';
import { arrowMarker, drawView } from './drawing';
import { arrowDirection, nearestToward } from './keyboard';
import { layoutFrom, layoutView, type Layout, type Positions } from '../core/map/layout';
import { legend } from './legend';
import { PanZoom } from './pan-zoom';
import { ALL, filterFromSelect, MapToolbar } from './toolbar';

/** What the page around the map does when a record is chosen: the webview opens it, the HTML report links it. */
export interface MapHost {
  readonly kind: 'webview' | 'html';
  open?(record: RecordNode): void;
}

/**
 * The decision map: a toolbar of filters and search (toolbar.ts), an SVG of nodes and links
 * (drawing.ts) with zoom and pan (pan-zoom.ts) and arrow-key moves (keyboard.ts), a legend
 * (legend.ts), a hover card and a details panel. Every record text reaches the page as textContent.
 */
export class DecisionMap {
  private graph: DecisionGraph | undefined;
  private filter: MapFilter = {};
  private view: MapView | undefined;
  private layout: Layout | undefined;
  /** Where the nodes of the view it was computed for sit, when the page carries it (the HTML report). */
  private carried: Positions | undefined;
  private focused: string | undefined;
  private elements = new Map<string, SVGGElement>();
  private readonly svgRoot: SVGSVGElement;
  private readonly viewport: SVGGElement;
  private readonly panZoom: PanZoom;
  private readonly toolbar: MapToolbar;
  private readonly status: HTMLElement;
  private readonly card: HTMLElement;
  private readonly details: HTMLElement;

  constructor(private readonly root: HTMLElement, private readonly host: MapHost) {
    root.classList.add('legible-map');
    this.toolbar = new MapToolbar({
      filter: (change) => this.setFilter(change(this.filter)),
      toFirstMatch: () => this.toFirstMatch(),
      zoomBy: (factor) => this.panZoom.zoomBy(factor),
      fit: () => this.panZoom.fit(this.layout),
    });
    this.status = html('div', { class: 'map-status', role: 'status', 'aria-live': 'polite' });
    const stage = html('div', { class: 'map-stage' });
    this.svgRoot = svg('svg', { class: 'map-svg', role: 'group', 'aria-label': 'Decision map: arrow keys move between nodes, Enter opens, plus and minus zoom', tabindex: -1 });
    this.viewport = svg('g', { class: 'map-viewport' });
    this.svgRoot.append(arrowMarker(), this.viewport);
    this.panZoom = new PanZoom(this.svgRoot, this.viewport);
    this.card = html('div', { class: 'map-card', role: 'tooltip', hidden: '' });
    this.details = html('aside', { class: 'map-details', 'aria-label': 'Selected record', hidden: '' });
    stage.append(this.svgRoot, this.card, this.details);
    root.append(this.toolbar.element, this.status, stage, legend());

    this.svgRoot.addEventListener('keydown', (event) => this.onKey(event));
    // The panel resized (an editor opened beside it): the whole map in view again.
    let width = 0;
    new ResizeObserver(([entry]) => {
      const now = Math.round(entry.contentRect.width);
      if (width && now !== width) this.panZoom.fit(this.layout);
      width = now;
    }).observe(this.svgRoot);
  }

  /**
   * Shows a graph; a new one of the same map (a live update) keeps the filters, zoom and focus.
   * `positions` places the unfiltered view without simulating it (the HTML report's, computed when written).
   */
  show(graph: DecisionGraph, positions?: Positions): void {
    const first = !this.graph;
    this.graph = graph;
    this.carried = positions;
    this.toolbar.fill(graph.facets);
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
    if (placed) this.panZoom.centre(placed.x, placed.y, Math.max(this.panZoom.transform.k, 1.2));
    this.focusNode(key);
  }

  /** The keys of the nodes drawn now (the tests and the bench count them). */
  drawnKeys(): string[] {
    return [...this.elements.keys()];
  }

  private render(refit: boolean): void {
    if (!this.graph) return;
    const view = mapView(this.graph, this.filter);
    this.view = view;
    // The carried layout serves whenever the view has exactly its nodes (their links follow from them).
    this.layout = (this.carried && layoutFrom(view.nodes, this.carried)) || layoutView(view.nodes, view.edges);
    const stays = this.focused !== undefined && this.layout.nodes.has(this.focused);
    // Zoomed before the nodes go in: the box is measured while the SVG is empty, and a far zoom's
    // hidden labels are never laid out (fitting after drawing forced a layout of every label).
    if (refit || !stays) this.panZoom.fit(this.layout);
    else this.panZoom.apply();
    this.elements = drawView(this.viewport, view, this.layout, {
      activate: (node) => this.activate(node),
      hover: (node, element) => this.hover(node, element),
      leave: () => (this.card.hidden = true),
    }, this.searchMatches(view));
    const records = view.nodes.filter((n) => n.kind === 'record').length;
    const people = view.nodes.filter((n) => n.kind === 'person').length;
    this.status.textContent = view.grouped
      ? `${view.matching} records in ${view.nodes.length} groups: open a group or filter to see its records.`
      : `${records} of ${this.graph.summary.records} records · ${people} ${people === 1 ? 'person' : 'people'} · ${count(view.nodes.filter((n) => n.kind === 'record' && n.risks.length).length, 'knowledge risk')}`;
    this.toolbar.showBack(Boolean(this.filter.group));
    const keep = stays ? this.focused : view.nodes[0]?.key;
    if (keep) this.elements.get(keep)!.setAttribute('tabindex', '0');
    this.focused = keep;
    // When the map last answered, in the page's clock (the bench reads it).
    this.root.dataset.drawnAt = String(Math.round(performance.now()));
    // And when the first frame showing it was made: a task queued from the next animation frame
    // runs once that frame's style, layout and paint are done.
    requestAnimationFrame(() => setTimeout(() => (this.root.dataset.paintedAt = String(Math.round(performance.now())))));
  }

  /** The records a search found (the view's records while a search is typed), marked on the map. */
  private searchMatches(view: MapView): Set<string> {
    if (!this.filter.search?.trim() || view.grouped) return new Set();
    return new Set(view.nodes.filter((node) => node.kind === 'record').map((node) => node.key));
  }

  /**
   * Enter in the search box takes the keyboard to the map: to the first record found, or with no
   * search to the node it was on. Enter again opens it.
   */
  private toFirstMatch(): void {
    const found = this.filter.search?.trim() ? this.view?.nodes.find((node) => node.kind === 'record') : undefined;
    const key = found?.key ?? this.focused ?? this.view?.nodes[0]?.key;
    if (!key) return;
    this.focusNode(key);
    const placed = this.layout?.nodes.get(key);
    if (placed) this.panZoom.keepInView(placed.x, placed.y);
  }

  private activate(node: ViewNode): void {
    this.focusNode(node.key);
    if (node.kind === 'group') return this.setFilter({ ...this.filter, group: node.key });
    if (node.kind === 'person') {
      this.toolbar.choosePerson(node.name);
      return this.setFilter(filterFromSelect(this.filter, 'person', node.source === 'declared' ? node.name : ALL));
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
    // The tradeoff is what a narrow map leaves out of the card first (the details panel has it).
    for (const [label, value] of lines) {
      const extra = label.startsWith('Tradeoff') ? { class: 'card-extra' } : {};
      list.append(html('dt', extra, label), html('dd', extra, value));
    }
    this.card.replaceChildren(html('strong', {}, title), list);
    this.card.classList.remove('compact');
    const box = element.getBoundingClientRect();
    const stage = this.svgRoot.getBoundingClientRect();
    this.card.hidden = false;
    const nodeBox = { left: box.left - stage.left, top: box.top - stage.top, right: box.right - stage.left, bottom: box.bottom - stage.top };
    const placeIn = () => cardPlacement(nodeBox, { width: this.card.offsetWidth, height: this.card.offsetHeight }, { width: stage.width, height: stage.height });
    let place = placeIn();
    if (!place.fits && this.card.querySelector('.card-extra')) {
      this.card.classList.add('compact');
      place = placeIn();
    }
    this.card.style.left = `${Math.round(place.left)}px`;
    this.card.style.top = `${Math.round(place.top)}px`;
  }

  /** The roving tab stop: one node is in the tab order, the one the keyboard is on. */
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
    const direction = arrowDirection(event.key);
    if (direction && this.focused && this.layout) {
      event.preventDefault();
      const best = nearestToward(this.layout, this.focused, direction);
      if (best) {
        this.focusNode(best);
        const to = this.layout.nodes.get(best)!;
        this.panZoom.keepInView(to.x, to.y);
      }
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && this.focused) {
      event.preventDefault();
      const node = this.view?.nodes.find((n) => n.key === this.focused);
      if (node) this.activate(node);
    } else if (event.key === '+' || event.key === '=') this.panZoom.zoomBy(1.25);
    else if (event.key === '-') this.panZoom.zoomBy(0.8);
    else if (event.key === '0') this.panZoom.fit(this.layout);
    else if (event.key === 'Escape') this.details.hidden = true;
  }
}

/** `1 knowledge risk`, `4 knowledge risks`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
