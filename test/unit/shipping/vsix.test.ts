// The VSIX as the Marketplace and Open VSX receive it: `vsce package` in a clean clone (its
// vscode:prepublish builds dist/), with its icon, CHANGELOG, gallery metadata and README images.
import * as assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { BUDGETS, megabytes, packagedVsix, readJson, REPO } from './packages';

interface Manifest {
  version: string;
  icon: string;
  galleryBanner: { color: string; theme: string };
  bugs: { url: string };
  qna: string | false;
  categories: string[];
  keywords: string[];
  repository: { url: string };
}

/** A PNG's width and height, from its IHDR chunk (always the first, at a fixed offset). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'not a PNG');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the VSIX (vsce package from a clean clone)', function () {
  this.timeout(180_000);

  it('is built by vscode:prepublish and packaged without a warning', async () => {
    const { log } = await packagedVsix();
    assert.match(log, /vscode:prepublish/);
    assert.doesNotMatch(log, /\bWARNING\b/i);
  });

  it('holds the extension bundle, its sidecars, the MCP server, schemas, snippets, icon and documents, and nothing else', async () => {
    const { entries } = await packagedVsix();
    const files = [...entries.keys()].filter((name) => name.startsWith('extension/')).sort();
    assert.deepEqual(files, [
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/dist/extension.js',
      'extension/dist/icon.png',
      'extension/dist/map-style.css',
      'extension/dist/map.js',
      'extension/dist/markdown.js.br',
      'extension/dist/mcp-sdk.js.br',
      'extension/dist/mcp-server.js.br',
      'extension/dist/mcp.js',
      'extension/dist/picomatch.js',
      'extension/dist/re2.js',
      'extension/dist/re2.wasm.br',
      'extension/dist/schema-compiler.js.br',
      'extension/dist/validators.js',
      'extension/dist/web/extension.js',
      'extension/dist/yaml.js',
      'extension/media/legible.svg',
      'extension/package.json',
      'extension/readme.md',
      'extension/schemas/adr.schema.json',
      'extension/schemas/defs.schema.json',
      'extension/schemas/evidence-report.schema.json',
      'extension/schemas/exit-plan.schema.json',
      'extension/schemas/legible-config.schema.json',
      'extension/schemas/report.schema.json',
      'extension/schemas/rfc.schema.json',
      'extension/snippets/legible.code-snippets',
    ]);
  });

  it(`is at most ${megabytes(BUDGETS.vsixBytes)}`, async () => {
    const { file } = await packagedVsix();
    const { size } = await stat(file);
    assert.ok(size <= BUDGETS.vsixBytes, `${size} bytes (${megabytes(size)}) > ${BUDGETS.vsixBytes}`);
  });

  it('has a 128×128 PNG icon, named in its manifest and in the gallery metadata', async () => {
    const { entries } = await packagedVsix();
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as Manifest;
    const icon = entries.get(`extension/${manifest.icon}`);
    assert.ok(icon, `the icon ${manifest.icon} is not in the VSIX`);
    assert.deepEqual(pngSize(icon), { width: 128, height: 128 });
    assert.match(entries.get('extension.vsixmanifest')!.toString('utf8'), new RegExp(`<Icon>extension/${manifest.icon}</Icon>`));
  });

  it('carries the CHANGELOG, with a section for its own version', async () => {
    const { entries } = await packagedVsix();
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as Manifest;
    const changelog = entries.get('extension/changelog.md')?.toString('utf8') ?? '';
    assert.equal(changelog, await readFile(path.join(REPO, 'CHANGELOG.md'), 'utf8'));
    assert.match(changelog, new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}\\b`, 'm'));
  });

  it('has the Marketplace page metadata: banner, issues link, Q&A off, categories and keywords', async () => {
    const { entries } = await packagedVsix();
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as Manifest;
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.equal(manifest.bugs.url, `${manifest.repository.url.replace(/\.git$/, '')}/issues`);
    assert.equal(manifest.qna, false);
    assert.ok(manifest.categories.includes('Linters'));
    for (const word of ['adr', 'architecture decision record', 'rfc', 'madr']) assert.ok(manifest.keywords.includes(word), word);
    // vsce refuses more than 30 keywords.
    assert.ok(manifest.keywords.length <= 30);
    const vsixManifest = entries.get('extension.vsixmanifest')!.toString('utf8');
    assert.match(vsixManifest, /Microsoft\.VisualStudio\.Services\.Branding\.Color" Value="#[0-9a-f]{6}"/i);
    assert.match(vsixManifest, /Microsoft\.VisualStudio\.Services\.EnableMarketplaceQnA" Value="false"/);
  });

  it("shows the README's images on the Marketplace: every image an absolute https URL to a file the repository has", async () => {
    const { entries } = await packagedVsix();
    const readme = entries.get('extension/readme.md')!.toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    assert.ok(images.length > 0, 'the README shows no image');
    const { repository } = await readJson<Manifest>(path.join(REPO, 'package.json'));
    const raw = `${repository.url.replace(/\.git$/, '')}/raw/HEAD/`;
    for (const image of images) {
      assert.ok(image.startsWith(raw), `${image} is not served from the repository (${raw})`);
      await stat(path.join(REPO, decodeURIComponent(image.slice(raw.length))));
    }
  });

  it('carries the same version as package.json', async () => {
    const { entries } = await packagedVsix();
    const packed = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as Manifest;
    const { version } = await readJson<Manifest>(path.join(REPO, 'package.json'));
    assert.equal(packed.version, version);
    assert.match(entries.get('extension.vsixmanifest')!.toString('utf8'), new RegExp(`Version="${version.replace(/\./g, '\\.')}"`));
  });
});
