import type { LiveCode } from '../code/live-code';
import { defaultPeopleSettings } from '../evidence/evidence-settings';
import type { EvidenceReportInput } from '../report/evidence-report';
import type { Scheduler } from '../port/scheduler';
import type { Finding } from '../rules/rule';
import { Emitter, type Listen, type Subscription } from './emitter';
import { LiveEvidence, type HistoryReader } from './live-evidence';
import type { LiveWorkspace } from './live-workspace';

/** The source the evidence rules' findings are published under (LiveWorkspace.setFindingsOf). */
export const EVIDENCE_SOURCE = 'evidence';

export interface LiveHistoryOptions {
  readonly live: LiveWorkspace;
  /** Which code files the records govern: the evidence rules look at their history. */
  readonly code: LiveCode;
  /** The folder's history (node/history-source.ts) and git's own folder of its repository, once read. */
  readonly source: { readonly read: HistoryReader; gitDir(): string | undefined };
  /** Calls `moved` when HEAD or a branch moves in git's folder `dir` (a commit, a checkout, a pull). */
  readonly watchHead?: (dir: string, moved: () => void) => Subscription;
  /** False where git must not run (an untrusted workspace): no history is read. Asked on each read. */
  readonly allowed: () => boolean;
  readonly scheduler?: Scheduler;
  readonly report: (context: string, error: unknown) => void;
  /** The folder as messages name it (the workspace folder's name); default its root. */
  readonly name?: string;
  /** Told why there is no evidence (no git, not a repository) when a read finds none. */
  readonly problem?: (why: string) => void;
}

/**
 * The evidence rules on a live engine, as every live front-end runs them: the history is read
 * after a load (`refresh`), again from old..HEAD when HEAD moves (never on a keystroke), in a child
 * process, and in full when the engine lints for a new day (its window moved); the rules' findings
 * are published with the engine's other findings when the read is done, and again when the
 * records or the code they govern change (not the history: it is not read again for that).
 */
export class LiveHistory {
  readonly evidence: LiveEvidence;
  private publishing: Promise<void> = Promise.resolve();
  private head: { readonly dir: string; readonly watch: Subscription } | undefined;
  private readonly subscriptions: Subscription[];
  private disposed = false;
  private readonly emitter = new Emitter<void>();
  /** The evidence findings were published again. */
  readonly onDidPublish: Listen<void> = this.emitter.event;

  constructor(private readonly options: LiveHistoryOptions) {
    const { live, code } = options;
    this.evidence = new LiveEvidence({ read: options.source.read, settings: () => live.config?.people ?? defaultPeopleSettings(), today: () => live.today(), scheduler: options.scheduler });
    this.subscriptions = [
      this.evidence.onDidChange(() => {
        this.watchHead();
        if (this.evidence.problem) options.problem?.(this.evidence.problem);
        this.publish();
      }),
      // The rules run again over what changed (after the debounce, never per keystroke); the history
      // is not read again, unless the engine now lints for another day (midnight, without a reload
      // by the front-end): that day's window starts a day later, and presence is judged from it.
      live.onDidChangeIndex(() => (this.dayMoved() ? this.refresh() : this.publish(true))),
      code.onDidChange(() => this.publish(true)),
    ];
  }

  /** Reads the history, brought up to HEAD (after each load: the window may have changed with `.legible.json`). */
  refresh(): void {
    if (this.disposed || !this.options.allowed()) return;
    this.evidence.refresh().catch((error) => this.options.report(`Reading the history of ${this.options.name ?? this.options.live.root}`, error));
  }

  /** The evidence rules' findings published last. */
  findings(): Finding[] {
    return this.options.live.findingsOf(EVIDENCE_SOURCE);
  }

  /** Resolves once no history read runs and its findings are published: an answer that must include them waits for this. */
  async whenIdle(): Promise<void> {
    await this.evidence.whenIdle();
    await this.publishing;
  }

  /**
   * What the evidence reports take (`report --person`'s evidence block): undefined while no history
   * was read (no git, not a repository, untrusted).
   */
  async reportInput(): Promise<EvidenceReportInput | undefined> {
    await this.whenIdle();
    const evidence = this.evidence.evidence;
    const index = this.options.live.decisions?.index;
    if (!evidence || !index) return undefined;
    const [governs, files] = [await this.options.code.governsIndex(), await this.options.code.fileList()];
    return { index, governs, evidence, files, notes: [] };
  }

  /** True when the history was read for another day than the engine's clock gives now, and may be read again. */
  private dayMoved(): boolean {
    const read = this.evidence.evidence?.today;
    return read !== undefined && read !== this.options.live.today() && this.options.allowed() && !this.disposed;
  }

  private watchHead(): void {
    const dir = this.options.watchHead && this.options.source.gitDir();
    if (dir === this.head?.dir) return;
    this.head?.watch.dispose();
    this.head = undefined;
    if (!dir || this.disposed) return;
    this.head = { dir, watch: this.options.watchHead!(dir, () => this.options.allowed() && this.evidence.headMoved()) };
  }

  private publish(recordsChanged = false): void {
    const { evidence } = this;
    const { live, code } = this.options;
    if (recordsChanged) evidence.changed();
    this.publishing = this.publishing
      .then(async () => {
        const index = live.decisions?.index;
        const config = live.config;
        const findings = evidence.evidence && index && config ? evidence.findings(index, await code.governsIndex(), config) : [];
        if (this.disposed) return;
        live.setFindingsOf(EVIDENCE_SOURCE, findings);
        this.emitter.fire();
      })
      .catch((error) => this.options.report(`Checking ${this.options.name ?? live.root} against its history`, error));
  }

  dispose(): void {
    this.disposed = true;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.head?.watch.dispose();
    this.head = undefined;
    this.evidence.dispose();
    this.emitter.dispose();
  }
}
