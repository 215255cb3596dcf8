// The map's layout (src/core/map/layout.ts) carried as data: the HTML report computes its first
// view's layout when written, and the page draws from it only when the view is exactly that one.
import * as assert from 'node:assert/strict';
import { decisionGraph } from '../../../src/core/map/decision-graph';
import { layoutFrom, layoutView, positionsOf, radiusOf, type Placed, type Positions } from '../../../src/core/map/layout';
import { MAP_DATA_ID, type ReportMapData } from '../../../src/core/map/map-messages';
import { mapView } from '../../../src/core/map/map-view';
import { knowledgeRisk } from '../../../src/core/report/knowledge-risk';
import { renderReportHtml } from '../../../src/core/report/render-html';
import { mapCorpus } from '../../harness/map-corpus';

const TODAY = '2026-06-01';

describe('map layout carried as data', () => {
  const entries = mapCorpus(120);
  const report = knowledgeRisk(entries, TODAY);
  const graph = decisionGraph(entries, { today: TODAY, report });
  const view = mapView(graph);
  const simulated = layoutView(view.nodes, view.edges);
  const positions = positionsOf(simulated);

  it('places every node where the simulation put it, to a tenth, with the radius it is drawn at', () => {
    const carried = layoutFrom(view.nodes, positions);
    assert.ok(carried);
    assert.equal(carried.nodes.size, view.nodes.length);
    for (const node of view.nodes) {
      const from = simulated.nodes.get(node.key)!;
      const to: Placed = carried.nodes.get(node.key)!;
      assert.ok(Math.abs(from.x - to.x) <= 0.05 && Math.abs(from.y - to.y) <= 0.05, `${node.key}: ${from.x},${from.y} vs ${to.x},${to.y}`);
      assert.equal(to.r, radiusOf(node));
    }
    for (const side of ['minX', 'minY', 'maxX', 'maxY'] as const) assert.ok(Math.abs(carried[side] - simulated[side]) <= 0.05, side);
  });

  it('serves no other view: a filtered one, one node more, one node less or a centre that is not a pair of numbers', () => {
    const filtered = mapView(graph, { types: ['rfc'] });
    assert.ok(filtered.nodes.length > 0 && filtered.nodes.length < view.nodes.length);
    assert.equal(layoutFrom(filtered.nodes, positions), undefined);
    assert.equal(layoutFrom(view.nodes.slice(1), positions), undefined);
    const [first, ...rest] = Object.entries(positions);
    assert.equal(layoutFrom(view.nodes, Object.fromEntries(rest)), undefined);
    assert.equal(layoutFrom(view.nodes, { ...positions, 'r:elsewhere.md': [0, 0] }), undefined);
    for (const bad of [[1], [1, Number.NaN], ['1', 2], null, 'x'] as unknown[]) {
      assert.equal(layoutFrom(view.nodes, { ...positions, [first[0]]: bad } as Positions), undefined, JSON.stringify(bad));
    }
  });

  it('is what the HTML report carries: the unfiltered view\'s nodes, each once', () => {
    const html = renderReportHtml({ report, graph, departures: [], script: '', style: '', nonce: 'n', href: (p) => p });
    const start = html.indexOf(`id="${MAP_DATA_ID}">`) + `id="${MAP_DATA_ID}">`.length;
    const data = JSON.parse(html.slice(start, html.indexOf('</script>', start))) as ReportMapData;
    assert.deepEqual(Object.keys(data.positions ?? {}).sort(), view.nodes.map((n) => n.key).sort());
    assert.deepEqual(data.positions, positions);
  });

  it('carries the grouped view of a map too large to draw record by record', () => {
    const big = decisionGraph(mapCorpus(3000), { today: TODAY });
    const grouped = mapView(big);
    assert.ok(grouped.grouped);
    assert.ok(layoutFrom(grouped.nodes, positionsOf(layoutView(grouped.nodes, grouped.edges))));
  });
});
