// The product screenshot of README.md, taken on the example workspace as a person would see it: the
// Legible container (Decisions tree, Knowledge Risk), 0013 open with squiggles under its unfilled
// tradeoff fields and the hover that asks the field's question, and the Problems panel.
// Every run takes it into test-artifacts/; LEGIBLE_SCREENSHOT=1 also writes media/screenshot.png
// (then compressed with pngquant when it is installed), so normal runs never touch the committed file.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../harness/paths';
import { workbench } from './support/session';

const MEDIA = path.join(REPO_ROOT, 'media', 'screenshot.png');

describe('README screenshot', () => {
  it('shows the Decisions tree, an ADR with diagnostics on its tradeoff fields and the Problems panel', async () => {
    const ui = workbench();
    await ui.closeAllEditors();
    await ui.openContainer('Legible');
    await ui.waitForTreeRow('Decisions only one person holds', 'Knowledge Risk');
    await ui.clickTreeRow('0013 Add a second card…', 'Decisions');
    await ui.waitForActiveTab('0013-add-a-second-card-acquirer-for-failover.md');
    await ui.openProblems();
    await ui.filterProblems('**/0013-*.md', /protects-outcome/);
    // The business tradeoff in the middle of the editor, the pointer on its last unfilled field
    // (the hover opens below it, over the knowledge exit path).
    await ui.goToLine(22, 1);
    await ui.waitForSquiggle('warning');
    const hover = await ui.hoverEditorText('<What business outcome does this protect?>');
    assert.match(hover, /What business outcome does this protect\?/);
    const shot = await ui.screenshot('readme screenshot');
    if (process.env.LEGIBLE_SCREENSHOT === '1') {
      fs.copyFileSync(shot, MEDIA);
      const quantized = spawnSync('pngquant', ['--force', '--skip-if-larger', '--quality=70-95', '--output', MEDIA, MEDIA], { stdio: 'inherit' });
      if (quantized.error) console.log(`      pngquant not run (${quantized.error.message}): ${MEDIA} is the raw PNG`);
      console.log(`      wrote ${path.relative(REPO_ROOT, MEDIA)} (${Math.round(fs.statSync(MEDIA).size / 1024)} KiB)`);
    }
    await ui.page.mouse.move(0, 0);
    await ui.filterProblems('', /./);
    await ui.closeAllEditors();
  });
});
