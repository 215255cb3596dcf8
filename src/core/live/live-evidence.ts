import type { GovernsIndex } from '../code/governs-index';
import type { ResolvedConfig } from '../config/config';
import { escapeMarkdown } from '../editor/field-words';
import type { Finding } from '../rules/rule';
import { Evidence } from '../evidence/evidence';
import type { PeopleSettings } from '../evidence/evidence-settings';
import type { History } from '../evidence/history';
import { EvidenceFindings } from '../evidence/evidence-findings';
import type { RecordEvidenceCache } from '../evidence/record-evidence';
import type { DecisionEntry } from '../index/decision-entry';
import type { DecisionIndex } from '../index/decision-index';
import type { Scheduler, Timer } from '../port/scheduler';
import { Emitter, type Listen } from './emitter';

/** A commit writes a ref, its log and HEAD's log one after another: one refresh for them all. */
const HEAD_SETTLE_MS = 150;

/** The history as an adapter read it (node/git-history.ts's ReadHistory fits). */
export interface HistorySnapshot {
  readonly history: History;
  readonly head?: string;
  readonly notes: readonly string[];
  /** The workspace folder inside the repository (`services/api/`), where the reader found out: wins over the option. */
  readonly prefix?: string;
}

/**
 * Reads the history up to HEAD, updating `previous` (consumed) when HEAD moved: the editor's port
 * onto `readHistory`, which streams git in a child process and never blocks the host.
 */
export type HistoryReader = (request: { readonly windowStart: number; readonly maxFilesPerCommit: number; readonly previous?: HistorySnapshot }) => Promise<HistorySnapshot | { readonly problem: string }>;

export interface LiveEvidenceOptions {
  readonly read: HistoryReader;
  readonly settings: () => PeopleSettings;
  /** YYYY-MM-DD, from the clock port. */
  readonly today: () => string;
  /** The workspace folder inside the repository (`services/api/`), '' at its root. */
  readonly prefix?: string;
  /** For `headMoved`'s short wait; without one, each move refreshes at once. */
  readonly scheduler?: Scheduler;
}

/**
 * The editor's evidence from history: read once when first asked, read again (only old..HEAD)
 * when HEAD moves. Refreshes never overlap: one asked for while another runs is done once after
 * it. Never on a keystroke; the front-end calls `refresh` on a HEAD change.
 */
export class LiveEvidence {
  private snapshot: HistorySnapshot | undefined;
  private running: Promise<void> | undefined;
  private pending = false;
  private headTimer: Timer | undefined;
  private current: Evidence | undefined;
  /** The rules' findings and each record's evidence over the current history, kept across changes to the records. */
  private kept: EvidenceFindings | undefined;
  /** The index and governs index `kept` was last brought up to, and whether they changed since (`changed`). */
  private seen: { index: DecisionIndex; governs: GovernsIndex; records: RecordEvidenceCache; stale: boolean } | undefined;
  /** Why there is no evidence (no git, not a repository), after a refresh that found none. */
  problem: string | undefined;
  private readonly emitter = new Emitter<void>();
  readonly onDidChange: Listen<void> = this.emitter.event;

  constructor(private readonly options: LiveEvidenceOptions) {}

  get evidence(): Evidence | undefined {
    return this.current;
  }

  refresh(): Promise<void> {
    if (this.running) {
      this.pending = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.pending) {
        this.pending = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  /** The front-end saw HEAD or a branch move (a commit, a checkout, a pull): refresh once the files settle. */
  headMoved(): void {
    const scheduler = this.options.scheduler;
    if (!scheduler) return void this.refresh();
    this.headTimer?.cancel();
    this.headTimer = scheduler.delay(HEAD_SETTLE_MS, () => {
      this.headTimer = undefined;
      void this.refresh();
    });
  }

  dispose(): void {
    this.headTimer?.cancel();
    this.emitter.dispose();
  }

  /** Resolves once no refresh runs or waits (tests, and a front-end that must answer with the latest). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    const settings = this.options.settings();
    const today = this.options.today();
    const read = await this.options.read({ windowStart: Evidence.windowStart(settings, today), maxFilesPerCommit: settings.evidence.maxFilesPerCommit, previous: this.snapshot }).catch((error: unknown) => ({
      // A reader that failed is a problem to show, never an unhandled rejection in the host.
      problem: error instanceof Error ? error.message : String(error),
    }));
    if ('problem' in read) {
      this.problem = read.problem;
      this.snapshot = undefined;
      this.current = undefined;
    } else {
      this.problem = undefined;
      this.snapshot = read;
      this.current = new Evidence(read.history, settings, today, read.prefix ?? this.options.prefix ?? '');
    }
    this.kept = undefined;
    this.seen = undefined;
    this.emitter.fire();
  }

  private records(index: DecisionIndex, governs: GovernsIndex): RecordEvidenceCache | undefined {
    if (!this.current) return undefined;
    if (this.kept?.evidence !== this.current) {
      this.kept = new EvidenceFindings(this.current);
      this.seen = undefined;
    }
    const seen = this.seen;
    if (!seen || seen.stale || seen.index !== index || seen.governs !== governs) this.seen = { index, governs, records: this.kept.update(index, governs), stale: false };
    return this.seen!.records;
  }

  /**
   * The records or the code they govern changed (the index and the governs index change in
   * place): each record's evidence inputs are looked at again when next asked, and the rules
   * check again only the records whose inputs changed.
   */
  changed(): void {
    if (this.seen) this.seen.stale = true;
  }

  /**
   * The evidence rules' findings over the records (none without evidence, nor with `code.enabled`
   * false: as in `legible lint`, they go with the code rules), worked out again per change for the
   * records it touched.
   */
  findings(index: DecisionIndex, governs: GovernsIndex, config: ResolvedConfig): Finding[] {
    if (!config.code.enabled) return [];
    if (!this.records(index, governs)) return [];
    return this.kept!.findings(config);
  }

  /** The record tree's tooltip line: "Observed truck factor 1 (Amira) over 4 files." */
  truckFactorLine(entry: DecisionEntry, index: DecisionIndex, governs: GovernsIndex): string | undefined {
    const records = this.records(index, governs);
    if (!records || !entry.governs?.length) return undefined;
    const { observed } = records.of(entry);
    if (!observed.truckFactor.files) return `No file it governs has an author in the history read (${observed.withHistory} of ${observed.files} changed in it).`;
    const names = new Map(observed.people.map((p) => [p.person, p.name]));
    const who = observed.truckFactor.people.map((p) => names.get(p) ?? p).join(', ');
    return `Observed truck factor ${observed.truckFactor.value}${who ? ` (${who})` : ''} over ${observed.truckFactor.files} file${observed.truckFactor.files === 1 ? '' : 's'} with an author.`;
  }

  /** A hover on a person named in a record's frontmatter: their evidence for this record. */
  personHover(entry: DecisionEntry, name: string, index: DecisionIndex, governs: GovernsIndex): string | undefined {
    const records = this.records(index, governs);
    if (!records) return undefined;
    const evidence = this.current!;
    const persons = new Set(evidence.people.named(name));
    const record = records.of(entry);
    const mine = record.observed.people.filter((p) => persons.has(p.person));
    const lines = [`**${escapeMarkdown(name)}** in the history of the code this record governs (since ${evidence.since}):`, ''];
    if (!persons.size) lines.push('- git knows no commit under this name, email or `people` entry.');
    else if (!mine.length) lines.push(`- no change to its ${record.observed.withHistory} file${record.observed.withHistory === 1 ? '' : 's'} with history.`);
    for (const p of mine) {
      lines.push(`- author of ${p.authored} of ${record.observed.truckFactor.files} files (${Math.round(p.share * 100)}%); ${p.commits} commit${p.commits === 1 ? '' : 's'}, +${p.added} −${p.removed} in the window; last change ${p.last ?? 'never'}`);
    }
    for (const person of persons) {
      const presence = evidence.presence(person);
      if (presence === 'left') lines.push(`- left on ${evidence.people.leftOn(person)}`);
      if (presence === 'inactive') lines.push(`- no commit in this repository for over ${evidence.settings.evidence.inactiveDays} days`);
    }
    lines.push('', '_History is a proxy for knowledge: pairing and reviews leave no commits._');
    return lines.join('\n');
  }
}

/** A person's hover where there is no evidence to show, and why (the web, Restricted Mode, no git). */
export function noEvidenceHover(name: string, why: string): string {
  return `**${escapeMarkdown(name)}**: no evidence from the repository's history here: ${escapeMarkdown(why)}.`;
}
