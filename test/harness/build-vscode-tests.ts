// Bundles the in-host suite (test/vscode) with mocha into out/test/vscode/index.js; `vscode`
// stays external because the extension host provides it. The inline source map serves debuggers
// (the extension host's own Error.prepareStackTrace ignores it, so stacks show bundle lines).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { REPO_ROOT, VSCODE_TESTS_BUNDLE } from './paths';
import { step } from './log';

const SUITE_DIR = path.join(REPO_ROOT, 'test', 'vscode');

/** Every *.test.ts under test/vscode, so adding a test file needs no registration. */
function findTestFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return findTestFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  }).sort();
}

const testFilesPlugin: Plugin = {
  name: 'legible-vscode-test-files',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^legible:vscode-test-files$/ }, () => ({ path: 'test-files', namespace: 'legible' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'legible' }, () => {
      const requires = findTestFiles(SUITE_DIR).map((file) => `  require(${JSON.stringify(file)});`);
      return { contents: `exports.loadTestFiles = function () {\n${requires.join('\n')}\n};\n`, loader: 'js', resolveDir: SUITE_DIR };
    });
  },
};

export async function buildVscodeTests(): Promise<string> {
  const done = step('esbuild test/vscode → out/test/vscode/index.js');
  await build({
    entryPoints: [path.join(SUITE_DIR, 'index.ts')],
    outfile: VSCODE_TESTS_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'error',
    plugins: [testFilesPlugin],
  });
  done();
  return VSCODE_TESTS_BUNDLE;
}

if (require.main === module) {
  buildVscodeTests().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
