import * as assert from 'node:assert/strict';
import type { DecisionEntry } from '../../../src/core/index/decision-entry';
import { DecisionIndex } from '../../../src/core/index/decision-index';
import { decisionGraph, type RecordNode } from '../../../src/core/map/decision-graph';
import { GROUP_ABOVE, mapView } from '../../../src/core/map/map-view';
import { mapCorpus } from '../../harness/map-corpus';

const TODAY = '2026-06-01';
const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const ref = (number: number, prefix?: string) => ({ raw: String(number), number, prefix, range: ZERO });

function entry(number: number, over: Partial<DecisionEntry> = {}): DecisionEntry {
  const id = String(number).padStart(4, '0');
  return {
    path: `/ws/docs/decisions/${id}-r.md`, folder: '/ws/docs/decisions', number, id, type: 'adr', title: `Record ${number}`, status: 'accepted',
    owners: [], deciders: [], holders: [], successors: [], mechanisms: [], supersedes: [], supersededBy: [], related: [], decisions: [],
    artifacts: [], tags: [], placeholders: [], anchor: ZERO, suppressed: [], ...over,
  };
}

const records = (graph: ReturnType<typeof decisionGraph>) => graph.nodes.filter((n): n is RecordNode => n.kind === 'record');
const edgeList = (graph: ReturnType<typeof decisionGraph>) => graph.edges.map((e) => `${e.from.replace(/^r:\/ws\/docs\/decisions\//, '')} ${e.kind} ${e.to.replace(/^r:\/ws\/docs\/decisions\//, '')}`);

describe('decision map: graph', () => {
  it('joins records by supersedes (once, from either side), related (once, both ways), plan and decisions', () => {
    const graph = decisionGraph([
      entry(1, { status: 'superseded', supersededBy: [ref(2)] }),
      entry(2, { supersedes: [ref(1)], related: [ref(3)], plan: ref(4, 'EXIT') }),
      entry(3, { related: [ref(2)] }),
      entry(4, { type: 'exit-plan', status: 'draft', decisions: [ref(2)] }),
    ], { today: TODAY });
    assert.deepEqual(edgeList(graph).sort(), [
      '0002-r.md plan 0004-r.md',
      '0002-r.md related 0003-r.md',
      '0002-r.md supersedes 0001-r.md',
      '0004-r.md decisions 0002-r.md',
    ]);
  });

  it('draws people from what they hold, succeed and own, one node per person whatever the case, and counts the decisions no one else would be left to explain', () => {
    const graph = decisionGraph([
      entry(1, { holders: ['Priya'], owners: ['priya'] }),
      entry(2, { holders: ['priya', 'jonas'], successors: ['jonas'] }),
    ], { today: TODAY });
    const people = graph.nodes.filter((n) => n.kind === 'person');
    assert.deepEqual(people.map((p) => [p.key, p.kind === 'person' && p.soleHolds]), [['p:jonas', 1], ['p:priya', 2]]);
    assert.deepEqual(edgeList(graph).sort(), ['p:jonas holds 0002-r.md', 'p:jonas succeeds 0002-r.md', 'p:priya holds 0001-r.md', 'p:priya holds 0002-r.md', 'p:priya owns 0001-r.md']);
  });

  it('marks knowledge risks with the report\'s reasons and sizes records by risk or blast radius', () => {
    const graph = decisionGraph([
      entry(1, { holders: ['li.wei'], door: 'one-way', owners: ['li.wei'], risk: 'low', blastRadius: 'org' }),
      entry(2, { holders: ['a'], successors: ['b'], reviewBy: '2025-01-01', risk: 'high' }),
      entry(3, { holders: ['a'], successors: ['b'] }),
    ], { today: TODAY });
    const [one, two, three] = records(graph);
    assert.deepEqual(one.risks, ['sole-holder', 'one-way-door-decided-alone']);
    assert.deepEqual(two.risks, ['overdue-review']);
    assert.deepEqual(three.risks, []);
    assert.deepEqual([one.weight, two.weight, three.weight], [4, 3, 1]);
    assert.equal(graph.summary.knowledgeRisks, 2);
  });

  it('keeps observed authors apart from declared people (the evidence hook)', () => {
    const graph = decisionGraph([entry(1, { holders: ['priya'] })], { today: TODAY, observed: new Map([['/ws/docs/decisions/0001-r.md', ['priya']]]) });
    assert.deepEqual(graph.nodes.filter((n) => n.kind === 'person').map((p) => p.kind === 'person' && `${p.key} ${p.source}`), ['p:priya declared', 'o:priya observed']);
    assert.ok(edgeList(graph).includes('o:priya authored 0001-r.md'));
    assert.deepEqual(graph.facets.people, ['priya']);
  });

  it('gives the same graph from the index as from its entries, and carries the tradeoff answers it is given', () => {
    const entries = mapCorpus(60);
    const index = new DecisionIndex();
    for (const e of entries) index.set(e);
    assert.deepEqual(decisionGraph(index, { today: TODAY }), decisionGraph(entries, { today: TODAY }));
    const withTradeoff = decisionGraph([entry(1)], { today: TODAY, tradeoff: () => ({ 'reduces-risk': 'Lost payments' }) });
    assert.deepEqual(records(withTradeoff)[0].tradeoff, { 'reduces-risk': 'Lost payments' });
  });
});

describe('decision map: view', () => {
  const graph = decisionGraph(mapCorpus(300), { today: TODAY });

  it('filters by type, status, person, tag, knowledge risk and search, and keeps only the people linked to what is left', () => {
    const all = records(graph);
    const check = (filter: Parameters<typeof mapView>[1], expected: (r: RecordNode) => boolean) => {
      const view = mapView(graph, filter);
      const shown = view.nodes.filter((n): n is RecordNode => n.kind === 'record');
      assert.deepEqual(shown.map((r) => r.key), all.filter(expected).map((r) => r.key), JSON.stringify(filter));
      assert.ok(shown.length > 0, JSON.stringify(filter));
      const keys = new Set(view.nodes.map((n) => n.key));
      for (const edge of view.edges) assert.ok(keys.has(edge.from) && keys.has(edge.to));
      for (const person of view.nodes.filter((n) => n.kind === 'person')) assert.ok(view.edges.some((e) => e.from === person.key));
    };
    check({ types: ['rfc'] }, (r) => r.type === 'rfc');
    check({ statuses: ['implemented'] }, (r) => r.status === 'implemented');
    check({ person: 'PRIYA' }, (r) => [...r.owners, ...r.deciders, ...r.holders, ...r.successors].includes('priya'));
    check({ tag: 'ledger' }, (r) => r.tags.includes('ledger'));
    check({ onlyRisks: true }, (r) => r.risks.length > 0);
    check({ search: 'adopt LEDGER' }, (r) => /adopt/i.test(r.title) && `${r.title} ${r.tags.join(' ')}`.toLowerCase().includes('ledger'));
  });

  it('groups 10,000 records by type and status, opens a group, and slices a group still too large', () => {
    const big = decisionGraph(mapCorpus(10_000), { today: TODAY });
    const grouped = mapView(big);
    assert.equal(grouped.grouped, true);
    assert.equal(grouped.matching, 10_000);
    assert.ok(grouped.nodes.every((n) => n.kind === 'group'));
    assert.equal(grouped.nodes.reduce((sum, n) => sum + (n.kind === 'group' ? n.count : 0), 0), 10_000);
    assert.ok(grouped.edges.length > 0 && grouped.edges.every((e) => (e.count ?? 0) > 0));
    const largest = [...grouped.nodes].sort((a, b) => (b.kind === 'group' ? b.count : 0) - (a.kind === 'group' ? a.count : 0))[0];
    const opened = mapView(big, { group: largest.key });
    const count = largest.kind === 'group' ? largest.count : 0;
    if (count > GROUP_ABOVE) {
      assert.equal(opened.grouped, true);
      assert.ok(opened.nodes.every((n) => n.kind === 'group' && n.count <= GROUP_ABOVE));
      const slice = mapView(big, { group: opened.nodes[0].key });
      assert.equal(slice.grouped, false);
      assert.equal(slice.nodes.filter((n) => n.kind === 'record').length, GROUP_ABOVE);
    } else {
      assert.equal(opened.nodes.filter((n) => n.kind === 'record').length, count);
    }
  });
});
