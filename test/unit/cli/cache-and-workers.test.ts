import { strict as assert } from 'node:assert';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildCli, cleanupTemps, copyExamples, DECISIONS, runCli, TODAY } from './cli-process';

/** Enough records (numbered copies of the examples) for the lint to use worker threads. */
async function manyRecords(copies: number): Promise<string> {
  const root = await copyExamples();
  const folder = path.join(root, DECISIONS);
  const originals = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  let number = originals.length;
  for (let i = 1; i < copies; i++) {
    for (const name of originals) {
      const text = await readFile(path.join(folder, name), 'utf8');
      await writeFile(path.join(folder, `${String(++number).padStart(4, '0')}${name.slice(4)}`), text);
    }
  }
  return root;
}

describe('legible lint on many records: workers and --cache (process)', () => {
  let root: string;
  let serial: string;
  before(async () => {
    await buildCli();
    root = await manyRecords(25);
    serial = (await runCli(['lint', '--format', 'json', '--today', TODAY], { cwd: root, env: { LEGIBLE_WORKERS: '0' } })).stdout;
  });
  after(cleanupTemps);

  it('finds exactly the same on two worker threads as on the main thread alone', async () => {
    const parsed = JSON.parse(serial) as unknown[];
    assert.ok(parsed.length > 300, `expected over 300 files with findings, got ${parsed.length}`);
    const parallel = await runCli(['lint', '--format', 'json', '--today', TODAY], { cwd: root, env: { LEGIBLE_WORKERS: '2' } });
    assert.equal(parallel.code, 1);
    assert.equal(parallel.stdout, serial);
  });

  it('--cache gives the same results cold and warm, and re-reads a changed file', async () => {
    const cold = await runCli(['lint', '--cache', '--format', 'json', '--today', TODAY], { cwd: root });
    assert.equal(cold.stdout, serial);
    const location = path.join(root, '.legible-cache', 'lint-cache.json');
    const written = await stat(location);
    const warm = await runCli(['lint', '--cache', '--format', 'json', '--today', TODAY], { cwd: root });
    assert.equal(warm.stdout, serial);
    assert.equal((await stat(location)).mtimeMs, written.mtimeMs, 'nothing changed, so the cache is not rewritten');

    // Fill the placeholders of one record: its findings must go, whatever the cache held.
    const name = (await readdir(path.join(root, DECISIONS))).find((n) => n.startsWith('0013-'))!;
    const file = path.join(root, DECISIONS, name);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/<[^<>\n]+>/g, 'Filled in.'));
    const after = await runCli(['lint', '--cache', '--format', 'json', '--today', TODAY], { cwd: root });
    const reported = (JSON.parse(after.stdout) as Array<{ path: string; findings: Array<{ ruleId: string }> }>).find((f) => f.path.endsWith(name));
    assert.ok(!reported?.findings.some((f) => f.ruleId === 'placeholder'), 'the edited file was linted again');
  });

  it('--cache starts afresh on another day (overdue rules depend on it)', async () => {
    await runCli(['lint', '--cache', '--format', 'json', '--today', TODAY], { cwd: root });
    const early = await runCli(['lint', '--cache', '--format', 'json', '--today', '2024-01-01'], { cwd: root });
    assert.ok(!early.stdout.includes('review-overdue'), 'no review is overdue on 2024-01-01');
    assert.ok(serial.includes('review-overdue'));
  });
});
