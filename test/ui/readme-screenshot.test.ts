// A whole ADR written as a person writes one, and the product screenshot of README.md taken of it:
// Legible: New ADR from the palette, the title, the door, the risk level and the blast radius picked
// from lists that say what each value means, then Tab through every remaining required field,
// typing prose full of colons (the tradeoff and exit-path answers are sentences), a mechanism
// chosen from the values the stop drops down; saved, the record is valid YAML with every answer as typed,
// and the only finding left is about the door picked, not about anything typed. The screenshot shows
// the record, the Decisions tree with it, and that one finding in the Problems panel.
// Every run takes it into test-artifacts/; LEGIBLE_SCREENSHOT=1 also writes media/screenshot.png
// (then compressed with pngquant when it is installed), so normal runs never touch the committed file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { workbench, workspaceFolder } from './support/session';
import { fileContaining } from './support/file-containing';
import { writeMedia } from './support/media';

const TITLE = 'Shard the payments ledger by merchant';
const SLUG = 'shard-the-payments-ledger-by-merchant';

/** What the person types at each stop, by the question its placeholder asks. */
const ANSWERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^<Who is accountable/, 'priya'],
  [/^<How would we reverse/, 'Keep the unsharded primary as a read replica for 90 days: if routing misbehaves, flip the router flag back and replay the outbox; nothing is lost.'],
  [/^<How will we lower this risk/, 'Shadow writes first: for two weeks every write goes to both layouts and a nightly job compares balances; then cut over by cohort: 1%, 10%, all.'],
  [/^<What risk are we reducing/, 'Ledger write latency: p99 reached 1.8 s at the November peak, and 4 of 11 incidents this year were lock contention on the single primary.'],
  [/^<What option are we preserving/, 'Dedicated shards for the largest merchants later: the routing key is the merchant id, so no schema change is needed.'],
  [/^<What cost are we accepting/, 'A routing layer to run and monitor, and reports across merchants: finance exports now read from the warehouse, not the primary.'],
  [/^<What decision becomes easier/, 'Region expansion: an EU shard can hold EU merchants without splitting the schema again.'],
  [/^<What business outcome/, 'Checkout availability at peak: authorization never waits on a lock held by another merchant # batch.'],
  [/^<Who holds the knowledge/, 'priya'],
  [/^<Who will operate this/, 'li.wei'],
  [/^<What is the issue/, 'The ledger runs on one PostgreSQL primary. Peak load: 2,400 writes per second, growing 40% a year; settlement batches of the largest merchants hold row locks for seconds.'],
  [/^<What change are we making/, 'Shard the ledger by merchant id across four PostgreSQL clusters, routed by a thin library in the payments service: balances never cross shards.'],
  [/^<What becomes easier or harder/, 'Easier: scaling writes, isolating noisy merchants. Harder: reports across merchants, and every migration now runs four times.'],
];
const MECHANISM = 'pairing';

interface Stop {
  /** 1-based, as the status bar counts. */
  readonly line: number;
  readonly column: number;
  readonly placeholder: string;
}

/** The snippet's stops as the record on disk has them: each placeholder that is a whole value, list item, block line or paragraph. */
function stopsOf(text: string): Stop[] {
  return text.split('\n').flatMap((line, i) => {
    const match = /^([ \t]*(?:- |[\w-]+: )?)(<[^<>\n]+>)$/.exec(line);
    return match ? [{ line: i + 1, column: match[1].length + 1, placeholder: match[2] }] : [];
  });
}

function answerFor(placeholder: string): string {
  const found = ANSWERS.find(([question]) => question.test(placeholder));
  assert.ok(found, `no answer for the stop ${placeholder}`);
  return found[1];
}

describe('README screenshot', () => {
  it('writes a whole ADR through New ADR, its quick picks and its stops, prose full of colons, and saves it with no frontmatter-malformed', async function () {
    // Some 1,700 keystrokes, each answered by the workbench.
    this.timeout(300_000);
    const ui = workbench();
    await ui.closeAllEditors();
    await ui.openContainer('Legible');
    const folder = path.join(workspaceFolder(), 'docs', 'decisions');
    const before = new Set(fs.readdirSync(folder));

    await ui.runCommand('Legible: New ADR');
    await ui.answerInput(TITLE, /What is being decided\?/);
    const doors = await ui.chooseQuickPick('one-way', 'Is this a one-way door or a two-way door?');
    assert.deepEqual(doors, ['one-way Hard or costly to undo: deserves a written way back.', 'two-way Cheap to reverse: decide fast and revisit.']);
    const levels = await ui.chooseQuickPick('high', 'How bad would it be if this went wrong?');
    assert.equal(levels.length, 4, levels.join('\n'));
    assert.ok(levels[2].startsWith('high Could hurt customers or several teams'), levels.join('\n'));
    await ui.chooseQuickPick('cross-team', 'How far would the damage reach if this went wrong?');
    await ui.waitInputClosed();

    const tab = await ui.waitForActiveTab(SLUG);
    assert.match(tab, new RegExp(`^\\d{4}-${SLUG}\\.md$`));
    assert.ok(!before.has(tab));
    const file = path.join(folder, tab);
    await ui.waitForEditorLine('  door: one-way');
    const stops = stopsOf(fs.readFileSync(file, 'utf8'));
    // The owner, the way back and the mitigation the answers require, five tradeoffs, three exit-path lists, three sections.
    assert.equal(stops.length, ANSWERS.length + 1, stops.map((s) => s.placeholder).join('\n'));

    for (const stop of stops) {
      const length = stop.placeholder.length;
      await ui.waitForCursor(new RegExp(`^Ln ${stop.line}, Col ${stop.column + length} \\(${length} selected\\)`));
      if (stop.placeholder.startsWith('<documentation |')) {
        // A choice: its values drop down at the stop, after the open question it starts on; the one
        // chosen replaces it, and the snippet moves on to the next stop by itself.
        const choices = await ui.waitForSuggestions(MECHANISM);
        assert.deepEqual(choices, [stop.placeholder, 'documentation', 'pairing', 'runbook', 'design-record', 'training', 'dashboard', 'ownership-transfer', 'simplification']);
        await ui.chooseSuggestion(MECHANISM);
        await ui.waitForEditorLine(`    - ${MECHANISM}`);
      } else {
        await ui.type(answerFor(stop.placeholder));
        await ui.press('Tab');
      }
    }
    // The last Tab leaves the snippet at its end.
    await ui.waitForCursor(/^Ln \d+, Col 1$/);
    await ui.save();

    const text = await fileContaining(file, /\n {4}Ledger write latency: p99/);
    const data = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]) as Record<string, Record<string, unknown>>;
    assert.deepEqual(data.reversibility, { door: 'one-way', how: answerFor('<How would we reverse') });
    assert.deepEqual(data.risk, { level: 'high', 'blast-radius': 'cross-team', mitigation: answerFor('<How will we lower this risk') });
    assert.equal(data['business-tradeoff']['protects-outcome'], answerFor('<What business outcome'));
    assert.deepEqual(data['knowledge-exit-path'], { holders: ['priya'], successors: ['li.wei'], mechanisms: [MECHANISM] });
    assert.ok(text.includes(`\n## Context\n\n${answerFor('<What is the issue')}\n`), text);
    assert.doesNotMatch(text, /<[^<>\n]+>/, 'no placeholder is left');

    // The Problems panel for this record: nothing about what was typed; only the door picked, decided by one person.
    await ui.openProblems();
    const problems = await ui.filterProblems(`**/${tab}`, /one-way door was decided by one person/, tab);
    const codes = await ui.problemCodes();
    assert.ok(!codes.includes('frontmatter-malformed'), codes.join(', '));
    assert.deepEqual(codes, ['one-way-door-single-decider'], JSON.stringify(problems));
    assert.equal(problems[0].line, text.split('\n').findIndex((line) => line.startsWith('  door:')) + 1, 'on the door line');

    await ui.waitForTreeRow(`${tab.slice(0, 4)} Shard the payments…`, 'Decisions');
    await ui.goToLine(1, 1);
    // The pointer off every row and squiggle: no tooltip or hover over the picture.
    await ui.page.mouse.move(1, 450);
    const shot = await ui.screenshot('readme screenshot');
    writeMedia(shot, 'screenshot.png');
    await ui.filterProblems('', /./);
    await ui.closeAllEditors();
  });
});
