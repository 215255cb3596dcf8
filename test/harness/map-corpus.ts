// Index entries for the decision map's tests and bench: a deterministic team of records (ADRs,
// RFCs, exit plans) that supersede, relate and plan, held and owned by a few dozen people, some of
// them alone. Built in memory: the map works from the index, so no files need writing.
import type { DecisionEntry, IdRef } from '../../src/core/index/decision-entry';

const PEOPLE = ['priya', 'jonas', 'amira', 'li.wei', 'dana', 'tomas', 'kofi', 'ines', 'mateo', 'yuki', 'sven', 'olga', 'ravi', 'chen', 'fatima', 'lukas', 'noor', 'emeka', 'hana', 'pablo', 'greta', 'arjun', 'mei', 'omar'];
const TAGS = ['payments', 'ledger', 'platform', 'identity', 'search', 'data', 'mobile', 'billing'];
const RISKS = ['low', 'medium', 'high', 'critical'];
const BLAST = ['component', 'team', 'cross-team', 'org'];
const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** mulberry32: the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ref = (number: number, prefix?: string): IdRef => ({ raw: String(number).padStart(4, '0'), number, prefix, range: ZERO });

export interface MapCorpusOptions {
  readonly folder?: string;
  readonly seed?: number;
  /** Titles to give the first records (hostile ones, in the escaping tests). */
  readonly titles?: readonly string[];
}

/** `count` entries in one folder (`/ws/docs/decisions`); every seventh is an exit plan. */
export function mapCorpus(count: number, options: MapCorpusOptions = {}): DecisionEntry[] {
  const next = random(options.seed ?? 20260601);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const folder = options.folder ?? '/ws/docs/decisions';
  const entries: DecisionEntry[] = [];
  for (let n = 1; n <= count; n++) {
    const type = n % 7 === 0 ? 'exit-plan' : n % 5 === 0 ? 'rfc' : 'adr';
    const id = String(n).padStart(4, '0');
    const holders = [pick(PEOPLE), ...(next() < 0.4 ? [pick(PEOPLE)] : [])];
    const status = type === 'exit-plan' ? pick(['draft', 'in-progress', 'verified']) : type === 'rfc' ? pick(['draft', 'review', 'accepted']) : pick(['proposed', 'accepted', 'accepted', 'implemented', 'superseded', 'deprecated']);
    const earlier = () => 1 + Math.floor(next() * Math.max(1, n - 1));
    entries.push({
      path: `${folder}/${id}-record-${n}.md`,
      folder,
      number: n,
      id,
      type,
      title: options.titles?.[n - 1] ?? `${pick(['Adopt', 'Retire', 'Split', 'Move', 'Cache', 'Shard'])} ${pick(TAGS)} ${pick(['storage', 'queue', 'service', 'schema', 'index'])} ${n}`,
      status,
      date: `20${String(20 + (n % 6)).padStart(2, '0')}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
      owners: [pick(PEOPLE)],
      deciders: next() < 0.5 ? [pick(PEOPLE)] : [],
      holders,
      successors: next() < 0.5 ? [pick(PEOPLE)] : [],
      mechanisms: [],
      risk: type === 'exit-plan' ? undefined : pick(RISKS),
      blastRadius: type === 'exit-plan' ? undefined : pick(BLAST),
      door: type === 'exit-plan' ? undefined : pick(['one-way', 'two-way', 'two-way']),
      reviewBy: next() < 0.3 ? '2025-01-01' : undefined,
      due: type === 'exit-plan' ? pick(['2025-01-01', '2030-01-01']) : undefined,
      supersedes: n > 1 && next() < 0.15 ? [ref(earlier())] : [],
      supersededBy: [],
      related: n > 1 && next() < 0.3 ? [ref(earlier())] : [],
      decisions: type === 'exit-plan' && n > 1 ? [ref(earlier())] : [],
      plan: type !== 'exit-plan' && next() < 0.1 && n > 7 ? ref(Math.floor(n / 7) * 7, 'EXIT') : undefined,
      artifacts: [],
      tags: [pick(TAGS), ...(next() < 0.3 ? [pick(TAGS)] : [])],
      placeholders: [],
      anchor: ZERO,
      suppressed: [],
    });
  }
  return entries;
}
