import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { completionsAt } from '../../../src/core/editor/completions';
import { hoverAt } from '../../../src/core/editor/hover';
import { findFrontmatter } from '../../../src/core/parse/frontmatter-fence';
import { DecisionWorkspace } from '../../../src/core/workspace/decision-workspace';
import { MemoryFileSystem } from '../support/memory-file-system';
import { assertRangeInside, CONTEXT, FOLDER, lintAll, PATH } from './core-harness';
import { REPO_ROOT } from './robustness-support';
import { REAL_WORLD } from '../support/real-world';

/**
 * Issue 5, a typing simulation in the spirit of markdownlint's: every prefix of every rule fixture,
 * every example record and every real-world record is what an editor holds at some moment of typing
 * the file from its first character. Each prefix goes through what runs on a keystroke —
 * parse, index entry, frontmatter rules (DecisionWorkspace.updateFrontmatter), completion and hover
 * at the cursor — without a throw and with every range inside the prefix.
 *
 * Which prefixes, by default (to bound the suite's time; each choice is a constant below):
 * - every character of the frontmatter (its first 4 KB), where each keystroke re-parses YAML;
 * - every prefix that ends at a line boundary, in every file;
 * - in the body of a file up to 4 KB, every 32nd character as well;
 * - completion and hover at every 8th character of the frontmatter and at every line end in it;
 * - the body rules (remark, debounced in the editor) on every line-end prefix of every 4th file,
 *   and on each whole file.
 * LEGIBLE_TYPING=all runs the full simulation: every character of every file up to 4 KB (and
 * completion and hover at each one in the frontmatter) — about 280,000 prefixes, minutes, not seconds.
 * The counts and the CPU time are printed at the end.
 */

const SMALL = 4 * 1024;
const STRIDE = 32;
/** Completion and hover: at every EDITOR_STRIDE-th character of the frontmatter, and at every line end. */
const EDITOR_STRIDE = 8;
const BODY_SAMPLE_EVERY = 4;
const ALL = process.env.LEGIBLE_TYPING === 'all';
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'rules');
const EXAMPLES = path.join(REPO_ROOT, 'examples', 'workspace', 'docs', 'decisions');

function filesBelow(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesBelow(full, keep));
    else if (keep(name)) out.push(full);
  }
  return out;
}

/**
 * Offsets where a prefix ends. By default: every character of the frontmatter (its first 4 KB),
 * every line boundary, and in the body of a file up to 4 KB every STRIDE-th character as well.
 * With LEGIBLE_TYPING=all, every character of every file up to 4 KB (the full simulation).
 */
function prefixEnds(text: string): number[] {
  if (ALL && text.length <= SMALL) return Array.from({ length: text.length + 1 }, (_, i) => i);
  const ends = new Set<number>([0, text.length]);
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) ends.add(i + 1);
  const block = findFrontmatter(text);
  const frontmatterEnd = block.kind === 'closed' ? block.bodyStart : block.kind === 'unclosed' ? text.length : 0;
  // A frontmatter larger than 4 KB is a hostile fixture (20,000 `[` on one line): its first 4 KB, character by character.
  for (let i = 0; i <= Math.min(frontmatterEnd, SMALL); i++) ends.add(i);
  if (text.length <= SMALL) for (let i = frontmatterEnd; i <= text.length; i += STRIDE) ends.add(i);
  return [...ends].sort((a, b) => a - b);
}

/** Offsets where a line ends: the prefixes the body rules are run on, for a sampled file. */
function lineEnds(text: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) ends.push(i + 1);
  return ends;
}

/** CPU time since `from`, in ms: wall time on a loaded machine says little. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

const totals = { files: 0, prefixes: 0, bodyPrefixes: 0, editorQueries: 0, ms: 0, bodyMs: 0, editorMs: 0 };
/** The editor's workspace: each keystroke is DecisionWorkspace.updateFrontmatter on the buffer's text. */
const workspace = new DecisionWorkspace({ fs: new MemoryFileSystem(), root: '/ws', folders: [FOLDER], config: CONTEXT.config, validator: CONTEXT.validator, today: CONTEXT.today });
const index = workspace.index;

async function typeFile(file: string, sampleBody: boolean): Promise<void> {
  // What an editor shows: the bytes decoded as UTF-8 (a binary fixture included, U+FFFD and NULs and all).
  const text = readFileSync(file).toString('utf8');
  const name = path.relative(path.dirname(REPO_ROOT), file);
  totals.files++;
  for (const end of prefixEnds(text)) {
    const prefix = text.slice(0, end);
    try {
      const { doc } = workspace.updateFrontmatter(PATH, prefix);
      for (const finding of workspace.fileFindings(PATH)) assertRangeInside(doc.lines, finding.range, `${finding.ruleId}`);
      totals.prefixes++;
      const inFrontmatter = doc.block.kind === 'unclosed' || (doc.block.kind === 'closed' && end < doc.block.bodyStart) || end < 5;
      if (inFrontmatter && (ALL || end % EDITOR_STRIDE === 0 || /[\r\n]$/.test(prefix))) {
        const q = process.cpuUsage();
        for (const item of completionsAt(prefix, end, index, { path: PATH, today: '2026-11-21' })) assertRangeInside(doc.lines, item.replace, `completion ${item.label}`);
        const hover = hoverAt(prefix, Math.max(0, end - 1), index, { path: PATH });
        if (hover) assertRangeInside(doc.lines, hover.range, 'hover');
        totals.editorQueries++;
        totals.editorMs += cpuMs(q);
      }
    } catch (error) {
      assert.fail(`${name}, the prefix of ${end} characters (of ${text.length}) ending ${JSON.stringify(prefix.slice(-40))}: ${(error as Error).stack ?? String(error)}`);
    }
  }
  const bodyEnds = [...(sampleBody ? lineEnds(text) : []), text.length];
  const started = process.cpuUsage();
  for (const end of bodyEnds) {
    try {
      await lintAll(text.slice(0, end));
      totals.bodyPrefixes++;
    } catch (error) {
      assert.fail(`${name}, body rules on the prefix of ${end} characters: ${(error as Error).stack ?? String(error)}`);
    }
  }
  totals.bodyMs += cpuMs(started);
}

interface Source {
  readonly name: string;
  readonly files: () => string[];
}

function realWorld(): Source[] {
  if (!existsSync(REAL_WORLD)) return [{ name: 'real-world corpus', files: () => assert.fail(`the real-world corpus is missing: ${REAL_WORLD} (test/fixtures/real-world/ in the repository)`) }];
  const folders = readdirSync(REAL_WORLD).filter((name) => statSync(path.join(REAL_WORLD, name)).isDirectory()).sort();
  if (!folders.length) return [{ name: 'real-world corpus', files: () => assert.fail(`${REAL_WORLD} holds no folders`) }];
  return folders.map((folder) => ({ name: `real-world ${folder}`, files: () => filesBelow(path.join(REAL_WORLD, folder), (name) => !name.startsWith('.')) }));
}

const SOURCES: Source[] = [
  { name: 'rule fixtures', files: () => readdirSync(FIXTURES).filter((name) => statSync(path.join(FIXTURES, name)).isDirectory()).sort().flatMap((rule) => filesBelow(path.join(FIXTURES, rule), (name) => name.endsWith('.md'))) },
  { name: 'example workspace', files: () => filesBelow(EXAMPLES, (name) => name.endsWith('.md')) },
  ...realWorld(),
];

describe('robustness: typing every file from its first character', () => {
  let fileNumber = 0;
  for (const source of SOURCES) {
    it(`${source.name}: every prefix parses and lints, ranges inside the prefix`, async function () {
      this.timeout(120_000);
      const files = source.files();
      assert.ok(files.length > 0, `${source.name}: no files found`);
      const started = process.cpuUsage();
      for (const file of files) await typeFile(file, fileNumber++ % BODY_SAMPLE_EVERY === 0);
      totals.ms += cpuMs(started);
    });
  }

  after(() => {
    console.log(`      typing${ALL ? ' (all)' : ''}: ${totals.files} files, ${totals.prefixes} prefixes through the frontmatter rules (${totals.editorQueries} with completion and hover), ${totals.bodyPrefixes} through the body rules too (${(totals.bodyMs / 1000).toFixed(1)} s), completion and hover ${(totals.editorMs / 1000).toFixed(1)} s; ${(totals.ms / 1000).toFixed(1)} s of CPU in all`);
  });
});
