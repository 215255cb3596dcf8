import { strict as assert } from 'node:assert';
import { isLiveExitPlan } from '../../../src/core/knowledge/predicates';
import { decisionGraph } from '../../../src/core/map/decision-graph';
import { knowledgeRisk, whatIfLeaves } from '../../../src/core/report/knowledge-risk';
import type { RecordNode } from '../../../src/core/map/decision-graph';
import type { DecisionEntry } from '../../../src/core/index/decision-entry';
import { statusesOf } from '../../../src/core/schema/statuses';
import { brief, cleanAdr, cleanExitPlan, lintFiles, TODAY } from '../support/workspace';

/** An accepted ADR whose one holder names no other successor, and whose exit path names `plan`. */
function heldAlone(title: string, holder: string, plan: string): string {
  return cleanAdr(title).replace(
    'knowledge-exit-path: {holders: [amira], successors: [bo], mechanisms: [runbook]}',
    `knowledge-exit-path: {holders: [${holder}], successors: [${holder}], mechanisms: [runbook], plan: ${plan}}`,
  );
}

function exitPlan(title: string, status: string): string {
  return cleanExitPlan(title, { status });
}

/** One decision per kind of `plan`, each held by its own person: who is alone tells which plan counted. */
const FILES = {
  'docs/decisions/0001-dangling.md': heldAlone('Plan names no record', 'dana', 'EXIT-0099'),
  'docs/decisions/0002-abandoned.md': heldAlone('Plan was abandoned', 'abel', 'EXIT-0010'),
  'docs/decisions/0003-not-a-plan.md': heldAlone('Plan names an ADR', 'nora', '0009'),
  'docs/decisions/0004-planned.md': heldAlone('Plan is planned', 'pia', 'EXIT-0011'),
  'docs/decisions/0005-in-progress.md': heldAlone('Plan is under way', 'ivo', 'EXIT-0012'),
  'docs/decisions/0006-verified.md': heldAlone('Plan is verified', 'vera', 'EXIT-0013'),
  'docs/decisions/0009-other.md': cleanAdr('Some other decision'),
  'docs/decisions/0010-given-up.md': exitPlan('Given up', 'abandoned'),
  'docs/decisions/0011-planned.md': exitPlan('Planned', 'planned'),
  'docs/decisions/0012-under-way.md': exitPlan('Under way', 'in-progress'),
  'docs/decisions/0013-done.md': exitPlan('Done', 'verified'),
};
const ALONE = ['dana', 'abel', 'nora'];
const ALONE_PATHS = ['/ws/docs/decisions/0001-dangling.md', '/ws/docs/decisions/0002-abandoned.md', '/ws/docs/decisions/0003-not-a-plan.md'];

describe('an exit plan is a way out only when it exists and still moves knowledge', () => {
  it('a live exit plan has one of the schema\'s exit-plan statuses other than abandoned', () => {
    const plan = (status: string | undefined) => ({ type: 'exit-plan', status }) as DecisionEntry;
    assert.deepEqual(statusesOf('exit-plan').filter((status) => isLiveExitPlan(plan(status))), statusesOf('exit-plan').filter((status) => status !== 'abandoned'));
    for (const status of [undefined, 'Planned', 'done', 'abandoned']) assert.equal(isLiveExitPlan(plan(status)), false, String(status));
    assert.equal(isLiveExitPlan({ type: 'adr', status: 'accepted' } as DecisionEntry), false);
  });

  it('the report lists the holder of a decision whose plan names no record, an abandoned plan or a record of another type', async () => {
    const { workspace } = await lintFiles(FILES);
    const entries = workspace.index.entries();
    // As the CLI asks (with its index) and as the MCP server, the views and the map ask (entries alone).
    for (const report of [knowledgeRisk(entries, TODAY, workspace.index), knowledgeRisk(entries, TODAY)]) {
      assert.deepEqual(report.soleHolders.map((p) => [p.person, p.decisions.map((d) => d.id)]), [['abel', ['ADR-0002']], ['dana', ['ADR-0001']], ['nora', ['ADR-0003']]]);
    }
  });

  it('what a departure would cost says the same', async () => {
    const { workspace } = await lintFiles(FILES);
    const entries = workspace.index.entries();
    const lost = (person: string) => whatIfLeaves(entries, person).loseOnlyHolder.map((d) => d.path);
    assert.deepEqual(ALONE.map(lost), ALONE_PATHS.map((path) => [path]));
    for (const person of ['pia', 'ivo', 'vera']) assert.deepEqual(lost(person), [], person);
  });

  it('the decision map marks the same records as held by one person', async () => {
    const { workspace } = await lintFiles(FILES);
    const graph = decisionGraph(workspace.index, { today: TODAY });
    const sole = graph.nodes.filter((n): n is RecordNode => n.kind === 'record' && n.risks.includes('sole-holder')).map((n) => n.path).sort();
    assert.deepEqual(sole, ALONE_PATHS);
  });

  it('lint says why on the plan: reference-resolves; single-point-of-knowledge reads the record alone, which names a plan', async () => {
    const found = await lintFiles(FILES);
    const plans = (path: string) => found.of(path).filter((f) => f.ruleId === 'reference-resolves' || f.ruleId === 'single-point-of-knowledge');
    assert.deepEqual(brief(plans('docs/decisions/0001-dangling.md')), ['reference-resolves@10']);
    assert.match(plans('docs/decisions/0001-dangling.md')[0].message, /names EXIT-0099, but no record has number 99/);
    assert.deepEqual(brief(plans('docs/decisions/0002-abandoned.md')), ['reference-resolves@10']);
    const abandoned = plans('docs/decisions/0002-abandoned.md')[0];
    assert.equal(abandoned.message, '`knowledge-exit-path.plan` names EXIT-0010, which is abandoned: it moves no knowledge. Which exit plan moves this knowledge now?');
    // The plan leads somewhere: a warning, not the error a dangling id is; the configuration may still say otherwise.
    assert.equal(abandoned.severity, 'warning');
    assert.equal(plans('docs/decisions/0001-dangling.md')[0].severity, 'error');
    const configured = await lintFiles(FILES, { config: { rules: { 'reference-resolves': 'error' } } });
    assert.equal(configured.of('docs/decisions/0002-abandoned.md').find((f) => f.ruleId === 'reference-resolves')?.severity, 'error');
    assert.deepEqual(abandoned.related?.map((r) => [r.path, r.range.start.line + 1, r.message]), [['/ws/docs/decisions/0010-given-up.md', 4, '0010-given-up.md is abandoned']]);
    assert.deepEqual(brief(plans('docs/decisions/0003-not-a-plan.md')), ['reference-resolves@10']);
    assert.match(plans('docs/decisions/0003-not-a-plan.md')[0].message, /names 0009, which is not an exit plan/);
    for (const path of ['0004-planned.md', '0005-in-progress.md', '0006-verified.md']) assert.deepEqual(plans(`docs/decisions/${path}`), [], path);
  });

  it('an abandoned plan named by a decision no longer in force is history, not a finding', async () => {
    const superseded = heldAlone('Old decision', 'abel', 'EXIT-0010').replace('status: accepted', 'status: deprecated');
    const found = await lintFiles({ 'docs/decisions/0002-old.md': superseded, 'docs/decisions/0010-given-up.md': exitPlan('Given up', 'abandoned') });
    assert.deepEqual(found.of('docs/decisions/0002-old.md').filter((f) => f.ruleId === 'reference-resolves'), []);
  });
});
