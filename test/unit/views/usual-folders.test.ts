// The folders Legible looks in live once (USUAL_FOLDERS); the manifest cannot import them, so this
// holds its three copies to that list: what wakes the extension, what the empty Decisions view
// tells a user, and what the folders setting says it falls back to.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { USUAL_FOLDERS } from '../../../src/core/workspace/discover-folders';

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  activationEvents: string[];
  contributes: { viewsWelcome: Array<{ view: string; contents: string }>; configuration: { properties: Record<string, { markdownDescription?: string }> } };
};

/** The folder names a text lists, in order: words with a slash or a usual folder's exact name. */
function named(text: string): string[] {
  return USUAL_FOLDERS.filter((folder) => new RegExp(`(^|[\\s\`(,])${folder.replace(/\//g, '\\/')}(?=[\\s\`),.;]|$)`).test(text));
}

describe('the usual decisions folders, as the manifest names them', () => {
  it('each wakes the extension when it holds Markdown, as the hint files and .legible.json do', () => {
    const folders = manifest.activationEvents.filter((event) => event.endsWith('/*.md')).map((event) => event.replace(/^workspaceContains:/, '').replace(/\/\*\.md$/, ''));
    assert.deepEqual(folders, USUAL_FOLDERS);
    for (const hint of ['.legible.json', '.adr-dir', '.log4brains.yml']) assert.ok(manifest.activationEvents.includes(`workspaceContains:${hint}`), hint);
  });

  it('are all listed by the empty Decisions view, which offers Configure Folder for the rest', () => {
    const welcome = manifest.contributes.viewsWelcome.find((w) => w.view === 'legible.decisions' && /Configure Folder/.test(w.contents));
    assert.ok(welcome, 'the Decisions view has a welcome with Configure Folder');
    assert.deepEqual(named(welcome.contents), USUAL_FOLDERS);
  });

  it('are all named by the folders setting as its fallback', () => {
    assert.deepEqual(named(manifest.contributes.configuration.properties['legible.folders'].markdownDescription ?? ''), USUAL_FOLDERS);
  });
});
