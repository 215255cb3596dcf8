// A real client that is not VS Code: Neovim's built-in LSP client (Debian's Neovim 0.7, which the
// test harness's setup installs), headless, runs `legible lsp --stdio` on a record.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { capture } from '../../harness/proc';
import { buildCli, tempDir } from '../cli/cli-process';
import { cleanupTemps, recordsWorkspace } from '../support/lsp-session';

function neovimVersion(): string | undefined {
  const run = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.split('\n')[0] : undefined;
}

interface Seen {
  error?: string;
  diagnostics: Array<{ line: number; message: string; source: string; code: string }>;
  completion: string[];
  actions: string[];
  applied: string;
  text: string;
  after: string[];
}

describe('language server in Neovim (headless, vim.lsp.start_client)', function () {
  this.timeout(120_000);
  after(cleanupTemps);

  it('shows a record\'s diagnostics, completes its status, and applies a quick fix to the buffer', async () => {
    const version = neovimVersion();
    assert.ok(version, 'nvim is not installed. The test harness installs it (npm run setup:vscode runs apt-get install neovim); by hand: apt-get install -y neovim');
    const { root, second } = await recordsWorkspace();
    const { cli } = await buildCli();
    const out = path.join(await tempDir('legible-nvim-'), 'seen.json');
    const run = await capture('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'neovim-client.lua')}`], {
      cwd: root,
      env: { ...process.env, LEGIBLE_OUT: out, LEGIBLE_ROOT: root, LEGIBLE_RECORD: second, LEGIBLE_CMD: JSON.stringify([process.execPath, cli, 'lsp', '--stdio']) },
    });
    const seen = JSON.parse(await readFile(out, 'utf8').catch(() => `{"error":"nvim wrote nothing (exit ${run.code}): ${JSON.stringify(run.stderr)}"}`)) as Seen;
    assert.equal(seen.error, undefined, `${version}: ${seen.error}`);
    assert.deepEqual(seen.diagnostics.map((d) => [d.line, d.source, d.code]), [[8, 'legible', 'frontmatter-schema']]);
    assert.match(seen.diagnostics[0].message, /`reversibility\.how` is missing/);
    assert.ok(['proposed', 'accepted', 'superseded'].every((label) => seen.completion.includes(label)), seen.completion.join(', '));
    assert.deepEqual(seen.actions, ['Add `reversibility.how`', 'Disable `frontmatter-schema` for this file']);
    assert.equal(seen.applied, 'Add `reversibility.how`');
    assert.match(seen.text, /\n {2}door: one-way\n {2}how: >-\n {4}<How would we reverse this if it proves wrong\?>\nrisk:\n/);
    // The server heard the edit: the question is now asked of the placeholder the fix inserted.
    assert.ok(!seen.after.some((message) => message.includes('`reversibility.how` is missing')), seen.after.join('\n'));
    assert.ok(seen.after.some((message) => message.startsWith('`reversibility.how` is still a placeholder')), seen.after.join('\n'));
  });
});
