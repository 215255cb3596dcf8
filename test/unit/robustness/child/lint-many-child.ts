/**
 * Child process of the repository-pattern tests: lints each workspace it is given (JSON on stdin:
 * `{ workspaces: [{ path: content }] }`) once, in this one process, and prints per workspace its
 * findings, configuration problems and time as one JSON line. A hang kills this process, not mocha.
 */
import { brief, lintFiles } from '../../support/workspace';

async function main(): Promise<void> {
  let raw = '';
  for await (const chunk of process.stdin) raw += String(chunk);
  const { workspaces } = JSON.parse(raw) as { workspaces: Array<Record<string, string>> };
  const runs: Array<{ findings: string[]; configProblems: string[]; ms: number }> = [];
  for (const files of workspaces) {
    const started = performance.now();
    const ws = await lintFiles(files);
    runs.push({ findings: brief(ws.findings), configProblems: ws.loaded.problems.map((p) => `${p.pointer} ${p.message}`), ms: performance.now() - started });
  }
  process.stdout.write(`${JSON.stringify({ runs })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
