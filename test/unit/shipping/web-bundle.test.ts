// The web worker host's bundle (package.json "browser"), built as scripts/build.mjs builds it for
// a release: within its budget, and loadable where the host gives `require` nothing but `vscode`.
import * as assert from 'node:assert/strict';
import { build } from 'esbuild';
import { WEB_BUNDLE_BUDGET, webBuild } from '../../../scripts/sidecars.mjs';
import { readJson, REPO } from './packages';

describe('the web bundle (dist/web/extension.js)', function () {
  this.timeout(120_000);
  let code = '';
  let inputs: string[] = [];

  before(async () => {
    const result = await build({ ...webBuild, minify: true, write: false, metafile: true, outfile: 'web/extension.js', absWorkingDir: REPO });
    code = result.outputFiles[0].text;
    inputs = Object.keys(result.metafile.inputs);
  });

  it(`is at most ${WEB_BUNDLE_BUDGET / 1000} KB`, () => {
    const size = Buffer.byteLength(code);
    assert.ok(size <= WEB_BUNDLE_BUDGET, `${size} bytes > ${WEB_BUNDLE_BUDGET}`);
  });

  it('requires nothing but vscode, and carries neither RE2, nor a Node adapter but the plain-JavaScript ones, nor ajv\'s compiler', () => {
    // Not inside a string: ajv's runtime helpers carry the source of their own require as `code`.
    const required = new Set([...code.matchAll(/(?<!['"])\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]));
    assert.deepEqual([...required], ['vscode']);
    assert.deepEqual(inputs.filter((file) => /re2|src\/node\/(?!system-clock|time-slices)|runtime-validator|ajv\/dist\/compile/.test(file)), []);
  });

  it('is the manifest\'s browser entry, beside its Node entry', async () => {
    const manifest = await readJson<{ main: string; browser: string }>('package.json');
    assert.deepEqual([manifest.main, manifest.browser], ['./dist/extension.js', './dist/web/extension.js']);
  });
});
