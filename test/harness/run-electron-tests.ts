// The in-host suite under @vscode/test-electron, for people with internet access or a desktop
// VS Code: same bundle, same workspace fixture. It cannot run on the offline CI machines (it
// downloads VS Code), which use run-vscode-tests.ts on code-server instead.
//
//   npm run test:electron
//   LEGIBLE_VSCODE_EXECUTABLE=/path/to/code npm run test:electron    (no download)
//   LEGIBLE_VSCODE_VERSION=1.90.0 npm run test:electron              (a specific version)
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildVscodeTests } from './build-vscode-tests';
import { writeCounts, readCounts } from './counts';
import { FIXTURE_WORKSPACE, REPO_ROOT } from './paths';
import { copyWorkspace, createRunDir } from './run-dir';
import { info } from './log';

async function runElectron(): Promise<number> {
  const extensionTestsPath = await buildVscodeTests();
  const runDir = createRunDir('electron');
  const workspace = copyWorkspace(runDir, FIXTURE_WORKSPACE);
  const resultsFile = path.join(runDir.root, 'in-host-results.json');
  try {
    await runTests({
      // Downloads into .vscode-test/ (git-ignored) unless an executable is given.
      version: process.env.LEGIBLE_VSCODE_VERSION ?? 'stable',
      vscodeExecutablePath: process.env.LEGIBLE_VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      extensionTestsEnv: { LEGIBLE_TEST_RESULTS: resultsFile, LEGIBLE_TEST_GREP: process.env.LEGIBLE_TEST_GREP ?? '' },
      launchArgs: [
        workspace,
        '--disable-extensions', // Other installed extensions; the one under development still loads.
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${runDir.userData}`,
        `--extensions-dir=${runDir.extensions}`,
      ],
    });
  } catch (error) {
    console.error(`[harness] test-electron run failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const counts = readCounts(resultsFile) ?? { passed: 0, failed: 1, pending: 0 };
  writeCounts(counts);
  info(`in-host suite (test-electron): ${counts.passed} passed, ${counts.failed} failed`);
  return counts.failed > 0 ? 1 : 0;
}

runElectron().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
