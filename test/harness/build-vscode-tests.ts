// Bundles the in-host suite (test/vscode) with mocha into out/test/vscode/index.js; `vscode`
// stays external because the extension host provides it. The inline source map serves debuggers
// (the extension host's own Error.prepareStackTrace ignores it, so stacks show bundle lines).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { REPO_ROOT, VSCODE_TESTS_BUNDLE, VSCODE_WEB_TESTS_BUNDLE } from './paths';
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

/**
 * The test files the web pass leaves out, and why: each needs Node (the disk, a child process,
 * `process.env`) or a pass of its own. The browser build fails if a file it bundles imports a Node
 * built-in, so a file that should be here cannot slip in unnoticed.
 */
export const NODE_ONLY_TEST_FILES: Readonly<Record<string, string>> = {
  'containment.test.ts': 'links and files on disk (node:fs)',
  'evidence.test.ts': 'makes the workspace a git repository (child processes) for the evidence from its history',
  'extension.test.ts': 'reads the extension host\'s log files on disk',
  'legacy-corpus.test.ts': 'reads the corpus from disk',
  'mcp-provider.test.ts': 'starts the MCP server it finds (child processes, the disk)',
  'new-record.test.ts': 'git config and PATH on disk (the web pass has its own New ADR test)',
  'restricted-mode.test.ts': 'the Restricted Mode pass',
  'robustness.test.ts': 'runs processes',
  'multi-root.test.ts': 'the multi-root pass',
  'virtual-workspace.test.ts': 'the multi-root pass',
};

function testFilesPlugin(filter: (file: string) => boolean = () => true): Plugin {
  return {
    name: 'legible-vscode-test-files',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^legible:vscode-test-files$/ }, () => ({ path: 'test-files', namespace: 'legible' }));
      esbuild.onLoad({ filter: /.*/, namespace: 'legible' }, () => {
        const requires = findTestFiles(SUITE_DIR).filter(filter).map((file) => `  require(${JSON.stringify(file)});`);
        return { contents: `exports.loadTestFiles = function () {\n${requires.join('\n')}\n};\n`, loader: 'js', resolveDir: SUITE_DIR };
      });
    },
  };
}

/**
 * mocha's browser build is a UMD file in an ES-module package: the bundler leaves its free
 * `module` and `exports` pointing at the bundle's own, so it would replace the suite's exports (run)
 * with its own. Parameters left undefined here, it takes its browser branch and defines the `Mocha` global.
 */
const mochaBrowserBuildPlugin: Plugin = {
  name: 'legible-mocha-browser-build',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({ contents: `(function (module, exports, define) {\n${fs.readFileSync(args.path, 'utf8')}\n})();`, loader: 'js' }));
  },
};

/** `node:assert/strict` in the browser: the `assert` package's strict mode, as Node's. */
const browserAssertPlugin: Plugin = {
  name: 'legible-browser-assert',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^node:assert(\/strict)?$/ }, () => ({ path: 'assert-strict', namespace: 'legible-assert' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'legible-assert' }, () => ({ contents: "module.exports = require('assert').strict;", loader: 'js', resolveDir: REPO_ROOT }));
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
    plugins: [testFilesPlugin()],
  });
  done();
  return VSCODE_TESTS_BUNDLE;
}

/**
 * Bundles the web pass (test/vscode/web-index.ts) for the browser's web worker host: mocha's
 * browser build, the test files that need no Node, `assert` for node:assert.
 */
export async function buildVscodeWebTests(): Promise<string> {
  const done = step('esbuild test/vscode (browser) → out/test/vscode/web/index.js');
  await build({
    entryPoints: [path.join(SUITE_DIR, 'web-index.ts')],
    outfile: VSCODE_WEB_TESTS_BUNDLE,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'error',
    // The worker has no `process`: `util` (under `assert`) reads NODE_DEBUG at load, and assert's
    // messages ask process.stderr how wide to draw a diff (80 columns without one).
    define: { 'process.env.NODE_DEBUG': 'false', 'process.stderr': 'undefined', 'process.emitWarning': 'undefined' },
    plugins: [testFilesPlugin((file) => !(path.basename(file) in NODE_ONLY_TEST_FILES)), browserAssertPlugin, mochaBrowserBuildPlugin],
  });
  done();
  return VSCODE_WEB_TESTS_BUNDLE;
}

if (require.main === module) {
  Promise.all([buildVscodeTests(), buildVscodeWebTests()]).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
