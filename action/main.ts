// The GitHub Action (action.yml): runs `legible lint` from the same release, so the Action, the
// CLI and the extension share one version. It needs no `npm install` when it runs: a release tag
// carries dist/ (this file, bundled, and the CLI beside it; see .github/workflows/release.yml).
//
// 1. `legible lint --format <format>`: annotations on the pull request (or a plain report, or
//    JSON) in the log; its exit code is the step's: 0 passed, 1 errors or too many warnings, 2 a
//    usage or configuration error.
// 2. `legible lint --format json`: the counts (step outputs) and the job summary's table.
// 3. `legible lint --format sarif` into the `sarif` file, when asked, for code scanning.
// 4. `legible affected --format md --base <base>`, when `affected: true`: appended to the summary
//    (the decisions the pull request touches, who holds them, number collisions). The base is the
//    `base` input, else the pull request's base commit; with neither, or a Legible without the
//    command, the summary says so and the step goes on. It never changes the step's exit code.
// All of them share one --cache (cacheArgs): only the first reads and checks every file.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { InputError, readInputs, type ActionInputs } from './inputs';
import { countJson, renderSummary, type JsonFile } from './summary';

/** The CLI this Action runs: beside it in dist/. LEGIBLE_ACTION_CLI replaces it (tests only). */
function cliPath(env: NodeJS.ProcessEnv): string {
  return env.LEGIBLE_ACTION_CLI || path.join(__dirname, 'cli.js');
}

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function legible(cli: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Ran {
  const ran = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...env, NO_COLOR: '1' } });
  if (ran.error) throw ran.error;
  return { code: ran.status ?? 2, stdout: ran.stdout, stderr: ran.stderr };
}

function lintArgs(inputs: ActionInputs, format: string, cache: readonly string[]): string[] {
  return ['lint', '--format', format, ...(inputs.maxWarnings !== undefined ? ['--max-warnings', inputs.maxWarnings] : []), ...cache, ...inputs.paths];
}

/**
 * One `--cache` for the step's runs of the CLI: the first lint reads and checks every file, the
 * lints for the other formats and `affected` take what it found (the same results, read again from
 * its cache). In the runner's temporary folder, which is emptied after each job: nothing is
 * written into the workspace or its .git.
 */
function cacheArgs(env: NodeJS.ProcessEnv): string[] {
  return ['--cache', '--cache-location', `${path.join(env.RUNNER_TEMP || tmpdir(), 'legible-cache')}${path.sep}`];
}

/** `name=value` lines for GITHUB_OUTPUT, in the delimiter form so no value can add an output. */
function writeOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string | number>): void {
  if (!env.GITHUB_OUTPUT) return;
  const text = Object.entries(outputs)
    .map(([name, value]) => {
      const delimiter = `legible_${randomUUID()}`;
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
  appendFileSync(env.GITHUB_OUTPUT, text);
}

function appendSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
}

/** The workflow command for an error that is the Action's, not a record's. */
function errorCommand(message: string): string {
  return errorLine('error', message);
}

function errorLine(command: 'error' | 'warning', message: string): string {
  return `::${command} title=Legible::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`;
}

/** The pull request's base commit, from the event GitHub wrote, for `legible affected --base`. */
function baseCommit(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_EVENT_PATH || !existsSync(env.GITHUB_EVENT_PATH)) return undefined;
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { base?: { sha?: unknown } } };
  const sha = event.pull_request?.base?.sha;
  return typeof sha === 'string' ? sha : undefined;
}

function affectedSummary(cli: string, inputs: ActionInputs, env: NodeJS.ProcessEnv, version: string, cache: readonly string[]): string {
  const base = inputs.base ?? baseCommit(env);
  if (!base) {
    process.stdout.write('::notice title=Legible::affected: true needs a base to compare with: run on pull_request, or set the base input.\n');
    return '_`affected: true`: no base to compare with (this run is not for a pull request, and the `base` input is empty); this summary shows the lint only._\n\n';
  }
  // The Action writes the summary itself, after the lint's table: the CLI must not append its own copy.
  const { GITHUB_STEP_SUMMARY: _own, ...withoutSummary } = process.env;
  const ran = legible(cli, ['affected', '--format', 'md', '--base', base, ...cache], inputs.cwd, withoutSummary);
  // 1: a number collision, which the comment itself reports.
  if (ran.code === 0 || ran.code === 1) return `${ran.stdout.trimEnd()}\n\n`;
  if (/unknown command 'affected'/.test(ran.stderr)) {
    process.stdout.write(`::notice title=Legible::legible ${version} has no 'affected' command yet; the summary shows the lint only.\n`);
    return `_\`affected: true\`: Legible ${version} has no \`affected\` command yet; this summary shows the lint only._\n\n`;
  }
  process.stdout.write(errorLine('warning', `legible affected failed (exit ${ran.code}): ${ran.stderr.trim().split('\n')[0] ?? ''}`));
  return `_\`legible affected\` failed (exit ${ran.code}); see the step's log._\n\n`;
}

export function runAction(env: NodeJS.ProcessEnv): number {
  let inputs: ActionInputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stdout.write(errorCommand(error.message));
    return 2;
  }
  const cli = cliPath(env);
  if (!existsSync(cli)) {
    // A branch (uses: legible-dev/legible@main) has no dist/: only release tags carry the bundles.
    process.stdout.write(errorCommand(`this ref of the Legible Action has no built CLI (${path.basename(path.dirname(cli))}/cli.js). Use a release tag (legible-dev/legible@vX.Y.Z), not a branch.`));
    return 2;
  }
  if (!existsSync(inputs.cwd)) {
    process.stdout.write(errorCommand(`input working-directory: ${path.relative(inputs.workspace, inputs.cwd) || '.'} does not exist in the workspace. Where are the decision records?`));
    return 2;
  }
  const version = legible(cli, ['--version'], inputs.cwd).stdout.trim();
  const cache = cacheArgs(env);
  process.stdout.write(`Legible ${version}: legible ${lintArgs(inputs, inputs.format, cache).join(' ')}\n`);

  const log = legible(cli, lintArgs(inputs, inputs.format, cache), inputs.cwd);
  process.stdout.write(log.stdout);
  process.stderr.write(log.stderr);
  if (log.code === 2) {
    appendSummary(env, `### ❌ Legible could not lint\n\n\`\`\`\n${log.stderr.trim().replace(/```/g, '`\u200b``')}\n\`\`\`\n`);
    return 2;
  }

  const json = inputs.format === 'json' ? log : legible(cli, lintArgs(inputs, 'json', cache), inputs.cwd);
  const files = (JSON.parse(json.stdout) as JsonFile[]).map((file) => ({ ...file, path: path.relative(inputs.workspace, path.resolve(inputs.cwd, file.path)).split(path.sep).join('/') }));
  const counts = countJson(files);

  let sarifOutput = '';
  if (inputs.sarif) {
    const sarif = legible(cli, lintArgs(inputs, 'sarif', cache), inputs.cwd);
    mkdirSync(path.dirname(inputs.sarif), { recursive: true });
    writeFileSync(inputs.sarif, sarif.stdout);
    sarifOutput = inputs.sarif;
  }

  const blobBase = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}` : undefined;
  const passed = log.code === 0;
  let summary = renderSummary({ version, counts, files, passed, maxWarnings: inputs.maxWarnings, blobBase });
  if (inputs.affected) summary += affectedSummary(cli, inputs, env, version, cache);
  appendSummary(env, summary);
  writeOutputs(env, { errors: counts.errors, warnings: counts.warnings, notices: counts.notices, records: counts.records, 'sarif-file': sarifOutput, version });
  return log.code;
}

if (require.main === module) process.exitCode = runAction(process.env);
