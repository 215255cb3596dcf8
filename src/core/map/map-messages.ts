import type { DecisionGraph } from './decision-graph';
import type { Positions } from './layout';

/** What the extension tells the map's webview: a (new) graph, and which record to centre on. */
export type ToMap = { readonly type: 'graph'; readonly graph: DecisionGraph; readonly focus?: string } | { readonly type: 'focus'; readonly path: string };

/** What the webview asks of the extension: the first graph, and to open a record (only one the index knows). */
export type FromMap = { readonly type: 'ready' } | { readonly type: 'open'; readonly path: string };

/** The id of the `<script type="application/json">` that carries the graph in the HTML report. */
export const MAP_DATA_ID = 'legible-map-data';
/** The element the map draws into, in both pages. */
export const MAP_ROOT_ID = 'legible-map';

/** The HTML report's map data: the graph, and where its first (unfiltered) view's nodes sit. */
export interface ReportMapData extends DecisionGraph {
  readonly positions?: Positions;
}
