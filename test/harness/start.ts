// `npm start`: the packaged extension in a real VS Code (code-server) on the bundled example
// workspace, in a fresh profile. Prints the URL; Ctrl+C stops everything it started.
//
//   npm start                      (LEGIBLE_PORT=8080 npm start for a fixed port)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLE_WORKSPACE, REPO_ROOT, VERSIONS } from './paths';
import { createRunDir } from './run-dir';
import { installExtension, startCodeServer } from './server';
import { ensureSetup } from './setup';
import { packageExtension } from './vsix';
import { runCleanups } from './cleanup';
import { exampleRepository } from './example-repository';
import { info, step, warn } from './log';

async function start(): Promise<void> {
  await ensureSetup();
  const runDir = createRunDir('start');
  const vsix = await packageExtension(path.join(runDir.root, 'legible.vsix'));
  const installed = step('install the VSIX into a fresh profile');
  await installExtension(runDir, vsix);
  installed(path.relative(REPO_ROOT, runDir.root));
  if (!fs.existsSync(EXAMPLE_WORKSPACE)) warn(`${path.relative(REPO_ROOT, EXAMPLE_WORKSPACE)} does not exist yet; the workbench will open without it`);
  // A git repository of its own, with a scripted history by several authors: the evidence from
  // history (lint, hovers, the Knowledge Risk view) has something to show. Edits go to the copy.
  const workspace = fs.existsSync(EXAMPLE_WORKSPACE) ? exampleRepository(EXAMPLE_WORKSPACE, path.join(runDir.root, 'example-workspace')) : EXAMPLE_WORKSPACE;

  const port = process.env.LEGIBLE_PORT ? Number(process.env.LEGIBLE_PORT) : undefined;
  const server = await startCodeServer({ runDir, workspace, port });
  info(`Legible in VS Code ${VERSIONS.codeServer.replace(/^4\./, '1.')} (code-server ${VERSIONS.codeServer}), example workspace open:`);
  console.log(`\n    ${server.url}\n`);
  info(`server log: ${path.relative(REPO_ROOT, server.logPath)}`);
  info('press Ctrl+C to stop');

  await server.exited;
  if (!server.stopping()) {
    console.error(`[harness] code-server stopped on its own; see ${server.logPath}`);
    await runCleanups();
    process.exit(1);
  }
}

start().catch(async (error: unknown) => {
  console.error(`[harness] npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  await runCleanups();
  process.exit(1);
});
