// A deterministic corpus of decision records for `npm run bench`: ADRs, RFCs and exit plans in
// Legible's own vocabulary, 2–8 KB each, about a fifth of them with the problems real folders have.
// Same seed and size, same bytes: the corpus is written once under .legible-cache/bench/ and reused.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const BENCH_DIR = path.resolve(__dirname, '..', '..', '.legible-cache', 'bench');
/** The day every run judges due dates against (`legible lint --today`), so findings never drift. */
export const BENCH_TODAY = '2026-06-01';
export const DEFAULT_SEED = 20260601;

// ---------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32): small, fast, and the same sequence on every machine.

export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** [0, 1) */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** `count` distinct items (fewer if the list is shorter). */
  some<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as Array<[T, number]>;
    let r = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) if ((r -= w) < 0) return key;
    return entries[entries.length - 1][0];
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

const HANDLES = ['priya', 'jonas', 'amira', 'li.wei', 'dana', 'tomas', 'kofi', 'ines', 'mateo', 'yuki', 'sven', 'olga', 'ravi', 'chen', 'fatima', 'lukas', 'noor', 'emeka', 'hana', 'pablo', 'greta', 'arjun', 'mei', 'omar'];
const FULL_NAMES = ['Dana Okafor <dana.okafor@example.com>', 'Tomás Rivera <tomas.rivera@example.com>', 'Kofi Mensah <kofi.mensah@example.com>', 'Inès Laurent <ines.laurent@example.com>', 'Yuki Tanaka <yuki.tanaka@example.com>', 'Sven Berg <sven.berg@example.com>'];
const PEOPLE = [...HANDLES, ...FULL_NAMES];
const TEAMS = ['Payments', 'Ledger', 'Platform', 'Identity', 'Search', 'Checkout', 'Data', 'Risk', 'Developer Experience', 'Notifications', 'Billing', 'Mobile'];
const COMPONENTS = ['the payments ledger', 'the checkout service', 'merchant onboarding', 'the fraud scorer', 'the search index', 'session storage', 'the notification fan-out', 'invoice rendering', 'the reporting warehouse', 'the settlement batch', 'the public API gateway', 'the feature-flag service', 'the identity provider', 'the order history', 'the payout scheduler', 'the product catalog', 'audit logging', 'the mobile backend', 'the rate limiter', 'the webhook dispatcher', 'the pricing engine', 'the KYC pipeline', 'the dispute workflow', 'the customer directory'];
const TECH = ['PostgreSQL', 'Kafka', 'RabbitMQ', 'Redis', 'Elasticsearch', 'OpenSearch', 'DynamoDB', 'S3', 'gRPC', 'GraphQL', 'Terraform', 'Kubernetes', 'ECS', 'Temporal', 'ClickHouse', 'BigQuery', 'Go', 'Kotlin', 'TypeScript', 'Rust', 'Envoy', 'Vault', 'OpenTelemetry', 'SQLite', 'NATS', 'Debezium'];
const PRACTICES = ['trunk-based development', 'contract tests', 'feature flags', 'blue-green deploys', 'an outbox table', 'idempotency keys', 'event sourcing', 'schema registries', 'canary releases', 'service-level objectives', 'chaos drills', 'code owners', 'on-call runbooks', 'structured logging', 'request hedging', 'per-tenant quotas'];
const TAGS = ['api', 'database', 'events', 'security', 'ledger', 'infrastructure', 'observability', 'compliance', 'performance', 'resilience', 'cost', 'mobile', 'search', 'payments', 'data', 'identity', 'tooling', 'messaging'];
const MECHANISMS = ['documentation', 'pairing', 'runbook', 'design-record', 'training', 'dashboard', 'ownership-transfer'];
const RUNBOOKS = ['ledger-reconciliation', 'settlement-files', 'fraud-model-rollout', 'search-reindex', 'kafka-partitions', 'redis-failover', 'certificate-rotation', 'database-restore', 'incident-command', 'payout-retries', 'webhook-replay', 'schema-migrations', 'cluster-upgrade', 'key-ceremony', 'rate-limit-tuning', 'vault-unseal', 'dispute-export', 'catalog-backfill', 'index-rebuild', 'cost-review'];

const ADR_STATUSES = { proposed: 12, accepted: 70, rejected: 5, deprecated: 5 } as const;
const RFC_STATUSES = { draft: 10, review: 15, accepted: 30, rejected: 5, withdrawn: 5, implemented: 35 } as const;
const EXIT_STATUSES = { planned: 30, 'in-progress': 45, verified: 20, abandoned: 5 } as const;

const SECTIONS = {
  adr: ['Context', 'Decision', 'Consequences'],
  rfc: ['Summary', 'Motivation', 'Proposal', 'Alternatives considered', 'Rollout and reversal'],
  'exit-plan': ['Knowledge inventory', 'Transfer steps', 'Verification'],
} as const;

type RecordType = keyof typeof SECTIONS;
const PREFIX: Record<RecordType, string> = { adr: 'ADR', rfc: 'RFC', 'exit-plan': 'EXIT' };

export type Problem = 'placeholder' | 'missing-mitigation' | 'overdue-review' | 'bad-enum' | 'missing-section' | 'dangling-reference' | 'overdue-exit-plan' | 'duplicate-number';
const PROBLEM_WEIGHTS: Record<Exclude<Problem, 'duplicate-number'>, number> = {
  placeholder: 22,
  'missing-mitigation': 12,
  'overdue-review': 18,
  'bad-enum': 12,
  'missing-section': 18,
  'dangling-reference': 12,
  'overdue-exit-plan': 6,
};

// ---------------------------------------------------------------------------------------------
// Prose: sentences from templates, so bodies read like records and not like lorem ipsum.

class Prose {
  constructor(private readonly r: Random) {}

  private fill(template: string): string {
    const r = this.r;
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'c': return r.pick(COMPONENTS);
        case 't': return r.pick(TECH);
        case 't2': return r.pick(TECH);
        case 'p': return r.pick(PRACTICES);
        case 'team': return r.pick(TEAMS);
        case 'who': return r.pick(HANDLES);
        case 'n': return String(r.int(2, 40));
        case 'big': return `${r.int(2, 90)},${String(r.int(0, 999)).padStart(3, '0')}`;
        case 'pct': return `${r.int(1, 40)}%`;
        case 'ms': return `${r.pick([5, 12, 40, 80, 150, 250, 400, 900])} ms`;
        case 'q': return r.pick(['first', 'second', 'third', 'fourth']);
        case 'month': return r.pick(['January', 'March', 'April', 'June', 'September', 'October', 'November']);
        default: return slot;
      }
    });
  }

  sentence(): string {
    return this.fill(this.r.pick(SENTENCES));
  }

  /** Sentences on one line (for frontmatter values). */
  sentences(min: number, max: number): string {
    const templates = this.r.some(SENTENCES, this.r.int(min, max));
    return templates.map((template) => this.fill(template)).join(' ');
  }

  paragraph(min = 2, max = 5): string {
    return wrap(this.sentences(min, max));
  }

  bullet(): string {
    return this.fill(this.r.pick(BULLETS));
  }

  list(ordered: boolean): string {
    const items: string[] = [];
    for (let i = 0, n = this.r.int(3, 6); i < n; i++) items.push(wrap(`${ordered ? `${i + 1}.` : '-'} ${this.bullet()}`, '  ').replace(/^\s+/, ''));
    return items.join('\n');
  }

  code(): string {
    const r = this.r;
    const block = r.pick(CODE_BLOCKS);
    return `\`\`\`${block.lang}\n${this.fill(block.body)}\n\`\`\``;
  }

  table(): string {
    const r = this.r;
    const rows = [`| Option | Latency | Monthly cost | Operated by |`, `| --- | --- | --- | --- |`];
    for (let i = 0, n = r.int(2, 4); i < n; i++) rows.push(`| ${r.pick(TECH)} | ${this.fill('{ms}')} | ${r.int(1, 40) * 100} EUR | ${r.pick(TEAMS)} |`);
    return rows.join('\n');
  }
}

const SENTENCES = [
  'Today {c} runs on {t}, and the {team} team has paged on it {n} times this quarter.',
  'We looked at {t} and {t2}; both would work, but only one of them is something the {team} team already operates.',
  'The change keeps {c} behind the same interface, so callers do not notice the move.',
  'At peak we see about {big} requests per minute, and the p99 latency climbs past {ms} when the cache is cold.',
  'Moving to {t} removes a class of incidents we have had since the {q} quarter of last year.',
  'The cost is one more system to run, and {who} is today the only person who has tuned it in production.',
  'We will adopt {p} for {c}, starting with the endpoints that carry the most traffic.',
  'Nothing in this decision prevents us from revisiting {t} once the volume justifies it.',
  'Finance asked for a monthly export, which this design produces without a second pipeline.',
  'Support tickets about {c} dropped by {pct} after the pilot, which is the outcome we care about.',
  'The migration runs in the background and can be paused at any point without losing data.',
  'If the rollout goes wrong, the feature flag sends traffic back to the old path within minutes.',
  'The {team} team owns the runbook, and the on-call rota is trained on it before the switch.',
  'We measured the prototype against {big} recorded requests and saw no regression beyond {ms}.',
  'Auditors expect an immutable trail, so every change to {c} is written to the audit log first.',
  'This is a one-way door for the data format, but a two-way door for the service around it.',
  'A design review with the {team} team in {month} raised the failure modes listed below.',
  'The previous attempt stalled because nobody owned {c} end to end.',
  'We accept about {pct} more infrastructure spend in exchange for a simpler recovery story.',
  'Every consumer of {c} gets a deprecation notice and {n} weeks to move.',
  'The schema is versioned, so old and new readers can coexist during the transition.',
  'Load tests on a copy of production showed headroom for roughly {n} times today\'s traffic.',
  'Nobody outside the {team} team has touched {c} in two years, which is a risk in itself.',
  'The decision is reviewed again once {t} reaches its next major version.',
  'We rejected building this in-house: the maintenance cost would fall on a team of {n} people.',
  'Latency-sensitive paths keep using {t2}; only batch work moves to {t}.',
  'The contract with the vendor allows exit with {n} days\' notice, which bounds the lock-in.',
  'Alerts fire on error rate and saturation, not on individual host metrics.',
  'The {team} team reviewed the draft in {month} and asked for a clearer rollback story, added below.',
  'Our largest customers asked what happens to {c} during a regional outage, and today the honest answer is that it stops.',
  'Each deploy of {c} takes about {n} minutes, most of it waiting on a manual approval step.',
  'The data stays in the same region; only the processing moves.',
  'We keep the old code path for {n} weeks after the switch, then delete it in one change.',
  'Two incidents in {month} traced back to {c} retrying without a limit.',
  'The team will write the missing runbook sections while {who} is still around to review them.',
  'None of this changes the public contract; the change is internal to {c}.',
  'A spike on the {q} Monday of each month drives most of the load, so capacity is planned for that day.',
  'Security reviewed the design and asked for encryption at rest, which {t} gives us by default.',
  'The migration is reversible until the old tables are dropped, which happens last and on purpose.',
  'We prefer boring technology here: {t} is what the {team} team knows how to debug at three in the morning.',
  'The vendor\'s pricing is per request, which at our volume comes to roughly {big} EUR a year.',
  'Three options were written up in full; the table below compares them on the criteria we agreed.',
  'The first milestone is a shadow mode in which {c} writes to both paths and we compare the results.',
];

const BULLETS = [
  'Calls to {c} become retryable and independent of the request that caused them.',
  'The {team} team runs a {t} cluster with {n} nodes and a documented upgrade path.',
  '**Option: keep {t2}** — familiar, but it cannot replay history for a new consumer.',
  '**Option: adopt {t}** — more moving parts, but it matches how we already deploy.',
  '{who} pairs with the successors on the next {n} incidents before handing over the pager.',
  'Dashboards for {c} show saturation, error rate and queue depth on one screen.',
  'A weekly check compares {c} against the source of truth and files a ticket on any drift.',
  'Rollback is a config change: point {c} back at {t2} and drain the new queue.',
  'See the [runbook](../runbooks/incident-command.md) for the escalation order.',
  'Reference: [{t} documentation](https://example.com/docs/{t}) and the vendor\'s SLA.',
  'Costs rise by about {pct} for the first quarter, then fall as the old cluster is retired.',
  'Consumers migrate one at a time, starting with the ones the {team} team owns.',
  'The `{c}` owners sign off before the old path is switched off.',
];

const CODE_BLOCKS: ReadonlyArray<{ lang: string; body: string }> = [
  { lang: 'yaml', body: 'service: {c}\nreplicas: {n}\nresources:\n  cpu: 500m\n  memory: 512Mi\nalerts:\n  error-rate: 2%\n  latency-p99: {ms}' },
  { lang: 'sql', body: 'CREATE TABLE journal_lines (\n  id          bigserial PRIMARY KEY,\n  entry_id    bigint NOT NULL REFERENCES journal_entries(id),\n  account_id  bigint NOT NULL,\n  amount      numeric(20, 4) NOT NULL,\n  created_at  timestamptz NOT NULL DEFAULT now()\n);' },
  { lang: 'ts', body: 'export async function publish(event: DomainEvent): Promise<void> {\n  await outbox.insert({ topic: event.topic, payload: JSON.stringify(event) });\n  metrics.increment(\'outbox.enqueued\', { topic: event.topic });\n}' },
  { lang: 'bash', body: '# Drain and fail over ({t})\nkubectl -n payments scale deploy/{t} --replicas=0\n./scripts/failover.sh --region eu-west-1 --confirm\nkubectl -n payments rollout status deploy/{t}' },
  { lang: 'json', body: '{\n  "topic": "payments.captured",\n  "version": 2,\n  "retention": "7d",\n  "partitions": {n}\n}' },
];

/** Wraps prose at about 100 columns, as the example records are wrapped. */
function wrap(text: string, indent = ''): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > 100) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Planning: types, numbers and the links between records are decided before any text is written,
// so references resolve (or dangle on purpose) across the whole corpus.

interface Plan {
  number: number;
  type: RecordType;
  status: string;
  date: string;
  problems: Problem[];
  supersedes?: number;
  supersededBy?: number;
  /** For ADRs/RFCs: an exit plan; for exit plans: the decisions it moves. */
  plan?: number;
  decisions?: number[];
  related?: number[];
  /** A second file with the same number (duplicate-number). */
  duplicateOf?: number;
}

function dateOf(i: number, n: number, r: Random): string {
  // 2016-01 to 2026-05, ascending with the number, a few days of jitter.
  const start = Date.UTC(2016, 0, 4);
  const end = Date.UTC(2026, 4, 25);
  const t = start + ((end - start) * i) / Math.max(1, n - 1) + r.int(-3, 3) * 86_400_000;
  return new Date(Math.min(end, Math.max(start, t))).toISOString().slice(0, 10);
}

function futureDate(r: Random): string {
  return `${r.int(2026, 2030)}-${String(r.int(7, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

function pastDate(r: Random): string {
  return `${r.int(2023, 2025)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

function planCorpus(count: number, r: Random): Plan[] {
  const plans: Plan[] = [];
  for (let i = 0; i < count; i++) {
    const type = r.weighted({ adr: 60, rfc: 25, 'exit-plan': 15 });
    const status = r.weighted<string>(type === 'adr' ? ADR_STATUSES : type === 'rfc' ? RFC_STATUSES : EXIT_STATUSES);
    const problems = new Set<Problem>();
    if (r.chance(0.2)) {
      problems.add(r.weighted(PROBLEM_WEIGHTS));
      if (r.chance(0.15)) problems.add(r.weighted(PROBLEM_WEIGHTS));
    }
    // Overdue means review-by for a decision, due for an exit plan.
    if (type === 'exit-plan' && problems.delete('overdue-review')) problems.add('overdue-exit-plan');
    if (type !== 'exit-plan' && problems.delete('overdue-exit-plan')) problems.add('overdue-review');
    plans.push({ number: i + 1, type, status, date: dateOf(i, count, r), problems: [...problems] });
  }
  // A few duplicate numbers: a record takes an earlier one's number (two authors, one number).
  // Chosen first, so that nothing links to the number they leave free.
  const duplicates = Math.max(1, Math.round(count * 0.002));
  for (let k = 0; k < duplicates && count > 10; k++) {
    const p = plans[r.int(10, count - 1)];
    if (p.duplicateOf) continue;
    p.duplicateOf = p.number - r.int(1, 5);
    p.problems.push('duplicate-number');
  }
  const linkable = plans.filter((p) => !p.duplicateOf);
  const exits = linkable.filter((p) => p.type === 'exit-plan');
  const decisions = linkable.filter((p) => p.type !== 'exit-plan');
  // Supersession, written in both records: an older ADR/RFC replaced by a later one of its type.
  for (const old of decisions) {
    if (!r.chance(0.06) || old.supersededBy || old.supersedes || old.problems.length) continue;
    const later = plans.slice(old.number, old.number + 30).find((p) => p.type === old.type && !p.duplicateOf && !p.supersedes && !p.supersededBy && !p.problems.length);
    if (!later) continue;
    old.status = 'superseded';
    old.supersededBy = later.number;
    later.supersedes = old.number;
  }
  for (const p of plans) {
    if (p.type === 'exit-plan') {
      p.decisions = r.some(decisions, r.int(1, 3)).map((d) => d.number);
      continue;
    }
    if (exits.length && r.chance(0.15)) p.plan = r.pick(exits).number;
    if (r.chance(0.3)) p.related = r.some(decisions, r.int(1, 2)).map((d) => d.number).filter((n) => n !== p.number && n !== (p.duplicateOf ?? p.number));
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Rendering.

// ` [a, b]` in flow style when the items are plain words, else a block list under the key.
const yamlList = (items: readonly string[]): string => (items.every((s) => /^[\w.-]+$/.test(s)) && items.join(', ').length < 70 ? ` [${items.join(', ')}]` : `\n${items.map((s) => `    - ${s}`).join('\n')}`);
const topList = (items: readonly string[]): string => yamlList(items).replace(/\n {4}-/g, '\n  -');
const id = (type: RecordType, n: number): string => `${PREFIX[type]}-${String(n).padStart(4, '0')}`;
const fileNumber = (n: number): string => String(n).padStart(4, '0');

function quoteIfNeeded(text: string): string {
  return /^[<{[&*!|>'"%@`#]|: | #/.test(text) ? JSON.stringify(text) : text;
}

function titleFor(type: RecordType, r: Random): string {
  const c = r.pick(COMPONENTS).replace(/^the /, '');
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  switch (type) {
    case 'adr':
      return r.pick([`Use ${r.pick(TECH)} for ${c}`, `Move ${c} from ${r.pick(TECH)} to ${r.pick(TECH)}`, `Run ${c} on ${r.pick(['Kubernetes', 'ECS', 'VMs', 'Lambda'])}`, `Adopt ${r.pick(PRACTICES)} for ${c}`, `Split ${c} out of the monolith`, `Keep ${c} in ${r.pick(TECH)}`]);
    case 'rfc':
      return r.pick([`${cap(r.pick(PRACTICES))} on the ${c}`, `Introduce ${r.pick(PRACTICES)} across ${r.pick(TEAMS)}`, `Deprecate the v1 API of ${c}`, `Version the events of ${c}`]);
    default:
      return r.pick([`Hand over ${c} operations from ${r.pick(HANDLES)}`, `Move ${c} knowledge to the ${r.pick(TEAMS)} team`, `Spread on-call for ${c} beyond ${r.pick(HANDLES)}`]);
  }
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '');
}

interface Rendered {
  file: string;
  text: string;
}

function renderRecord(plan: Plan, r: Random, targetBytes: number): Rendered {
  const problems = new Set(plan.problems);
  const type = plan.type;
  const title = titleFor(type, r);
  const number = plan.duplicateOf ?? plan.number;
  const holders = r.some(HANDLES, r.chance(0.8) ? 1 : 2);
  const successors = r.some(PEOPLE.filter((p) => !holders.includes(p)), r.int(1, 3));
  const owners = r.some(HANDLES, r.chance(0.85) ? 1 : 2);
  const deciders = r.some(PEOPLE, r.int(2, 4));
  const tags = r.some(TAGS, r.int(1, 3));
  const fm: string[] = ['---', `type: ${type}`, `title: ${quoteIfNeeded(title)}`];
  let status = plan.status;
  if (problems.has('bad-enum') && r.chance(0.4)) status = type === 'adr' ? 'approved' : type === 'rfc' ? 'in-review' : 'done';
  if (problems.has('overdue-review')) status = type === 'exit-plan' ? status : 'accepted';
  if (problems.has('overdue-exit-plan') && type === 'exit-plan') status = 'in-progress';
  fm.push(`status: ${status}`, `date: ${plan.date}`, `owners:${topList(owners)}`);
  const reviewBy = problems.has('overdue-review') ? pastDate(r) : futureDate(r);
  const dangling = problems.has('dangling-reference');
  const missingRef = 900_000 + r.int(1, 9999);

  if (type === 'exit-plan') {
    const due = problems.has('overdue-exit-plan') ? pastDate(r) : status === 'verified' || status === 'abandoned' ? pastDate(r) : futureDate(r);
    fm.push(`due: ${due}`, `holders:${topList(holders)}`, `successors:${topList(successors)}`);
    fm.push(`scope: ${wrapValue(new Prose(r).sentence())}`);
    fm.push(`mechanisms:${topList(r.some(MECHANISMS, r.int(1, 3)))}`);
    const artifacts = r.some(RUNBOOKS, r.int(1, 2)).map((name) => `../runbooks/${name}.md`);
    if (dangling && r.chance(0.5)) artifacts.push('../runbooks/not-written-yet.md');
    fm.push(`artifacts:${topList(artifacts)}`);
    const decisions = (plan.decisions ?? []).map((n) => fileNumber(n));
    if (dangling) decisions.push(fileNumber(missingRef));
    fm.push(`decisions:${topList(decisions)}`);
    if (status === 'verified' || problems.has('placeholder') || r.chance(0.7)) fm.push(`verification: ${wrapValue(problems.has('placeholder') ? '<How will we know it worked, e.g. the successor did it alone?>' : new Prose(r).sentence())}`);
    fm.push(`risk: ${wrapValue(new Prose(r).sentence())}`);
    if (problems.has('bad-enum')) fm[fm.findIndex((l) => l.startsWith('mechanisms:'))] = `mechanisms: [documentation, osmosis]`;
  } else {
    if (!problems.has('overdue-review') ? r.chance(0.85) : true) fm.push(`review-by: ${reviewBy}`);
    fm.push(`deciders:${topList(deciders)}`);
    if (r.chance(0.4)) fm.push(`consulted:${topList(r.some(PEOPLE, r.int(1, 2)))}`);
    if (plan.supersedes) fm.push(`supersedes: [${id(type, plan.supersedes)}]`);
    if (plan.supersededBy) fm.push(`superseded-by: [${id(type, plan.supersededBy)}]`);
    const related = (plan.related ?? []).map(fileNumber);
    if (dangling && r.chance(0.6)) related.push(id(type, missingRef));
    if (related.length) fm.push(`related: [${related.join(', ')}]`);
    const door = problems.has('bad-enum') && status === plan.status ? 'one-way-ish' : r.chance(0.45) ? 'one-way' : 'two-way';
    fm.push('reversibility:', `  door: ${door}`);
    if (door !== 'two-way' || r.chance(0.7)) fm.push(`  how: >-\n    ${wrap(new Prose(r).sentences(1, 2), '    ')}`);
    const level = problems.has('missing-mitigation') ? r.pick(['high', 'critical']) : r.weighted({ low: 20, medium: 45, high: 28, critical: 7 });
    fm.push('risk:', `  level: ${level}`, `  blast-radius: ${r.pick(['component', 'team', 'cross-team', 'org'])}`);
    if (!problems.has('missing-mitigation')) fm.push(`  mitigation: ${problems.has('placeholder') && r.chance(0.4) ? 'TODO' : wrapValue(new Prose(r).sentence(), 2)}`);
    const prose = new Prose(r);
    const tradeoff: Array<[string, string]> = [
      ['reduces-risk', prose.sentence()],
      ['preserves-option', prose.sentence()],
      ['accepts-cost', prose.sentence()],
      ['eases-later', prose.sentence()],
      ['protects-outcome', prose.sentence()],
    ];
    if (problems.has('placeholder')) {
      const placeholders: Record<string, string> = { 'preserves-option': '<What option are we preserving?>', 'eases-later': '<What decision becomes easier later?>', 'protects-outcome': '<What business outcome does this protect?>' };
      for (const key of r.some(Object.keys(placeholders), r.int(1, 3))) tradeoff.find(([k]) => k === key)![1] = placeholders[key];
    }
    fm.push('business-tradeoff:', ...tradeoff.map(([k, v]) => `  ${k}: ${wrapValue(v, 2)}`));
    fm.push('knowledge-exit-path:', `  holders:${yamlList(holders)}`, `  successors:${yamlList(successors)}`, `  mechanisms:${yamlList(r.some(MECHANISMS, r.int(1, 3)))}`);
    if (r.chance(0.35) || (dangling && !related.some((x) => x.includes(String(missingRef))))) {
      const artifacts = r.some(RUNBOOKS, 1).map((name) => `../runbooks/${name}.md`);
      if (dangling && !related.some((x) => x.includes(String(missingRef)))) artifacts.push(`../runbooks/${r.pick(RUNBOOKS)}-v2.md`);
      fm.push(`  artifacts:${yamlList(artifacts)}`);
    }
    if (plan.plan) fm.push(`  plan: ${id('exit-plan', plan.plan)}`);
    if (r.chance(0.5)) fm.push(`  due: ${futureDate(r)}`);
  }
  fm.push(`tags:${topList(tags)}`, '---', '');

  // The body: the type's sections, filled round-robin until the record reaches its size.
  const prose = new Prose(r);
  let sections: string[] = [...SECTIONS[type]];
  if (problems.has('missing-section')) sections = sections.filter((s) => s !== r.pick(sections.slice(1)));
  const contents: string[][] = sections.map(() => [prose.paragraph()]);
  const head = `${fm.join('\n')}\n# ${title}\n\n${plan.supersededBy ? `Superseded by ${id(type, plan.supersededBy)}.\n\n` : ''}`;
  const size = () => head.length + contents.reduce((sum, blocks, i) => sum + sections[i].length + 6 + blocks.join('\n\n').length + 2, 0);
  for (let k = 0; size() < targetBytes; k++) {
    const blocks = contents[k % contents.length];
    const kind = r.weighted({ paragraph: 50, list: 20, ordered: 8, code: 10, table: 5, link: 7 });
    if (kind === 'paragraph') blocks.push(prose.paragraph());
    else if (kind === 'list') blocks.push(prose.list(false));
    else if (kind === 'ordered') blocks.push(prose.list(true));
    else if (kind === 'code') blocks.push(prose.code());
    else if (kind === 'table') blocks.push(prose.table());
    else {
      const other = r.int(1, Math.max(1, plan.number - 1));
      blocks.push(wrap(`See [${id(type, other)}](${fileNumber(other)}-${slug(titleFor(type, r))}.md) and the [${r.pick(TECH)} notes](https://example.com/notes/${r.int(100, 999)}) for background.`));
    }
  }
  const body = sections.map((s, i) => `## ${s}\n\n${contents[i].join('\n\n')}\n`).join('\n');
  return { file: `${fileNumber(number)}-${slug(title)}.md`, text: `${head}${body}` };
}

/** A frontmatter string value: plain when safe, else folded onto the next lines. */
function wrapValue(text: string, indent = 0): string {
  const pad = ' '.repeat(indent + 2);
  if (text.length < 90 && !/^[<{[&*!|>'"%@`#]|: | #/.test(text)) return text;
  if (/^<.*>$/.test(text)) return JSON.stringify(text);
  return `>-\n${pad}${wrap(text, pad)}`;
}

// ---------------------------------------------------------------------------------------------
// The corpus on disk.

export interface CorpusInfo {
  /** The workspace root: holds .legible.json. */
  readonly root: string;
  /** The decisions folder. */
  readonly folder: string;
  readonly size: number;
  readonly seed: number;
  readonly files: number;
  readonly bytes: number;
  readonly minBytes: number;
  readonly maxBytes: number;
  /** Records with at least one planted problem, and how often each problem was planted. */
  readonly withProblems: number;
  readonly problems: Readonly<Record<string, number>>;
  readonly types: Readonly<Record<string, number>>;
  readonly reused: boolean;
}

function generatorHash(): string {
  return createHash('sha256').update(fs.readFileSync(__filename)).digest('hex').slice(0, 10);
}

/** Writes the corpus for (seed, size) unless the same one is already there; returns where it is. */
export function ensureCorpus(size: number, seed = DEFAULT_SEED): CorpusInfo {
  const name = `corpus-${size}-s${seed}-g${generatorHash()}`;
  const root = path.join(BENCH_DIR, name);
  const manifestPath = path.join(root, 'manifest.json');
  const folder = path.join(root, 'docs', 'decisions');
  if (fs.existsSync(manifestPath)) return { ...(JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as CorpusInfo), root, folder, reused: true };
  // A corpus from another version of this generator is stale.
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  for (const old of fs.readdirSync(BENCH_DIR)) if (old.startsWith(`corpus-${size}-s${seed}-`) && old !== name) fs.rmSync(path.join(BENCH_DIR, old), { recursive: true, force: true });
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  fs.mkdirSync(path.join(root, 'docs', 'runbooks'), { recursive: true });
  fs.writeFileSync(path.join(root, '.legible.json'), `${JSON.stringify({ folders: ['docs/decisions'] }, null, 2)}\n`);
  const r = new Random(seed ^ size);
  for (const runbook of RUNBOOKS) fs.writeFileSync(path.join(root, 'docs', 'runbooks', `${runbook}.md`), `# ${runbook.replace(/-/g, ' ')}\n\n${new Prose(r).paragraph(4, 8)}\n`);
  const plans = planCorpus(size, r);
  let bytes = 0;
  let minBytes = Infinity;
  let maxBytes = 0;
  const problems: Record<string, number> = {};
  const types: Record<string, number> = {};
  const names = new Set<string>();
  for (const plan of plans) {
    // 2–8 KB, more small records than large ones, as in real folders.
    const target = Math.round(2048 + 6144 * Math.pow(r.next(), 1.4)) - 300;
    const rendered = renderRecord(plan, r, target);
    let file = rendered.file;
    for (let k = 2; names.has(file); k++) file = rendered.file.replace(/\.md$/, `-${k}.md`);
    names.add(file);
    const data = Buffer.from(rendered.text, 'utf8');
    fs.writeFileSync(path.join(folder, file), data);
    bytes += data.length;
    minBytes = Math.min(minBytes, data.length);
    maxBytes = Math.max(maxBytes, data.length);
    types[plan.type] = (types[plan.type] ?? 0) + 1;
    for (const problem of plan.problems) problems[problem] = (problems[problem] ?? 0) + 1;
  }
  const info: CorpusInfo = { root, folder, size, seed, files: plans.length, bytes, minBytes, maxBytes, withProblems: plans.filter((p) => p.problems.length).length, problems, types, reused: false };
  fs.writeFileSync(manifestPath, `${JSON.stringify({ ...info, root: undefined, folder: undefined }, null, 2)}\n`);
  return info;
}

/**
 * Records rendered in memory, for tests that want the corpus's shapes without writing files (the
 * frontmatter plain path's differential test). Same generator, its own random stream.
 */
export function sampleRecords(count: number, seed = DEFAULT_SEED): Array<{ file: string; text: string }> {
  const r = new Random(seed ^ 0x5eed);
  return planCorpus(count, r).map((plan) => renderRecord(plan, r, Math.round(2048 + 2048 * r.next())));
}

/** One clean ADR of about `bytes` (50 KB for the per-keystroke measure), written next to the corpora. */
export function ensureLargeRecord(seed = DEFAULT_SEED, bytes = 50 * 1024): string {
  const name = `large-record-${bytes}-s${seed}-g${generatorHash()}.md`;
  const file = path.join(BENCH_DIR, name);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  for (const old of fs.readdirSync(BENCH_DIR)) if (old.startsWith(`large-record-${bytes}-s${seed}-`) && old !== name) fs.rmSync(path.join(BENCH_DIR, old), { force: true });
  const r = new Random(seed ^ bytes);
  const rendered = renderRecord({ number: 1, type: 'adr', status: 'accepted', date: '2025-03-03', problems: [] }, r, bytes);
  fs.writeFileSync(file, rendered.text);
  return file;
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const sizes = (arg('--sizes') ?? '1000,10000').split(',').map(Number);
  const seed = Number(arg('--seed') ?? DEFAULT_SEED);
  for (const size of sizes) {
    const started = performance.now();
    const info = ensureCorpus(size, seed);
    console.log(`${info.reused ? 'reused' : 'wrote'} ${info.files} records (${(info.bytes / 1e6).toFixed(1)} MB, ${info.minBytes}–${info.maxBytes} B, ${info.withProblems} with problems) in ${path.relative(process.cwd(), info.root)} (${Math.round(performance.now() - started)} ms)`);
  }
  console.log(`large record: ${path.relative(process.cwd(), ensureLargeRecord(seed))}`);
}
