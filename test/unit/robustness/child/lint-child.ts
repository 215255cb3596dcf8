/**
 * Child process of the robustness tests: lints the files it is given (JSON on stdin) `times` times
 * in this one process, runs completion and hover at the given offsets of the first file, and prints
 * what it found as one JSON line. An input that aborts V8 kills this process, not mocha.
 */
import { completionsAt } from '../../../../src/core/editor/completions';
import { hoverAt } from '../../../../src/core/editor/hover';
import { brief, lintFiles } from '../../support/workspace';

interface Input {
  readonly files: Record<string, string>;
  readonly times: number;
  readonly editorOffsets?: readonly number[];
}

async function main(): Promise<void> {
  let raw = '';
  for await (const chunk of process.stdin) raw += String(chunk);
  const input = JSON.parse(raw) as Input;
  const runs: Array<{ findings: string[]; messages: string[]; configProblems: string[]; ms: number }> = [];
  const [first, text] = Object.entries(input.files).find(([name]) => name.endsWith('.md'))!;
  for (let i = 0; i < input.times; i++) {
    const started = performance.now();
    const ws = await lintFiles(input.files);
    const path = `/ws/${first}`;
    for (const offset of input.editorOffsets ?? []) {
      completionsAt(text, offset, ws.workspace.index, { path, today: '2026-11-21' });
      hoverAt(text, offset, ws.workspace.index, { path });
    }
    runs.push({
      findings: brief(ws.findings),
      messages: ws.findings.map((f) => f.message),
      configProblems: ws.loaded.problems.map((p) => `${p.pointer} ${p.message}`),
      ms: performance.now() - started,
    });
  }
  process.stdout.write(`${JSON.stringify({ runs })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
