import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { lintFrontmatterOf } from './core-harness';
import { completionsAt } from '../../../src/core/editor/completions';
import { DecisionIndex } from '../../../src/core/index/decision-index';
const files = execSync('find test/fixtures/rules -name "*.md"').toString().trim().split('\n');
const out: Array<[number, number, number, string]> = [];
const index = new DecisionIndex();
for (const f of files) {
  const text = readFileSync(f).toString('utf8');
  let a = performance.now(); const n = Math.min(text.length, 4096);
  for (let end = 0; end <= n; end += 4) lintFrontmatterOf(text.slice(0, end));
  const lint = performance.now() - a; a = performance.now();
  for (let end = 0; end <= n; end += 4) completionsAt(text.slice(0, end), end, index, {});
  out.push([lint, performance.now() - a, text.length, f]);
}
out.sort((x, y) => y[0] + y[1] - x[0] - x[1]);
for (const o of out.slice(0, 8)) console.log(o[0].toFixed(0), o[1].toFixed(0), o[2], o[3]);
console.log('total', out.reduce((s, o) => s + o[0], 0).toFixed(0), out.reduce((s, o) => s + o[1], 0).toFixed(0));
