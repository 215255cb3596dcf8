/// <reference lib="dom" />
// The decision map's browser entry, the same script in the VS Code webview and in the HTML report.
// In the webview the graph comes (and comes again, live) by postMessage; in the report it is the
// JSON in the page. Bundled alone (dist/map.js), so the extension loads none of it on activation.
import { MAP_DATA_ID, MAP_ROOT_ID, type FromMap, type ReportMapData, type ToMap } from '../core/map/map-messages';
import { DecisionMap } from './decision-map';

interface VsCodeApi {
  postMessage(message: FromMap): void;
}
declare const acquireVsCodeApi: (() => VsCodeApi) | undefined;

function start(): void {
  const root = document.getElementById(MAP_ROOT_ID);
  if (!root) return;
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  if (vscode) {
    const map = new DecisionMap(root, { kind: 'webview', open: (record) => vscode.postMessage({ type: 'open', path: record.path }) });
    window.addEventListener('message', (event: MessageEvent<ToMap>) => {
      const message = event.data;
      if (message.type === 'graph') {
        map.show(message.graph);
        if (message.focus) map.focusRecord(message.focus);
      } else if (message.type === 'focus') map.focusRecord(message.path);
    });
    vscode.postMessage({ type: 'ready' });
    return;
  }
  const data = document.getElementById(MAP_DATA_ID)?.textContent;
  if (!data) return;
  const map = new DecisionMap(root, { kind: 'html' });
  const graph = JSON.parse(data) as ReportMapData;
  map.show(graph, graph.positions);
  // The tests and the bench read what was drawn from here.
  (window as unknown as { legibleMap: DecisionMap }).legibleMap = map;
}

start();
