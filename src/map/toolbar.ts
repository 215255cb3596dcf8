/// <reference lib="dom" />
import type { DecisionGraph } from '../core/map/decision-graph';
import type { MapFilter } from '../core/map/map-view';
import { html } from './dom';

/** The toolbar's lists: one value of each, or all. */
export type SelectName = 'type' | 'status' | 'person' | 'tag';

/** A select's "All" (no filter on it). */
export const ALL = '';

/** What the toolbar's controls ask of the map. */
export interface ToolbarActions {
  /** The filter changed: `change` makes the new one from the current one. */
  filter(change: (current: MapFilter) => MapFilter): void;
  /** Enter in the search box: to the first record it matched. */
  toFirstMatch(): void;
  zoomBy(factor: number): void;
  fit(): void;
}

/**
 * The map's toolbar: search, the filters (type, status, person, tag, only knowledge risks), back
 * to all groups, and zoom. It holds no filter of its own: each control reports a change.
 */
export class MapToolbar {
  readonly element: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly selects: Record<SelectName, HTMLSelectElement>;
  private readonly back: HTMLButtonElement;

  constructor(actions: ToolbarActions) {
    this.element = html('div', { class: 'map-toolbar', role: 'toolbar', 'aria-label': 'Map filters' });
    this.search = html('input', { type: 'search', placeholder: 'Search id, title, tag, person', 'aria-label': 'Search records', class: 'map-search' });
    this.selects = { type: select('Type'), status: select('Status'), person: select('Person'), tag: select('Tag') };
    const risksLabel = html('label', { class: 'map-check' });
    const onlyRisks = html('input', { type: 'checkbox' });
    risksLabel.append(onlyRisks, document.createTextNode(' Only knowledge risks'));
    this.back = html('button', { type: 'button', class: 'map-back', hidden: '' }, 'All groups');
    const zoomIn = html('button', { type: 'button', 'aria-label': 'Zoom in' }, '+');
    const zoomOut = html('button', { type: 'button', 'aria-label': 'Zoom out' }, '−');
    const fit = html('button', { type: 'button', 'aria-label': 'Fit the map' }, 'Fit');
    this.element.append(this.search, ...Object.values(this.selects).map((s) => s.parentElement!), risksLabel, this.back, zoomIn, zoomOut, fit);

    this.search.addEventListener('input', () => actions.filter((current) => ({ ...current, search: this.search.value })));
    this.search.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      actions.toFirstMatch();
    });
    for (const [name, element] of Object.entries(this.selects)) element.addEventListener('change', () => actions.filter((current) => filterFromSelect(current, name as SelectName, element.value)));
    onlyRisks.addEventListener('change', () => actions.filter((current) => ({ ...current, onlyRisks: onlyRisks.checked })));
    this.back.addEventListener('click', () => actions.filter((current) => ({ ...current, group: undefined })));
    zoomIn.addEventListener('click', () => actions.zoomBy(1.25));
    zoomOut.addEventListener('click', () => actions.zoomBy(0.8));
    fit.addEventListener('click', () => actions.fit());
  }

  /** The lists' choices from the graph's facets, keeping each one's choice while it is still there. */
  fill(facets: DecisionGraph['facets']): void {
    this.fillSelect('type', facets.types);
    this.fillSelect('status', facets.statuses);
    this.fillSelect('person', facets.people);
    this.fillSelect('tag', facets.tags);
  }

  /** Shows a person as the Person list's choice (a click on their node). */
  choosePerson(name: string): void {
    this.selects.person.value = name;
  }

  /** "All groups" shows while a group is open. */
  showBack(shown: boolean): void {
    this.back.hidden = !shown;
  }

  private fillSelect(name: SelectName, values: readonly string[]): void {
    const element = this.selects[name];
    const current = element.value;
    element.replaceChildren(html('option', { value: ALL }, 'All'), ...values.map((value) => html('option', { value }, value)));
    element.value = values.includes(current) ? current : ALL;
  }
}

/** The filter after choosing `value` in the list `name`: one value or all, and no group open. */
export function filterFromSelect(filter: MapFilter, name: SelectName, value: string): MapFilter {
  const one = value === ALL ? undefined : [value];
  const next: MapFilter = { ...filter, group: undefined };
  if (name === 'type') return { ...next, types: one };
  if (name === 'status') return { ...next, statuses: one };
  if (name === 'person') return { ...next, person: value || undefined };
  return { ...next, tag: value || undefined };
}

function select(label: string): HTMLSelectElement {
  const wrap = html('label', { class: 'map-select' });
  const element = html('select', { 'aria-label': label });
  wrap.append(document.createTextNode(`${label} `), element);
  return element;
}
