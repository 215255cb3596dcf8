// Where the time goes: self time per function from Node's --cpu-prof output, mapped back to the
// original sources through the bundle's source map and grouped by package or core folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Sampled time over all threads' profiles, ms. */
  readonly totalMs: number;
  /** Of which idle (a thread waiting on its event loop); shares are of the rest. */
  readonly idleMs: number;
  readonly threads: number;
  readonly groups: ReadonlyArray<{ group: string; ms: number; share: number }>;
  readonly functions: ReadonlyArray<{ name: string; where: string; group: string; ms: number; share: number }>;
}

const maps = new Map<string, SourceMap | undefined>();

function sourceMapFor(file: string): SourceMap | undefined {
  if (!maps.has(file)) {
    let map: SourceMap | undefined;
    try {
      map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(file, map);
  }
  return maps.get(file);
}

/** The original file and line of a bundled frame, when the bundle has a source map. */
function original(frame: CallFrame): { source: string; line: number; name?: string } {
  if (!frame.url) return { source: '', line: 0 };
  let file = frame.url;
  try {
    if (file.startsWith('file:')) file = fileURLToPath(file);
  } catch {
    return { source: frame.url, line: frame.lineNumber + 1 };
  }
  const map = path.isAbsolute(file) ? sourceMapFor(file) : undefined;
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number; name?: string } | undefined;
  // A minified bundle renames functions; the source map keeps the original name.
  if (entry?.originalSource) return { source: entry.originalSource, line: (entry.originalLine ?? 0) + 1, name: entry.name };
  return { source: file, line: frame.lineNumber + 1 };
}

const REMARK = /^(micromark|mdast-|remark-|unified|unist-|vfile|decode-named-character-reference|character-entities|trough|bail|devlop|zwitch|longest-streak)/;

/** A package name, `core/<folder>`, `cli`, `node adapters`, or Node's own (GC, program, internals). */
function groupOf(source: string, frame: CallFrame): string {
  if (!source) return frame.functionName.startsWith('(') ? frame.functionName : 'node (native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  if (pkg) return REMARK.test(pkg) ? 'remark (micromark, mdast)' : pkg;
  const core = /src\/core\/([^/]+)/.exec(source)?.[1];
  if (core) return `core/${core}`;
  if (/src\/cli\//.test(source)) return 'cli';
  if (/src\/node\//.test(source)) return 'node adapters';
  if (source.startsWith('node:')) return 'node (internals)';
  return path.basename(source);
}

function shortSource(source: string): string {
  const pkg = /node_modules\/(.*)$/.exec(source)?.[1];
  if (pkg) return pkg;
  const src = /(src\/.*)$/.exec(source)?.[1];
  return src ?? source;
}

/** Reads every *.cpuprofile in `dir` (one per thread) and sums self time by function and group. */
export function summarizeProfiles(dir: string, top = 15): ProfileSummary {
  const byFunction = new Map<string, { name: string; where: string; group: string; us: number }>();
  const byGroup = new Map<string, number>();
  let totalUs = 0;
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const self = new Map<number, number>();
    // timeDeltas[i] is the time before sample i; charge it to the sample that ends the interval.
    for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
    for (const [id, us] of self) {
      const frame = frames.get(id)!;
      const where = original(frame);
      const group = groupOf(where.source, frame);
      const name = where.name ?? (frame.functionName || '(anonymous)');
      const key = `${name}@${where.source}:${where.line}`;
      const slot = byFunction.get(key) ?? { name, where: where.source ? `${shortSource(where.source)}:${where.line}` : '', group, us: 0 };
      slot.us += us;
      byFunction.set(key, slot);
      byGroup.set(group, (byGroup.get(group) ?? 0) + us);
      totalUs += us;
    }
  }
  const idleUs = byGroup.get('(idle)') ?? 0;
  const busyUs = totalUs - idleUs;
  const share = (us: number) => (busyUs ? us / busyUs : 0);
  return {
    totalMs: totalUs / 1000,
    idleMs: idleUs / 1000,
    threads: files.length,
    groups: [...byGroup].filter(([group]) => group !== '(idle)').sort((a, b) => b[1] - a[1]).map(([group, us]) => ({ group, ms: us / 1000, share: share(us) })),
    functions: [...byFunction.values()]
      .filter((f) => f.group !== '(idle)')
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, group: f.group, ms: f.us / 1000, share: share(f.us) })),
  };
}
